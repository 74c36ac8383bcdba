"""Hostile webhook deliveries: bodies no parser should choke on (100,000-deep nesting, bytes that
are not UTF-8, a JSON array) are a `WebhookVerificationError`, even under a valid signature; and
a forged, unsigned ModelArk callback cannot hand a wait its own video URL."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest

from seedance import Job, JobEvents, PollingPolicy, WebhookVerificationError, parse_webhook

from ._server import Behaviour, Exchange, HostileServer, json_response, sequence
from ._support import ROUTES, assert_in_time, expect, observe
from .conftest import Connect

SECRET = "whsec_hostile_0123456789"
DEEP = 100_000
NOW = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
EVENT = b'{"event": "video.completed", "timestamp": "' + NOW.encode() + b'", "data": '
"""A Genray event (fresh timestamp) up to its ``data``; each body below completes it."""
BODIES: dict[str, bytes] = {
    "nested 100,000 deep (objects)": b'{"data": ' * DEEP + b"1" + b"}" * DEEP,
    "nested 100,000 deep (arrays)": b"[" * DEEP + b"]" * DEEP,
    "nested 100,000 deep inside an event": EVENT + b'{"id": ' * DEEP + b'"x"' + b"}" * DEEP + b"}",
    "not UTF-8": EVENT
    + b'{"id": "\xff\xfe\xfa", "status": "completed", "video_url": "https://e.x/\xc3\x28.mp4"}}',
    "UTF-16": json.dumps({"id": "cgt-1", "status": "succeeded"}).encode("utf-16"),
    "a JSON array": json.dumps([{"id": "cgt-1", "status": "succeeded", "event": "x"}]).encode(),
    "a JSON string": b'"succeeded"',
    "empty": b"",
}


def _signed(body: bytes) -> dict[str, str]:
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Genray-Signature": signature, "X-Genray-Event": "video.completed"}


@pytest.mark.parametrize("case", BODIES)
def test_a_hostile_body_under_a_valid_genray_signature(case: str) -> None:
    body = BODIES[case]

    outcome = observe(lambda: parse_webhook("genray", body, _signed(body), secret=SECRET))

    expect(outcome, WebhookVerificationError)
    assert_in_time(outcome, 0)


@pytest.mark.parametrize("case", BODIES)
def test_a_hostile_modelark_callback(case: str) -> None:
    body = BODIES[case]

    outcome = observe(lambda: parse_webhook("modelark", body, {"Content-Type": "application/json"}))

    expect(outcome, WebhookVerificationError)
    assert_in_time(outcome, 0)


FORGED_VIDEO = "https://attacker.example/forged.mp4"
REAL_VIDEO = "https://files.example.com/real.mp4"


@pytest.mark.parametrize("when", ["before the wait", "during the wait"])
def test_a_forged_modelark_callback_does_not_end_a_wait(
    connect: Connect, server: HostileServer, when: str
) -> None:
    """The callback says "succeeded" with the attacker's URL while the provider still says
    "queued"; the wait must confirm with a GET and return the provider's job, whenever it
    finishes."""
    route = ROUTES["modelark"]
    job_id = "cgt-20260101000000-forge"
    queued = json_response({**route.pending, "id": job_id, "status": "queued"})
    real = {**route.succeeded, "id": job_id, "content": {"video_url": REAL_VIDEO}}
    server.serve(
        sequence(queued, queued, queued, json_response(real)),
        method="GET",
        path=route.get_path(job_id),
    )
    forged_body = json.dumps(
        {
            "id": job_id,
            "model": "dreamina-seedance-2-0-260128",
            "status": "succeeded",
            "content": {"video_url": FORGED_VIDEO},
        }
    ).encode()
    forged = parse_webhook("modelark", forged_body, {"Content-Type": "application/json"})
    assert forged.video_url == FORGED_VIDEO  # parsed, but only a hint
    inbox = JobEvents()
    client = connect(
        "modelark", timeout=3, polling=PollingPolicy(initial=0.2, maximum=0.3, multiplier=1.0)
    )

    def wait() -> object:
        if when == "before the wait":
            inbox.publish(forged)
        else:
            # The first poll answers "queued"; the forgery lands while the wait sleeps.
            server.serve(
                sequence(_publishing(queued, inbox, forged), queued, queued, json_response(real)),
                method="GET",
                path=route.get_path(job_id),
            )
        return client.wait(job_id, events=inbox, timeout=6)

    outcome = observe(wait)

    assert outcome.error is None, outcome.describe()
    assert getattr(outcome.value, "video_url", None) == REAL_VIDEO
    assert server.count("GET", route.get_path(job_id)) == 4
    assert_in_time(outcome, 6)


def _publishing(behaviour: Behaviour, inbox: JobEvents, job: Job) -> Behaviour:
    """*behaviour*, after which *job* is published to *inbox* (from the server's thread)."""

    def publish_after(exchange: Exchange) -> None:
        behaviour(exchange)
        inbox.publish(job)

    return publish_after
