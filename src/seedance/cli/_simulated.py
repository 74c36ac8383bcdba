"""``--simulated``: the job commands against an in-process `Simulator` instead of the network.

Each invocation builds a fresh simulator of the chosen provider on a sped-up `RealClock`, and
loads the simulated jobs of earlier invocations from a small state file, so that
``seedance create --simulated`` and a later ``seedance status JOB --simulated`` see the same job.
The file is JSON, one per provider: ``$SEEDANCE_STATE_DIR/simulator-<provider>.json``, else in the
platform's cache folder (``~/.cache/seedance`` on Linux). A job is stored with its creation wall
time, so its clock goes on while no process runs: a job created 3 s ago is 30 simulated seconds
old at speed 10, whichever process asks.
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
from typing import TYPE_CHECKING, Any

import httpx

from .. import Clock, PollingPolicy, SeedanceClient

if TYPE_CHECKING:
    from ..testing import Simulator

__all__ = [
    "API_KEY",
    "POLLING",
    "QUEUE_SECONDS",
    "RUN_SECONDS",
    "SPEED",
    "STATE_DIR_ENV",
    "SimulatedProvider",
    "SimulatorUnavailableError",
    "state_dir",
]

log = logging.getLogger("seedance.cli")

STATE_DIR_ENV = "SEEDANCE_STATE_DIR"
API_KEY = "sk_simulated"
"""Every simulated job belongs to this key (the simulator only shows a key its own jobs)."""
SPEED = 10.0
"""Simulated seconds per real second: a 2 s queue and a 30 s run take 3.2 s."""
QUEUE_SECONDS = 2.0
RUN_SECONDS = 30.0
POLLING = PollingPolicy(initial=0.3, maximum=0.5)
"""Status polls against the simulator (real seconds): often enough to watch the job move."""
MAX_JOBS = 500
"""The state file keeps the most recent jobs only."""
STATE_VERSION = 1
_WALL_FIELDS = ("created", "cancelled_at")


class SimulatorUnavailableError(Exception):
    """``seedance.testing`` (the simulator) needs the ``testing`` extra's packages."""


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


def make_simulator(provider: str) -> Simulator:
    """The simulator one invocation runs against (tests replace this to inject faults)."""
    try:
        from ..testing import RealClock, Simulator
    except ImportError as error:
        raise SimulatorUnavailableError(
            f"--simulated needs the simulator's packages: pip install 'seedance[testing]' ({error})"
        ) from None
    # Rate limits are off: the clock runs SPEED times faster than the Retry-After seconds a
    # client would sleep, so a simulated limit would stall the command instead of showing it.
    return Simulator(
        provider,
        clock=RealClock(SPEED),
        queue_seconds=QUEUE_SECONDS,
        run_seconds=RUN_SECONDS,
        rate_limits=False,
    )


class SimulatedProvider:
    """One provider's simulator, with the jobs of earlier invocations loaded into it.

    >>> with SimulatedProvider("genray") as simulated:  # doctest: +SKIP
    ...     client = simulated.client()
    """

    def __init__(self, provider: str, *, directory: Path | None = None) -> None:
        self.provider = provider
        self.sim = make_simulator(provider)
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
        """A `SeedanceClient` wired to the simulator, polling at `POLLING`."""
        return SeedanceClient(
            self.provider,
            api_key=API_KEY,
            http_client=http_client or self.http_client(),
            polling=POLLING,
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
                        values[key] = now - (wall - float(values[key])) * SPEED
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

    @staticmethod
    def _stored(job: Any, wall: float, now: float) -> dict[str, Any]:
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
            stored[key] = None if value is None else wall - (now - value) / SPEED
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
