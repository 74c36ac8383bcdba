"""What a provider's simulator module implements: the bodies, the error envelope, the limits."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

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
