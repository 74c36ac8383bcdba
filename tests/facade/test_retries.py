"""Retries: reads on transient failures, creates only when they cannot have been accepted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx

from seedance import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)

from .conftest import FakeClock, MakeClient
from .profiles._profile import Profile

RETRIES = RetryPolicy(max_retries=3, initial_backoff=1.0, max_backoff=8.0, jitter=0.0)


def _status(profile: Profile) -> httpx.Response:
    return httpx.Response(200, json=profile.statuses[0].body)


def _get_route(profile: Profile, router: respx.MockRouter) -> respx.Route:
    method, path = profile.get
    return router.route(method=method, path=path.format(id="job-1"))


def _create_route(profile: Profile, router: respx.MockRouter) -> respx.Route:
    method, path = profile.create
    return router.route(method=method, path=path)


@pytest.mark.parametrize("status_code", [408, 429, 500, 502, 503, 504])
def test_a_read_is_retried_on_transient_statuses(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock,
    status_code: int,
) -> None:  # fmt: skip
    route = _get_route(profile, router)
    route.side_effect = [httpx.Response(status_code), httpx.Response(status_code), _status(profile)]
    client = make_client(profile.provider, retry=RETRIES)
    assert client.get("job-1").id
    assert route.call_count == 3
    assert clock.sleeps == [1.0, 2.0], "exponential backoff"


@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset")],
)
def test_a_read_is_retried_on_connection_errors(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, error: Exception
) -> None:
    route = _get_route(profile, router)
    route.side_effect = [error, _status(profile)]
    client = make_client(profile.provider, retry=RETRIES)
    assert client.get("job-1").id
    assert route.call_count == 2


def test_retries_stop_after_max_retries(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    route = _get_route(profile, router).respond(503)
    client = make_client(profile.provider, retry=RETRIES)
    with pytest.raises(ServerError):
        client.get("job-1")
    assert route.call_count == 4


@pytest.mark.parametrize("status_code", [500, 502, 503, 504, 408])
def test_a_create_is_not_retried_after_a_status_that_may_follow_acceptance(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, status_code: int
) -> None:
    route = _create_route(profile, router).respond(status_code)
    client = make_client(profile.provider, retry=RETRIES)
    with pytest.raises(APIError) as raised:
        client.submit(profile.request)
    assert route.call_count == 1, "a second create could start a second paid job"
    assert raised.value.status_code == status_code


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("reset"),
        httpx.WriteError("broken"),
    ],
    ids=["read-timeout", "reset-after-send", "write-error"],
)
def test_a_create_is_not_retried_after_the_request_may_have_reached_the_provider(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, error: Exception
) -> None:
    route = _create_route(profile, router)
    route.side_effect = error
    client = make_client(profile.provider, retry=RETRIES)
    with pytest.raises(APIConnectionError) as raised:
        client.submit(profile.request)
    assert route.call_count == 1
    assert raised.value.may_have_been_accepted
    if isinstance(error, httpx.TimeoutException):
        assert isinstance(raised.value, APITimeoutError)


def test_a_create_is_retried_when_the_connection_was_never_made(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    status_code, body = profile.create_response
    route = _create_route(profile, router)
    route.side_effect = [httpx.ConnectError("refused"), httpx.Response(status_code, json=body)]
    client = make_client(profile.provider, retry=RETRIES)
    assert client.submit(profile.request).id == profile.created_id
    assert route.call_count == 2


def test_a_create_is_retried_after_429_honouring_retry_after(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    status_code, body = profile.create_response
    route = _create_route(profile, router)
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(status_code, json=body),
    ]
    client = make_client(profile.provider, retry=RETRIES)
    assert client.submit(profile.request).id == profile.created_id
    assert route.call_count == 2
    assert clock.sleeps == [7.0]


def test_retry_after_as_an_http_date(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    route = _get_route(profile, router)
    route.side_effect = [httpx.Response(503, headers={"Retry-After": when}), _status(profile)]
    client = make_client(profile.provider, retry=RETRIES)
    client.get("job-1")
    assert 28.0 <= clock.sleeps[0] <= 30.0


def test_a_retry_after_beyond_the_cap_is_raised_not_waited(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    _get_route(profile, router).respond(429, headers={"Retry-After": "3600"})
    client = make_client(profile.provider, retry=RETRIES)
    with pytest.raises(RateLimitError) as raised:
        client.get("job-1")
    assert raised.value.retry_after == 3600.0
    assert clock.sleeps == []


def test_genray_retry_after_in_the_body(
    make_client: MakeClient, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENRAY_API_KEY", "sk_live_x")
    with respx.mock(base_url="https://genray.ai") as router:
        route = router.get("/api/v1/videos/job-1")
        route.side_effect = [
            httpx.Response(
                429,
                json={
                    "detail": {
                        "error": "rate_limit_exceeded",
                        "message": "Too many",
                        "retry_after": 12,
                    }
                },
            ),
            httpx.Response(200, json={"id": "job-1", "status": "queued"}),
        ]
        client = make_client("genray", retry=RETRIES)
        client.get("job-1")
    assert clock.sleeps == [12.0]


def test_jitter_shortens_delays_by_at_most_its_fraction() -> None:
    policy = RetryPolicy(initial_backoff=1.0, jitter=0.25)
    delays = {policy.delay(attempt=3, retry_after=None) for _ in range(200)}
    assert all(3.0 <= delay <= 4.0 for delay in delays)
    assert len(delays) > 1
