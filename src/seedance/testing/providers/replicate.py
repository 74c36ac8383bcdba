"""Replicate as its HTTP API and the Seedance version pages document it (specs/replicate/):
predictions created by model name (``POST /predictions`` with ``version: "bytedance/<model>"``) or
on the model's own path (``POST /models/bytedance/<model>/predictions``, what the official client
calls), read with ``GET /predictions/{id}``, cancelled with ``POST /predictions/{id}/cancel``;
errors as RFC 7807 problem details; webhooks signed the Standard Webhooks way.

``Prefer: wait`` is accepted and answered at once with the prediction as it stands: on the
simulator's clock no time passes during a request, which is what Replicate does when the wait runs
out before the model finishes (the answer "will return a prediction with a status" not final).

The webhook secret is Replicate's ``whsec_<base64>`` form. A simulator made with another kind of
secret (the default ``whsec_simulator`` is not base64) gets ``whsec_`` + the base64 of that text
as its ``webhook_secret``, which `GET /webhooks/default/secret` returns and the deliveries use.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from ..._errors import WebhookVerificationError
from ...adapters.replicate import signature, signing_key
from .._jobs import Phase, SimJob
from .._simulator import Context
from .._videos import VideoFormat, dimensions
from ._base import ProviderShape

__all__ = ["SHAPE", "VERSIONS", "ReplicateShape"]

_STATUS = {
    "queued": "starting",
    "running": "processing",
    "succeeded": "succeeded",
    "failed": "failed",
    "cancelled": "canceled",
    # Replicate names no expiry; a prediction that never finished reads as failed.
    "expired": "failed",
}
# The version each model's API page documents (specs/replicate/upstream.yaml header).
VERSIONS = {
    "bytedance/seedance-1-lite": "f22bbc7d965c70af30ba3b157e3bb05d232136555885e934b92878ad773f48c1",
    "bytedance/seedance-1-pro": "a5fd550893da3b6f67997812759065652454ddaca10e96b83b59cbae1814cb36",
    "bytedance/seedance-2.0": "d456b64a60da3903c3692f7128d491004d021bbc2e1e19c63bccb117d3f4ab7b",
    "bytedance/seedance-2.0-fast": (
        "90388a62748fab7edda739f1df78e8cbc66cc9275cfe232888ce53dea3d5e7b5"
    ),
}
# Problem titles, by status (RFC 7807 `title`, as the replicate client reads them).
_TITLES = {
    400: "Bad request",
    401: "Unauthenticated",
    404: "Not found",
    422: "Input validation failed",
    429: "Too many requests",
}
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


class ReplicateShape(ProviderShape):
    # "completed: when the prediction reaches a terminal state (succeeded/canceled/failed)"; a
    # Seedance model's one output arrives with its completion, so these are its deliveries.
    callback_statuses: tuple[Phase, ...] = ("succeeded", "failed", "cancelled")

    def __init__(self, simulator: Any) -> None:
        super().__init__(simulator)
        self.epoch = time.time()  # the clock starts at 0; times count from the simulator's making
        try:
            signing_key(simulator.webhook_secret)
        except WebhookVerificationError:
            encoded = base64.b64encode(str(simulator.webhook_secret).encode()).decode()
            simulator.webhook_secret = "whsec_" + encoded

    def video_format(self, job: SimJob) -> VideoFormat:
        """What the job's ``input`` asked for, the model's page defaults for the rest (720p, or
        1080p for seedance-1-pro; 5 s; 16:9); duration -1 ("the model picks") takes 5 s."""
        inputs = _object(job.body.get("input"))
        default = "1080p" if job.extra.get("model") == "bytedance/seedance-1-pro" else "720p"
        duration = inputs.get("duration")
        seconds = float(duration) if isinstance(duration, int) and 0 < duration <= 60 else 5.0
        width, height = dimensions(
            str(inputs.get("resolution") or default), str(inputs.get("aspect_ratio") or "16:9")
        )
        return VideoFormat(seconds, width, height)

    def new_id(self) -> str:
        # Replicate's ids are 26 lower-case letters and digits ("gm3qorzdhgbfurvjtvhg6dckhu").
        return "".join(secrets.choice(_ID_ALPHABET) for _ in range(26))

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        title = _TITLES.get(status, "Internal server error" if status >= 500 else code)
        return {"title": title, "detail": message, "status": status}

    # --- predictions ----------------------------------------------------------------------------
    async def create_prediction(self, context: Context) -> Response:
        model = str((context.body or {}).get("version", "")).split(":", 1)[0]
        return self._create(context, model)

    async def create_model_prediction(self, context: Context) -> Response:
        model = f"{context.path['model_owner']}/{context.path['model_name']}"
        return self._create(context, model)

    def _create(self, context: Context, model: str) -> Response:
        body = _object(context.body)
        inputs = _object(body.get("input"))
        job = self.simulator.create_job(
            context, prompt=inputs.get("prompt"), webhook_url=body.get("webhook")
        )
        job.extra["model"] = model
        return self.json(self.prediction(job, context.now), 201)

    async def get_prediction(self, context: Context) -> Response:
        job = self.job(context, context.path["prediction_id"])
        if job is None:
            return self.json(self.error(404, "not_found", "Prediction not found"), 404)
        return self.json(self.prediction(job, context.now))

    async def cancel_prediction(self, context: Context) -> Response:
        job = self.job(context, context.path["prediction_id"])
        if job is None:
            return self.json(self.error(404, "not_found", "Prediction not found"), 404)
        if job.phase(context.now) in ("queued", "running"):
            job.cancelled_at = context.now
        # A prediction that already ended stays as it ended.
        return self.json(self.prediction(job, context.now))

    async def get_default_webhook_secret(self, context: Context) -> Response:
        return self.json({"key": self.simulator.webhook_secret})

    def prediction(self, job: SimJob, now: float) -> dict[str, Any]:
        """The prediction object of the get operation, for *job* at simulator time *now*."""
        phase = job.phase(now)
        final = phase not in ("queued", "running")
        until = min(now, job.finished_at())
        started = until >= job.created + job.queue_seconds
        model = str(job.extra.get("model", ""))
        url = f"{self.simulator.base_url}/predictions/{job.id}"
        answer: dict[str, Any] = {
            "id": job.id,
            "model": model,
            "version": VERSIONS.get(model, "hidden"),
            "input": job.body.get("input", {}),
            "logs": "",
            "output": self.simulator.video_url(job) if phase == "succeeded" else None,
            "data_removed": False,
            "error": (job.failure or "Prediction failed") if _STATUS[phase] == "failed" else None,
            "status": _STATUS[phase],
            "created_at": self._iso(job.created),
            "started_at": self._iso(job.created + job.queue_seconds) if started else None,
            "completed_at": self._iso(job.finished_at()) if final else None,
            "urls": {"get": url, "cancel": f"{url}/cancel"},
        }
        if final:
            ran = max(0.0, job.finished_at() - job.created - job.queue_seconds)
            answer["metrics"] = {"predict_time": round(ran, 3)}
        return answer

    def _iso(self, seconds: float) -> str:
        moment = datetime.fromtimestamp(self.epoch + seconds, tz=UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    # --- webhooks -------------------------------------------------------------------------------
    def webhook(self, job: SimJob, at: float) -> tuple[dict[str, str], bytes]:
        body = json.dumps(self.prediction(job, at)).encode()
        # The same id for every attempt of one delivery (the docs: "the same when ... retried").
        message_id = f"msg_{job.id}_{job.phase(at)}"
        # The receiver checks the timestamp against its wall clock, so it is wall time.
        sent = str(int(time.time()))
        signed = signature(self.simulator.webhook_secret, message_id, sent, body).decode()
        headers = {
            "Content-Type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": sent,
            "webhook-signature": f"v1,{signed}",
        }
        return headers, body


def _object(value: Any) -> dict[str, Any]:
    """*value* if it is a JSON object, else an empty one (a body the spec let through bare)."""
    return value if isinstance(value, dict) else {}


SHAPE = ReplicateShape
