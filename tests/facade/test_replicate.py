"""Replicate: per-model capabilities, the rules between fields, and Standard Webhooks verification
(replicate.com/docs/topics/webhooks/verify-webhook; replicate 1.0.7 replicate/webhook.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from seedance import JobEvents, JobStatus, SeedanceClient, VideoRequest, parse_webhook
from seedance._errors import InvalidRequestError, UnsupportedError, WebhookVerificationError
from seedance.adapters import adapter
from seedance.adapters._base import MAX_WEBHOOK_BYTES
from seedance.testing import ManualClock, Simulator

KEY = b"a signing key of thirty-two byte"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
IMAGE = "https://example.com/a.png"
VIDEO = "https://replicate.delivery/xezq/output.mp4"


def _prediction(**fields: Any) -> bytes:
    body = {
        "id": "gm3qorzdhgbfurvjtvhg6dckhu",
        "model": "bytedance/seedance-2.0",
        "version": "d456b64a60da3903c3692f7128d491004d021bbc2e1e19c63bccb117d3f4ab7b",
        "status": "succeeded",
        "output": VIDEO,
        "error": None,
        **fields,
    }
    return json.dumps(body).encode()


def _signed(body: bytes, *, sent: int | None = None, key: bytes = KEY) -> dict[str, str]:
    """Headers as the Standard Webhooks spec signs them, written out independently of the
    adapter: base64 HMAC-SHA256 of ``id.timestamp.body``."""
    stamp = str(int(time.time()) if sent is None else sent)
    digest = hmac.new(key, b"msg_1." + stamp.encode() + b"." + body, hashlib.sha256).digest()
    return {
        "webhook-id": "msg_1",
        "webhook-timestamp": stamp,
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


# --- capabilities, per model ----------------------------------------------------------------------
def test_each_model_has_the_values_of_its_version_page() -> None:
    models = adapter("replicate").capabilities.models
    assert list(models) == [
        "bytedance/seedance-2.0",
        "bytedance/seedance-2.0-fast",
        "bytedance/seedance-1-pro",
        "bytedance/seedance-1-lite",
    ]
    pro, lite, two = (
        models["bytedance/seedance-1-pro"],
        models["bytedance/seedance-1-lite"],
        models["bytedance/seedance-2.0"],
    )
    assert pro.durations == tuple(range(2, 13))
    assert two.durations == (-1, *range(1, 16))
    assert pro.resolutions == ("480p", "720p", "1080p")
    assert two.resolutions == ("480p", "720p")
    assert "adaptive" in (two.aspect_ratios or ())
    assert "adaptive" not in (pro.aspect_ratios or ())
    assert (lite.max_reference_images, two.max_reference_images, pro.max_reference_images) == (
        4,
        9,
        0,
    )
    assert (two.max_reference_videos, two.max_reference_audios) == (3, 3)
    assert two.generate_audio
    assert not pro.generate_audio
    assert all(caps.first_frame and caps.last_frame for caps in models.values())


@pytest.mark.parametrize(
    ("request_", "field", "words"),
    [
        (
            VideoRequest(prompt="x", first_frame=IMAGE, reference_images=[IMAGE]),
            "reference_images",
            "first_frame",
        ),
        (
            VideoRequest(
                prompt="x",
                model="bytedance/seedance-1-lite",
                resolution="1080p",
                reference_images=[IMAGE],
            ),
            "reference_images",
            "1080p",
        ),
        (
            VideoRequest(prompt="x", reference_audios=["https://example.com/a.mp3"]),
            "reference_audios",
            "reference image or video",
        ),
    ],
)
def test_rules_between_fields_fail_before_sending(
    request_: VideoRequest, field: str, words: str
) -> None:
    sim = Simulator("replicate")
    with pytest.raises(InvalidRequestError) as raised:
        sim.client().submit(request_)
    assert raised.value.field == field
    assert words in str(raised.value)
    assert sim.counters["requests"] == 0


def test_a_model_without_a_field_is_refused_before_sending() -> None:
    sim = Simulator("replicate")
    request = VideoRequest(prompt="x", model="bytedance/seedance-1-pro", generate_audio=True)
    with pytest.raises(UnsupportedError, match="generate_audio"):
        sim.client().submit(request)
    assert sim.counters["requests"] == 0


def test_the_body_names_the_model_and_holds_the_input() -> None:
    sim = Simulator("replicate", queue_seconds=1, run_seconds=5)
    client = sim.client()
    job = client.submit(
        VideoRequest(
            prompt="a fox",
            model="bytedance/seedance-1-lite",
            duration=6,
            first_frame=IMAGE,
            last_frame=IMAGE,
            webhook_url="https://hooks.example.com/replicate",
        )
    )
    sent = sim.jobs[job.id].body
    assert sent == {
        "version": "bytedance/seedance-1-lite",
        "input": {"prompt": "a fox", "duration": 6, "image": IMAGE, "last_frame_image": IMAGE},
        "webhook": "https://hooks.example.com/replicate",
    }
    assert job.status is JobStatus.QUEUED
    assert job.model == "bytedance/seedance-1-lite"
    client.cancel(job)
    assert client.get(job).status is JobStatus.CANCELLED


# --- webhooks -------------------------------------------------------------------------------------
def test_a_signed_delivery_becomes_a_verified_job() -> None:
    body = _prediction()
    job = parse_webhook("replicate", body, _signed(body), secret=SECRET)
    assert (job.status, job.video_url, job.signature_verified) == (
        JobStatus.SUCCEEDED,
        VIDEO,
        True,
    )


def test_any_one_of_several_signatures_may_match() -> None:
    body = _prediction()
    headers = _signed(body)
    headers["webhook-signature"] = "v1,AAAA " + headers["webhook-signature"]
    assert parse_webhook("replicate", body, headers, secret=SECRET).signature_verified


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda body, headers: (body.replace(b"succeeded", b"failed\x20\x20"), headers), "match"),
        (lambda body, headers: (body, {**headers, "webhook-id": "msg_2"}), "match"),
        (lambda body, headers: (body, _signed(body, key=b"another key")), "match"),
        (lambda body, headers: (body, {**headers, "webhook-signature": "v2,abc"}), "match"),
        (lambda body, headers: (body, _signed(body, sent=int(time.time()) - 900)), "replay"),
        (lambda body, headers: (body, _signed(body, sent=int(time.time()) + 900)), "replay"),
        (lambda body, headers: (body, {**headers, "webhook-timestamp": "soon"}), "epoch"),
        (
            lambda body, headers: (body, {k: v for k, v in headers.items() if k != "webhook-id"}),
            "webhook-id header is missing",
        ),
    ],
)
def test_a_forged_tampered_or_replayed_delivery_is_refused(change: Any, reason: str) -> None:
    body = _prediction()
    forged_body, headers = change(body, _signed(body))
    with pytest.raises(WebhookVerificationError, match=reason):
        parse_webhook("replicate", forged_body, headers, secret=SECRET)


def test_a_secret_that_is_not_whsec_base64_is_refused_by_name() -> None:
    body = _prediction()
    with pytest.raises(WebhookVerificationError, match="whsec_"):
        parse_webhook("replicate", body, _signed(body), secret="whsec_not base64!")
    with pytest.raises(WebhookVerificationError, match="secret"):
        parse_webhook("replicate", body, _signed(body), secret=None)


def test_a_signed_body_that_is_no_prediction_is_refused() -> None:
    body = json.dumps({"id": "x", "status": "exploded"}).encode()
    with pytest.raises(WebhookVerificationError):
        parse_webhook("replicate", body, _signed(body), secret=SECRET)


def test_the_simulator_signs_its_deliveries_as_replicate_does() -> None:
    deliveries: list[tuple[dict[str, str], bytes]] = []

    def deliver(delivery: Any) -> int:
        deliveries.append((dict(delivery.headers), delivery.body))
        return 204

    clock = ManualClock()
    sim = Simulator("replicate", clock=clock, deliver=deliver, queue_seconds=1, run_seconds=5)
    client = sim.client()
    job = client.submit(VideoRequest(prompt="a fox", webhook_url="http://127.0.0.1:9/hook"))
    clock.advance(10)
    client.get(job)  # in-process, requests are when callbacks go
    (headers, body), *_ = deliveries
    inbox = JobEvents()
    inbox.publish(parse_webhook("replicate", body, headers, secret=sim.webhook_secret))
    finished = client.wait(job, events=inbox)
    assert finished.status is JobStatus.SUCCEEDED
    assert finished.video_url


def _with(**fields: Any) -> bytes:
    """A prediction body with *fields* changed (None: dropped)."""
    body = json.loads(_prediction())
    for name, value in fields.items():
        if value is None:
            body.pop(name, None)
        else:
            body[name] = value
    return json.dumps(body).encode()


# Bodies an attacker who holds a valid signature (a leaked secret) could send: parsing them must
# fail only with WebhookVerificationError, and say so briefly.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "arrays nested 100,000 deep": lambda: b"[" * 100_000 + b"]" * 100_000,
    "objects nested 100,000 deep": lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "not UTF-8": lambda: _prediction().replace(b'"id"', b'"\xff\xfeid"'),
    "a JSON array": lambda: b"[1, 2, 3]",
    "a JSON number": lambda: b"42",
    "JSON null": lambda: b"null",
    "an empty body": lambda: b"",
    "not JSON": lambda: b"id=1&status=succeeded",
    "a body over the size limit": lambda: _with(logs="x" * MAX_WEBHOOK_BYTES),
    "the id is a number": lambda: _with(id=12345),
    "the id is empty": lambda: _with(id=""),
    "no id": lambda: _with(id=None),
    "no version": lambda: _with(version=None),
    "the status is a number": lambda: _with(status=3),
    "an unknown status word": lambda: _with(status="exploded"),
    "the output is a number": lambda: _with(output=7),
    "the output is a list": lambda: _with(output=[VIDEO]),
    "urls holds text": lambda: _with(urls="https://e.com"),
    "metrics holds a list": lambda: _with(metrics=[["predict_time", 1]]),
    "created_at is a number": lambda: _with(created_at=1767225600),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_signed_body_ends_in_a_verification_error(case: str) -> None:
    body = HOSTILE[case]()
    with pytest.raises(WebhookVerificationError) as raised:
        parse_webhook("replicate", body, _signed(body), secret=SECRET)
    assert len(str(raised.value)) < 1000, "the message does not echo the whole body"


def test_model_options_in_extras_go_into_the_input() -> None:
    client = SeedanceClient("replicate", api_key="r8_test_extras_0123")
    call = client._engine.create_call(
        VideoRequest(
            prompt="a cat",
            model="bytedance/seedance-1-pro",
            extras={"camera_fixed": True, "webhook_events_filter": ["completed"]},
        )
    )
    body = call.arguments["body"].to_dict()
    assert body["input"]["camera_fixed"] is True
    assert body["webhook_events_filter"] == ["completed"]
    assert "camera_fixed" not in body


def test_an_unknown_top_level_field_is_named_with_the_known_ones() -> None:
    spec = adapter("replicate").spec
    body = {"version": "bytedance/seedance-2.0", "input": {"prompt": "a cat"}, "bogus": 1}
    with pytest.raises(InvalidRequestError) as refused:
        spec.validate_body("create_prediction", body)
    assert (refused.value.field, refused.value.value) == ("bogus", 1)
    assert refused.value.allowed == (
        "no such field; known: input, stream, version, webhook, webhook_events_filter"
    )
