"""fal: one model per queue endpoint, each held to its own schema; jobs named by app and request."""

from __future__ import annotations

import base64
import hashlib
import json
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from seedance_fal.api.queue import get_request_result
from seedance_fal.models import QueueStatus, SeedanceVideoOutput

from facade.profiles.fal import COMPLETED, PROFILE, REQUEST
from seedance import (
    InvalidRequestError,
    JobEvents,
    JobStatus,
    SeedanceClient,
    UnsupportedError,
    VideoRequest,
    WebhookVerificationError,
    parse_webhook,
)
from seedance.adapters import adapter
from seedance.adapters.fal import FalAdapter, Jwks, split_job_id
from seedance.testing import ManualClock, Simulator

V1_T2V = "fal-ai/bytedance/seedance/v1/pro/text-to-video"
PRO_FAST_I2V = "fal-ai/bytedance/seedance/v1/pro/fast/image-to-video"
V15_T2V = "fal-ai/bytedance/seedance/v1.5/pro/text-to-video"
V2_I2V = "bytedance/seedance-2.0/image-to-video"
V2_FAST_R2V = "bytedance/seedance-2.0/fast/reference-to-video"
IMAGE = "https://example.com/a.png"


def _fal() -> FalAdapter:
    chosen = adapter("fal")
    assert isinstance(chosen, FalAdapter)
    return chosen


def test_every_endpoint_is_a_model_with_its_own_durations() -> None:
    caps = _fal().capabilities
    assert len(caps.models) == 15
    assert caps.model(V1_T2V).durations == tuple(range(2, 13))
    assert caps.model(V15_T2V).durations == tuple(range(4, 13))
    assert caps.model(V2_I2V).durations == tuple(range(4, 16))  # "auto" goes through extras
    assert caps.model(V2_I2V).required == ("first_frame",)
    assert caps.model(V2_FAST_R2V).resolutions == ("480p", "720p")
    assert caps.model(V2_FAST_R2V).max_reference_images == 9
    assert caps.model(V15_T2V).generate_audio
    assert not caps.model(V1_T2V).generate_audio


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (VideoRequest(prompt="x", model=V1_T2V, negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", model=V15_T2V, duration=3), "duration"),
        (VideoRequest(prompt="x", model=V2_FAST_R2V, resolution="1080p"), "resolution"),
        (VideoRequest(prompt="x", model=V2_I2V), "first_frame"),
        (
            VideoRequest(prompt="x", model=PRO_FAST_I2V, first_frame=IMAGE, last_frame=IMAGE),
            "last_frame",
        ),
        (
            VideoRequest(prompt="x", model=V2_FAST_R2V, reference_videos=[IMAGE] * 4),
            "reference_videos",
        ),
        (VideoRequest(prompt="x", model="fal-ai/flux/dev"), "model"),
    ],
)
def test_what_a_model_cannot_do_fails_before_sending(request_: VideoRequest, field: str) -> None:
    sim = Simulator("fal")
    with sim.client() as client, pytest.raises((InvalidRequestError, UnsupportedError)) as error:
        client.submit(request_)
    assert field in str(error.value)
    assert sim.counters["requests"] == 0


def test_submit_goes_to_the_models_endpoint_and_the_job_names_its_app() -> None:
    clock = ManualClock()
    sim = Simulator("fal", clock=clock)
    with sim.client() as client:
        job = client.submit(
            VideoRequest(prompt="a cat", model=V2_I2V, first_frame=IMAGE, duration=5, seed=7)
        )
        owner, alias, request_id = split_job_id(job.id)
        assert (owner, alias) == ("bytedance", "seedance-2.0")
        assert sim.counters["requests.submit_seedance_v2_image_to_video"] == 1
        assert sim.jobs[request_id].body == {
            "prompt": "a cat",
            "image_url": IMAGE,
            "duration": "5",  # fal's durations are strings
            "seed": 7,
        }
        assert job.status is JobStatus.QUEUED
        clock.advance(3600)
        sent = sim.counters["requests"]
        done = client.get(job)
        # fal's status never holds the output: the client reads it from the result operation.
        assert sim.counters["requests"] == sent + 2
        assert sim.counters["requests.get_request_result"] == 1
        assert done.status is JobStatus.SUCCEEDED
        assert done.video_url == sim.video_url(sim.jobs[request_id])
        output = client.request(get_request_result, owner=owner, alias=alias, request_id=request_id)
        assert isinstance(output, SeedanceVideoOutput)  # the operation's parsed type, not Any
        assert output.video.url == done.video_url


def test_the_key_goes_in_fals_key_scheme_and_never_as_a_bearer_token() -> None:
    """``Authorization: Key <FAL_KEY>`` (fal's queue reference; fal-client 1.0.3 auth.py):
    fal refuses a Bearer token, and so does the simulator."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        status, body = PROFILE.create_response
        return httpx.Response(status, json=body)

    transport = httpx.MockTransport(answer)
    with SeedanceClient("fal", api_key="fal_key_1", transport=transport) as client:
        client.submit(PROFILE.request)
    assert sent[0].headers["authorization"] == "Key fal_key_1"

    sim = Simulator("fal", api_keys=["fal_key_1"])
    with sim.http_client() as http:
        method, path = PROFILE.create
        body = dict(PROFILE.expected_body)
        as_bearer = http.request(
            method, path, json=body, headers={"Authorization": "Bearer fal_key_1"}
        )
        assert as_bearer.status_code == 401
        as_key = http.request(method, path, json=body, headers={"Authorization": "Key fal_key_1"})
        assert as_key.is_success


def test_a_failed_request_is_completed_with_an_error() -> None:
    clock = ManualClock()
    sim = Simulator("fal", clock=clock)
    with sim.client() as client:
        job = client.submit(VideoRequest(prompt="simulate:fail please", model=V1_T2V))
        clock.advance(3600)
        failed = client.get(job)
    assert failed.status is JobStatus.FAILED
    assert failed.error is not None


def test_a_request_is_not_found_under_another_app_and_ids_are_checked() -> None:
    sim = Simulator("fal")
    with sim.client() as client:
        old = client.submit(VideoRequest(prompt="a cat", model=V1_T2V))
        new = client.submit(VideoRequest(prompt="a cat", model=V2_I2V, first_frame=IMAGE))
        # A fal-ai/bytedance request's job id is its bare request id (fal-client's).
        bare = old.id
        assert "/" not in bare
        assert client.get(f"fal-ai/bytedance/{bare}").status is JobStatus.QUEUED
        with pytest.raises(Exception, match="404"):
            client.get(split_job_id(new.id)[2])
        with pytest.raises(Exception, match="404"):
            client.get(f"bytedance:seedance-2.0:{bare}")
        sent = sim.counters["requests"]
        with pytest.raises(InvalidRequestError, match="owner"):
            client.get("fal-ai:bytedance")
        assert sim.counters["requests"] == sent


def test_cancel_a_queued_request() -> None:
    sim = Simulator("fal", queue_seconds=60)
    with sim.client() as client:
        job = client.submit(VideoRequest(prompt="a cat", model=V1_T2V))
        client.cancel(job)
        assert client.get(job).status is JobStatus.FAILED  # COMPLETED with an error


@pytest.mark.parametrize("case", PROFILE.statuses, ids=lambda case: str(case.body["status"]))
def test_every_documented_status_maps_to_a_job(case: object) -> None:
    fal = _fal()
    fal.get(PROFILE.created_id)  # the call a status answer comes back to
    job = fal.to_job(QueueStatus.from_dict(dict(case.body)))  # type: ignore[attr-defined]
    assert job.id == PROFILE.created_id
    assert job.status is case.status  # type: ignore[attr-defined]
    assert job.video_url is None
    if case.error_message:  # type: ignore[attr-defined]
        assert job.error is not None
        assert job.error.message == case.error_message  # type: ignore[attr-defined]


def test_a_completed_status_is_finished_by_the_result() -> None:
    fal = _fal()
    fal.get(PROFILE.created_id)
    completed = fal.to_job(QueueStatus.from_dict(COMPLETED))
    assert (completed.status, completed.video_url) == (JobStatus.SUCCEEDED, None)
    follow = fal.follow_up(completed)
    assert follow is not None
    assert follow.operation is get_request_result
    assert follow.arguments == {"owner": "fal-ai", "alias": "bytedance", "request_id": REQUEST}
    assert fal.follow_up(fal.to_job(SeedanceVideoOutput.from_dict(dict(PROFILE.succeeded)))) is None


def test_the_result_answer_is_the_finished_job() -> None:
    fal = _fal()
    fal.result(PROFILE.created_id)
    job = fal.to_job(SeedanceVideoOutput.from_dict(dict(PROFILE.succeeded)))
    assert (job.id, job.status, job.video_url) == (
        PROFILE.created_id,
        JobStatus.SUCCEEDED,
        "https://files.example.com/video.mp4",
    )


@pytest.mark.parametrize("case", PROFILE.errors, ids=lambda case: str(case.status_code))
def test_fal_error_bodies(case: object) -> None:
    code, message = _fal().error_details(case.body)  # type: ignore[attr-defined]
    assert (code, message) == (case.code, case.message)  # type: ignore[attr-defined]


# --- webhooks ----------------------------------------------------------------------------------
KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()


def _jwk(key: Ed25519PrivateKey) -> dict[str, str]:
    raw = key.public_key().public_bytes_raw()
    return {"kty": "OKP", "crv": "Ed25519", "x": base64.urlsafe_b64encode(raw).decode().rstrip("=")}


def _delivery(
    request_id: str, *, key: Ed25519PrivateKey = KEY, sent: int | None = None, status: str = "OK"
) -> tuple[bytes, dict[str, str]]:
    payload = {"video": {"url": "https://v3.fal.media/files/a/video.mp4"}, "seed": 42}
    body = json.dumps(
        {"request_id": request_id, "gateway_request_id": request_id, "status": status,
         "payload": payload if status == "OK" else None,
         **({"error": "Invalid status code: 422"} if status == "ERROR" else {})}
    ).encode()  # fmt: skip
    timestamp = str(int(time.time()) if sent is None else sent)
    message = "\n".join((request_id, "user-1", timestamp, hashlib.sha256(body).hexdigest()))
    headers = {
        "X-Fal-Webhook-Request-Id": request_id,
        "X-Fal-Webhook-User-Id": "user-1",
        "X-Fal-Webhook-Timestamp": timestamp,
        "X-Fal-Webhook-Signature": key.sign(message.encode()).hex(),
    }
    return body, headers


@pytest.fixture
def offline_keys() -> object:
    fal = _fal()
    before = fal.jwks
    fal.jwks = Jwks(keys=[_jwk(OTHER), _jwk(KEY)])  # any of the set may have signed
    yield fal
    fal.jwks = before


@pytest.mark.usefixtures("offline_keys")
def test_a_signed_delivery_ends_the_wait_with_the_video() -> None:
    sim = Simulator("fal", clock=ManualClock())
    with sim.client() as client:
        job = client.submit(
            VideoRequest(prompt="a cat", model=V1_T2V, webhook_url="https://x.test/h")
        )
        request_id = split_job_id(job.id)[2]
        assert sim.jobs[request_id].webhook_url == "https://x.test/h"
        body, headers = _delivery(request_id)
        pushed = parse_webhook("fal", body, headers)
        assert pushed.id == job.id  # the app is known: this process submitted it
        assert pushed.signature_verified
        assert pushed.video_url == "https://v3.fal.media/files/a/video.mp4"
        inbox = JobEvents()
        inbox.publish(pushed)
        done = client.wait(job, events=inbox, timeout=60)
    assert done.video_url == "https://v3.fal.media/files/a/video.mp4"


@pytest.mark.usefixtures("offline_keys")
def test_an_error_delivery_is_a_failed_job() -> None:
    body, headers = _delivery("unknown-request", status="ERROR")
    job = parse_webhook("fal", body, headers)
    assert job.id == "unknown-request"  # not submitted here: the body does not name the app
    assert job.status is JobStatus.FAILED
    assert job.error is not None
    assert job.error.message == "Invalid status code: 422"


@pytest.mark.usefixtures("offline_keys")
@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (lambda body, headers: (body + b" ", headers), "matches none"),
        (lambda body, headers: (body, {**headers, "X-Fal-Webhook-User-Id": "user-2"}), "none"),
        (lambda body, headers: (body, {k: v for k, v in headers.items() if "Signature" not in k}),
         "missing"),
        (lambda body, headers: _delivery("r1", key=Ed25519PrivateKey.generate()), "none"),
        (lambda body, headers: _delivery("r1", sent=int(time.time()) - 301), "tolerance"),
        (lambda body, headers: _delivery("r1", sent=int(time.time()) + 301), "tolerance"),
        (lambda body, headers: (body, {**headers, "X-Fal-Webhook-Signature": "zz"}), "malformed"),
    ],
)  # fmt: skip
def test_forged_tampered_or_replayed_deliveries_are_refused(tamper: object, reason: str) -> None:
    body, headers = tamper(*_delivery("r1"))  # type: ignore[operator]
    with pytest.raises(WebhookVerificationError, match=reason):
        parse_webhook("fal", body, headers)


def test_the_key_set_is_fetched_once_and_kept() -> None:
    fetched: list[int] = []

    def fetch() -> dict[str, object]:
        fetched.append(1)
        return {"keys": [_jwk(KEY)]}

    keys = Jwks(fetch=fetch)
    message = b"m"
    assert keys.verify(KEY.sign(message), message)
    assert keys.verify(KEY.sign(message), message)
    assert not keys.verify(OTHER.sign(message), message)
    assert fetched == [1]


def test_the_simulator_signs_its_deliveries_as_fal_does() -> None:
    received: list[tuple[bytes, dict[str, str]]] = []

    def deliver(delivery: object) -> int:
        received.append((delivery.body, delivery.headers))  # type: ignore[attr-defined]
        return 200

    clock = ManualClock()
    sim = Simulator("fal", clock=clock, deliver=deliver)
    fal = _fal()
    before = fal.jwks
    fal.jwks = Jwks(keys=sim.shape.jwks())  # type: ignore[attr-defined]
    try:
        with sim.client() as client:
            job = client.submit(
                VideoRequest(
                    prompt="a cat", model=V2_I2V, first_frame=IMAGE, webhook_url="https://x.test/h"
                )
            )
            clock.advance(3600)
            client.get(job)  # in-process, deliveries go with requests
        assert len(received) == 1
        pushed = parse_webhook("fal", *received[0])
    finally:
        fal.jwks = before
    assert pushed.id == job.id
    assert pushed.status is JobStatus.SUCCEEDED
    assert pushed.video_url == sim.video_url(sim.jobs[split_job_id(job.id)[2]])
