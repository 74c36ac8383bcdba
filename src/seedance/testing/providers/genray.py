"""Genray as 003_5696a40c0f91bc94.txt documents it: jobs, from-person, upload, upscale, account,
keys, per-plan rate limits and HMAC-signed webhooks.

API keys: the account's keys are the simulator's configured ones (``api_keys``) and those
``POST /api/keys`` creates; ``GET /api/keys`` lists them, ``DELETE /api/keys/{id}`` revokes one,
after which it gets the documented 401. A created key works at once (also when the simulator
only lets in its configured keys), and its ``webhook_url``, if given, is the default webhook of
the jobs it creates. Webhooks are sent once a job ends and retried after 2, 4 and 8 s.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import secrets
from collections import deque
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from .._jobs import Phase, SimJob
from .._simulator import Context
from .._videos import VideoFormat, dimensions
from ._base import ProviderShape

__all__ = ["SHAPE"]

_STATUS = {
    "queued": "queued",
    "running": "processing",
    "succeeded": "completed",
    "failed": "failed",
}
# Standard plan (003): 10 requests/min and 2 concurrent jobs per key; status polls count.
REQUESTS_PER_MINUTE = 10
CONCURRENT_JOBS = 2
CREDITS_PER_SECOND = {"seedance-2.0": 26, "seedance-2.0-fast": 22}


class GenrayShape(ProviderShape):
    def __init__(self, simulator: Any) -> None:
        super().__init__(simulator)
        self._recent: dict[str, deque[float]] = {}
        self.credits = 10_630
        # The account's keys: id -> what GET /api/keys lists, and id -> the key itself.
        self.keys: dict[str, dict[str, Any]] = {}
        self.secrets: dict[str, str] = {}
        self.default_webhooks: dict[str, str] = {}
        self._key_numbers = itertools.count(1)

    def _iso(self, at: float) -> str:
        """The wall time of simulator time *at* as Genray writes it: the same on every call."""
        return datetime.fromtimestamp(self.simulator.epoch + at, UTC).strftime("%Y-%m-%dT%H:%M:%S")

    def video_format(self, job: SimJob) -> VideoFormat:
        """Genray takes no resolution: 720p, at the job's aspect ratio."""
        form = super().video_format(job)
        return VideoFormat(form.duration, *dimensions("720p", _ratio(job)))

    def error(self, status: int, code: str, message: str) -> dict[str, Any]:
        detail: dict[str, Any] = {"error": code, "message": message}
        if status == 429:
            detail["retry_after"] = 6
        return {"detail": detail}

    def rate_limit(self, key: str, operation: str, now: float) -> Response | None:
        window = self._recent.setdefault(key, deque())
        while window and window[0] <= now - 60:
            window.popleft()
        if len(window) >= REQUESTS_PER_MINUTE:
            retry_after = max(1, int(window[0] + 60 - now) + 1)
            return self._too_many(f"{REQUESTS_PER_MINUTE} requests per minute", retry_after)
        window.append(now)
        creates = operation in ("create_video", "create_video_from_person")
        if creates and self.simulator.active_jobs(key, now) >= CONCURRENT_JOBS:
            return self._too_many(f"{CONCURRENT_JOBS} concurrent jobs", 10)
        return None

    def _too_many(self, limit: str, retry_after: int) -> Response:
        body = {
            "detail": {
                "error": "rate_limit_exceeded",
                "message": f"Too many requests: the Standard plan allows {limit}.",
                "retry_after": retry_after,
            }
        }
        return self.json(body, 429, headers={"Retry-After": str(retry_after)})

    # --- jobs ---------------------------------------------------------------------------------
    def _created(self, job: SimJob, cost_field: str) -> dict[str, Any]:
        body = job.body
        model = body.get("model", "seedance-2.0")
        duration = body.get("duration", 5)
        cost = CREDITS_PER_SECOND.get(model, 26) * duration
        self.credits -= cost
        return {
            "id": job.id,
            "status": "queued",
            "model": model,
            "duration": duration,
            "aspect_ratio": _ratio(job),
            cost_field: cost,
            "credits_remaining": self.credits,
            "created_at": self._iso(job.created),
        }

    def _webhook_url(self, context: Context) -> str | None:
        """The body's webhook_url, else the default webhook of the key that sent it."""
        given = context.body.get("webhook_url")
        return str(given) if given else self.default_webhooks.get(context.key)

    async def create_video(self, context: Context) -> Response:
        job = self.simulator.create_job(
            context, prompt=context.body.get("prompt"), webhook_url=self._webhook_url(context)
        )
        return self.json(self._created(job, "estimated_cost"), 202)

    async def create_video_from_person(self, context: Context) -> Response:
        job = self.simulator.create_job(
            context, prompt=context.body.get("prompt"), webhook_url=self._webhook_url(context)
        )
        return self.json(self._created(job, "total_cost"), 202)

    def job_body(self, job: SimJob, now: float) -> dict[str, Any]:
        phase = job.phase(now)
        body: dict[str, Any] = {
            "id": job.id,
            "status": _STATUS[phase],
            "model": job.body.get("model", "seedance-2.0"),
            "duration": job.body.get("duration", 5),
            "aspect_ratio": _ratio(job),
            "created_at": self._iso(job.created),
        }
        if phase == "succeeded":
            video = self.video_format(job)
            body.update(
                video_url=self.simulator.video_url(job),
                width=video.width,
                height=video.height,
                duration_ms=round(video.duration * 1000),
                cover_url=self.simulator.video_url(job).replace(".mp4", "_cover.jpg"),
                credits_spent=CREDITS_PER_SECOND.get(body["model"], 26) * body["duration"],
            )
        elif phase == "failed":
            body["error"] = job.failure
        return body

    async def get_video(self, context: Context) -> Response:
        job = self.job(context, context.path["job_id"])
        if job is None:
            return self.not_found("Job")
        return self.json(self.job_body(job, context.now))

    async def upscale_video(self, context: Context) -> Response:
        number = context.path["video_id"]
        job = next((j for j in self.simulator.jobs.values() if j.number == number), None)
        if job is None or job.key != context.key or job.phase(context.now) != "succeeded":
            return self.not_found("Video")
        return self.json({"id": number, "status": "queued", "resolution": "1440p"})

    async def upload_file(self, context: Context) -> Response:
        name = f"upload_u1_{len(self.simulator.jobs)}_{context.now:.0f}.jpg"
        size = len(await context.request.body())
        return self.json(
            {
                "url": f"/v1/files/{name}",
                "full_url": f"{self.simulator.base_url}/v1/files/{name}",
                "size_bytes": size,
            }
        )

    async def get_account(self, context: Context) -> Response:
        return self.json(
            {
                "plan": "standard",
                "plan_name": "Standard",
                "plan_expires_at": "2026-12-31T00:00:00",
                "credits_remaining": self.credits,
                "credits_per_month": 4850,
                "api_rpm": REQUESTS_PER_MINUTE,
                "api_concurrent": CONCURRENT_JOBS,
                "max_api_keys": 2,
            }
        )

    def _register(self, key: str) -> str:
        """Give *key* an id in the account's list; its id."""
        key_id = f"key_{next(self._key_numbers)}"
        self.keys[key_id] = {"id": key_id, "created_at": self._iso(self.simulator.clock.now())}
        self.secrets[key_id] = key
        return key_id

    def _account_keys(self) -> dict[str, dict[str, Any]]:
        """The account's keys, the simulator's configured ones included (listed once asked for)."""
        with self.simulator._lock:
            known = set(self.secrets.values())
            for key in self.simulator.api_keys or ():
                if key not in known and key not in self.simulator.revoked_keys:
                    self._register(key)
            return self.keys

    async def create_api_key(self, context: Context) -> Response:
        self._account_keys()
        secret = f"sk_live_sim_{secrets.token_hex(16)}"
        with self.simulator._lock:
            key_id = self._register(secret)
            self.simulator.add_key(secret)
            webhook_url = (context.body or {}).get("webhook_url")
            if webhook_url:
                self.default_webhooks[secret] = str(webhook_url)
        return self.json(
            {"id": key_id, "key": secret, "webhook_secret": self.simulator.webhook_secret}
        )

    async def list_api_keys(self, context: Context) -> Response:
        return self.json(list(self._account_keys().values()))

    async def revoke_api_key(self, context: Context) -> Response:
        key_id = context.path["id"]
        with self.simulator._lock:
            if self._account_keys().pop(key_id, None) is None:
                return self.not_found("API key")
            secret = self.secrets.pop(key_id)
            self.default_webhooks.pop(secret, None)
            self.simulator.revoke_key(secret)
        return self.json({"id": key_id, "revoked": True})

    # --- webhooks -----------------------------------------------------------------------------
    def callback_retries(self, phase: Phase) -> tuple[float, ...]:
        # "Genray retries 3 times with exponential backoff (2 s, 4 s, 8 s)" (the videoFinished
        # webhook of the spec).
        return (2.0, 4.0, 8.0)

    def webhook(self, job: SimJob, at: float) -> tuple[dict[str, str], bytes]:
        phase = job.phase(at)
        event = "video.completed" if phase == "succeeded" else "video.failed"
        data = {
            k: v
            for k, v in self.job_body(job, at).items()
            if k in ("id", "status", "video_url", "width", "height", "duration_ms")
        }
        body = json.dumps({"event": event, "data": data, "timestamp": self._iso(at)}).encode()
        signature = hmac.new(
            self.simulator.webhook_secret.encode(), body, hashlib.sha256
        ).hexdigest()
        headers = {
            "Content-Type": "application/json",
            "X-Genray-Signature": f"sha256={signature}",
            "X-Genray-Event": event,
        }
        return headers, body


def _ratio(job: SimJob) -> str:
    """The job's aspect ratio: 16:9 unless it says, 9:16 for a video from a person (003)."""
    default = "9:16" if job.operation == "create_video_from_person" else "16:9"
    return str(job.body.get("aspect_ratio") or default)


SHAPE = GenrayShape
