"""Redirects: a create is never followed (the first hop may have started a paid job); a read may
follow one, but the API key never travels to another origin."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from seedance import JobStatus, RetryPolicy, SeedanceError
from support.follow_up import follow_up_route

from ._server import HostileServer, dead_url, json_response, redirect
from ._support import (
    KEY,
    MAIN_PROVIDERS,
    PROVIDERS,
    ROUTES,
    SUCCEEDED_VIDEO,
    assert_in_time,
    assert_no_key,
    expect,
    observe,
)
from .conftest import Connect

TIMEOUT = 3.0


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize(
    ("status", "target"),
    [(303, "dead port"), (307, "dead port"), (302, "file:///etc/passwd")],
)
def test_a_redirected_create_is_sent_once_and_may_have_been_accepted(
    connect: Connect,
    server: HostileServer,
    logs: Callable[[], str],
    provider: str,
    status: int,
    target: str,
) -> None:
    route = ROUTES[provider]
    location = dead_url(route.create_path) if target == "dead port" else target
    server.serve(redirect(location, status=status), method="POST", path=route.create_path)
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, SeedanceError)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_create_redirected_to_a_willing_path_is_not_sent_again(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    """307 keeps the method and body: following it would send the same paid create twice."""
    route = ROUTES[provider]
    status, body = route.created
    elsewhere = route.create_path + "/again"
    server.serve(redirect(server.url(elsewhere), status=307), method="POST", path=route.create_path)
    server.serve(json_response(body, status=status), method="POST", path=elsewhere)
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, SeedanceError)
    assert error.may_have_been_accepted is True
    assert server.count("POST") == 1, [r.target for r in server.received]
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_read_follows_a_redirect_on_the_same_server(
    connect: Connect, server: HostileServer, provider: str
) -> None:
    route = ROUTES[provider]
    moved = route.prefix + "/moved/x"
    server.serve(redirect(server.url(moved)), method="GET", path=route.get_path("x"))
    finished = route.succeeded
    follow_up = follow_up_route(provider, "x")
    if follow_up is not None:  # the video comes from another call (Adapter.follow_up)
        server.serve(json_response(route.succeeded), method=follow_up[0], path=follow_up[1])
        statuses = route.profile.statuses
        finished = next(case.body for case in statuses if case.status is JobStatus.SUCCEEDED)
    server.serve(json_response(finished), method="GET", path=moved)
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.get("x"))

    assert outcome.error is None, outcome.describe()
    job = outcome.value
    assert getattr(job, "video_url", None) == SUCCEEDED_VIDEO
    assert server.count("GET", moved) == 1
    assert_in_time(outcome, TIMEOUT)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("status", [302, 307])
def test_a_read_redirected_to_another_origin_never_carries_the_key(
    connect: Connect,
    server: HostileServer,
    other_server: HostileServer,
    logs: Callable[[], str],
    provider: str,
    status: int,
) -> None:
    """Another port on the same address is another origin: it gets no Authorization header
    (answering the job there, or refusing to go there, are both fine)."""
    route = ROUTES[provider]
    server.serve(
        redirect(other_server.url("/stolen/x"), status=status),
        method="GET",
        path=route.get_path("x"),
    )
    other_server.serve(json_response(route.succeeded))
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.get("x"))

    for request in other_server.received:
        assert "authorization" not in request.headers, request.headers
        assert KEY.encode() not in request.raw
    if outcome.error is not None:
        error = expect(outcome, SeedanceError)
        assert_no_key(error, logs())
    assert_in_time(outcome, TIMEOUT)


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_read_redirected_to_a_local_file_is_an_error(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    route = ROUTES[provider]
    server.serve(redirect("file:///etc/passwd"), method="GET", path=route.get_path("x"))
    client = connect(provider, timeout=TIMEOUT, retry=RetryPolicy(initial_backoff=0.05))

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, SeedanceError)
    assert "root:" not in str(error)
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())
