"""Fixtures of the simulator suites: a simulator per provider on a manual clock, and a client
(sync or async underneath) whose waits move that clock instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import seedance
from seedance import registry
from seedance.testing import ManualClock, Simulator
from support.clients import Blocking

# Every registered provider with a simulator shape (seedance.registry).
SIMULATED = [unit.name for unit in registry.providers().values() if unit.shape is not None]


def profile_of(provider: str) -> Any:
    """The provider's documented cases (its registered test profile)."""
    return registry.provider(provider).load_profile()


@pytest.fixture(params=SIMULATED)
def provider(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def simulator(provider: str) -> Simulator:
    return Simulator(provider, queue_seconds=4.0, run_seconds=40.0)


@pytest.fixture
def clock(simulator: Simulator) -> ManualClock:
    """The simulator's clock, which its clients sleep on."""
    clock = simulator.clock
    assert isinstance(clock, ManualClock)
    return clock


Connect = Callable[..., Any]


@pytest.fixture(params=["sync", "async"])
def connect(
    request: pytest.FixtureRequest, simulator: Simulator, clock: ManualClock
) -> Iterator[Connect]:
    """connect(**options): a client of the simulator with the sync API (sync or async inside)."""
    made: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("retry", seedance.RetryPolicy(max_retries=3, jitter=0.0))
        if request.param == "sync":
            client: Any = simulator.client(**options)
        else:
            client = Blocking(simulator.async_client(**options))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
