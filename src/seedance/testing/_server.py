"""Serve simulators over real HTTP on 127.0.0.1 (uvicorn in a background thread)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.routing import Mount

from ._simulator import Simulator

if TYPE_CHECKING:
    from .._async_client import AsyncSeedanceClient
    from .._client import SeedanceClient
    from .._clock import Clock as ClientClock

__all__ = ["SimulatorServer"]

HOST = "127.0.0.1"


class SimulatorServer:
    """One or more simulators behind a real server on 127.0.0.1.

    A single simulator is served at the root, so its base URL is the provider's documented one
    with the host replaced; several are mounted under ``/<provider>``. ``GET /_simulator/state``
    under a provider's root (`root`) answers `Simulator.state`; `state` reads it in-process.

    >>> from seedance import VideoRequest
    >>> from seedance.testing import RealClock
    >>> sims = [Simulator("genray", clock=RealClock(60))]
    >>> with SimulatorServer(sims) as server, server.client("genray") as client:
    ...     job = client.generate(VideoRequest(prompt="a cat"))  # 32 s of its time: 0.6 s
    ...     server.state("genray")["creates_accepted"]
    1
    """

    def __init__(self, simulators: Iterable[Simulator], *, port: int = 0) -> None:
        self.simulators = {simulator.provider: simulator for simulator in simulators}
        self.port = port or _free_port()
        self._server: object = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        single = len(self.simulators) == 1
        for provider, simulator in self.simulators.items():
            simulator.in_process = False
            simulator.files_url = self.root(provider)
        if single:
            (self.app,) = (simulator.app for simulator in self.simulators.values())
        else:
            for name, simulator in self.simulators.items():
                simulator.mount(f"/{name}")
            mounts = [Mount(f"/{name}", app=sim.app) for name, sim in self.simulators.items()]
            self.app = Starlette(routes=mounts)

    def root(self, provider: str) -> str:
        prefix = "" if len(self.simulators) == 1 else f"/{provider}"
        return f"http://{HOST}:{self.port}{prefix}"

    def base_url(self, provider: str) -> str:
        """What to pass as ``base_url=`` to a client of *provider*."""
        return self.root(provider) + self.simulators[provider].base_path

    @property
    def clock(self) -> ClientClock | None:
        """The clock a client of your own should sleep on (``clock=``) to keep the simulators'
        pace (the first simulator's `Simulator.paced_clock`; the fixture's share one)."""
        return next(iter(self.simulators.values())).paced_clock()

    def state(self, provider: str) -> dict[str, Any]:
        """`Simulator.state` of *provider*'s simulator (what ``GET /_simulator/state`` serves)."""
        return self.simulators[provider].state()

    def client(self, provider: str, **options: Any) -> SeedanceClient:
        """A `SeedanceClient` of *provider* over HTTP to this server, sleeping on the
        simulator's clock (`Simulator.paced_clock`): its polls and retries keep the provider's
        pace in simulator time, so a job that takes 30 s on a 60x clock is followed in 0.5 s."""
        from .._client import SeedanceClient

        return SeedanceClient(provider, **self._client_options(provider, options))

    def async_client(self, provider: str, **options: Any) -> AsyncSeedanceClient:
        """An `AsyncSeedanceClient` as `client` makes a blocking one."""
        from .._async_client import AsyncSeedanceClient

        return AsyncSeedanceClient(provider, **self._client_options(provider, options))

    def _client_options(self, provider: str, options: dict[str, Any]) -> dict[str, Any]:
        simulator = self.simulators[provider]
        options.setdefault("base_url", self.base_url(provider))
        options.setdefault("api_key", (simulator.api_keys or ("sk_simulator",))[0])
        options.setdefault("clock", simulator.paced_clock())
        return options

    def start(self) -> SimulatorServer:
        import uvicorn

        config = uvicorn.Config(
            self.app, host=HOST, port=self.port, log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        self._server = server
        serving = threading.Thread(target=server.run, name="seedance-simulator", daemon=True)
        ticking = threading.Thread(target=self._tick, name="seedance-webhooks", daemon=True)
        self._threads = [serving, ticking]
        for thread in self._threads:
            thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not serving.is_alive():
                raise RuntimeError(f"the simulator server did not start on {HOST}:{self.port}")
            time.sleep(0.01)
        return self

    def _tick(self) -> None:
        """Deliver due webhooks even when no request comes in."""
        while not self._stopping.wait(0.25):
            for simulator in self.simulators.values():
                simulator.deliver_due()

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.should_exit = True  # type: ignore[attr-defined]
        for thread in self._threads:
            thread.join(timeout=10)

    def __enter__(self) -> SimulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port
