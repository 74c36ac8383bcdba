"""Anyfast (https://www.anyfast.ai): a reseller of ModelArk's Seedance models, create and status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from seedance_anyfast.api.videos import create_video_generation, get_video_generation
from seedance_anyfast.models import FlatTaskStatus, VideoGenerationRequest, WrappedTaskStatus

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import InvalidRequestError, ResponseError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec
from ._base import Adapter, drop_unset, timestamp

__all__ = ["ADAPTER", "AnyfastAdapter"]

_REQUEST = "VideoGenerationRequest"

# What the spec does not say per model (durations and resolutions come from its if/then rules).
# Sources: 004_f29313f54e4a30d9.txt (1.5 pro, image to video with generate_audio and draft),
# provider-notes.md (the model list; seedance-fast is Seedance 2.0 fast) and, for the Seedance 2.x
# models, client code (the spec's model examples): content items with roles (first_frame,
# last_frame, reference_image/_video/_audio), 9 images, 3 videos and 3 audios on the 2.0 family,
# 30, 10 and 10 on 2.5 (baudevs/OpenMontage tools/video/anyfast_video.py MODELS).
_REFERENCES_20 = {
    "last_frame": True,
    "max_reference_images": 9,
    "max_reference_videos": 3,
    "max_reference_audios": 3,
}
_REFERENCES_25 = {
    "last_frame": True,
    "max_reference_images": 30,
    "max_reference_videos": 10,
    "max_reference_audios": 10,
}
_SEEDANCE_2 = {"first_frame": True, "generate_audio": True, **_REFERENCES_20}
_NOTE_2 = (
    "Seedance 2.x family: its ranges, and frames and references as content items with roles,"
    " come from client code (the spec's rules), not from an Anyfast page"
)
_MODELS: Mapping[str, Mapping[str, Any]] = {
    "doubao-seedance-1-5-pro-251215": {
        "first_frame": True,
        "generate_audio": True,
        "draft": True,
        "notes": "004's example: one image, generate_audio and draft on this model",
    },
    "doubao-seedance-1-0-lite-t2v-250428": {
        "notes": "text to video only (by its name); no audio track on 1.0 models (inferred)",
    },
    "doubao-seedance-1-0-lite-i2v-250428": {
        "first_frame": True,
        "notes": "image to video: needs a first_frame; no audio track on 1.0 models (inferred)",
    },
    "doubao-seedance-1-0-pro-250528": {"first_frame": True, "notes": "client code (README)"},
    "doubao-seedance-1-0-pro-fast-251015": {"first_frame": True, "notes": "client code (README)"},
    "seedance": {**_SEEDANCE_2, "notes": _NOTE_2 + "; the id AnyFast's SDK uses"},
    "seedance-2.0": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-2.0-nsfw": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-fast": {**_SEEDANCE_2, "notes": _NOTE_2 + " (Seedance 2.0 fast)"},
    "seedance-2.0-fast-nsfw": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-2.0-mini": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-2.0-mini-nsfw": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-2.0-ultra": {**_SEEDANCE_2, "notes": _NOTE_2},
    "seedance-2.5": {
        **_SEEDANCE_2,
        **_REFERENCES_25,
        "notes": _NOTE_2 + "; duration=-1 (automatic length) via extras",
    },
    "seedance-2.5-nsfw": {**_SEEDANCE_2, **_REFERENCES_25, "notes": _NOTE_2},
}
_NEEDS_IMAGE = frozenset({"doubao-seedance-1-0-lite-i2v-250428"})
_COMMON_NOTE = (
    "a lone first frame is sent without a role, as in 004; watermark's default is documented as"
    " both true and false (send it)"
)


class AnyfastAdapter(Adapter):
    name = "anyfast"
    package = "seedance_anyfast"
    base_url = "https://www.anyfast.ai"
    api_key_env = ("ANYFAST_API_KEY",)
    create_operation = "create_video_generation"
    create_with = (create_video_generation, VideoGenerationRequest)
    get_with = (get_video_generation, "task_id")
    # Anyfast states no interval; ModelArk, whose tasks it resells, asks for at least 10 s.
    # Its status reports progress: polls are aimed at the end it predicts.
    polling = PollingPolicy(initial=15.0, maximum=30.0, growth=0.1)
    # Two documented status shapes (wrapped: data.status; flat: status), plus the create
    # responses ("submitted", "processing", "queued", and "" for 2.0 models), plus the words of
    # AnyFast's SDK and client code (the spec's WrappedTaskState and FlatTaskState).
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "NOT_START": JobStatus.QUEUED,
        "SUBMITTED": JobStatus.QUEUED,
        "QUEUED": JobStatus.QUEUED,
        "PENDING": JobStatus.QUEUED,
        "IN_PROGRESS": JobStatus.RUNNING,
        "PROCESSING": JobStatus.RUNNING,
        "RUNNING": JobStatus.RUNNING,
        "SUCCESS": JobStatus.SUCCEEDED,
        "SUCCEEDED": JobStatus.SUCCEEDED,
        "COMPLETED": JobStatus.SUCCEEDED,
        "FAILURE": JobStatus.FAILED,
        "FAILED": JobStatus.FAILED,
        "ERROR": JobStatus.FAILED,
        "CANCELLED": JobStatus.CANCELLED,
        "CANCELED": JobStatus.CANCELLED,
        "submitted": JobStatus.QUEUED,
        "queued": JobStatus.QUEUED,
        "processing": JobStatus.RUNNING,
        "in_progress": JobStatus.RUNNING,
        "succeeded": JobStatus.SUCCEEDED,
        "completed": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
        "": JobStatus.QUEUED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        rules = _model_rules(spec)
        # The first example is also the model of the create example (004).
        ids = [str(model) for model in spec.property_schema(_REQUEST, "model")["examples"]]
        models = {}
        for model in ids:
            known = dict(_MODELS.get(model, {}))
            rule = rules.get(model, {})
            resolutions = rule.get("resolution", {}).get("enum")
            models[model] = ModelCapabilities(
                model=model,
                durations=_durations(rule.get("duration", {})),
                resolutions=tuple(resolutions) if resolutions else _plain_resolutions(spec),
                aspect_ratios=spec.enum(_REQUEST, "ratio"),
                watermark=True,
                notes="; ".join(filter(None, [known.pop("notes", ""), _COMMON_NOTE])),
                **known,
            )
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=ids[0],
            operations=frozenset(),
            accepts_unknown_models=True,
        )

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        provided = request.provided()
        has_image = "first_frame" in provided or "content" in request.extras
        if caps.model in _NEEDS_IMAGE and not has_image:
            raise InvalidRequestError(
                "first_frame", None, f"an image: {caps.model} is image-to-video only",
                provider=self.name,
            )  # fmt: skip
        content: list[dict[str, Any]] = [{"type": "text", "text": request.prompt}]
        # A lone first frame goes without a role, as in 004's example; with a last frame both
        # carry their roles, and references theirs (the spec's content items, from client code).
        frames = [kind for kind in ("first_frame", "last_frame") if kind in provided]
        for kind in frames:
            item: dict[str, Any] = {"type": "image_url", "image_url": {"url": provided[kind]}}
            if frames != ["first_frame"]:
                item["role"] = kind
            content.append(item)
        for media in ("image", "video", "audio"):
            for url in provided.get(f"reference_{media}s", ()):
                field = f"{media}_url"
                content.append({"type": field, field: {"url": url}, "role": f"reference_{media}"})
        names = {
            "generate_audio": "generate_audio",
            "aspect_ratio": "ratio",
            "duration": "duration",
            "watermark": "watermark",
            "resolution": "resolution",
            "draft": "draft",
        }
        options = {names[key]: value for key, value in provided.items() if key in names}
        return {"model": caps.model, "content": content, **options}

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, WrappedTaskStatus):
            data = parsed.data
            upstream = drop_unset(data.data)
            upstream = upstream if isinstance(upstream, dict) else {}
            upstream_error = upstream.get("error")
            reason = drop_unset(data.fail_reason) or (
                upstream_error.get("message") if isinstance(upstream_error, dict) else None
            )
            return self.job(
                raw=parsed,
                id=data.task_id,
                status=self.status(data.status),
                model=upstream.get("model"),
                progress=_percent(drop_unset(data.progress)),
                video_url=drop_unset(data.result_url) or None,
                error=self.job_error(reason),
                created_at=timestamp(data.submit_time),
                updated_at=timestamp(data.finish_time) or timestamp(data.start_time),
            )
        if isinstance(parsed, FlatTaskStatus):
            content = drop_unset(parsed.content)
            error = drop_unset(parsed.error)
            return self.job(
                raw=parsed,
                id=parsed.id,
                status=self.status(parsed.status),
                model=drop_unset(parsed.model),
                video_url=None if content is None else drop_unset(content.video_url) or None,
                error=self.job_error(
                    getattr(error, "message", error), drop_unset(getattr(error, "code", None))
                ),
                created_at=timestamp(parsed.created_at),
            )
        # The create response (TaskCreated), in any of its documented forms: the id is `id` or
        # `task_id` (the SDK reads either), and an answer without a status has just been queued.
        progress = drop_unset(parsed.progress)
        task_id = drop_unset(parsed.id) or drop_unset(parsed.task_id)
        if not task_id:
            raise ResponseError(
                "the create answer carries no task id (neither id nor task_id)",
                provider=self.name,
                status_code=200,
            )
        status = drop_unset(parsed.status)
        return self.job(
            raw=parsed,
            id=task_id,
            status=JobStatus.QUEUED if status is None else self.status(status),
            model=drop_unset(parsed.model),
            progress=None if progress is None else progress / 100,
            created_at=timestamp(parsed.created_at),
        )


def _model_rules(spec: CuratedSpec) -> dict[str, dict[str, Any]]:
    """model -> the ``then.properties`` of the spec's per-model rules (``if model == X`` or
    ``if model in [...]``) that name it."""
    found: dict[str, dict[str, Any]] = {}
    for rule in spec.schema(_REQUEST).get("allOf", []):
        condition = rule.get("if", {}).get("properties", {}).get("model", {})
        models = condition.get("enum") or ([condition["const"]] if "const" in condition else [])
        for model in models:
            found.setdefault(str(model), {}).update(rule.get("then", {}).get("properties", {}))
    return found


def _durations(rule: Mapping[str, Any]) -> tuple[int, ...]:
    """The whole seconds a duration rule allows (``-1``, an automatic length, is left to extras)."""
    if "minimum" not in rule or "maximum" not in rule:
        return ()
    excluded = set(rule.get("not", {}).get("enum", ()))
    return tuple(
        seconds
        for seconds in range(rule["minimum"], rule["maximum"] + 1)
        if seconds > 0 and seconds not in excluded
    )


def _plain_resolutions(spec: CuratedSpec) -> tuple[Any, ...]:
    """The resolutions a model without its own rule takes: the spec's enum less 4k and 2k, which
    the spec reserves for seedance-2.0 and seedance-2.0-ultra."""
    return tuple(value for value in spec.enum(_REQUEST, "resolution") if value not in ("4k", "2k"))


def _percent(value: Any) -> float | None:
    """ "45%" as 0.45."""
    if not isinstance(value, str) or not value.endswith("%"):
        return None
    try:
        return float(value[:-1]) / 100
    except ValueError:
        return None


ADAPTER = AnyfastAdapter
