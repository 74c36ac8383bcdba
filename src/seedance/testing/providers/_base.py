"""What a provider's simulator module implements: the bodies, the error envelope, the limits."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

if TYPE_CHECKING:
    from .._jobs import SimJob
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

    def webhook(self, job: SimJob) -> tuple[dict[str, str], bytes]:
        """The headers and body of the webhook a finished job sends."""
        raise NotImplementedError

    # --- helpers ---------------------------------------------------------------------------
    def json(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        return JSONResponse(body, status_code=status, headers=headers)

    def not_found(self, what: str) -> Response:
        return self.json(self.error(404, "not_found", f"{what} not found"), 404)

    def job(self, context: Context, job_id: str) -> SimJob | None:
        """The caller's job, or None (another key's job is not found either)."""
        job = self.simulator.jobs.get(job_id)
        return job if job is not None and job.key == context.key else None
