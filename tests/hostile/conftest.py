"""Fixtures of the hostile-server suite: the servers, a client per mode (sync and async), the
captured ``seedance`` log and the gzip bomb."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ._server import HostileServer, gzip_bomb, json_response
from ._support import MODES, PROVIDERS, ROUTES, Facade, Mode, make_facade

Connect = Callable[..., Facade]
"""``connect(provider, **client_options)``: a client of *provider* on the hostile server."""


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """The hostile server on 127.0.0.1, stopped (every exchange ended) after the test."""
    with HostileServer() as running:
        yield running


@pytest.fixture
def other_server() -> Iterator[HostileServer]:
    """A second loopback server on another port: another origin, that must never see the key."""
    with HostileServer() as running:
        yield running


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> Mode:
    value: Mode = request.param
    return value


@pytest.fixture
def connect(mode: Mode, server: HostileServer) -> Iterator[Connect]:
    """Clients (of the test's *mode*) pointed at `server`, closed after the test."""
    made: list[Facade] = []

    def make(provider: str, **options: Any) -> Facade:
        facade = make_facade(mode, provider, base_url=ROUTES[provider].base_url(server), **options)
        made.append(facade)
        return facade

    yield make
    for facade in made:
        with contextlib.suppress(Exception):
            facade.close()


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Callable[[], str]:
    """Everything logged on ``seedance`` (DEBUG and up) so far, formatted and raw."""
    caplog.set_level(logging.DEBUG, logger="seedance")

    def text() -> str:
        raw = "\n".join(
            f"{record.getMessage()} {record.args!r} {record.exc_text or ''}"
            for record in caplog.records
        )
        return caplog.text + "\n" + raw

    return text


@pytest.fixture(scope="session")
def bomb() -> bytes:
    """About 1 MiB of gzip that inflates to a 1 GiB JSON document (built once, ~0.6 s)."""
    return gzip_bomb()


@pytest.fixture(scope="session", autouse=True)
def _warm_up() -> None:
    """One create and one status call per provider and mode on a well-behaved server, so that
    lazy imports and spec validators are not billed to the first timed test."""
    with HostileServer() as running:
        for name in PROVIDERS:
            route = ROUTES[name]
            status, body = route.created
            running.serve(json_response(body, status=status), method="POST", path=route.create_path)
            running.serve(json_response(route.succeeded), method="GET")
            for mode in MODES:
                facade = make_facade(mode, name, base_url=route.base_url(running), timeout=5)
                # A failure here shows again, and is reported, in the tests themselves.
                with contextlib.suppress(Exception):
                    facade.submit(route.request)
                with contextlib.suppress(Exception):
                    facade.get("warm-up")
                with contextlib.suppress(Exception):
                    facade.close()
