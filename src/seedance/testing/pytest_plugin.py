"""pytest fixtures for projects that call Seedance providers: offline, against the simulators.

Installed as a pytest plugin (entry point ``seedance``). Fixtures:

- ``seedance_simulator``: a `Simulator` on a manual clock, for the provider named by
  ``@pytest.mark.seedance_provider("modelark")`` (default ``genray``) or by indirect
  parametrization;
- ``seedance_client`` / ``seedance_async_client``: a `SeedanceClient` / `AsyncSeedanceClient`
  wired to that simulator in-process; they sleep on the simulator's clock (moving it), so
  ``client.generate(...)`` returns at once with a finished job, as outside pytest;
- ``seedance_server``: every provider served on a free port of 127.0.0.1 (real HTTP, real time
  sped up 60x); ``seedance_server.client("genray")`` is a client that polls at that pace (a
  30 s job is followed in half a second), ``seedance_server.base_url("genray")`` the
  ``base_url=`` for a client of your own (pass ``clock=seedance_server.clock`` to keep the
  pace), ``seedance_server.state("genray")`` the simulator's counters and jobs;
- ``seedance_live``: the `VerifyResult` of the real provider named by
  ``@pytest.mark.seedance_live("genray")`` (skipped without its key). ``pytest
  --seedance-live=genray`` adds that check as a test of its own: a nightly job in one line.

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
    from .._async_client import AsyncSeedanceClient
    from .._client import SeedanceClient
    from ..contract import VerifyResult
    from ._server import SimulatorServer
    from ._simulator import Simulator

DEFAULT_PROVIDER = "genray"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("seedance")
    group.addoption(
        "--seedance-live",
        action="append",
        default=[],
        metavar="PROVIDER",
        help="Check PROVIDER (repeatable) against its curated spec with the free probes of"
        " `seedance verify`; its key comes from the provider's environment variable.",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "seedance_provider(name): the provider the seedance_* fixtures simulate"
    )
    config.addinivalue_line(
        "markers",
        "seedance_live(name): the real provider the seedance_live fixture verifies (needs its"
        " key in the environment, else the test is skipped)",
    )


class SeedanceLiveItem(pytest.Item):
    """``seedance_live[<provider>]``: the free probes of `seedance verify`, as one test."""

    def __init__(self, *, provider: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.provider = provider

    def runtest(self) -> None:
        result = live_verify(self.provider)
        errors = result.errors
        if result.problem_code or errors:
            from ..contract.report import table

            pytest.fail(table(result), pytrace=False)

    def reportinfo(self) -> tuple[str, int | None, str]:
        return "seedance", None, f"seedance_live[{self.provider}]"


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    for provider in config.getoption("seedance_live", default=[]) or []:
        items.append(
            SeedanceLiveItem.from_parent(session, name=f"seedance_live[{provider}]",
                                         provider=provider)
        )  # fmt: skip


def live_verify(provider: str) -> VerifyResult:
    """`seedance.contract.verify` with the key from the environment, or a skip naming it."""
    import os

    from ..adapters import adapter, provider_names

    if provider not in provider_names():
        pytest.fail(f"--seedance-live {provider!r}: one of {', '.join(provider_names())}")
    names = adapter(provider).api_key_env
    key = next((os.environ[name] for name in names if os.environ.get(name)), None)
    if not key:
        pytest.skip(f"seedance live check of {provider}: no key; set {' or '.join(names)}")
    try:
        from ..contract import verify
    except ImportError as error:
        pytest.fail(f"{INSTALL_HINT} ({error})", pytrace=False)
    return verify(provider, api_key=key)


@pytest.fixture
def seedance_live(request: pytest.FixtureRequest) -> VerifyResult:
    """The `VerifyResult` of the provider named by ``@pytest.mark.seedance_live("genray")``
    (free probes only); skipped when its key is not in the environment."""
    marker = request.node.get_closest_marker("seedance_live")
    provider = getattr(request, "param", None) or (marker.args[0] if marker else DEFAULT_PROVIDER)
    return live_verify(provider)


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
def seedance_client(seedance_simulator: Simulator) -> Iterator[SeedanceClient]:
    client = seedance_simulator.client()
    yield client
    client.close()


@pytest.fixture
def seedance_async_client(seedance_simulator: Simulator) -> Iterator[AsyncSeedanceClient]:
    client = seedance_simulator.async_client()
    yield client
    asyncio.run(client.aclose())


@pytest.fixture
def seedance_server() -> Iterator[SimulatorServer]:
    """Every provider's simulator on one `SimulatorServer` (127.0.0.1, a free port), on one
    `RealClock` sped up 60x (``seedance_server.clock``)."""
    from .. import registry
    from ._clock import RealClock

    Simulator = _simulator_class()  # noqa: N806 (a class)
    from ._server import SimulatorServer

    clock = RealClock(speed=60.0)
    # Every registered provider that has a simulator shape (an outside one may have none).
    units = [unit for unit in registry.providers().values() if unit.shape is not None]
    simulators = [Simulator(unit.name, clock=clock) for unit in units]
    with SimulatorServer(simulators) as server:
        yield server
