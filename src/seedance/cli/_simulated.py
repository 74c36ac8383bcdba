"""``--simulated``: the commands against an in-process `Simulator` instead of the network.

Each invocation builds a fresh simulator of the chosen provider (the `Runtime`'s, on a sped-up
`RealClock`), and loads the simulated jobs of earlier invocations from a small state file, so that
``seedance create --simulated`` (or ``batch --simulated``) and a later
``seedance status JOB --simulated`` see the same job. The file is JSON, one per provider:
``$SEEDANCE_STATE_DIR/simulator-<provider>.json``, else in the platform's cache folder
(``~/.cache/seedance`` on Linux). A job is stored with its creation wall time, so its clock goes
on while no process runs: a job created 3 s ago is 30 simulated seconds old at speed 10, in the
process that asks.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

import httpx

from .. import AsyncSeedanceClient, Clock, PollingPolicy, RetryPolicy, SeedanceClient
from ._runtime import Runtime, SimulatorUnavailableError

__all__ = [
    "API_KEY",
    "STATE_DIR_ENV",
    "SimulatedProvider",
    "SimulatorUnavailableError",
    "state_dir",
]

log = logging.getLogger("seedance.cli")

STATE_DIR_ENV = "SEEDANCE_STATE_DIR"
API_KEY = "sk_simulated"
"""Every simulated job belongs to this key (the simulator only shows a key its own jobs)."""
MAX_JOBS = 500
"""The state file keeps the most recent jobs only."""
STATE_VERSION = 1
_WALL_FIELDS = ("created", "cancelled_at")


def state_dir() -> Path:
    """Where the simulated jobs are kept: ``$SEEDANCE_STATE_DIR`` or the platform cache folder."""
    given = os.environ.get(STATE_DIR_ENV)
    if given:
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "seedance" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "seedance"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "seedance"


class SimulatedProvider:
    """One provider's simulator, with the jobs of earlier invocations loaded into it, built
    and timed as *runtime* says (``runtime.speed``: simulated seconds per real second).

    >>> with SimulatedProvider("genray", Runtime(speed=60.0)) as simulated:  # doctest: +SKIP
    ...     client = simulated.client()

    Its rate limits are off unless *rate_limits*: a client sleeps the Retry-After seconds in
    real time while the simulator runs faster, so a limit would stall a command instead of
    showing it (``batch`` paces its requests on the simulator's clock: it keeps them on).
    """

    def __init__(
        self,
        provider: str,
        runtime: Runtime | None = None,
        *,
        directory: Path | None = None,
        rate_limits: bool = False,
    ) -> None:
        self.provider = provider
        self.runtime = runtime or Runtime()
        self.speed = self.runtime.speed
        self.sim = self.runtime.simulator(provider, self.runtime, rate_limits=rate_limits)
        self.path = (directory or state_dir()) / f"simulator-{provider}.json"
        self._loaded: set[str] = set()
        self._http: list[httpx.Client] = []
        self.load()

    # --- clients ------------------------------------------------------------------------------
    def http_client(self) -> httpx.Client:
        http = self.sim.http_client()
        self._http.append(http)
        return http

    def client(
        self, http_client: httpx.Client | None = None, *, clock: Clock | None = None
    ) -> SeedanceClient:
        """A `SeedanceClient` wired to the simulator, polling as the runtime says."""
        return SeedanceClient(
            self.provider,
            api_key=API_KEY,
            http_client=http_client or self.http_client(),
            polling=self.runtime.polling,
            clock=clock,
        )

    def async_client(
        self,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        polling: PollingPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> AsyncSeedanceClient:
        """An `AsyncSeedanceClient` wired to the simulator (through *http_client*, one of
        ``sim.async_http_client()``: its in-process transport holds no connection), polling
        as *polling* says, else as the runtime does."""
        return AsyncSeedanceClient(
            self.provider,
            api_key=API_KEY,
            http_client=http_client or self.sim.async_http_client(),
            retry=retry,
            polling=polling or self.runtime.polling,
            clock=clock,
        )

    # --- the state file -----------------------------------------------------------------------
    def load(self) -> None:
        """Put the stored jobs into the simulator, their clocks moved on by the time since."""
        state = self._read()
        jobs = state.get("jobs", [])
        from ..testing import SimJob

        names = {field.name for field in fields(SimJob)}
        wall, now = time.time(), self.sim.clock.now()
        highest = 0
        for stored in jobs:
            try:
                values = {key: value for key, value in stored.items() if key in names}
                for key in _WALL_FIELDS:
                    if values.get(key) is not None:
                        values[key] = now - (wall - float(values[key])) * self.speed
                values["extra"] = dict(values.get("extra") or {})
                if stored.get("webhook_owed"):
                    # Its webhook was owed (and sent or tried) in an earlier process: not again.
                    values["extra"]["webhook"] = None
                job = SimJob(**values)
            except (TypeError, ValueError) as error:
                log.warning("%s: skipping a stored job that does not load (%s)", self.path, error)
                continue
            self.sim.jobs[job.id] = job
            self._loaded.add(job.id)
            highest = max(highest, job.number)
        # New jobs are numbered after the stored ones (Genray's upscale takes these numbers).
        self.sim._numbers = itertools.count(highest + 1)
        credits = state.get("credits")
        if isinstance(credits, int) and hasattr(self.sim.shape, "credits"):
            # Genray's account: the credits earlier simulated jobs spent stay spent.
            setattr(self.sim.shape, "credits", credits)  # noqa: B010

    def save(self) -> None:
        """Write the simulator's jobs back, merged with what other processes stored meanwhile."""
        wall, now = time.time(), self.sim.clock.now()
        on_disk = {job["id"]: job for job in self._read().get("jobs", []) if "id" in job}
        removed = self._loaded - set(self.sim.jobs)  # e.g. a ModelArk delete
        merged = {key: job for key, job in on_disk.items() if key not in removed}
        for job in list(self.sim.jobs.values()):
            merged[job.id] = self._stored(job, wall, now)
        jobs = sorted(merged.values(), key=lambda job: (job.get("created") or 0, job["number"]))
        state: dict[str, Any] = {
            "version": STATE_VERSION,
            "provider": self.provider,
            "jobs": jobs[-MAX_JOBS:],
        }
        credits = getattr(self.sim.shape, "credits", None)
        if isinstance(credits, int):
            state["credits"] = credits
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(state, file, indent=1)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise

    def _stored(self, job: Any, wall: float, now: float) -> dict[str, Any]:
        stored: dict[str, Any] = {
            "id": job.id,
            "number": job.number,
            "operation": job.operation,
            "body": job.body,
            "key": job.key,
            "queue_seconds": job.queue_seconds,
            "run_seconds": job.run_seconds,
            "failure": job.failure,
            "webhook_url": job.webhook_url,
            # Only what JSON can carry (an owed webhook's delivery object stays behind).
            "extra": {k: v for k, v in job.extra.items() if _jsonable(v) and k != "webhook"},
            "webhook_owed": "webhook" in job.extra,
        }
        for key in _WALL_FIELDS:
            value = getattr(job, key)
            stored[key] = None if value is None else wall - (now - value) / self.speed
        return stored

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            log.warning("cannot read %s (%s): starting with no simulated jobs", self.path, error)
            return {}
        try:
            state = json.loads(text)
        except ValueError as error:
            log.warning("%s is not JSON (%s): starting with no simulated jobs", self.path, error)
            return {}
        if not isinstance(state, dict) or not isinstance(state.get("jobs", []), list):
            log.warning("%s has an unexpected shape: starting with no simulated jobs", self.path)
            return {}
        return state

    # --- lifetime -----------------------------------------------------------------------------
    def close(self) -> None:
        for http in self._http:
            http.close()
        self._http.clear()

    def __enter__(self) -> SimulatedProvider:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.save()
        finally:
            self.close()


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True
