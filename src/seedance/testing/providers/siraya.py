"""Siraya as 002_c35801f01b0052f1.txt, provider-notes.md and public client code show it: ``POST
/videos/generations`` answers with an OpenAI-style job (``{id: "video_...", object: "video",
status, ...}``) polled with ``GET /videos/{video_id}`` until it is ``completed`` with an
``output_url`` (kent0908/the-blue-wing polls it so); errors are ``{error: {message, type, param,
code}}`` with the HTTP status as a numeric ``code``.

The create call's other documented answer, the synchronous video list, is never given: a job can
be polled, follows the simulator's clock and can fail, which the list cannot."""

from __future__ import annotations

import time
import uuid
from typing import Any

from starlette.responses import Response

from .._jobs import SimJob
from .._simulator import Context
from ._base import ProviderShape

__all__ = ["SHAPE"]

# `processing` is documented, `completed` and `failed` are what client code reads (the spec's
# VideoJob.status), `queued` the gateway vocabulary. No cancel operation: a cancelled job failed.
_STATUS = {
    "queued": "queued",
    "running": "processing",
    "succeeded": "completed",
    "failed": "failed",
    "cancelled": "failed",
    "expired": "failed",
}
# The `type` of the error envelope, by HTTP status (the documented example: 401,
# invalid_request_error).
_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    402: "insufficient_balance",
    403: "content_policy_violation",
    404: "invalid_request_error",
    408: "timeout_error",
    429: "rate_limit_error",
}


class SirayaShape(ProviderShape):
    duration_field = "seconds"

    def __init__(self, simulator: Any) -> None:
        super().__init__(simulator)
        # The clock starts at 0; unix times count from when the simulator was made.
        self.epoch = int(time.time())

    def new_id(self) -> str:
        return f"video_{uuid.uuid4().hex}"

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "api_error")
        return {"error": {"message": message, "type": kind, "param": None, "code": status}}

    # --- jobs ---------------------------------------------------------------------------------
    def job_body(self, job: SimJob, now: float) -> dict[str, Any]:
        phase = job.phase(now)
        body: dict[str, Any] = {
            "id": job.id,
            "object": "video",
            "status": _STATUS[phase],
            "created_at": self.epoch + int(job.created),
            "seconds": job.body.get("seconds", 5),
            "model": job.body.get("model", "ByteDance-Seedance-1.5-pro"),
            # The spec's job fields: progress 0-100, output_url, error.
            "progress": int(job.progress(min(now, job.finished_at())) * 100),
        }
        if phase == "succeeded":
            body["output_url"] = self.simulator.video_url(job)
        elif body["status"] == "failed":
            body["error"] = {
                "code": "cancelled" if phase == "cancelled" else "video_generation_failed",
                "message": job.failure or "The job was cancelled",
            }
        return body

    async def create_video_generation(self, context: Context) -> Response:
        job = self.simulator.create_job(context, prompt=context.body.get("prompt"))
        return self.json(self.job_body(job, context.now))

    async def get_video_generation(self, context: Context) -> Response:
        job = self.job(context, context.path["video_id"])
        if job is None:
            return self.not_found("Video")
        return self.json(self.job_body(job, context.now))


SHAPE = SirayaShape
