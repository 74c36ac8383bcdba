"""The provider-neutral request and result types."""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._errors import InvalidRequestError

__all__ = ["Job", "JobError", "JobStatus", "VideoRequest"]


class JobStatus(enum.StrEnum):
    """Where a job is in its life cycle, whatever the provider calls it."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"

    @property
    def is_terminal(self) -> bool:
        """True once the job can no longer change."""
        return self not in (JobStatus.QUEUED, JobStatus.RUNNING)


@attrs.frozen
class JobError:
    """Why a job failed, as the provider said it."""

    message: str
    code: str | None = None


def _optional_text(instance: Any, attribute: Any, value: Any) -> None:
    # The generated models do not type-check everything (list items, for one): a job whose id,
    # model or URL is not text comes from a body that is not what the spec describes.
    if value is not None and not isinstance(value, str):
        raise TypeError(f"Job.{attribute.name} must be text, not {type(value).__name__}")


def _job_id(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise TypeError(f"Job.id must be non-empty text, not {value!r}")


def _fraction(value: Any) -> float | None:
    """Progress as a fraction in [0, 1]; None when it is not a finite number."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        fraction = float(value)
    except OverflowError:
        return None
    if not math.isfinite(fraction):
        return None
    return min(1.0, max(0.0, fraction))


@attrs.frozen(kw_only=True)
class Job:
    """One video generation job, normalized across providers.

    ``raw`` keeps the provider's own response object for anything the normalized fields leave out.
    ``signature_verified`` is True only for a job read from a webhook delivery whose signature
    `parse_webhook` checked (Genray's HMAC); a job from ``get``, from an unsigned callback
    (ModelArk) or made by hand is False, and a wait treats it as a hint to confirm.

    >>> job = Job(id="a1", provider="genray", status=JobStatus.QUEUED)
    >>> job.status.is_terminal, job.signature_verified
    (False, False)
    """

    id: str = attrs.field(validator=_job_id)
    provider: str
    status: JobStatus = attrs.field(validator=attrs.validators.instance_of(JobStatus))
    model: str | None = attrs.field(default=None, validator=_optional_text)
    progress: float | None = attrs.field(default=None, converter=_fraction)
    """Completion between 0.0 and 1.0, when the provider reports it."""
    video_url: str | None = attrs.field(default=None, validator=_optional_text)
    error: JobError | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    signature_verified: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool), repr=False, eq=False
    )
    """True when the job comes from a webhook delivery whose signature was verified."""


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


_OPTIONAL_TYPES: dict[str, tuple[type, ...]] = {
    "model": (str,),
    "duration": (int,),
    "resolution": (str,),
    "aspect_ratio": (str,),
    "seed": (int,),
    "generate_audio": (bool,),
    "first_frame": (str,),
    "last_frame": (str,),
    "negative_prompt": (str,),
    "watermark": (bool,),
    "draft": (bool,),
    "webhook_url": (str,),
}


@attrs.frozen(kw_only=True)
class VideoRequest:
    """One video to generate, in terms every provider understands.

    Leave a field as ``None`` to let the provider choose. Fields a provider or model cannot honour
    are rejected before anything is sent; ``extras`` carries provider-specific body fields as they
    are (they are merged into the body last and still validated against the provider's spec).

    >>> VideoRequest(prompt="a cat cooking pasta", duration=5, aspect_ratio="16:9")
    VideoRequest(prompt='a cat cooking pasta', model=None, duration=5, ...)
    """

    prompt: str
    model: str | None = None
    duration: int | None = None
    resolution: str | None = None
    aspect_ratio: str | None = None
    seed: int | None = None
    generate_audio: bool | None = None
    first_frame: str | None = None
    """URL (or data URL, where the provider takes one) of the image the video starts from."""
    last_frame: str | None = None
    reference_images: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reference_videos: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reference_audios: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    negative_prompt: str | None = None
    watermark: bool | None = None
    draft: bool | None = None
    webhook_url: str | None = None
    extras: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.prompt, str) or not self.prompt.strip():
            raise InvalidRequestError("prompt", self.prompt, "a non-empty string")
        for name, kinds in _OPTIONAL_TYPES.items():
            value = getattr(self, name)
            wrong_bool = isinstance(value, bool) and bool not in kinds
            if value is not None and (not isinstance(value, kinds) or wrong_bool):
                expected = " or ".join(kind.__name__ for kind in kinds)
                raise InvalidRequestError(name, value, f"{expected} or None")
        for name in ("reference_images", "reference_videos", "reference_audios"):
            for item in getattr(self, name):
                if not isinstance(item, str) or not item:
                    raise InvalidRequestError(name, item, "URLs as non-empty strings")
        if self.last_frame is not None and self.first_frame is None:
            raise InvalidRequestError("last_frame", self.last_frame, "only with a first_frame")

    def provided(self) -> dict[str, Any]:
        """The fields the caller set (not ``None`` and not empty), by name."""
        return {
            field.name: value
            for field in attrs.fields(VideoRequest)
            if field.name != "extras"
            and (value := getattr(self, field.name)) is not None
            and value != ()
        }
