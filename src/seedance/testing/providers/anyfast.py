"""Anyfast as specs/anyfast/openapi.yaml and provider-notes.md (Anyfast) document it: a reseller
of ModelArk's Seedance tasks with a create call (004's ``{id, status: "submitted", created_at}``;
for the Seedance 2.x models, whose ids start with ``seedance``, the 2.0 answer ``{id, task_id,
object: "video", model, status: "", progress: 0, created_at}``) and a status call that answers in
one of two documented shapes.

The status shape is ``wrapped`` (``{code, message, data: {task_id, status, progress, ...}}``, the
default) or ``flat`` (ModelArk-like ``{id, model, status, content, usage, error, created_at}``):
set ``sim.shape.status_shape = "flat"`` on a running simulator, or the environment variable
``SEEDANCE_SIMULATOR_ANYFAST_STATUS=flat`` before the `Simulator` is built.
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import UTC, datetime
from typing import Any, Literal

from starlette.responses import Response

from .._jobs import Phase, SimJob
from .._simulator import Context
from ._base import ProviderShape
from .modelark import error_envelope, new_task_id, prompt_of, task_body, task_phase, unix

__all__ = ["SHAPE", "STATUS_SHAPE_ENV"]

StatusShape = Literal["wrapped", "flat"]
STATUS_SHAPE_ENV = "SEEDANCE_SIMULATOR_ANYFAST_STATUS"
STATUS_SHAPES: tuple[StatusShape, ...] = ("wrapped", "flat")

# Anyfast documents no cancel call and no expiry option: those phases only happen if a client
# sends ModelArk's execution_expires_after through, and are failures (neither vocabulary has a
# word for them).
_WRAPPED: dict[Phase, str] = {
    "queued": "QUEUED",
    "running": "IN_PROGRESS",
    "succeeded": "SUCCESS",
    "failed": "FAILURE",
    "cancelled": "FAILURE",
    "expired": "FAILURE",
}
_FLAT: dict[Phase, str] = {
    "queued": "submitted",
    "running": "processing",
    "succeeded": "succeeded",
    "failed": "failed",
    "cancelled": "failed",
    "expired": "failed",
}
_FINAL_REASONS = {"cancelled": "The task was cancelled", "expired": "The task expired"}


class AnyfastShape(ProviderShape):
    ratio_field = "ratio"  # duration -1 ("automatic") gets the default 5 s

    def __init__(self, simulator: Any, status_shape: StatusShape | None = None) -> None:
        super().__init__(simulator)
        # Unix time of the simulator clock's zero: timestamps look current, and move with it.
        self.epoch = int(time.time())
        chosen = status_shape or os.environ.get(STATUS_SHAPE_ENV, "wrapped") or "wrapped"
        if chosen not in STATUS_SHAPES:
            raise ValueError(f"{STATUS_SHAPE_ENV} must be one of {STATUS_SHAPES}, not {chosen!r}")
        self.status_shape: StatusShape = chosen

    def new_id(self) -> str:
        return f"task_{secrets.token_hex(12)}"

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        # The ModelArk envelope, which Anyfast passes through (the spec's ErrorResponse).
        return error_envelope(status, code, message)

    # --- operations -------------------------------------------------------------------------
    async def create_video_generation(self, context: Context) -> Response:
        job = self.simulator.create_job(context, prompt=prompt_of(context.body))
        # The ModelArk task Anyfast runs upstream (the wrapped shape's data.data).
        job.extra["upstream_id"] = new_task_id(self.epoch, context.now, self.simulator.jobs)
        model = str(context.body.get("model", ""))
        if model.startswith("seedance"):
            # provider-notes.md, Anyfast: the 2.0 models' create answer (the spec's TaskCreated).
            return self.json(
                {
                    "id": job.id,
                    "task_id": job.id,
                    "object": "video",
                    "model": model,
                    "status": "",
                    "progress": 0,
                    "created_at": unix(self.epoch, job.created),
                }
            )
        created = datetime.fromtimestamp(unix(self.epoch, job.created), UTC)
        return self.json(
            {"id": job.id, "status": "submitted", "created_at": f"{created:%Y-%m-%dT%H:%M:%SZ}"}
        )

    async def get_video_generation(self, context: Context) -> Response:
        job = self.job(context, context.path["task_id"])
        if job is None:
            return self.not_found("Task")
        if self.status_shape == "flat":
            return self.json(self.flat(job, context.now))
        return self.json(self.wrapped(job, context.now))

    # --- the two status shapes --------------------------------------------------------------
    def wrapped(self, job: SimJob, now: float) -> dict[str, Any]:
        """``WrappedTaskStatus``: NOT_START for the first half of the queue time, then QUEUED,
        IN_PROGRESS, and SUCCESS or FAILURE; the upstream ModelArk task rides along in
        ``data.data``."""
        phase = task_phase(job, now)
        status = _WRAPPED[phase]
        if phase == "queued" and now - job.created < job.queue_seconds / 2:
            status = "NOT_START"
        data: dict[str, Any] = {
            "task_id": job.id,
            "action": "generate",
            "status": status,
            "fail_reason": "",
            "submit_time": unix(self.epoch, job.created),
        }
        started = job.created + job.queue_seconds
        if phase != "queued" and (job.cancelled_at is None or job.cancelled_at > started):
            data["start_time"] = unix(self.epoch, started)
        if phase in ("queued", "running"):
            data["progress"] = f"{min(99, int(job.progress(now) * 100))}%"
        else:
            data["progress"] = "100%"
            data["finish_time"] = unix(self.epoch, job.finished_at())
        if phase == "succeeded":
            data["result_url"] = self.simulator.video_url(job)
        elif phase == "failed":
            data["fail_reason"] = job.failure or "The task failed"
        elif phase in _FINAL_REASONS:
            data["fail_reason"] = _FINAL_REASONS[phase]
        data["data"] = self.upstream(job, now)
        return {"code": "success", "message": "", "data": data}

    def flat(self, job: SimJob, now: float) -> dict[str, Any]:
        """``FlatTaskStatus``: ModelArk's task with Anyfast's status words."""
        phase = task_phase(job, now)
        upstream = self.upstream(job, now)
        body: dict[str, Any] = {
            "id": job.id,
            "model": upstream["model"],
            "status": _FLAT[phase],
            "created_at": upstream["created_at"],
        }
        for field in ("content", "usage", "error"):
            if field in upstream:
                body[field] = upstream[field]
        if phase in _FINAL_REASONS:
            body["error"] = {"code": "TaskNotCompleted", "message": _FINAL_REASONS[phase]}
        return body

    def upstream(self, job: SimJob, now: float) -> dict[str, Any]:
        return task_body(
            job,
            now,
            epoch=self.epoch,
            video_url=self.simulator.video_url(job),
            task_id=str(job.extra.get("upstream_id") or job.id),
        )


SHAPE = AnyfastShape
