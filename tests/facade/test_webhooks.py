"""Genray's signed webhooks and ModelArk's callbacks become jobs; waits can listen for them.

A signed (verified) finished job ends a wait at once; an unsigned one is a hint that the wait
confirms with a get. Whatever a delivery holds, parsing it fails only with WebhookVerificationError.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import httpx
import pytest
import respx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from seedance import (
    Job,
    JobEvents,
    JobStatus,
    PollingPolicy,
    SeedanceClient,
    SystemClock,
    WebhookVerificationError,
    parse_webhook,
)
from seedance._webhooks import MAX_PENDING
from seedance.adapters import Adapter, adapter, provider_names
from seedance.adapters._base import MAX_WEBHOOK_BYTES
from seedance.adapters.fal import FalAdapter, Jwks

from .conftest import MakeClient

# Standard Webhooks form (`whsec_` + base64), which Replicate's verification decodes; Genray
# uses the whole text as its HMAC key.
SECRET = "whsec_dGVzdF9zZWNyZXQ="


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


# --- hostile deliveries: every failure is a WebhookVerificationError ----------------------------
WEBHOOK_PROVIDERS = sorted(
    name
    for name in provider_names()
    if type(adapter(name)).verify_webhook is not Adapter.verify_webhook
)
TASK = "cgt-20250101000000-abcde"


def test_the_providers_with_webhooks_are_known() -> None:
    assert {"genray", "modelark"} <= set(WEBHOOK_PROVIDERS)


def _event(provider: str, **fields: object) -> bytes:
    """A well-formed delivery body of *provider*, with *fields* of the job changed (None: drop)."""
    if provider == "genray":
        data: dict[str, object] = {"id": "a1b2c3d4", "status": "completed", "video_url": VIDEO}
        body: dict[str, object] = {"event": "video.completed", "data": data, "timestamp": _now()}
    elif provider == "fal":  # docs.fal.ai/model-endpoints/webhooks: the job is the body itself
        data = {"request_id": "fal-req-1", "gateway_request_id": "fal-req-1", "status": "OK"}
        data["payload"] = {"video": {"url": VIDEO}, "seed": 42}
        body = data
        fields = {("request_id" if name == "id" else name): value for name, value in fields.items()}
    elif provider == "replicate":  # the prediction itself
        data = {"id": "gm3qorzdhgbfurvjtvhg6dckhu", "model": "bytedance/seedance-2.0"}
        data |= {"version": "d456b64a", "status": "succeeded", "output": VIDEO, "urls": {}}
        body = data
    else:
        data = {"id": TASK, "model": "seedance-1-0-pro-250528", "status": "succeeded"}
        data["content"] = {"video_url": VIDEO}
        body = data
    for name, value in fields.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return json.dumps(body).encode()


VIDEO = "https://files.example.com/video.mp4"


def _video_url(provider: str, value: object) -> dict[str, object]:
    if provider == "fal":
        return {"payload": {"video": {"url": value}, "seed": 42}}
    if provider == "replicate":
        return {"output": value}
    return {"video_url": value} if provider == "genray" else {"content": {"video_url": value}}


def _object_field(provider: str, value: object) -> bytes:
    """A delivery whose object-valued field (Genray's ``data``, ModelArk's ``content``) is not
    an object."""
    if provider == "genray":
        event = {"event": "video.completed", "data": value, "timestamp": _now()}
        return json.dumps(event).encode()
    field = {"replicate": "urls", "fal": "payload"}.get(provider, "content")
    return _event(provider, **{field: value})


def _integer_field(provider: str, value: object) -> dict[str, object]:
    if provider == "fal":
        return {"payload": {"video": {"url": VIDEO}, "seed": value}}
    if provider == "replicate":
        return {"metrics": {"predict_time": value}}
    return {"width": value} if provider == "genray" else {"created_at": value}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


HOSTILE: dict[str, Callable[[str], bytes]] = {
    "arrays nested 100,000 deep": lambda p: b"[" * 100_000 + b"]" * 100_000,
    "objects nested 100,000 deep": lambda p: b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "not UTF-8": lambda p: _event(p).replace(b'"status"', b'"\xff\xfestatus"'),
    "Latin-1 text": lambda p: _event(p, id="caf\u00e9").replace(b"\\u00e9", b"\xe9"),
    "a JSON array": lambda p: b"[1, 2, 3]",
    "a list of key/value pairs": lambda p: json.dumps(list(json.loads(_event(p)).items())).encode(),
    "a JSON number": lambda p: b"42",
    "a JSON string": lambda p: b'"succeeded"',
    "JSON null": lambda p: b"null",
    "an empty body": lambda p: b"",
    "not JSON": lambda p: b"id=1&status=succeeded",
    "a body over the size limit": lambda p: _event(p, padding="x" * MAX_WEBHOOK_BYTES),
    "an integer of 5,000 digits": lambda p: _event(p).replace(
        b"{", b'{"n": ' + b"9" * 5000 + b",", 1
    ),
    "the id is a number": lambda p: _event(p, id=12345),
    "the id is an object": lambda p: _event(p, id={"$ne": None}),
    "the id is empty": lambda p: _event(p, id=""),
    "no id": lambda p: _event(p, id=None),
    "the status is a number": lambda p: _event(p, status=3),
    "an unknown status word": lambda p: _event(p, status="exploded"),
    "no status": lambda p: _event(p, status=None),
    "the video URL is a number": lambda p: _event(p, **_video_url(p, 7)),
    "the video URL is a list": lambda p: _event(p, **_video_url(p, [VIDEO])),
    "an object field holds text": lambda p: _object_field(p, "https://e.com/x.mp4"),
    "an object field holds key/value pairs": lambda p: _object_field(p, [["id", "x"]]),
    "an integer field holds text": lambda p: _event(p, **_integer_field(p, "yesterday")),
}


def _signed(provider: str, body: bytes) -> dict[str, str]:
    """Genray's headers for *body*, signed with the right secret, so that parsing is reached."""
    if provider == "replicate":  # Standard Webhooks: base64 HMAC of "id.timestamp.body"
        stamp = str(int(time.time()))
        key = base64.b64decode(SECRET.removeprefix("whsec_"))
        signed = hmac.new(key, f"msg_1.{stamp}.".encode() + body, hashlib.sha256).digest()
        signature = "v1," + base64.b64encode(signed).decode()
        return {"webhook-id": "msg_1", "webhook-timestamp": stamp, "webhook-signature": signature}
    if provider == "fal":  # ED25519 over request id, user id, timestamp and the body's SHA-256
        return _fal_signed(body)
    if provider != "genray":
        return {}
    digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Genray-Signature": f"sha256={digest}", "X-Genray-Event": "video.completed"}


_FAL_KEY = Ed25519PrivateKey.generate()


def _fal_signed(body: bytes) -> dict[str, str]:
    """fal's headers for *body*, signed with a key that fal's adapter is given as its JWKS."""
    raw = _FAL_KEY.public_key().public_bytes_raw()
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": base64.urlsafe_b64encode(raw).decode()}
    fal = adapter("fal")
    assert isinstance(fal, FalAdapter)
    fal.jwks = Jwks(keys=[jwk])  # offline: no fetch of fal's key set
    stamp = str(int(time.time()))
    signed = "\n".join(("fal-req-1", "user-1", stamp, hashlib.sha256(body).hexdigest()))
    return {
        "X-Fal-Webhook-Request-Id": "fal-req-1",
        "X-Fal-Webhook-User-Id": "user-1",
        "X-Fal-Webhook-Timestamp": stamp,
        "X-Fal-Webhook-Signature": _FAL_KEY.sign(signed.encode()).hex(),
    }


@pytest.mark.parametrize("provider", WEBHOOK_PROVIDERS)
def test_a_well_formed_delivery_is_accepted(provider: str) -> None:
    body = _event(provider)
    job = parse_webhook(provider, body, _signed(provider, body), secret=SECRET)
    assert (job.status, job.video_url) == (JobStatus.SUCCEEDED, VIDEO)
    assert job.signature_verified is (provider in ("genray", "replicate", "fal"))


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("provider", WEBHOOK_PROVIDERS)
def test_a_hostile_body_ends_in_a_verification_error(provider: str, case: str) -> None:
    body = HOSTILE[case](provider)
    with pytest.raises(WebhookVerificationError) as raised:
        parse_webhook(provider, body, _signed(provider, body), secret=SECRET)
    assert len(str(raised.value)) < 1000, "the message does not echo the whole body"


@pytest.mark.parametrize("provider", WEBHOOK_PROVIDERS)
def test_a_hostile_body_fails_the_same_way_through_a_client(
    provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(adapter(provider).api_key_env[0], "sk_test_0123456789")
    body = HOSTILE["objects nested 100,000 deep"](provider)
    with SeedanceClient(provider) as client, pytest.raises(WebhookVerificationError):
        client.parse_webhook(body, _signed(provider, body), secret=SECRET)


@pytest.mark.parametrize("provider", WEBHOOK_PROVIDERS)
@pytest.mark.parametrize("body", ["text, not bytes", None, 42])
def test_a_body_that_is_not_bytes_is_refused(provider: str, body: Any) -> None:
    with pytest.raises(WebhookVerificationError, match="raw request bytes"):
        parse_webhook(provider, body, {}, secret=SECRET)


def test_a_signature_header_that_is_not_text_is_refused() -> None:
    body, _ = _delivery()
    with pytest.raises(WebhookVerificationError):
        parse_webhook("genray", body, {"X-Genray-Signature": 5}, secret=SECRET)  # type: ignore[dict-item]


@pytest.mark.parametrize("tolerance", [float("nan"), -1.0])
def test_a_tolerance_that_would_accept_any_age_is_refused(tolerance: float) -> None:
    body, headers = _delivery(age=10**6)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        parse_webhook("genray", body, headers, secret=SECRET, tolerance=tolerance)


def test_a_hostile_genray_body_without_the_signature_is_refused_unread() -> None:
    body = HOSTILE["arrays nested 100,000 deep"]("genray")
    with pytest.raises(WebhookVerificationError, match=r"(?i)signature"):
        parse_webhook("genray", body, {"X-Genray-Signature": "sha256=00"}, secret=SECRET)


def test_a_flood_of_made_up_job_ids_does_not_grow_the_inbox_without_end() -> None:
    inbox = JobEvents()
    for index in range(MAX_PENDING + 50):
        inbox.publish(Job(id=f"cgt-{index}", provider="modelark", status=JobStatus.SUCCEEDED))
    assert inbox.latest("cgt-0") is None, "the oldest unread updates are dropped"
    assert inbox.latest(f"cgt-{MAX_PENDING + 49}") is not None


# --- waits: signed deliveries are used, unsigned ones are hints confirmed with get ---------------
GET_PATH = f"/contents/generations/tasks/{TASK}"
MODELARK_URL = "https://ark.ap-southeast.bytepluses.com/api/v3"
FORGED_URL = "https://attacker.example.com/payload.mp4"


def _task(status: str, **fields: object) -> httpx.Response:
    body = {"id": TASK, "model": "seedance-1-0-pro-250528", "status": status, **fields}
    return httpx.Response(200, json=body)


SUCCEEDED = _task("succeeded", content={"video_url": VIDEO})


def _forged(how: str) -> Job:
    """What an attacker who guessed the callback URL makes the webhook handler publish."""
    if how == "published by hand":
        return Job(id=TASK, provider="modelark", status=JobStatus.SUCCEEDED, video_url=FORGED_URL)
    body = json.dumps(
        {"id": TASK, "model": "x", "status": "succeeded", "content": {"video_url": FORGED_URL}}
    ).encode()
    return parse_webhook("modelark", body, {})


@pytest.fixture
def modelark(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.Route]:
    monkeypatch.setenv("MODELARK_API_KEY", "sk_test_0123456789")
    with respx.mock(base_url=MODELARK_URL, assert_all_called=False) as router:
        yield router.get(GET_PATH)


@pytest.mark.parametrize("how", ["an unsigned callback", "published by hand"])
def test_a_forged_success_does_not_end_the_wait_while_the_job_is_queued(
    how: str, modelark: respx.Route, make_client: MakeClient
) -> None:
    """The issue's report: a forged "succeeded" with the attacker's URL ended the wait."""
    inbox = JobEvents()
    inbox.publish(_forged(how))
    modelark.side_effect = [_task("queued"), _task("queued"), SUCCEEDED]
    updates: list[Job] = []
    client = make_client("modelark", polling=PollingPolicy(initial=0.01, maximum=0.01))

    job = client.wait(TASK, events=inbox, on_update=updates.append)

    assert job.video_url == VIDEO, "the job comes from get, not from the forged delivery"
    assert modelark.call_count == 3, "the hint was checked, then polling went on"
    assert FORGED_URL not in [update.video_url for update in updates]


def test_a_true_unsigned_callback_is_confirmed_at_once_and_the_get_is_returned(
    modelark: respx.Route, make_client: MakeClient
) -> None:
    inbox = JobEvents()
    callback = parse_webhook("modelark", _event("modelark", content={"video_url": FORGED_URL}), {})

    def on_update(job: Job) -> None:
        if job.status is JobStatus.RUNNING:
            inbox.publish(callback)  # the callback arrives during a 60 s pause

    modelark.side_effect = [_task("running"), SUCCEEDED]
    # A 0.05 s floor, then waits of a million times the job's age: 60 s after the first poll.
    slow_polling = PollingPolicy(initial=0.05, maximum=60.0, growth=1_000_000.0)
    # Deliveries arrive in wall time: this wait runs on it (the suite's fake clock never waits).
    client = make_client("modelark", polling=slow_polling, clock=SystemClock())
    started = time.monotonic()

    job = client.wait(TASK, events=inbox, on_update=on_update)

    assert time.monotonic() - started < 30, "the hint cut the 60 s pause short"
    assert (job.status, job.video_url) == (JobStatus.SUCCEEDED, VIDEO), "the get's job"
    assert modelark.call_count == 2


def test_a_flood_of_hints_does_not_poll_faster_than_the_policy(
    modelark: respx.Route, make_client: MakeClient
) -> None:
    inbox = JobEvents()
    forged = _forged("an unsigned callback")
    stop = threading.Event()

    def flood() -> None:
        while not stop.is_set():
            inbox.publish(forged)
            time.sleep(0.001)

    modelark.side_effect = [_task("running")] * 5 + [SUCCEEDED]
    polling = PollingPolicy(initial=0.1, maximum=0.1)
    client = make_client("modelark", polling=polling, clock=SystemClock())
    attacker = threading.Thread(target=flood)
    attacker.start()
    started = time.monotonic()
    try:
        job = client.wait(TASK, events=inbox)
    finally:
        stop.set()
        attacker.join()

    assert job.video_url == VIDEO
    assert modelark.call_count == 6
    assert time.monotonic() - started >= 5 * 0.1 * 0.9, "at most one poll per 0.1 s"


def test_hints_do_not_poll_past_the_keys_request_budget(
    modelark: respx.Route, make_client: MakeClient
) -> None:
    inbox = JobEvents()
    modelark.return_value = _task("running")
    hints = threading.Event()

    def hint() -> None:
        while not hints.is_set():
            inbox.publish(_forged("an unsigned callback"))
            time.sleep(0.01)

    def end() -> None:  # a signed end, 0.5 s in, stops the wait
        time.sleep(0.5)
        hints.set()
        done = Job(id=TASK, provider="modelark", status=JobStatus.SUCCEEDED, video_url=VIDEO)
        inbox.publish(attrs.evolve(done, signature_verified=True))

    # Every 0.05 s, but one request a minute for the key: the second poll's slot is 60 s out.
    polling = PollingPolicy(initial=0.05, maximum=0.05, requests_per_minute=1)
    client = make_client("modelark", polling=polling, clock=SystemClock())
    threads = [threading.Thread(target=hint), threading.Thread(target=end)]
    for thread in threads:
        thread.start()
    try:
        job = client.wait(TASK, events=inbox)
    finally:
        hints.set()
        for thread in threads:
            thread.join()

    assert job.signature_verified
    assert modelark.call_count == 1, "the hints did not buy a poll over the budget"


def test_a_signed_delivery_ends_the_wait_without_another_poll(
    monkeypatch: pytest.MonkeyPatch, make_client: MakeClient
) -> None:
    monkeypatch.setenv("GENRAY_API_KEY", "sk_test_0123456789")
    body, headers = _delivery()
    inbox = JobEvents()
    inbox.publish(parse_webhook("genray", body, headers, secret=SECRET))
    running = {"id": "a1b2c3d4", "status": "processing", "model": "seedance-2.0"}
    running["created_at"] = "2026-04-02T12:00:00"
    with respx.mock(base_url="https://genray.ai") as router:
        route = router.get("/api/v1/videos/a1b2c3d4").mock(httpx.Response(200, json=running))
        client = make_client("genray", polling=PollingPolicy(initial=30.0, maximum=30.0))
        job = client.wait("a1b2c3d4", events=inbox)
    assert job.signature_verified
    assert job.video_url == "https://genray.ai/videos/abc123.mp4"
    assert route.call_count == 1, "a verified delivery needs no confirmation"


def test_a_signed_delivery_that_is_not_finished_only_wakes_the_wait(
    monkeypatch: pytest.MonkeyPatch, make_client: MakeClient
) -> None:
    monkeypatch.setenv("GENRAY_API_KEY", "sk_test_0123456789")
    body, headers = _delivery(status="processing")
    inbox = JobEvents()
    inbox.publish(parse_webhook("genray", body, headers, secret=SECRET))
    done = {"id": "a1b2c3d4", "status": "completed", "video_url": VIDEO}
    with respx.mock(base_url="https://genray.ai") as router:
        route = router.get("/api/v1/videos/a1b2c3d4")
        route.side_effect = [
            httpx.Response(200, json={"id": "a1b2c3d4", "status": "queued"}),
            httpx.Response(200, json=done),
        ]
        client = make_client("genray", polling=PollingPolicy(initial=0.01, maximum=0.01))
        job = client.wait("a1b2c3d4", events=inbox)
    assert (job.status, job.video_url, route.call_count) == (JobStatus.SUCCEEDED, VIDEO, 2)


def test_a_hand_made_job_is_unverified_unless_it_says_so() -> None:
    job = Job(id="a1", provider="genray", status=JobStatus.SUCCEEDED)
    assert job.signature_verified is False
    with pytest.raises(TypeError):
        Job(id="a1", provider="genray", status=JobStatus.SUCCEEDED, signature_verified="yes")  # type: ignore[arg-type]
