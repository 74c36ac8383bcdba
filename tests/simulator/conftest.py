"""Fixtures of the simulator suites: a simulator per provider on a manual clock, and a client
(sync or async underneath) whose waits move that clock instead of sleeping."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import seedance
import seedance.testing.providers
from seedance.testing import ManualClock, Simulator
from support.clients import Blocking

SIMULATED = sorted(
    module.name
    for module in pkgutil.iter_modules(seedance.testing.providers.__path__)
    if not module.name.startswith("_")
)


def profile_of(provider: str) -> Any:
    """The provider's documented cases (tests/facade/profiles)."""
    return importlib.import_module(f"facade.profiles.{provider}").PROFILE


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
