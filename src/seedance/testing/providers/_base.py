"""What a provider's simulator module implements: the bodies, the error envelope, the limits."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from .._videos import VideoFormat, dimensions

if TYPE_CHECKING:
    from .._jobs import Phase, SimJob
    from .._simulator import Context, Simulator

__all__ = ["ProviderShape"]


class ProviderShape:
    """Base of the provider modules. A subclass has one ``async`` method per operationId of the
    curated spec, taking a `Context` and returning a response shaped as the spec says."""

    def __init__(self, simulator: Simulator) -> None:
        self.simulator = simulator

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        """The provider's error envelope (default: the OpenAI/ModelArk style)."""
        return {"error": {"code": code, "message": message, "type": code}}

    def rate_limit(self, key: str, operation: str, now: float) -> Response | None:
        """A 429 when *key* is over the provider's documented limits, else None."""
        return None

    auth_scheme = "Bearer"
    """The scheme of the ``Authorization`` header the provider reads its key from."""

    # --- videos ----------------------------------------------------------------------------
    duration_field = "duration"
    """The create body's field for the video's length in seconds (Siraya's is ``seconds``)."""
    resolution_field = "resolution"
    """The create body's field for ``480p``/``720p``/``1080p`` (Siray's is ``size``)."""
    ratio_field = "aspect_ratio"
    """The create body's field for the aspect ratio (ModelArk's and Anyfast's is ``ratio``)."""
    default_format = ("5", "720p", "16:9")
    """Duration, resolution and ratio of a job that does not say."""

    def video_format(self, job: SimJob) -> VideoFormat:
        """The duration and size of *job*'s video: what its create body asked for, the
        provider's defaults for the rest (a duration that is not a positive number, such as
        Anyfast's -1 for "automatic", takes the default)."""
        duration, resolution, ratio = self.default_format
        body = job.body
        try:
            seconds = float(body.get(self.duration_field) or duration)
        except (TypeError, ValueError):
            seconds = float(duration)
        if not 0 < seconds <= 3600:
            seconds = float(duration)
        width, height = dimensions(
            str(body.get(self.resolution_field) or resolution),
            str(body.get(self.ratio_field) or ratio),
        )
        return VideoFormat(seconds, width, height)

    # --- callbacks -------------------------------------------------------------------------
    callback_statuses: tuple[Phase, ...] = ("succeeded", "failed")
    """The phases whose start makes a job with a webhook URL call it (default: when it ends)."""
    callback_timeout: float = 5.0
    """Seconds a receiver has to answer 2xx before the attempt counts as failed."""

    def callback_retries(self, phase: Phase) -> tuple[float, ...]:
        """Seconds before each re-send of an unacknowledged *phase* callback (none: sent once)."""
        return ()

    def webhook(self, job: SimJob, at: float) -> tuple[dict[str, str], bytes]:
        """The headers and body of the callback *job* sends on entering its phase at time *at*."""
        raise NotImplementedError

    def job_phase(self, job: SimJob, now: float) -> Phase:
        """The phase the provider reports for *job* at simulator time *now*."""
        return job.phase(now)

    def changed_at(self, job: SimJob, phase: Phase) -> float:
        """Simulator time at which *job* entered *phase*."""
        if phase == "queued":
            return job.created
        if phase == "running":
            return job.created + job.queue_seconds
        return job.finished_at()

    def transitions(self, job: SimJob, now: float) -> list[tuple[Phase, float]]:
        """The phases *job* has entered by *now*, in order, each with the time it entered it
        (a job that was cancelled or expired while queued never ran)."""
        current = self.job_phase(job, now)
        entered: list[tuple[Phase, float]] = [("queued", job.created)]
        if current == "queued":
            return entered
        started = self.changed_at(job, "running")
        if current == "running":
            return [*entered, ("running", started)]
        ended = self.changed_at(job, current)
        if started < ended:
            entered.append(("running", started))
        return [*entered, (current, ended)]

    # --- helpers ---------------------------------------------------------------------------
    def json(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        return JSONResponse(body, status_code=status, headers=headers)

    def not_found(self, what: str) -> Response:
        return self.json(self.error(404, "not_found", f"{what} not found"), 404)

    def job(self, context: Context, job_id: str) -> SimJob | None:
        """The caller's job, or None (another key's job is not found either)."""
        job = self.simulator.jobs.get(job_id)
        return job if job is not None and job.key == context.key else None
