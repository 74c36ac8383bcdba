"""Connections reset by the server (TCP RST) after it read the request, or halfway through its
answer: a create is not sent again and says it may have been accepted; a read is retried."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from seedance import APIConnectionError, RetryPolicy, SeedanceError

from ._server import Exchange, HostileServer, reset
from ._support import MAIN_PROVIDERS, ROUTES, assert_in_time, assert_no_key, expect, observe
from .conftest import Connect

TIMEOUT = 3.0
RETRY = RetryPolicy(max_retries=2, initial_backoff=0.05)


def _reset_halfway(exchange: Exchange) -> None:
    """A 200 with a 10,000-byte JSON body announced, 20 bytes of it, then a reset."""
    exchange.head(200, {"Content-Type": "application/json", "Content-Length": "10000"})
    exchange.send(b'{"id": "cgt-2026010')
    exchange.reset()


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_create_reset_after_it_was_read(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    route = ROUTES[provider]
    server.serve(reset(), method="POST", path=route.create_path)
    client = connect(provider, timeout=TIMEOUT, retry=RETRY)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, APIConnectionError)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_create_reset_halfway_through_its_answer(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    route = ROUTES[provider]
    server.serve(_reset_halfway, method="POST", path=route.create_path)
    client = connect(provider, timeout=TIMEOUT, retry=RETRY)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, SeedanceError)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_a_read_reset_every_time_is_retried_then_reported(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    server.serve(_reset_halfway, method="GET")
    client = connect(provider, timeout=TIMEOUT, retry=RETRY)

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, SeedanceError)
    assert server.count("GET") == 1 + RETRY.max_retries
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())
