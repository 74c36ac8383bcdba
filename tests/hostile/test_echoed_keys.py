"""Error answers that quote the request back, ``Authorization: Bearer <key>`` included (as some
proxies and debug pages do), in JSON and in HTML: the key shows nowhere the user can see it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from seedance import (
    APIError,
    AuthenticationError,
    BadRequestError,
    RetryPolicy,
    ServerError,
)

from ._server import HostileServer, echo_request
from ._support import PROVIDERS, ROUTES, assert_in_time, assert_no_key, expect, observe
from .conftest import Connect

TIMEOUT = 3.0
ERRORS: dict[int, type[APIError]] = {
    401: AuthenticationError,
    400: BadRequestError,
    502: ServerError,
}
# One quick retry, so that a 502 on a read is answered twice and logged in between.
RETRY = RetryPolicy(max_retries=1, initial_backoff=0.05)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("body", ["json", "html"])
def test_a_status_error_quoting_the_key(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str, body: str
) -> None:
    """401, 400 and 502 in turn, from the same server to the same client."""
    client = connect(provider, timeout=TIMEOUT, retry=RETRY)
    for status, kind in ERRORS.items():
        server.serve(echo_request(status, html=body == "html"), method="GET")

        outcome = observe(lambda: client.get("x"))

        error = expect(outcome, kind)
        assert error.status_code == status
        assert_in_time(outcome, TIMEOUT)
        assert_no_key(error, logs())


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("body", ["json", "html"])
def test_a_create_error_quoting_the_key(
    connect: Connect, server: HostileServer, logs: Callable[[], str], provider: str, body: str
) -> None:
    """401, 400 and 502 in turn; each create reaches the server once (a 502 is not retried)."""
    route = ROUTES[provider]
    client = connect(provider, timeout=TIMEOUT, retry=RETRY)
    for sent, (status, kind) in enumerate(ERRORS.items(), start=1):
        behaviour = echo_request(status, html=body == "html")
        server.serve(behaviour, method="POST", path=route.create_path)

        outcome = observe(lambda: client.submit(route.request))

        error = expect(outcome, kind)
        assert error.status_code == status
        assert server.count("POST", route.create_path) == sent, f"after the {status}"
        if status >= 500:
            assert error.may_have_been_accepted is True
        assert_in_time(outcome, TIMEOUT)
        assert_no_key(error, logs())
