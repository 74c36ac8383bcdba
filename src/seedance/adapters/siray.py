"""Siray (https://siray.ai): one reference-to-video model, an async task and a status to poll."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

from seedance_siray.api.videos import create_video_generation, get_video_generation
from seedance_siray.models import TaskCreated, VideoGenerationRequest

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import InvalidRequestError, ResponseError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec, curated_spec
from ._base import Adapter, drop_unset, timestamp

__all__ = ["ADAPTER", "SirayAdapter"]

_REQUEST = "VideoGenerationRequest"
# The status operation says "poll every 3-5 seconds" (x-polling-interval-seconds).
_POLLING = curated_spec("siray", "seedance_siray").polling_interval("get_video_generation")
# VideoRequest field -> body field.
_NAMES = {
    "prompt": "prompt",
    "model": "model",
    "duration": "duration",
    "resolution": "size",
    "aspect_ratio": "aspect_ratio",
    "seed": "seed",
    "generate_audio": "audio_enable",
    "reference_images": "images",
    "reference_videos": "videos",
    "reference_audios": "audios",
}


def _required(spec: CuratedSpec) -> tuple[str, ...]:
    """The VideoRequest fields the spec requires besides the prompt and the model."""
    required = spec.schema(_REQUEST)["required"]
    return tuple(key for key, name in _NAMES.items() if name in required and key not in _ALWAYS)


_ALWAYS = ("prompt", "model")


class SirayAdapter(Adapter):
    name = "siray"
    package = "seedance_siray"
    base_url = "https://api.siray.ai"
    api_key_env = ("SIRAY_API_KEY",)
    create_operation = "create_video_generation"
    create_with = (create_video_generation, VideoGenerationRequest)
    get_with = (get_video_generation, "task_id")
    # growth 0.1: past 30 s a wait is a tenth of the job's age, so a finish is seen <= 10% late.
    polling = PollingPolicy(
        initial=float(_POLLING["min"]), maximum=float(_POLLING["max"]), growth=0.1
    )
    # The status page's six words, then those only Siray's own clients know (the spec's TaskState:
    # PENDING and FAILED from the siray SDK, SUCCEEDED, COMPLETED and ERROR from its ComfyUI nodes).
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "NOT_START": JobStatus.QUEUED,
        "SUBMITTED": JobStatus.QUEUED,
        "QUEUED": JobStatus.QUEUED,
        "IN_PROGRESS": JobStatus.RUNNING,
        "SUCCESS": JobStatus.SUCCEEDED,
        "FAILURE": JobStatus.FAILED,
        "PENDING": JobStatus.QUEUED,
        "SUCCEEDED": JobStatus.SUCCEEDED,
        "COMPLETED": JobStatus.SUCCEEDED,
        "FAILED": JobStatus.FAILED,
        "ERROR": JobStatus.FAILED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        low, high = spec.bounds(_REQUEST, "seed")
        models = {
            model: ModelCapabilities(
                model=model,
                durations=spec.enum(_REQUEST, "duration"),
                resolutions=spec.enum(_REQUEST, "size"),
                aspect_ratios=spec.enum(_REQUEST, "aspect_ratio"),
                seed=(low, high),
                max_reference_images=spec.max_items(_REQUEST, "images"),
                max_reference_videos=spec.max_items(_REQUEST, "videos"),
                max_reference_audios=spec.max_items(_REQUEST, "audios"),
                generate_audio=True,
                required=_required(spec),
                notes=(
                    "reference-to-video: 1 to 9 reference images are required, and duration,"
                    " resolution and aspect_ratio too (000_549cd8faf9634de1.txt)"
                ),
            )
            for model in spec.enum(_REQUEST, "model")
        }
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=next(iter(models)),
            operations=frozenset(),
        )

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        provided = {**request.provided(), "model": caps.model}
        body = {_NAMES[key]: _plain(value) for key, value in provided.items() if key in _NAMES}
        # The spec's required fields, named in VideoRequest terms rather than as "(body)".
        for name in self.spec.schema(_REQUEST)["required"]:
            if name not in body and name not in request.extras:
                field = next((key for key, value in _NAMES.items() if value == name), name)
                raise InvalidRequestError(
                    field, None, "required: " + _allowed(field, caps), provider=self.name
                )
        return body

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, TaskCreated):
            return self.job(raw=parsed, id=_created_id(parsed), status=JobStatus.QUEUED)
        data = parsed.data
        outputs = drop_unset(data.outputs) or []
        return self.job(
            raw=parsed,
            id=data.task_id,
            status=self.status(data.status),
            progress=_progress(data.progress),
            video_url=outputs[0] if outputs else None,
            error=self.job_error(data.fail_reason),
            created_at=_time(data.submit_time),
            updated_at=_time(data.finish_time) or _time(data.start_time),
        )


def _created_id(created: TaskCreated) -> str:
    """The task id of a create answer: documented at ``data.task_id``, read at the top level
    (``task_id``, then ``id``) by Siray's SDKs; the spec accepts either place."""
    data = drop_unset(created.data)
    for candidate in (
        None if data is None else data.task_id,
        drop_unset(created.task_id),
        drop_unset(created.id),
    ):
        if isinstance(candidate, str) and candidate:
            return candidate
    raise ResponseError(
        "the create answer carries no task id (neither data.task_id nor task_id nor id)",
        provider="siray",
        status_code=200,
    )


def _progress(value: Any) -> float | None:
    """``"45%"`` as 0.45."""
    value = drop_unset(value)
    if not isinstance(value, str) or not value.endswith("%"):
        return None
    try:
        return float(value[:-1]) / 100
    except ValueError:
        return None


def _allowed(field: str, caps: ModelCapabilities) -> str:
    if field == "reference_images":
        return f"1 to {caps.max_reference_images} image URLs (a reference-to-video model)"
    values = {
        "duration": caps.durations,
        "resolution": caps.resolutions,
        "aspect_ratio": caps.aspect_ratios,
    }.get(field)
    return "one of " + ", ".join(repr(value) for value in values) if values else "a value"


def _time(value: Any) -> datetime | None:
    # A time not reached yet may come as 0, which is not 1970.
    return timestamp(value) if drop_unset(value) else None


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


ADAPTER = SirayAdapter
