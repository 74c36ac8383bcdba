"""Hostile answers (found by benchmarks/bench_hostile.py) end in a `SeedanceError`, nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
import respx

from seedance import APIConnectionError, ResponseError, SeedanceError
from seedance._retry import parse_retry_after
from seedance.adapters._base import timestamp

from .conftest import MakeClient
from .profiles._profile import Profile

DEEP = b"[" * 100_000 + b"]" * 100_000

JSON = {"content-type": "application/json"}

# Factories: each attempt gets a fresh response (a retried read must not see a consumed stream).
HOSTILE: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "deeply-nested-200": lambda _: httpx.Response(200, content=DEEP, headers=JSON),
    "deeply-nested-500": lambda _: httpx.Response(500, content=DEEP, headers=JSON),
    "gzip-that-is-not": lambda _: httpx.Response(
        200, stream=httpx.ByteStream(b"{}"), headers={"content-encoding": "gzip"}
    ),
    "utf16-without-bom": lambda _: httpx.Response(
        502, content=b"\xff\xfe\x00bad", headers={"content-type": "text/html; charset=utf-16"}
    ),
    "retry-after-beyond-any-date": lambda _: httpx.Response(
        503, headers={"Retry-After": "Mon, 01 Jan 2026 00:00:00 +99999999999999"}
    ),
    "retry-after-number-beyond-float": lambda _: httpx.Response(
        429, content=json.dumps({"detail": {"retry_after": 10**400}}).encode(), headers=JSON
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_answer_is_a_seedance_error(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, name: str
) -> None:
    method, path = profile.get
    router.route(method=method, path=path.format(id="job-1")).mock(side_effect=HOSTILE[name])
    with pytest.raises(SeedanceError):
        make_client(profile.provider, max_retries=1).get("job-1")


def test_a_redirect_loop_is_a_connection_error(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    method, path = profile.get
    url = profile.base_url.rstrip("/") + path.format(id="job-1")
    router.route(method=method, path=path.format(id="job-1")).respond(
        302, headers={"Location": url}
    )
    with pytest.raises(APIConnectionError):
        make_client(profile.provider, max_retries=0).get("job-1")


def test_a_spec_shaped_body_with_wrong_types_is_a_response_error(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIRAY_API_KEY", "sk")
    body = {"code": "success", "message": "", "data": {"task_id": "t", "status": "SUCCESS",
            "progress": "100%", "outputs": [123]}}  # fmt: skip
    with respx.mock(base_url="https://api.siray.ai") as router:
        router.get("/v1/video/generations/t").respond(200, json=body)
        with pytest.raises(ResponseError, match="video_url must be text"):
            make_client("siray", max_retries=0).get("t")


def test_an_empty_job_id_is_a_response_error(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENRAY_API_KEY", "sk")
    with respx.mock(base_url="https://genray.ai") as router:
        router.get("/api/v1/videos/j").respond(200, json={"id": "", "status": "queued"})
        with pytest.raises(ResponseError, match="id"):
            make_client("genray", max_retries=0).get("j")


@pytest.mark.parametrize("value", [1e20, 1e17, float("inf"), -1e20])
def test_a_timestamp_out_of_range_is_unknown(value: float) -> None:
    assert timestamp(value) is None


def test_a_nan_retry_after_is_no_advice() -> None:
    assert parse_retry_after(httpx.Headers({"Retry-After": "nan"})) is None
