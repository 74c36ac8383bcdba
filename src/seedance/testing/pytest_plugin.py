"""pytest fixtures for projects that call Seedance providers: offline, against the simulators.

Installed as a pytest plugin (entry point ``seedance``). Fixtures:

- ``seedance_simulator``: a `Simulator` on a manual clock, for the provider named by
  ``@pytest.mark.seedance_provider("modelark")`` (default ``genray``) or by indirect
  parametrization;
- ``seedance_client`` / ``seedance_async_client``: a `SeedanceClient` / `AsyncSeedanceClient`
  wired to that simulator in-process; they sleep on the simulator's clock (moving it), so
  ``client.generate(...)`` returns at once with a finished job, as outside pytest;
- ``seedance_server``: every provider served on a free port of 127.0.0.1 (real HTTP, real time
  sped up 60x); ``seedance_server.base_url("genray")`` is the ``base_url=`` for a client.

::

    @pytest.mark.seedance_provider("modelark")
    def test_my_service(seedance_client, seedance_simulator):
        job = seedance_client.generate(VideoRequest(prompt="a cat"))
        assert seedance_simulator.counters["creates_accepted"] == 1
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from . import INSTALL_HINT

if TYPE_CHECKING:
    from ._server import SimulatorServer
    from ._simulator import Simulator

DEFAULT_PROVIDER = "genray"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "seedance_provider(name): the provider the seedance_* fixtures simulate"
    )


def _simulator_class() -> type[Simulator]:
    """The simulator, or one line saying which extra to install (not a traceback)."""
    try:
        from ._simulator import Simulator
    except ImportError as error:
        missing = str(error)
    else:
        return Simulator
    pytest.fail(f"{INSTALL_HINT} ({missing})", pytrace=False)


@pytest.fixture
def seedance_simulator(request: pytest.FixtureRequest) -> Simulator:
    Simulator = _simulator_class()  # noqa: N806 (a class)
    marker = request.node.get_closest_marker("seedance_provider")
    provider = getattr(request, "param", None) or (marker.args[0] if marker else DEFAULT_PROVIDER)
    return Simulator(provider)


@pytest.fixture
def seedance_client(seedance_simulator: Simulator) -> Iterator[Any]:
    client = seedance_simulator.client()
    yield client
    client.close()


@pytest.fixture
def seedance_async_client(seedance_simulator: Simulator) -> Iterator[Any]:
    client = seedance_simulator.async_client()
    yield client
    asyncio.run(client.aclose())


@pytest.fixture
def seedance_server() -> Iterator[SimulatorServer]:
    from ..adapters import provider_names
    from ._clock import RealClock

    Simulator = _simulator_class()  # noqa: N806 (a class)
    from ._server import SimulatorServer

    clock = RealClock(speed=60.0)
    simulators = [Simulator(provider, clock=clock) for provider in provider_names()]
    with SimulatorServer(simulators) as server:
        yield server
