"""`Runtime`: the world the commands run on, passed in rather than patched.

A command finds its `Runtime` as the context object of its invocation (the app's callback makes
it `current`), so a test or an embedding program gives one to ``CliRunner().invoke(app, args,
obj=Runtime(...))``; without one, the commands run on `Runtime()`: wall time, the network, and
``--simulated`` at 10 times real speed. This module needs no package of the ``cli`` extra.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import httpx

from .. import Clock, PollingPolicy

if TYPE_CHECKING:
    from ..testing import Simulator

__all__ = [
    "Runtime",
    "SimulatorFactory",
    "SimulatorUnavailableError",
    "current",
    "enter",
    "make_simulator",
    "network_http_client",
    "probe_writable",
]


class SimulatorUnavailableError(Exception):
    """``seedance.testing`` (the simulator) needs the ``testing`` extra's packages."""


class SimulatorFactory(Protocol):
    """Builds the simulator one ``--simulated`` invocation runs against."""

    def __call__(self, provider: str, runtime: Runtime, *, rate_limits: bool) -> Simulator: ...


def make_simulator(provider: str, runtime: Runtime, *, rate_limits: bool = False) -> Simulator:
    """*provider*'s simulator on a `RealClock` at ``runtime.speed``, its jobs taking
    ``runtime.queue_seconds`` then ``runtime.run_seconds`` (the default `Runtime.simulator`)."""
    try:
        from ..testing import RealClock, Simulator
    except ImportError as error:
        raise SimulatorUnavailableError(
            f"--simulated needs the simulator's packages: pip install 'seedance[testing]' ({error})"
        ) from None
    return Simulator(
        provider,
        clock=RealClock(runtime.speed),
        queue_seconds=runtime.queue_seconds,
        run_seconds=runtime.run_seconds,
        rate_limits=rate_limits,
    )


def network_http_client() -> httpx.Client:
    """The HTTP client of the commands for a real provider (the default `Runtime.http_client`)."""
    return httpx.Client(follow_redirects=True)


def _client_transport() -> httpx.AsyncBaseTransport | None:
    return None


def probe_writable(folder: Path, name: str) -> None:
    """Create and remove a file in *folder* as the download will, or raise `OSError`.

    Permission bits alone do not tell (read-only mounts, ACLs, quotas, a root user).
    """
    with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.", suffix=".probe"):
        pass


_SIMULATED_POLLING = PollingPolicy(initial=0.3, maximum=0.5)


@dataclass(frozen=True)
class Runtime:
    """What the commands run on: the clock and network of real providers, and the simulated
    world of ``--simulated``. The defaults are the installed command's.

    >>> from seedance.cli import Runtime
    >>> fast = Runtime(speed=1000.0, polling=PollingPolicy(initial=0.01, maximum=0.02))
    >>> fast.speed, Runtime().speed
    (1000.0, 10.0)
    >>> from typer.testing import CliRunner
    >>> from seedance.cli import app
    >>> CliRunner().invoke(app, ["create", "--simulated", "--prompt", "a cat"], obj=fast)
    ... # doctest: +SKIP
    """

    clock: Clock | None = None
    """The clock every client sleeps on (retries, waits, downloads); None: wall time. A
    `seedance.testing.ManualClock` makes every wait return at once."""
    http_client: Callable[[], httpx.Client] = network_http_client
    """A new HTTP client for a real provider's sync client (the commands add their hooks)."""
    async_transport: Callable[[], httpx.AsyncBaseTransport | None] = _client_transport
    """The transport of a real provider's async client (``batch``); None: the client's own."""
    speed: float = 10.0
    """``--simulated``: simulated seconds per real second, for every command (a 2 s queue and a
    30 s run take 3.2 s); ``batch --speed`` replaces it for one run."""
    queue_seconds: float = 2.0
    """``--simulated``: how long a job is queued, in simulated seconds."""
    run_seconds: float = 30.0
    """``--simulated``: how long a job runs, in simulated seconds."""
    polling: PollingPolicy = _SIMULATED_POLLING
    """``--simulated``: the status polls of a wait (real seconds): often enough to watch the job
    move."""
    simulator: SimulatorFactory = make_simulator
    """Builds each ``--simulated`` invocation's simulator (wrap `make_simulator` to add
    faults); the stored jobs of earlier invocations are loaded into it."""
    probe_writable: Callable[[Path, str], None] = probe_writable
    """Checks that an output's folder takes a new file before any job is paid for."""


def current() -> Runtime:
    """The `Runtime` of the command being run: the one its invocation was given, else the
    default."""
    return _CURRENT.get() or Runtime()


def enter(runtime: Runtime | None) -> Callable[[], None]:
    """Make *runtime* the current one (None: the default) until the returned function is called:
    the app's callback does this with its context object, for the invocation's lifetime."""
    token = _CURRENT.set(runtime)
    return lambda: _CURRENT.reset(token)


_CURRENT: ContextVar[Runtime | None] = ContextVar("seedance_cli_runtime", default=None)
