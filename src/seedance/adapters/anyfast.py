"""Anyfast (https://www.anyfast.ai): a reseller of ModelArk's Seedance models, create and status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from seedance_anyfast.api.videos import create_video_generation, get_video_generation
from seedance_anyfast.models import FlatTaskStatus, VideoGenerationRequest, WrappedTaskStatus

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import InvalidRequestError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec
from ._base import Adapter, drop_unset, timestamp

__all__ = ["ADAPTER", "AnyfastAdapter"]

_REQUEST = "VideoGenerationRequest"

# What the spec does not say per model (durations come from its if/then rules). Sources:
# 004_f29313f54e4a30d9.txt (1.5 pro, image to video with generate_audio and draft) and
# provider-notes.md (the model list; seedance-fast is Seedance 2.0 fast).
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
    "seedance-fast": {
        "first_frame": True,
        "generate_audio": True,
        "notes": "Seedance 2.0 fast: first_frame and generate_audio inferred from the 2.0 model;"
        " no duration range documented (the spec's default is 5)",
    },
}
_NEEDS_IMAGE = frozenset({"doubao-seedance-1-0-lite-i2v-250428"})
_COMMON_NOTE = (
    "content items carry no role: one image is the first frame, so last_frame and references"
    " are not offered; watermark's default is documented as both true and false (send it)"
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
    polling = PollingPolicy(initial=15.0, maximum=30.0)
    # Two documented status shapes (wrapped: data.status; flat: status), plus the create
    # responses ("submitted", "processing", and "" for 2.0 models).
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "NOT_START": JobStatus.QUEUED,
        "SUBMITTED": JobStatus.QUEUED,
        "QUEUED": JobStatus.QUEUED,
        "IN_PROGRESS": JobStatus.RUNNING,
        "SUCCESS": JobStatus.SUCCEEDED,
        "FAILURE": JobStatus.FAILED,
        "submitted": JobStatus.QUEUED,
        "processing": JobStatus.RUNNING,
        "succeeded": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
        "": JobStatus.QUEUED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        durations = _durations(spec)
        # The first example is also the model of the create example (004).
        ids = [str(model) for model in spec.property_schema(_REQUEST, "model")["examples"]]
        models = {}
        for model in ids:
            known = dict(_MODELS.get(model, {}))
            models[model] = ModelCapabilities(
                model=model,
                durations=durations.get(model, ()),
                resolutions=spec.enum(_REQUEST, "resolution"),
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
        if "first_frame" in provided:
            content.append({"type": "image_url", "image_url": {"url": provided["first_frame"]}})
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
        # The create response (TaskCreated), in any of its three documented forms.
        progress = drop_unset(parsed.progress)
        return self.job(
            raw=parsed,
            id=parsed.id,
            status=self.status(parsed.status),
            model=drop_unset(parsed.model),
            progress=None if progress is None else progress / 100,
            created_at=timestamp(parsed.created_at),
        )


def _durations(spec: CuratedSpec) -> dict[str, tuple[int, ...]]:
    """The per-model duration ranges of the spec's ``if model == X then duration in [a, b]``."""
    found = {}
    for rule in spec.schema(_REQUEST).get("allOf", []):
        model = rule.get("if", {}).get("properties", {}).get("model", {}).get("const")
        duration = rule.get("then", {}).get("properties", {}).get("duration", {})
        if model and "minimum" in duration and "maximum" in duration:
            found[str(model)] = tuple(range(duration["minimum"], duration["maximum"] + 1))
    return found


def _percent(value: Any) -> float | None:
    """ "45%" as 0.45."""
    if not isinstance(value, str) or not value.endswith("%"):
        return None
    try:
        return float(value[:-1]) / 100
    except ValueError:
        return None


ADAPTER = AnyfastAdapter
