"""Consumer contract suites: each provider's own official client drives its simulator over HTTP.

One module per official client (``test_ark.py``: the BytePlus and Volcengine Ark SDKs). A module
skips unless its client is importable; ``nox -s consumers`` gives each client a venv of its own,
pinned. A module needs only two fixtures:

- ``serve(provider)``: that provider's simulator on 127.0.0.1 (real HTTP, on a manual clock),
  behind a recorder of every exchange. ``Served.assert_all_valid()`` fails, naming the request and
  the simulator's reason, if any request did not validate against the curated spec (the simulator
  answers 400, or 401 for a missing key); ``Served.finish()`` moves the clock until every job is
  done.
- ``explained_by(provider, location, *words)``: the docs/drift.md row (overlay action) at
  *location*, or inside it, whose evidence has every word. A test that relies on a deviation from
  the provider's documents calls it, so the test fails once nothing explains the deviation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from conftest import PROVIDERS
from drift import drift_rows
from pipeline import curate
from seedance.testing import ManualClock, Simulator
from seedance.testing._server import SimulatorServer

API_KEY = "sk-consumer-contract"
# Rejections by the spec's validation: a body or parameter (400) or the key (401).
NOT_VALID = frozenset({400, 401})


@dataclass(frozen=True)
class Exchange:
    """One request the client sent and the simulator's answer."""

    method: str
    path: str
    query: str
    request: bytes
    status: int
    response: bytes

    def json(self) -> Any:
        return json.loads(self.request) if self.request else None

    def __str__(self) -> str:
        target = f"{self.path}?{self.query}" if self.query else self.path
        answer = self.response[:500].decode(errors="replace")
        return f"{self.method} {target} -> {self.status}: {answer}"


@dataclass
class Served:
    """A provider's simulator served on 127.0.0.1, and what its client sent."""

    simulator: Simulator
    clock: ManualClock
    base_url: str
    root: str
    exchanges: list[Exchange] = field(default_factory=list)

    def calls(self, method: str, path_part: str = "") -> list[Exchange]:
        return [e for e in self.exchanges if e.method == method and path_part in e.path]

    def rejected(self) -> list[Exchange]:
        return [exchange for exchange in self.exchanges if exchange.status in NOT_VALID]

    def assert_all_valid(self) -> None:
        rejected = self.rejected()
        assert not rejected, "requests the curated spec refused:\n" + "\n".join(map(str, rejected))

    def finish(self) -> None:
        """Move the clock past every job's queue and run time."""
        self.clock.advance(self.simulator.queue_seconds + self.simulator.run_seconds + 1)


class _Recorder:
    """ASGI middleware that keeps every request and answer (bodies included)."""

    def __init__(self, app: ASGIApp, exchanges: list[Exchange]) -> None:
        self.app = app
        self.exchanges = exchanges

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent: list[bytes] = []
        answered: list[bytes] = []
        status = 0
        recorded = False

        def record() -> None:
            # Before the last byte goes out: the client may look as soon as it has its answer.
            nonlocal recorded
            if not recorded:
                recorded = True
                self.exchanges.append(
                    Exchange(
                        method=str(scope["method"]),
                        path=str(scope["path"]),
                        query=bytes(scope.get("query_string", b"")).decode(),
                        request=b"".join(sent),
                        status=status,
                        response=b"".join(answered),
                    )
                )

        async def recording_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                sent.append(message.get("body", b""))
            return message

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                answered.append(message.get("body", b""))
                if not message.get("more_body", False):
                    record()
            await send(message)

        try:
            await self.app(scope, recording_receive, recording_send)
        finally:
            record()


@pytest.fixture
def serve() -> Iterator[Callable[[str], Served]]:
    """serve(provider): start that provider's simulator on 127.0.0.1, stopped after the test."""
    servers: list[SimulatorServer] = []

    def start(provider: str) -> Served:
        clock = ManualClock()
        simulator = Simulator(provider, clock=clock, api_keys=(API_KEY,))
        server = SimulatorServer([simulator])
        exchanges: list[Exchange] = []
        # uvicorn serves any ASGI app; the attribute is typed as the Starlette app it wraps.
        server.app = _Recorder(server.app, exchanges)  # type: ignore[assignment]
        servers.append(server.start())
        return Served(
            simulator,
            clock,
            server.base_url(provider),
            server.root(provider),
            exchanges,
        )

    yield start
    for server in servers:
        server.stop()


@cache
def _rows(provider: str) -> tuple[tuple[str, ...], ...]:
    (found,) = [candidate for candidate in PROVIDERS if candidate.name == provider]
    return tuple(drift_rows(curate(found)))


@pytest.fixture
def explained_by() -> Callable[..., str]:
    """explained_by(provider, location, *words): the evidence of a drift row at *location* (or
    inside it) that mentions every word."""

    def find(provider: str, location: str, *words: str) -> str:
        rows = [row for row in _rows(provider) if _within(row[0], location)]
        for row in rows:
            if all(word in row[3] for word in words):
                return row[3]
        shown = "\n".join(row[3][:200] for row in rows) or "(no row at this location)"
        pytest.fail(
            f"docs/drift.md has no {provider} row at {location} whose evidence mentions"
            f" {words}: the client's behaviour is no longer explained by an overlay action."
            f"\nRows there:\n{shown}"
        )

    return find


def _within(location: str, outer: str) -> bool:
    return location == outer or location.startswith((outer + ".", outer + "["))
