"""BytePlus ModelArk as specs/modelark/openapi.yaml and provider-notes.md (BytePlus ModelArk)
document it: video generation tasks created, read, listed, cancelled (queued) or deleted
(succeeded, failed, expired), the Task object POSTed to ``callback_url`` on every documented
status change, and at most 120 queued tasks per account. A null option of a create body counts as
not set, as the official SDK sends it.

Callbacks follow the spec's ``task_status_changed`` webhook: one POST of the task as it was when
it became queued, running, succeeded, failed or expired (a cancelled task, which no page says
calls back, does not); a succeeded or failed callback not answered 2xx within 5 s
(``x-callback-timeout-seconds``) is sent again, three times in all (``x-callback-attempts``).

The task helpers are shared with Anyfast, which resells these tasks and passes ModelArk's task
and error envelope through.
"""

from __future__ import annotations

import json
import secrets
import string
import time
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from .._jobs import Phase, SimJob
from .._simulator import Context
from .._videos import VideoFormat
from ._base import ProviderShape

__all__ = [
    "SHAPE",
    "VOLCENGINE_SHAPE",
    "error_envelope",
    "given",
    "new_task_id",
    "prompt_of",
    "task_body",
    "task_phase",
    "unix",
]

# The documented account limit (x-max-queued-tasks-per-account of create_task).
MAX_QUEUED_TASKS = 120
# The statuses Ark calls back on (the spec's task_status_changed webhook), and those whose
# callback is sent again when not acknowledged.
CALLBACK_STATUSES: tuple[Phase, ...] = ("queued", "running", "succeeded", "failed", "expired")
RESENT_STATUSES: tuple[Phase, ...] = ("succeeded", "failed")
# What the webhook says when the curated spec has no x-callback-* extension.
CALLBACK_ATTEMPTS = 3
CALLBACK_TIMEOUT_SECONDS = 5.0
# Not documented: the SDKs send no page size unless asked (the server's default is assumed).
DEFAULT_PAGE_SIZE = 10
FRAMES_PER_SECOND = 24
DEFAULT_EXPIRES_AFTER = 172_800
# Output pixels per resolution (16:9 frame); usage = pixels * frames / 1024, which gives the
# spec example's 108900 tokens for 5 s of 720p.
_PIXELS = {"480p": 864 * 480, "720p": 1280 * 720, "1080p": 1920 * 1080}
# The HTTP status -> error `type` of ModelArk's common error codes (BytePlus docs, 1299023).
_TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    429: "TooManyRequests",
    500: "InternalServerError",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}
# The code ModelArk gives where the simulator core uses a generic one.
_CODES = {
    400: "InvalidParameter",
    401: "AuthenticationError",
    403: "AccessDenied",
    404: "ResourceNotFound",
    409: "Conflict",
    429: "RateLimitExceeded",
    500: "InternalServiceError",
    503: "ServiceUnavailable",
}
_CORE_CODES = frozenset(
    {"invalid_request", "unauthorized", "not_found", "rate_limit_exceeded", "simulated_failure"}
)
_ID_ALPHABET = string.ascii_lowercase + string.digits


# --- shared with Anyfast ----------------------------------------------------------------------
def error_envelope(status: int, code: str, message: str) -> dict[str, Any]:
    """``{error: {code, message, type}}`` with ModelArk's type for *status*; the simulator core's
    generic codes become ModelArk's (a missing field is ``MissingParameter``)."""
    if code in _CORE_CODES:
        if status == 400 and "is a required property" in message:
            code = "MissingParameter"
        else:
            code = _CODES.get(status, "InternalServiceError" if status >= 500 else "BadRequest")
    kind = _TYPES.get(status, "InternalServerError" if status >= 500 else "BadRequest")
    return {"error": {"code": code, "message": message, "type": kind}}


def unix(epoch: int, at: float) -> int:
    """Unix seconds of simulator time *at* (the simulator's clock starts at *epoch*)."""
    return epoch + int(at)


def new_task_id(epoch: int, at: float, taken: Mapping[str, Any]) -> str:
    """A fresh ``cgt-<yyyymmddhhmmss>-<5 characters>`` id, as ModelArk numbers its tasks."""
    stamp = datetime.fromtimestamp(unix(epoch, at), UTC).strftime("%Y%m%d%H%M%S")
    while True:
        suffix = "".join(secrets.choice(_ID_ALPHABET) for _ in range(5))
        task_id = f"cgt-{stamp}-{suffix}"
        if task_id not in taken:
            return task_id


def prompt_of(body: Any) -> str:
    """The text items of a create body's ``content``, joined (where ``simulate:fail`` goes)."""
    content = body.get("content") if isinstance(body, dict) else None
    texts = [
        str(item.get("text", ""))
        for item in content or ()
        if isinstance(item, dict) and item.get("type") == "text"
    ]
    return " ".join(texts)


def task_phase(job: SimJob, now: float) -> Phase:
    """The job's phase, or ``expired`` once a task that could not finish within its
    ``execution_expires_after`` has outlived it."""
    phase = job.phase(now)
    expires = job.body.get("execution_expires_after")
    if (
        phase != "cancelled"
        and isinstance(expires, int)
        and job.queue_seconds + job.run_seconds > expires
        and now - job.created >= expires
    ):
        return "expired"
    return phase


def changed_at(job: SimJob, phase: Phase) -> float:
    """Simulator time at which the task entered *phase*."""
    if phase == "queued":
        return job.created
    if phase == "running":
        return job.created + job.queue_seconds
    if phase == "expired":
        return job.created + int(job.body.get("execution_expires_after", 0))
    return job.finished_at()


def given(body: Mapping[str, Any]) -> dict[str, Any]:
    """The options a create body sets: a null counts as not set (the official SDK sends every
    unset option as null, overlays/modelark.yaml)."""
    return {key: value for key, value in body.items() if value is not None}


def task_body(
    job: SimJob, now: float, *, epoch: int, video_url: str, task_id: str | None = None
) -> dict[str, Any]:
    """The Task object (schema ``Task``) of *job* at simulator time *now*."""
    body = given(job.body)
    phase = task_phase(job, now)
    model = str(body.get("model", "seedance-1-0-pro-250528"))
    task: dict[str, Any] = {
        "id": task_id or job.id,
        "model": model,
        "status": phase,
        "created_at": unix(epoch, job.created),
        "updated_at": unix(epoch, changed_at(job, phase)),
    }
    seed = body.get("seed")
    task["seed"] = seed if isinstance(seed, int) and seed >= 0 else zlib.crc32(job.id.encode()) >> 1
    resolution = str(body.get("resolution", "720p"))
    task["resolution"] = resolution
    ratio = body.get("ratio", "16:9")
    task["ratio"] = "16:9" if ratio == "adaptive" else ratio
    if isinstance(body.get("frames"), int):
        frames = int(body["frames"])
        task["frames"] = frames
    else:
        duration = body.get("duration", 5)
        task["duration"] = duration
        frames = int(duration) * FRAMES_PER_SECOND + 1
    task["framespersecond"] = FRAMES_PER_SECOND
    audio_by_default = "seedance-1-5" in model or "seedance-2-0" in model
    task["generate_audio"] = bool(body.get("generate_audio", audio_by_default))
    task["draft"] = bool(body.get("draft", False))
    task["service_tier"] = str(body.get("service_tier", "default"))
    task["execution_expires_after"] = int(
        body.get("execution_expires_after", DEFAULT_EXPIRES_AFTER)
    )
    for item in body.get("content") or ():
        if isinstance(item, dict) and item.get("type") == "draft_task":
            task["draft_task_id"] = str(item["draft_task"]["id"])
    for echoed, kind in (
        ("safety_identifier", str),
        ("priority", int),
        ("output_format", str),
        ("tools", list),
    ):
        if isinstance(body.get(echoed), kind):
            task[echoed] = body[echoed]
    if phase == "succeeded":
        task["content"] = {"video_url": video_url}
        if body.get("return_last_frame"):
            task["content"]["last_frame_url"] = video_url.removesuffix(".mp4") + "_last_frame.png"
        tokens = _PIXELS.get(resolution, _PIXELS["720p"]) * max(frames, 0) // 1024
        task["usage"] = {"completion_tokens": tokens, "total_tokens": tokens}
    elif phase == "failed":
        reason = job.failure or "The task failed"
        code = (
            "OutputVideoSensitiveContentDetected"
            if "sensitive" in reason.lower()
            else "InternalServiceError"
        )
        task["error"] = {"code": code, "message": reason}
    return task


# --- ModelArk ---------------------------------------------------------------------------------
class ModelArkShape(ProviderShape):
    callback_statuses = CALLBACK_STATUSES
    ratio_field = "ratio"

    def video_format(self, job: SimJob) -> VideoFormat:
        """As asked; a job that gives ``frames`` instead of ``duration`` lasts frames / 24 s."""
        form = super().video_format(job)
        frames = job.body.get("frames")
        if isinstance(frames, int) and frames > 0:
            return VideoFormat(frames / FRAMES_PER_SECOND, form.width, form.height)
        return form

    def __init__(self, simulator: Any) -> None:
        super().__init__(simulator)
        # Unix time of the simulator clock's zero: timestamps look current, and move with it.
        self.epoch = int(time.time())
        hook = simulator.spec.document.get("webhooks", {}).get("task_status_changed", {})
        post = hook.get("post", {})
        self.callback_attempts = int(post.get("x-callback-attempts", CALLBACK_ATTEMPTS))
        self.callback_timeout = float(
            post.get("x-callback-timeout-seconds", CALLBACK_TIMEOUT_SECONDS)
        )

    def new_id(self) -> str:
        return new_task_id(self.epoch, self.simulator.clock.now(), self.simulator.jobs)

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        return error_envelope(status, code, message)

    def rate_limit(self, key: str, operation: str, now: float) -> Response | None:
        if operation != "create_task":
            return None
        queued = sum(
            1
            for job in list(self.simulator.jobs.values())
            if job.key == key and task_phase(job, now) == "queued"
        )
        if queued < MAX_QUEUED_TASKS:
            return None
        message = (
            f"The request failed because the account already has {MAX_QUEUED_TASKS} queued tasks"
            " (the maximum). Retry once some have started."
        )
        return self.json(self.error(429, "QuotaExceeded", message), 429)

    def task(self, job: SimJob, now: float) -> dict[str, Any]:
        return task_body(job, now, epoch=self.epoch, video_url=self.simulator.video_url(job))

    # --- operations -------------------------------------------------------------------------
    async def create_task(self, context: Context) -> Response:
        job = self.simulator.create_job(
            context,
            prompt=prompt_of(context.body),
            webhook_url=context.body.get("callback_url"),
        )
        created: dict[str, Any] = {"id": job.id}
        if isinstance(context.body.get("safety_identifier"), str):
            created["safety_identifier"] = context.body["safety_identifier"]
        return self.json(created)

    async def get_task(self, context: Context) -> Response:
        job = self.job(context, context.path["id"])
        if job is None:
            return self.not_found("Task")
        return self.json(self.task(job, context.now))

    async def list_tasks(self, context: Context) -> Response:
        query = context.query
        page_num = int(query.get("page_num", 1))
        page_size = int(query.get("page_size", DEFAULT_PAGE_SIZE))
        status = query.get("filter.status")
        ids = query.get("filter.task_ids")
        model = query.get("filter.model")
        tier = query.get("filter.service_tier")
        jobs = sorted(
            (job for job in list(self.simulator.jobs.values()) if job.key == context.key),
            key=lambda job: (job.created, job.number),
            reverse=True,
        )
        tasks = [
            task
            for task in (self.task(job, context.now) for job in jobs)
            if (status is None or task["status"] == str(status))
            and (ids is None or task["id"] in ids)
            and (model is None or task["model"] == model)
            and (tier is None or task["service_tier"] == str(tier))
        ]
        start = (page_num - 1) * page_size
        return self.json({"total": len(tasks), "items": tasks[start : start + page_size]})

    async def delete_task(self, context: Context) -> Response:
        job = self.job(context, context.path["id"])
        if job is None:
            return self.not_found("Task")
        phase = task_phase(job, context.now)
        # Volcengine's cancel-or-delete table: queued -> cancelled; succeeded, failed, expired ->
        # record deleted; running and cancelled -> not supported. The answer is `{}`.
        if phase == "queued":
            # The queued callback is owed (a cancel calls back nothing of its own).
            self.simulator.owe_callbacks(context.now)
            job.cancelled_at = context.now
            return self.json({})
        if phase in ("running", "cancelled"):
            message = (
                f"The task {job.id} is {phase}: only a queued task can be cancelled and only a"
                " succeeded, failed or expired task deleted."
            )
            # A valid request at the wrong moment: a conflict with the task's state (the spec's
            # `default` response; the page does not say which error comes).
            return self.json(self.error(409, "OperationDenied.InvalidState", message), 409)
        # A finished task's callbacks are owed even if its record goes now.
        self.simulator.owe_callbacks(context.now)
        with self.simulator._lock:
            self.simulator.jobs.pop(job.id, None)
        return self.json({})

    # --- callbacks --------------------------------------------------------------------------
    def job_phase(self, job: SimJob, now: float) -> Phase:
        return task_phase(job, now)

    def changed_at(self, job: SimJob, phase: Phase) -> float:
        return changed_at(job, phase)

    def callback_retries(self, phase: Phase) -> tuple[float, ...]:
        """A succeeded or failed callback is sent ``callback_attempts`` times in all until one is
        acknowledged; the others once. No page gives the spacing: each re-send goes when the
        previous one's 5 s to answer are up."""
        if phase not in RESENT_STATUSES:
            return ()
        return (self.callback_timeout,) * max(0, self.callback_attempts - 1)

    def webhook(self, job: SimJob, at: float) -> tuple[dict[str, str], bytes]:
        """The Task object as it was at *at*, as ModelArk POSTs it to ``callback_url`` (no
        signature documented)."""
        body = json.dumps(self.task(job, at)).encode()
        return {"Content-Type": "application/json"}, body


SHAPE = ModelArkShape


# --- Volcengine Ark ----------------------------------------------------------------------------
class VolcengineShape(ModelArkShape):
    """Volcengine Ark as specs/volcengine/openapi.yaml: ModelArk's task API, so ModelArk's shape.
    What Volcengine changes is data the simulator reads from its spec (the server, the model ids,
    the per-model rules it validates against)."""


VOLCENGINE_SHAPE = VolcengineShape
