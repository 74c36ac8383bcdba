"""Answers too large to hold: an endless body, 1 GiB streamed, a ``Content-Length`` claiming
1 GiB, 1 MiB of gzip inflating to 1 GiB. Each ends in `ResponseTooLargeError` quickly, in
bounded memory; a create's error says it may have been accepted, and the create went out once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from seedance import LimitExceededError, Limits, ResponseError, ResponseTooLargeError

from ._server import (
    JSON_OPENING,
    Behaviour,
    HostileServer,
    endless,
    gzip_response,
    huge,
    json_response,
    lying_length,
)
from ._support import (
    MAIN_PROVIDERS,
    PROVIDERS,
    ROUTES,
    GiB,
    assert_bounded_memory,
    assert_in_time,
    assert_no_key,
    expect,
    observe,
)
from .conftest import Connect

TIMEOUT = 3.0
BODIES = ("endless", "1 GiB chunked", "1 GiB with its length", "Content-Length 1 GiB", "gzip bomb")


def _oversized(kind: str, bomb: bytes) -> Behaviour:
    if kind == "endless":
        return endless()
    if kind == "1 GiB chunked":
        return huge(GiB, chunked=True)
    if kind == "1 GiB with its length":
        return huge(GiB, chunked=False)
    if kind == "Content-Length 1 GiB":
        # A small, complete-looking JSON start, then nothing: only the announced length tells.
        return lying_length(GiB, JSON_OPENING + b"x" * 100)
    assert kind == "gzip bomb"
    return gzip_response(bomb)


def _check(error: ResponseTooLargeError) -> None:
    assert isinstance(error, ResponseError)
    assert isinstance(error, LimitExceededError)
    assert error.limit == "Limits.max_response_bytes"


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
@pytest.mark.parametrize("kind", BODIES)
def test_an_oversized_status_answer(
    connect: Connect,
    server: HostileServer,
    logs: Callable[[], str],
    bomb: bytes,
    provider: str,
    kind: str,
) -> None:
    server.serve(_oversized(kind, bomb), method="GET")
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, ResponseTooLargeError)
    _check(error)
    assert_bounded_memory(outcome)
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
@pytest.mark.parametrize("kind", BODIES)
def test_an_oversized_create_answer(
    connect: Connect,
    server: HostileServer,
    logs: Callable[[], str],
    bomb: bytes,
    provider: str,
    kind: str,
) -> None:
    route = ROUTES[provider]
    server.serve(_oversized(kind, bomb), method="POST", path=route.create_path)
    client = connect(provider, timeout=TIMEOUT)

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, ResponseTooLargeError)
    _check(error)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_bounded_memory(outcome)
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


def _padded(body: Mapping[str, Any], size: int = 2048) -> dict[str, Any]:
    """*body* with one more field, so that its JSON is over 2 KB."""
    return {**body, "padding": "x" * size}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_valid_answer_over_a_lowered_limit(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    route = ROUTES[provider]
    server.serve(json_response(_padded(route.succeeded)), method="GET")
    client = connect(provider, timeout=TIMEOUT, limits=Limits(max_response_bytes=1000))

    outcome = observe(lambda: client.get("x"))

    error = expect(outcome, ResponseTooLargeError)
    _check(error)
    assert error.value == 1000
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_valid_create_answer_over_a_lowered_limit(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str
) -> None:
    route = ROUTES[provider]
    status, body = route.created
    server.serve(json_response(_padded(body), status=status), method="POST", path=route.create_path)
    client = connect(provider, timeout=TIMEOUT, limits=Limits(max_response_bytes=1000))

    outcome = observe(lambda: client.submit(route.request))

    error = expect(outcome, ResponseTooLargeError)
    _check(error)
    assert error.may_have_been_accepted is True
    assert server.count("POST", route.create_path) == 1
    assert_in_time(outcome, TIMEOUT)
    assert_no_key(error, logs())


@pytest.mark.parametrize("provider", MAIN_PROVIDERS)
def test_the_same_answer_under_the_limit_is_fine(
    connect: Connect, server: HostileServer, provider: str
) -> None:
    """The control case: the lowered limit is what fails the two tests above, not the body."""
    route = ROUTES[provider]
    server.serve(json_response(_padded(route.succeeded)), method="GET")
    client = connect(provider, timeout=TIMEOUT, limits=Limits(max_response_bytes=4096))

    outcome = observe(lambda: client.get("x"))

    assert outcome.error is None, outcome.describe()
