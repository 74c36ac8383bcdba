"""What the hostile-server tests (and `benchmarks/bench_hostile_server.py`) share.

- `Route`: where one provider's create and status calls land on a `HostileServer`, and the
  documented bodies to answer them with (from ``tests/facade/profiles``).
- `Facade`: one typed, blocking API over `SeedanceClient` and `AsyncSeedanceClient` (the async
  client runs on its own event loop), so every test runs against both.
- `observe`: run one call, and measure what a user would notice: the error, the wall time and
  the peak memory (tracemalloc, and RSS).
- The checks: `expect`, `assert_in_time`, `assert_no_key`, `assert_nothing_saved`.
"""

from __future__ import annotations

import asyncio
import time
import traceback
import tracemalloc
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar
from urllib.parse import urlsplit

from facade.profiles._profile import Profile

import seedance
from seedance import Job, JobEvents, VideoRequest, registry

from ._server import HostileServer

KEY = "sk_test_H0stileKey_5ecret_0123456789abcdef"
"""The API key every hostile test uses: it must never show anywhere but in the request header."""
SIGNED_QUERY = "X-Signature=secret123"
"""The query string of signed download URLs: it must never show in an error or a log line."""
MiB = 2**20
GiB = 2**30
MARGIN = 1.5
"""Seconds a call may take beyond its deadline (thread scheduling on 2 busy cores)."""
MEMORY_BOUND = 64 * MiB
"""Peak memory allowed for one call, whatever the server sends (1 GiB bodies included)."""

Mode = Literal["sync", "async"]
MODES: tuple[Mode, ...] = ("sync", "async")
E = TypeVar("E", bound=BaseException)
T = TypeVar("T")


# --- providers on the hostile server ---------------------------------------------------------
@dataclass(frozen=True)
class Route:
    """One provider's API on a `HostileServer`: its paths and documented answers."""

    provider: str
    profile: Profile

    @property
    def prefix(self) -> str:
        """The path of the provider's base URL (``/api/v3`` for ModelArk): kept on loopback."""
        return urlsplit(self.profile.base_url).path.rstrip("/")

    def base_url(self, server: HostileServer) -> str:
        return server.url(self.prefix)

    @property
    def create_path(self) -> str:
        return self.prefix + self.profile.create[1]

    def get_path(self, job_id: str) -> str:
        return self.prefix + self.profile.get[1].format(id=job_id)

    @property
    def request(self) -> VideoRequest:
        return self.profile.request

    @property
    def created(self) -> tuple[int, Mapping[str, Any]]:
        """(status, body) of an accepted create."""
        return self.profile.create_response

    @property
    def succeeded(self) -> Mapping[str, Any]:
        """A finished job whose video is at `SUCCEEDED_VIDEO`."""
        return self.profile.succeeded

    @property
    def pending(self) -> Mapping[str, Any]:
        """The first documented status body of a job that has not finished."""
        return next(case.body for case in self.profile.statuses if not case.status.is_terminal)


SUCCEEDED_VIDEO = "https://files.example.com/video.mp4"
ROUTES: dict[str, Route] = {
    unit.name: Route(unit.name, unit.load_profile())
    for unit in registry.providers().values()
    if unit.profile is not None
}
PROVIDERS = tuple(ROUTES)
MAIN_PROVIDERS = ("modelark", "genray")
"""The providers of the slower tests (every provider shares the engine they exercise)."""


# --- one blocking API over the sync and the async client --------------------------------------
class Facade(Protocol):
    """The part of the client API the hostile tests call, blocking whichever client is behind."""

    mode: Mode

    def submit(self, request: VideoRequest) -> Job: ...
    def get(self, job: Job | str) -> Job: ...
    def wait(
        self, job: Job | str, *, timeout: float | None = None, events: JobEvents | None = None
    ) -> Job: ...
    def download(self, url: str, path: Path, **options: Any) -> Path: ...
    def close(self) -> None: ...


class SyncFacade:
    mode: Mode = "sync"

    def __init__(self, client: seedance.SeedanceClient) -> None:
        self.client = client

    def submit(self, request: VideoRequest) -> Job:
        return self.client.submit(request)

    def get(self, job: Job | str) -> Job:
        return self.client.get(job)

    def wait(
        self, job: Job | str, *, timeout: float | None = None, events: JobEvents | None = None
    ) -> Job:
        return self.client.wait(job, timeout=timeout, events=events)

    def download(self, url: str, path: Path, **options: Any) -> Path:
        # **options: `verify=False` and whatever else `download` grows.
        result: Path = self.client.download(url, path, **options)
        return result

    def close(self) -> None:
        self.client.close()


class AsyncFacade:
    """`AsyncSeedanceClient` behind a blocking API: each call runs to completion on its loop."""

    mode: Mode = "async"

    def __init__(self, client: seedance.AsyncSeedanceClient) -> None:
        self.client = client
        self._loop = asyncio.new_event_loop()

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self._loop.run_until_complete(coroutine)

    def submit(self, request: VideoRequest) -> Job:
        return self._run(self.client.submit(request))

    def get(self, job: Job | str) -> Job:
        return self._run(self.client.get(job))

    def wait(
        self, job: Job | str, *, timeout: float | None = None, events: JobEvents | None = None
    ) -> Job:
        return self._run(self.client.wait(job, timeout=timeout, events=events))

    def download(self, url: str, path: Path, **options: Any) -> Path:
        result: Path = self._run(self.client.download(url, path, **options))
        return result

    def close(self) -> None:
        self._run(self.client.aclose())
        self._loop.close()


def make_facade(mode: Mode, provider: str, *, base_url: str, **options: Any) -> Facade:
    """A client of *provider* on *base_url* with the test key (*options* go to the client)."""
    options.setdefault("api_key", KEY)
    if mode == "sync":
        return SyncFacade(seedance.SeedanceClient(provider, base_url=base_url, **options))
    return AsyncFacade(seedance.AsyncSeedanceClient(provider, base_url=base_url, **options))


# --- measuring one call -----------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """What one call did: its result or error, wall time and peak memory."""

    value: object
    error: Exception | None
    seconds: float
    peak_bytes: int
    """tracemalloc's peak during the call, above what was traced when it started."""
    rss_growth_bytes: int
    """Peak resident set size during the call (VmHWM, reset first) above the RSS at its start;
    0 where /proc does not allow it."""

    def describe(self) -> str:
        if self.error is None:
            return f"returned {self.value!r} in {self.seconds:.2f}s"
        trace = "".join(traceback.format_exception(self.error))
        return f"raised after {self.seconds:.2f}s:\n{trace}"


def observe(call: Callable[[], object], *, trace: bool = True) -> Outcome:
    """Run *call*, catching any `Exception`, under tracemalloc (unless not *trace*: then
    ``peak_bytes`` is 0 and the wall time is free of its overhead) and the RSS high-water mark."""
    started_tracing = trace and not tracemalloc.is_tracing()
    if started_tracing:
        tracemalloc.start()
    if trace:
        tracemalloc.reset_peak()
    baseline, _ = tracemalloc.get_traced_memory() if trace else (0, 0)
    rss_before = _reset_rss_peak()
    value: object = None
    error: Exception | None = None
    started = time.perf_counter()
    try:
        value = call()
    except Exception as caught:
        error = caught
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory() if trace else (0, 0)
    if started_tracing:
        tracemalloc.stop()
    rss_growth = max(0, _status_bytes("VmHWM") - rss_before) if rss_before else 0
    return Outcome(value, error, seconds, max(0, peak - baseline), rss_growth)


def _status_bytes(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _reset_rss_peak() -> int:
    """Reset VmHWM to the current RSS (Linux); return that RSS, or 0 if it cannot be done."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return 0
    return _status_bytes("VmRSS")


# --- the checks -------------------------------------------------------------------------------
def expect(outcome: Outcome, kind: type[E] | tuple[type[E], ...]) -> E:
    """The error of *outcome*, which must be a *kind* (or one of them)."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = " or ".join(k.__name__ for k in kinds)
    assert isinstance(outcome.error, kinds), f"expected {names}; {outcome.describe()}"
    return outcome.error


def assert_in_time(outcome: Outcome, deadline: float) -> None:
    limit = deadline + MARGIN
    assert outcome.seconds < limit, (
        f"took {outcome.seconds:.2f}s, deadline {deadline:g}s (+{MARGIN:g}s); {outcome.describe()}"
    )


def assert_bounded_memory(outcome: Outcome, bound: int = MEMORY_BOUND) -> None:
    assert outcome.peak_bytes < bound, (
        f"tracemalloc peak {outcome.peak_bytes / MiB:.1f} MiB >= {bound / MiB:.0f} MiB;"
        f" {outcome.describe()}"
    )


def exposed(error: BaseException, logs: str = "", *, chain: bool = True) -> dict[str, str]:
    """Everything a user may see of *error*, by where it shows: its str and repr, every
    attribute (body, message, code, request id, ...), its notes and the captured *logs*; with
    *chain*, also the errors it was raised from and its formatted traceback."""
    shown = {"logs": logs}
    if chain:
        shown["traceback"] = "".join(traceback.format_exception(error))
    seen: set[int] = set()
    current: BaseException | None = error
    depth = 0
    while current is not None and id(current) not in seen and (chain or depth == 0):
        seen.add(id(current))
        where = "error" if depth == 0 else f"error.__cause__/__context__[{depth}]"
        shown[f"str({where})"] = str(current)
        shown[f"repr({where})"] = repr(current)
        shown[f"{where}.args"] = repr(current.args)
        shown[f"{where}.__notes__"] = repr(getattr(current, "__notes__", []))
        for name, value in vars(current).items():
            shown[f"{where}.{name}"] = f"{value!r} {value}"
        current = current.__cause__ or current.__context__
        depth += 1
    return shown


def assert_no_key(error: BaseException, logs: str, *secrets: str) -> None:
    """None of *secrets* (default: the test key) shows anywhere in `exposed`, traceback and
    chained errors included."""
    for secret in secrets or (KEY,):
        leaks = [where for where, text in exposed(error, logs).items() if secret in text]
        assert not leaks, f"{secret!r} shows in {leaks}"


def assert_no_signature(error: BaseException, logs: str) -> None:
    """The signed URL's query string shows neither in the error (message, repr, attributes)
    nor in the logs."""
    leaks = [
        where for where, text in exposed(error, logs, chain=False).items() if "secret123" in text
    ]
    assert not leaks, f"the signed query string shows in {leaks}"


def assert_nothing_saved(folder: Path, target: Path) -> None:
    """No file at *target*, and nothing else (no ``.part``) left in *folder*."""
    assert not target.exists(), f"{target} was saved"
    left = sorted(path.name for path in folder.iterdir())
    assert not left, f"left behind in {folder}: {left}"
