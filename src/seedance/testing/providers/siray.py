"""Siray as 000_549cd8faf9634de1.txt and provider-notes.md document it: a reference-to-video task
created with ``POST /v1/video/generations`` and polled with ``GET /v1/video/generations/{task_id}``,
errors in the ``{error: {message, code, type}}`` envelope of Siray's SDK.

Where the create answer carries the task id, sources split (the curated spec's ``TaskCreated``):
the documents put it at ``data.task_id``, Siray's own SDKs read a top-level ``task_id`` or ``id``.
The answer is ``both`` by default (the documented body plus a top-level ``task_id``, which every
client seen can read), or ``documented`` or ``flat`` (``{task_id, id}``): set
``sim.shape.create_shape``, or ``SEEDANCE_SIMULATOR_SIRAY_CREATE`` before the `Simulator` is built.
"""

from __future__ import annotations

import os
import time
from typing import Any, Literal

from starlette.responses import Response

from .._jobs import SimJob
from .._simulator import Context
from ._base import ProviderShape

__all__ = ["CREATE_SHAPES", "CREATE_SHAPE_ENV", "SHAPE", "CreateShape", "SirayShape"]

CreateShape = Literal["both", "documented", "flat"]
CREATE_SHAPE_ENV = "SEEDANCE_SIMULATOR_SIRAY_CREATE"
CREATE_SHAPES: tuple[CreateShape, ...] = ("both", "documented", "flat")

# TaskState: NOT_START, SUBMITTED and QUEUED wait, IN_PROGRESS runs, SUCCESS and FAILURE are final.
# Siray documents no cancel operation: a cancelled (or expired) job reads as a failure.
_STATUS = {
    "queued": "QUEUED",
    "running": "IN_PROGRESS",
    "succeeded": "SUCCESS",
    "failed": "FAILURE",
    "cancelled": "FAILURE",
    "expired": "FAILURE",
}
# The `type` of the error envelope, by HTTP status (the spec's example: authentication_error).
_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
}
# The simulator core's codes, in Siray's words where its example gives them.
_CODES = {"unauthorized": "invalid_api_key"}


class SirayShape(ProviderShape):
    resolution_field = "size"

    def __init__(self, simulator: Any, create_shape: CreateShape | None = None) -> None:
        super().__init__(simulator)
        # The clock starts at 0; unix times count from when the simulator was made.
        self.epoch = int(time.time())
        chosen = create_shape or os.environ.get(CREATE_SHAPE_ENV, "both") or "both"
        if chosen not in CREATE_SHAPES:
            raise ValueError(f"{CREATE_SHAPE_ENV} must be one of {CREATE_SHAPES}, not {chosen!r}")
        self.create_shape: CreateShape = chosen

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "api_error")
        return {"error": {"message": message, "code": _CODES.get(code, code), "type": kind}}

    def _unix(self, seconds: float) -> int:
        return self.epoch + int(seconds)

    # --- tasks --------------------------------------------------------------------------------
    async def create_video_generation(self, context: Context) -> Response:
        job = self.simulator.create_job(context, prompt=context.body.get("prompt"))
        documented = {"code": "success", "message": "", "data": {"task_id": job.id}}
        if self.create_shape == "documented":
            return self.json(documented)
        if self.create_shape == "flat":
            return self.json({"task_id": job.id, "id": job.id})
        return self.json({**documented, "task_id": job.id})

    def task_data(self, job: SimJob, now: float) -> dict[str, Any]:
        phase = job.phase(now)
        final = phase not in ("queued", "running")
        until = min(now, job.finished_at())  # a cancelled job stopped where it was
        started = until >= job.created + job.queue_seconds
        failed = _STATUS[phase] == "FAILURE"
        # Times not reached yet are 0, as the status page's fields exist before they are set.
        return {
            "task_id": job.id,
            "status": _STATUS[phase],
            "progress": f"{int(job.progress(until) * 100)}%",
            "outputs": [self.simulator.video_url(job)] if phase == "succeeded" else [],
            "fail_reason": (job.failure or "The task was cancelled") if failed else "",
            "submit_time": self._unix(job.created),
            "start_time": self._unix(job.created + job.queue_seconds) if started else 0,
            "finish_time": self._unix(job.finished_at()) if final else 0,
        }

    async def get_video_generation(self, context: Context) -> Response:
        job = self.job(context, context.path["task_id"])
        if job is None:
            return self.not_found("Task")
        return self.json(
            {"code": "success", "message": "", "data": self.task_data(job, context.now)}
        )


SHAPE = SirayShape
