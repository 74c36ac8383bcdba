"""fal's queue as fal documents it (fal.ai/docs/inference-api/queue/*, docs.fal.ai/model-endpoints/
queue) and fal-client 1.0.3 reads it: ``POST /<endpoint id>`` answers a QueueStatus with the
request's ``status_url``, ``response_url`` and ``cancel_url`` (fal-client follows those URLs, so
they point back at this simulator); ``GET /<owner>/<alias>/requests/<id>/status`` says
IN_QUEUE (with ``queue_position``), IN_PROGRESS or COMPLETED (``logs`` always present: fal-client
reads it); ``GET .../requests/<id>`` is the output, ``{video: {url, ...}, seed}``, once completed;
``PUT .../cancel`` cancels a queued request. Errors are ``{detail, error_type}``.

A request submitted under one app is not found under another (the status path names the app).
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from starlette.responses import Response

from ...adapters import adapter
from ...adapters.fal import FalAdapter
from .._jobs import SimJob
from .._simulator import Context
from .._videos import VideoFormat, dimensions
from ._base import ProviderShape

__all__ = ["SHAPE", "FalShape"]

# What fal calls each simulated phase. fal has no FAILED status: a failed request is COMPLETED
# with an `error` (fal-client 1.0.3 Completed.error); a cancelled one reads the same way.
_STATUS = {
    "queued": "IN_QUEUE",
    "running": "IN_PROGRESS",
    "succeeded": "COMPLETED",
    "failed": "COMPLETED",
    "cancelled": "COMPLETED",
    "expired": "COMPLETED",
}


def _app(endpoint: str) -> str:
    return "/".join(endpoint.split("/")[:2])


def _request_id(job: SimJob) -> str:
    return job.id  # the simulator's job id is fal's request id (the facade adds the app)


class FalShape(ProviderShape):
    auth_scheme = "Key"
    """fal reads ``Authorization: Key <key>`` (fal's queue reference; fal-client): a ``Bearer``
    key is refused, as fal refuses it."""

    def __init__(self, simulator: Any) -> None:
        super().__init__(simulator)
        # submit operationId -> endpoint id, from the adapter's reading of the curated spec.
        fal = adapter("fal")
        assert isinstance(fal, FalAdapter)
        self.endpoints = {op: model for model, (op, _) in fal.endpoints.items()}
        # Each endpoint's defaults (its schema's): duration, resolution and aspect ratio.
        self.defaults = {
            op: tuple(
                str(fal.spec.schema(schema)["properties"].get(name, {}).get("default", fallback))
                for name, fallback in (("duration", "5"), ("resolution", "720p"),
                                       ("aspect_ratio", "16:9"))
            )
            for _, (op, schema) in fal.endpoints.items()
        }  # fmt: skip
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        # The simulator's own webhook key; `jwks()` is its public half, as fal's JWKS holds
        # fal's: `FalAdapter.jwks = Jwks(keys=sim.shape.jwks())` verifies its deliveries.
        self._signing_key = Ed25519PrivateKey.generate()
        self.user_id = "simulated-user"

    def jwks(self) -> list[dict[str, str]]:
        """The public key of this simulator's webhook signatures, as a JWKS ``keys`` list."""
        raw = self._signing_key.public_key().public_bytes_raw()
        x = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return [{"kty": "OKP", "crv": "Ed25519", "x": x, "kid": "seedance-simulator"}]

    def webhook(self, job: SimJob, at: float) -> tuple[dict[str, str], bytes]:
        """fal's delivery (docs.fal.ai/model-endpoints/webhooks): the request's outcome and its
        output, signed as fal signs (ED25519 over request id, user id, timestamp, body hash)."""
        phase = job.phase(at)
        request_id = _request_id(job)
        event: dict[str, Any] = {"request_id": request_id, "gateway_request_id": request_id}
        if phase == "succeeded":
            url = self.simulator.video_url(job)
            event |= {"status": "OK", "payload": {"video": {"url": url}, "seed": 42}}
        else:
            reason = job.failure or f"the request was {phase}"
            event |= {"status": "ERROR", "error": reason, "payload": {"detail": reason}}
        body = json.dumps(event).encode()
        timestamp = str(int(self.simulator.epoch + at))
        digest = hashlib.sha256(body).hexdigest()
        message = "\n".join((request_id, self.user_id, timestamp, digest)).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Fal-Webhook-Request-Id": request_id,
            "X-Fal-Webhook-User-Id": self.user_id,
            "X-Fal-Webhook-Timestamp": timestamp,
            "X-Fal-Webhook-Signature": self._signing_key.sign(message).hex(),
        }
        return headers, body

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        return {"detail": message, "error_type": code}

    def video_format(self, job: SimJob) -> VideoFormat:
        """The video of *job*: what it asked for, else its endpoint's defaults; "auto" (the
        model decides) is 5 s at 16:9 here."""
        duration, resolution, ratio = self.defaults.get(job.operation, self.default_format)
        body = job.body
        chosen = [
            str(body.get(name) or default)
            for name, default in (("duration", duration), ("aspect_ratio", ratio))
        ]
        seconds = float(chosen[0]) if chosen[0].isdigit() else 5.0
        shape = chosen[1] if chosen[1] != "auto" else "16:9"
        width, height = dimensions(str(body.get("resolution") or resolution), shape)
        return VideoFormat(seconds, width, height)

    def _urls(self, context: Context, job: SimJob) -> dict[str, str]:
        base = str(context.request.base_url).rstrip("/") + self.simulator.base_path
        request = f"{base}/{job.extra['app']}/requests/{_request_id(job)}"
        return {
            "response_url": request,
            "status_url": f"{request}/status",
            "cancel_url": f"{request}/cancel",
        }

    def _submit(self, context: Context) -> Response:
        endpoint = self.endpoints[context.operation]
        job = self.simulator.create_job(
            context,
            prompt=(context.body or {}).get("prompt"),
            webhook_url=context.query.get("fal_webhook"),
        )
        job.extra["app"] = _app(endpoint)
        job.extra["endpoint"] = endpoint
        return self.json(
            {
                "status": "IN_QUEUE",
                "request_id": _request_id(job),
                "queue_position": 0,
                **self._urls(context, job),
            }
        )

    def _find(self, context: Context) -> SimJob | None:
        # A request is found only under the app it was submitted to (the status path names it).
        job = self.job(context, context.path["request_id"])
        app = f"{context.path['owner']}/{context.path['alias']}"
        return job if job is not None and job.extra.get("app") == app else None

    def status_body(self, context: Context, job: SimJob) -> dict[str, Any]:
        phase = job.phase(context.now)
        body: dict[str, Any] = {
            "status": _STATUS[phase],
            "request_id": _request_id(job),
            "logs": [] if context.query.get("logs") else None,
            **self._urls(context, job),
        }
        if phase == "queued":
            body["queue_position"] = 0
        if _STATUS[phase] == "COMPLETED":
            body["metrics"] = {"inference_time": job.run_seconds}
            if phase != "succeeded":
                body["error"] = job.failure or f"the request was {phase}"
                body["error_type"] = "request_" + phase
        return body

    async def get_request_status(self, context: Context) -> Response:
        job = self._find(context)
        if job is None:
            return self.json(self.error(404, "not_found", "Request not found"), 404)
        return self.json(self.status_body(context, job))

    async def get_request_result(self, context: Context) -> Response:
        job = self._find(context)
        if job is None:
            return self.json(self.error(404, "not_found", "Request not found"), 404)
        phase = job.phase(context.now)
        if phase in ("queued", "running"):
            return self.json(self.error(400, "not_ready", "Request is still in progress"), 400)
        if phase != "succeeded":
            # "If the model returned an error, this operation returns the same error."
            message = job.failure or f"the request was {phase}"
            return self.json(self.error(422, "request_" + phase, message), 422)
        url = self.simulator.video_url(job)
        video = {"url": url, "content_type": "video/mp4", "file_name": "video.mp4"}
        return self.json({"video": video, "seed": 42})

    async def cancel_request(self, context: Context) -> Response:
        job = self._find(context)
        if job is None:
            return self.json({"status": "NOT_FOUND"}, 404)
        if job.phase(context.now) != "queued":
            return self.json({"status": "ALREADY_COMPLETED"}, 400)
        job.cancelled_at = context.now
        return self.json({"status": "OK", "success": True})

    # One submit operation per Seedance endpoint; all answer alike.
    async def submit_seedance_v1_pro_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_pro_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_pro_fast_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_pro_fast_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_lite_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_lite_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_lite_reference_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_5_pro_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v1_5_pro_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_reference_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_fast_text_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_fast_image_to_video(self, context: Context) -> Response:
        return self._submit(context)

    async def submit_seedance_v2_fast_reference_to_video(self, context: Context) -> Response:
        return self._submit(context)


SHAPE = FalShape
