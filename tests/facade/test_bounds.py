"""Hostile answers cost no second job, no unbounded memory and no secret (every provider)."""

from __future__ import annotations

import gzip
import logging
import tracemalloc

import httpx
import pytest
import respx

from seedance import (
    APIError,
    InvalidRequestError,
    Limits,
    ResponseTooLargeError,
    SeedanceError,
)
from seedance._redact import redact, redact_url, register_secret

from .conftest import API_KEY, MakeClient
from .profiles._profile import Profile


def _create(profile: Profile, router: respx.MockRouter) -> respx.Route:
    method, path = profile.create
    return router.route(method=method, path=path)


def _get(profile: Profile, router: respx.MockRouter) -> respx.Route:
    method, path = profile.get
    return router.route(method=method, path=path.format(id="job-1"))


@pytest.mark.parametrize("status_code", [302, 303, 307, 308])
def test_a_create_never_follows_a_redirect(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, status_code: int
) -> None:
    create = _create(profile, router)
    create.return_value = httpx.Response(
        status_code, headers={"Location": f"{profile.base_url}/elsewhere?sig=SECRET_SIG"}
    )
    elsewhere = router.route(path__regex=r".*/elsewhere$")
    elsewhere.return_value = httpx.Response(200, json=profile.statuses[0].body)
    client = make_client(profile.provider)
    with pytest.raises(APIError) as raised:
        client.submit(profile.request)
    assert create.call_count == 1, "the paid create went out once"
    assert elsewhere.call_count == 0
    assert raised.value.status_code == status_code
    assert raised.value.may_have_been_accepted, "the first hop may have started a job"
    assert "may have been accepted" in str(raised.value)
    assert "SECRET_SIG" not in str(raised.value)


def test_a_read_follows_a_redirect(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    _get(profile, router).return_value = httpx.Response(
        307, headers={"Location": f"{profile.base_url}/moved"}
    )
    moved = router.route(path__regex=r".*/moved$")
    moved.return_value = httpx.Response(200, json=profile.statuses[0].body)
    assert make_client(profile.provider).get("job-1").id
    assert moved.call_count == 1


def test_an_answer_over_the_size_limit_is_refused(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    create = _create(profile, router)
    create.return_value = httpx.Response(200, content=b"[" + b"1," * 2000 + b"1]")
    client = make_client(profile.provider, limits=Limits(max_response_bytes=1000))
    with pytest.raises(ResponseTooLargeError) as raised:
        client.submit(profile.request)
    assert raised.value.limit == "Limits.max_response_bytes"
    assert raised.value.value == 1000
    assert raised.value.may_have_been_accepted
    assert "max_response_bytes" in str(raised.value)
    assert create.call_count == 1


def test_a_compressed_answer_is_inflated_within_the_limit(
    profile: Profile, make_client: MakeClient
) -> None:
    bomb = gzip.compress(b'{"a": "' + b"0" * (64 * 2**20) + b'"}', compresslevel=9)
    assert len(bomb) < 2**20

    def answer(request: httpx.Request) -> httpx.Response:
        # A stream, not content: httpx (and respx) would inflate content to build the response.
        return httpx.Response(
            200, stream=httpx.ByteStream(bomb), headers={"Content-Encoding": "gzip"}
        )

    limits = Limits(max_response_bytes=2**20)
    transport = httpx.MockTransport(answer)
    client = make_client(profile.provider, limits=limits, max_retries=0, transport=transport)
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            client.get("job-1")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"inflating took {peak / 2**20:.1f} MiB"


def test_a_small_compressed_answer_parses(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    body = httpx.Response(200, json=profile.statuses[0].body).content
    _get(profile, router).return_value = httpx.Response(
        200,
        content=gzip.compress(body),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert make_client(profile.provider).get("job-1").id


@pytest.mark.parametrize("status_code", [400, 401, 502])
@pytest.mark.parametrize("kind", ["json", "html"])
def test_an_error_echoing_the_key_does_not_show_it(
    profile: Profile,
    make_client: MakeClient,
    router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    status_code: int,
    kind: str,
) -> None:
    echo = f"Authorization: Bearer {API_KEY}"
    answer = (
        httpx.Response(status_code, json={"error": {"message": echo, "code": echo}, "echo": echo})
        if kind == "json"
        else httpx.Response(status_code, html=f"<html><body><pre>{echo}</pre></body></html>")
    )
    _create(profile, router).return_value = answer
    client = make_client(profile.provider, max_retries=0)
    with caplog.at_level(logging.DEBUG), pytest.raises(SeedanceError) as raised:
        client.submit(profile.request)
    error = raised.value
    shown = [str(error), repr(error), repr(vars(error))]
    shown += [record.getMessage() for record in caplog.records]
    assert all(API_KEY not in text for text in shown)
    assert "***" in str(error) or status_code == 502


@pytest.mark.parametrize(
    "key", ["sk_test_abc\r", "sk_test abc", "sk_test\x00abc", "sk_tëst_abc", " sk_test_abc"]
)
def test_an_unusable_key_is_refused_without_showing_it(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, key: str
) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        make_client(profile.provider, api_key=key)
    assert key.strip() not in str(raised.value)
    assert "api_key" in str(raised.value)
    assert not router.calls


def test_an_unusable_key_from_the_environment_names_the_variable(
    profile: Profile, make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(profile.api_key_env, "sk_live_FROM_WINDOWS_ENV\r")
    with pytest.raises(InvalidRequestError, match="carriage return") as raised:
        make_client(profile.provider)
    assert profile.api_key_env in str(raised.value)
    assert "FROM_WINDOWS_ENV" not in str(raised.value)


def test_redaction_removes_keys_and_signed_query_strings() -> None:
    register_secret("sk_live_REDACT_ME")
    text = "Bearer sk_live_REDACT_ME for https://cdn.example/v.mp4?X-Amz-Signature=abc&x=1 ok"
    assert redact(text) == "Bearer *** for https://cdn.example/v.mp4?*** ok"
    assert redact_url("https://u:p@cdn.example:8443/a/b.mp4?sig=1#f") == (
        "https://cdn.example:8443/a/b.mp4?***"
    )
    assert redact_url("https://cdn.example/a.mp4") == "https://cdn.example/a.mp4"
