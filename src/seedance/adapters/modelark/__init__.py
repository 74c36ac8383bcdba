"""BytePlus ModelArk: ByteDance's first-party Seedance task API, with list, cancel and callbacks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any, ClassVar

import httpx
from seedance_modelark.api.tasks import create_task, delete_task, get_task, list_tasks
from seedance_modelark.models import CreateTaskRequest, Task, TaskCreated, TaskDeleted

from ..._capabilities import ModelCapabilities, ProviderCapabilities
from ..._errors import InvalidRequestError
from ..._models import Job, JobStatus, VideoRequest
from ..._retry import PollingPolicy
from ..._spec import CuratedSpec, curated_spec
from .._base import Adapter, Call, drop_unset, timestamp

__all__ = ["ADAPTER", "VOLCENGINE_ADAPTER", "ModelArkAdapter", "VolcengineAdapter"]

_PACKAGE = "seedance_modelark"
_REQUEST = "CreateTaskRequest"
# The docs ask for no more than one status poll every 10 s (x-polling-interval-seconds of get_task).
_MIN_POLL = float(curated_spec("modelark", _PACKAGE).polling_interval("get_task").get("min", 10))

# What each model accepts beyond the spec's ranges, per documented model id. The durations and
# resolutions are the spec's per-model if/then rules (overlays/modelark.yaml cites each source),
# read by `_ranges`. Sources of the rest: 004_f29313f54e4a30d9.txt (1.5 pro with generate_audio
# and draft), 002_c35801f01b0052f1.txt and 003_5696a40c0f91bc94.txt (multimodal references on 2.0
# only: 9 images, 3 videos, 3 audios). Anything no source supports stays off; the server has the
# last word on the rest.
_MODELS: Mapping[str, Mapping[str, Any]] = {
    "seedance-1-0-pro-250528": {
        "first_frame": True,
        "last_frame": True,
        "notes": "2-12 s and 480p/720p/1080p from Volcengine's model page (mirrored in"
        " Hajimi-Commune/VolcanoArkDocs); last_frame inferred (002 documents first/last frame"
        " control for its Seedance models, 1.0 pro among them)",
    },
    "seedance-1-0-pro-fast-251015": {
        "first_frame": True,
        "notes": "durations and resolutions not documented for this model: the conservative"
        " documented range of its family, Seedance 1.0 pro (2-12 s, 480p/720p/1080p), is"
        " enforced (inferred); first frame only: no source documents a last frame for the fast"
        " model (inferred)",
    },
    "seedance-1-0-lite-t2v-250428": {
        "notes": "text to video only (by its name); durations 2-12 from Anyfast's page of the"
        " same model (provider-notes.md); resolutions not documented for this model: the"
        " Seedance 1.0 family's 480p/720p/1080p (inferred)",
    },
    "seedance-1-0-lite-i2v-250428": {
        "first_frame": True,
        "last_frame": True,
        "max_reference_images": 4,
        "notes": "image to video: needs a first_frame or reference_images; 1-4 reference images"
        " per BytePlus's model page (not in the shared notes: inferred); durations 2-12 from"
        " Anyfast's page of the same model; resolutions not documented for this model: the"
        " Seedance 1.0 family's 480p/720p/1080p (inferred)",
    },
    "seedance-1-5-pro-251215": {
        "first_frame": True,
        "last_frame": True,
        "generate_audio": True,
        "draft": True,
        "notes": "generate_audio, draft and 480p/720p/1080p from 004 (Anyfast, same model);"
        " durations 4-12 from provider-notes.md (Anyfast)",
    },
    "dreamina-seedance-2-0-260128": {
        "first_frame": True,
        "last_frame": True,
        "max_reference_images": 9,
        "max_reference_videos": 3,
        "max_reference_audios": 3,
        "generate_audio": True,
        "notes": "reference limits, durations 4-15 and 480p/720p/1080p from resellers of"
        " Seedance 2.0 (003, 000, 001, 002); 002 says frame control and references are exclusive"
        " modes (not enforced here)",
    },
    "dreamina-seedance-2-0-fast-260128": {
        "first_frame": True,
        "last_frame": True,
        "max_reference_images": 9,
        "max_reference_videos": 3,
        "max_reference_audios": 3,
        "generate_audio": True,
        "notes": "reference limits, durations 4-15 and 480p/720p/1080p from resellers of"
        " Seedance 2.0 (003, 000, 001, 002; some third-party pages say 2.0 fast has no 1080p:"
        " not enforced); 002 says frame control and references are exclusive modes (not"
        " enforced here)",
    },
}
# Image-to-video only: a request without an image is refused before it is sent.
_NEEDS_IMAGE = frozenset({"seedance-1-0-lite-i2v-250428", "doubao-seedance-1-0-lite-i2v-250428"})
# Volcengine Ark serves the same API with the 1.x ids prefixed `doubao-` (the spec's model field
# and servers); no Volcengine id is documented for the dreamina- 2.0 models.
_VOLCENGINE_PREFIX = "doubao-"


class ModelArkAdapter(Adapter):
    name = "modelark"
    package = _PACKAGE
    base_url = "https://ark.ap-southeast.bytepluses.com/api/v3"
    api_key_env = ("MODELARK_API_KEY", "ARK_API_KEY")
    create_operation = "create_task"
    create_with = (create_task, CreateTaskRequest)
    get_with = (get_task, "id")
    # No faster than the documented 10 s floor; tasks take minutes, so back off to 30 s.
    # Constant at the floor for 100 s, then a tenth of the job's age (its status has no progress).
    polling = PollingPolicy(initial=max(10.0, _MIN_POLL), maximum=30.0, growth=0.1)
    max_queued_jobs = 120  # provider-notes.md: "At most 120 queued tasks per account"
    # Every word of the spec's TaskStatus: the documented six (provider-notes.md, Volcengine's get
    # page) and the two a gateway relaying this API handles (QuantumNous/new-api: pending waits
    # like queued, processing runs like running; third-party). Any other word is an error.
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "queued": JobStatus.QUEUED,
        "pending": JobStatus.QUEUED,
        "running": JobStatus.RUNNING,
        "processing": JobStatus.RUNNING,
        "cancelled": JobStatus.CANCELLED,
        "succeeded": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
        "expired": JobStatus.EXPIRED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        low, high = spec.bounds(_REQUEST, "seed")
        ids = self._model_ids(spec)
        ranges = _ranges(spec)
        common: dict[str, Any] = {
            "aspect_ratios": tuple(spec.schema("VideoRatio")["enum"]),
            "seed": (low, high),
            "watermark": True,
            "webhook_url": True,
        }
        models = {
            model: ModelCapabilities(
                model=model,
                # A model without a documented range keeps the field open (the server checks).
                durations=ranges.get(model, {}).get("durations", ()),
                resolutions=ranges.get(model, {}).get("resolutions", ()),
                **{**common, **self._model_facts(model)},
            )
            for model in ids
        }
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=ids[0],
            operations=frozenset({"cancel", "list"}),
            accepts_unknown_models=True,
        )

    def _model_ids(self, spec: CuratedSpec) -> list[str]:
        """The spec's model ids (the default first), and the ``doubao-`` forms of the 1.x ones."""
        ids = [str(model) for model in spec.property_schema(_REQUEST, "model")["examples"]]
        return ids + [_VOLCENGINE_PREFIX + model for model in ids if model.startswith("seedance-1")]

    def _model_facts(self, model: str) -> Mapping[str, Any]:
        """What the documentation says of *model* beyond the spec's ranges."""
        return _MODELS.get(model.removeprefix(_VOLCENGINE_PREFIX), {})

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        provided = request.provided()
        images = {"first_frame", "reference_images"} & provided.keys()
        has_image = bool(images) or "content" in request.extras
        if caps.model in _NEEDS_IMAGE and not has_image:
            raise InvalidRequestError(
                "first_frame", None, f"an image (first_frame or reference_images): {caps.model}"
                " is image-to-video only", provider=self.name,
            )  # fmt: skip
        content: list[dict[str, Any]] = [{"type": "text", "text": request.prompt}]
        for field, kind, role in (
            ("first_frame", "image_url", "first_frame"),
            ("last_frame", "image_url", "last_frame"),
            ("reference_images", "image_url", "reference_image"),
            ("reference_videos", "video_url", "reference_video"),
            ("reference_audios", "audio_url", "reference_audio"),
        ):
            value = provided.get(field, ())
            for url in (value,) if isinstance(value, str) else value:
                content.append({"type": kind, kind: {"url": url}, "role": role})
        names = {
            "resolution": "resolution",
            "aspect_ratio": "ratio",
            "duration": "duration",
            "seed": "seed",
            "generate_audio": "generate_audio",
            "watermark": "watermark",
            "draft": "draft",
            "webhook_url": "callback_url",
        }
        options = {names[key]: value for key, value in provided.items() if key in names}
        return {"model": caps.model, "content": content, **options}

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, TaskCreated):
            return self.job(raw=parsed, id=parsed.id, status=JobStatus.QUEUED)
        content = drop_unset(parsed.content)
        error = drop_unset(parsed.error)
        return self.job(
            raw=parsed,
            id=parsed.id,
            status=self.status(parsed.status),
            model=drop_unset(parsed.model),
            video_url=None if content is None else drop_unset(content.video_url),
            error=self.job_error(getattr(error, "message", error), getattr(error, "code", None)),
            created_at=timestamp(parsed.created_at),
            updated_at=timestamp(parsed.updated_at),
        )

    # --- extras -------------------------------------------------------------------------------
    def cancel(self, job_id: str) -> Call:
        # Cancels a queued task; deletes a succeeded, failed or expired one's record. The answer is
        # `{}` (TaskDeleted); an empty body, which some servers may send, is taken as the same.
        return Call(_DELETE_TASK, {"id": job_id})

    def list_jobs(
        self,
        page_num: int | None = None,
        page_size: int | None = None,
        status: str | None = None,
        task_ids: str | Iterable[str] | None = None,
        model: str | None = None,
        service_tier: str | None = None,
    ) -> Call:
        """One page of tasks; *status* is a ModelArk status word (a `JobStatus` works too)."""
        if status is not None and str(status) not in self.statuses:
            raise InvalidRequestError(
                "status", status, "one of " + ", ".join(self.statuses), provider=self.name
            )
        ids = [task_ids] if isinstance(task_ids, str) else task_ids
        filters = {
            "page_num": page_num,
            "page_size": page_size,
            "filter_status": None if status is None else str(status),
            "filter_task_ids": None if ids is None else list(ids),
            "filter_model": model,
            "filter_service_tier": service_tier,
        }
        return Call(list_tasks, {key: value for key, value in filters.items() if value is not None})

    def jobs(self, parsed: Any) -> list[Job]:
        return [self.to_job(task) for task in parsed.items]

    # --- webhooks -----------------------------------------------------------------------------
    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """A ModelArk callback: the Task object, POSTed to ``callback_url`` on status changes.

        ModelArk documents no signature and no timestamp for callbacks (provider-notes.md: "no
        callback verification"), so nothing can be verified: ``secret`` and ``tolerance`` are
        unused and the job is never ``signature_verified``. A wait treats it as a hint and confirms
        it with ``get`` (anyone who knows the URL can post to it). The body must still be a task
        as the curated spec describes it. Ark sends a succeeded or failed callback three times when
        it is not answered with a 2xx within 5 seconds (the spec's ``task_status_changed``
        webhook), so the same status may arrive more than once.
        """
        return self.to_job(Task.from_dict(self.webhook_event(body, "Task")))


def _deleting(operation: ModuleType, deleted: type[Any]) -> ModuleType:
    """A generated client's *operation* ``delete_task`` whose parser takes an empty 200 as the
    documented empty object (*deleted*, its ``TaskDeleted``)."""

    def parse(*, client: Any, response: httpx.Response) -> Any:
        if response.status_code == 200 and not response.content.strip():
            return deleted()
        return operation._parse_response(client=client, response=response)

    module = ModuleType(operation.__name__, operation.__doc__)
    module.__dict__.update(_get_kwargs=operation._get_kwargs, _parse_response=parse)
    return module


_DELETE_TASK = _deleting(delete_task, TaskDeleted)


def _ranges(spec: CuratedSpec) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Per model id, the durations and resolutions of the spec's rules ``if model in [...] then
    duration in [a, b] and resolution in [...]``."""
    found: dict[str, dict[str, tuple[Any, ...]]] = {}
    for rule in spec.schema(_REQUEST).get("allOf", []):
        condition = rule.get("if", {}).get("properties", {})
        if condition.keys() - {"model"}:
            # A rule on the model and more (Volcengine's: lite i2v from reference images) narrows
            # one mode only; the spec's validation enforces it, the model's ranges stay.
            continue
        model = condition.get("model", {})
        then = rule.get("then", {}).get("properties", {})
        ids = model.get("enum", [model["const"]] if "const" in model else [])
        duration, resolution = then.get("duration", {}), then.get("resolution", {})
        for model_id in ids:
            known = found.setdefault(str(model_id), {})
            if "minimum" in duration and "maximum" in duration:
                known["durations"] = tuple(range(duration["minimum"], duration["maximum"] + 1))
            if "enum" in resolution:
                # null is "the model's default" (the official SDK sends it for an unset option).
                known["resolutions"] = tuple(v for v in resolution["enum"] if v is not None)
    return found


ADAPTER = ModelArkAdapter

# Volcengine Ark serves this API (`VolcengineAdapter`); registered as this module's
# VOLCENGINE_ADAPTER (`seedance._providers`). Last: it builds on `ModelArkAdapter` above.
from .volcengine import VOLCENGINE_ADAPTER, VolcengineAdapter  # noqa: E402
