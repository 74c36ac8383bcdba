"""Genray's signed webhooks and ModelArk's callbacks become jobs; waits can listen for them."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest

from seedance import Job, JobEvents, JobStatus, WebhookVerificationError, parse_webhook

SECRET = "whsec_test_secret"


def _delivery(
    *, age: float = 0.0, secret: str = SECRET, status: str = "completed"
) -> tuple[bytes, dict[str, str]]:
    sent = datetime.now(UTC) - timedelta(seconds=age)
    body = json.dumps(
        {
            "event": "video.completed",
            "data": {
                "id": "a1b2c3d4",
                "status": status,
                "video_url": "https://genray.ai/videos/abc123.mp4",
                "width": 1280,
                "height": 720,
                "duration_ms": 5040,
            },
            "timestamp": sent.strftime("%Y-%m-%dT%H:%M:%S"),
        }
    ).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"X-Genray-Signature": signature, "X-Genray-Event": "video.completed"}


def test_a_valid_delivery_becomes_a_job() -> None:
    body, headers = _delivery()
    job = parse_webhook("genray", body, headers, secret=SECRET)
    assert (job.id, job.status, job.video_url) == (
        "a1b2c3d4",
        JobStatus.SUCCEEDED,
        "https://genray.ai/videos/abc123.mp4",
    )


def test_a_tampered_body_is_rejected() -> None:
    body, headers = _delivery()
    tampered = body.replace(b"abc123.mp4", b"evil00.mp4")
    with pytest.raises(WebhookVerificationError, match=r"(?i)signature"):
        parse_webhook("genray", tampered, headers, secret=SECRET)


def test_the_wrong_secret_is_rejected() -> None:
    body, headers = _delivery(secret="another-secret")
    with pytest.raises(WebhookVerificationError, match=r"(?i)signature"):
        parse_webhook("genray", body, headers, secret=SECRET)


def test_a_missing_signature_is_rejected() -> None:
    body, _ = _delivery()
    with pytest.raises(WebhookVerificationError):
        parse_webhook("genray", body, {}, secret=SECRET)


def test_a_replayed_delivery_is_rejected() -> None:
    body, headers = _delivery(age=600)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        parse_webhook("genray", body, headers, secret=SECRET, tolerance=300)
    assert parse_webhook("genray", body, headers, secret=SECRET, tolerance=900).id == "a1b2c3d4"


def test_a_wait_ends_when_the_webhook_arrives() -> None:
    inbox = JobEvents()
    body, headers = _delivery()
    job = parse_webhook("genray", body, headers, secret=SECRET)
    timer = threading.Timer(0.05, inbox.publish, args=(job,))
    timer.start()
    received = inbox.wait("a1b2c3d4", timeout=5.0)
    assert isinstance(received, Job)
    assert received.status is JobStatus.SUCCEEDED


def test_an_async_wait_ends_when_the_webhook_arrives() -> None:
    import asyncio

    inbox = JobEvents()
    body, headers = _delivery()
    job = parse_webhook("genray", body, headers, secret=SECRET)

    async def scenario() -> Job | None:
        threading.Timer(0.05, inbox.publish, args=(job,)).start()
        return await inbox.wait_async("a1b2c3d4", timeout=5.0)

    received = asyncio.run(scenario())
    assert received is not None
    assert received.id == "a1b2c3d4"
