"""Servers too slow to ever finish: headers then one byte of body every 0.5 s, the headers
themselves one byte at a time, or no answer at all. httpx's per-read timeouts never fire on a
trickle; the client's ``timeout`` (and a wait's) bounds the whole call anyway."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from seedance import APIConnectionError, APITimeoutError, WaitTimeoutError

from ._server import Behaviour, HostileServer, hang, trickle_body, trickle_head
from ._support import (
    MAIN_PROVIDERS,
    ROUTES,
    assert_in_time,
    assert_no_key,
    expect,
    observe,
)
from .conftest import Connect

TIMEOUT = 2.0
WAIT_TIMEOUT = 3.0
# The rest of the matrix runs faster: a 1 s timeout against a byte every 0.25 s (a gap between
# bytes well under the timeout, so only a deadline on the whole call can end it).
FAST_TIMEOUT = 1.0
FAST_TRICKLES: dict[str, Callable[[], Behaviour]] = {
    "body": lambda: trickle_body(0.25),
    "headers": lambda: trickle_head(0.25),
    "silence": hang,
}


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_status_answer_trickling_a_byte_every_half_second_times_out(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    """``SeedanceClient(provider, timeout=2).get("x")``: over in about 2 s, not never."""
    server.serve(trickle_body(0.5), method="GET")
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, APITimeoutError)
    assert isinstance(error, APIConnectionError)
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
@pytest.mark.parametrize("how", ["headers", "silence"])
def test_a_status_answer_with_trickled_headers_or_none_times_out(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str, how: str
) -> None:
    server.serve(FAST_TRICKLES[how](), method="GET")
    client = connect(provider, timeout=FAST_TIMEOUT)

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, APITimeoutError)
    assert_in_time(outcome, FAST_TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.slow
@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_wait_on_a_server_that_trickles_every_poll_ends_at_its_deadline(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    """The client keeps its default timeout (60 s): only the wait's own deadline can end it."""
    server.serve(trickle_body(0.5), method="GET")
    client = connect(provider)

    outcome = observe(lambda: client.wait("x", timeout=WAIT_TIMEOUT))

    error = expect(outcome, (WaitTimeoutError, APITimeoutError))
    assert_in_time(outcome, WAIT_TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
@pytest.mark.parametrize("how", ["body", "headers"])
def test_a_trickled_create_answer_times_out_and_may_have_been_accepted(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str, how: str
) -> None:
    route = ROUTES[provider]
    server.serve(FAST_TRICKLES[how](), method="POST", path=route.create_path)
    client = connect(provider, timeout=FAST_TIMEOUT)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, APITimeoutError)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_in_time(outcome, FAST_TIMEOUT)
    assert_no_key(error, logs())
