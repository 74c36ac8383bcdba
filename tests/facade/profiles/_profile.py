"""What the shared facade suites need to know about one provider (one module per provider)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from seedance import JobStatus, VideoRequest


@attrs.frozen(kw_only=True)
class StatusCase:
    """A documented status response and the `Job` fields it must map to."""

    body: Mapping[str, Any]
    status: JobStatus
    video_url: str | None = None
    progress: float | None = None
    error_message: str | None = None


@attrs.frozen(kw_only=True)
class ErrorCase:
    """A documented error response and the typed error it must become."""

    status_code: int
    body: Any
    code: str | None
    message: str


@attrs.frozen(kw_only=True)
class Profile:
    provider: str
    base_url: str
    api_key_env: str
    request: VideoRequest
    """A valid request that sets as many fields as the default model accepts."""
    expected_body: Mapping[str, Any]
    """Exactly the JSON body the create call must send for `request`."""
    create: tuple[str, str]
    """(method, path) of the create call."""
    create_response: tuple[int, Mapping[str, Any]]
    created_id: str
    created_status: JobStatus
    get: tuple[str, str]
    """(method, path) of the status call, with ``{id}`` for the job id."""
    statuses: Sequence[StatusCase]
    """Every documented status value and response shape."""
    succeeded: Mapping[str, Any]
    """A status body of a finished job whose video is at https://files.example.com/video.mp4."""
    errors: Sequence[ErrorCase]
    unsupported: Sequence[tuple[VideoRequest, str]]
    """Requests this provider cannot serve, and the field the error must name."""
    cancel: tuple[str, str] | None = None
    """(method, path) of cancel, when the provider has it."""
    cancelled_status: JobStatus = JobStatus.CANCELLED
    """What a cancelled job then reads as: FAILED where the provider names no cancelled status
    (fal: a cancelled request is COMPLETED with an error)."""
