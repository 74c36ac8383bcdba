"""Clocks the simulator runs jobs on: one a test moves by hand, one that follows real time."""

from __future__ import annotations

import threading
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "RealClock"]


class Clock(Protocol):
    def now(self) -> float: ...


class ManualClock:
    """Time stands still until a test, or a client sleeping on it, moves it.

    It is also a `seedance.Clock`: a client given it (`Simulator.client()` does) sleeps by
    moving it, so a wait on the simulator ends at once and its deadline counts the same time.

    >>> clock = ManualClock()
    >>> clock.advance(30)
    >>> clock.now()
    30.0
    """

    real_time = False

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += max(0.0, seconds)

    async def async_advance(self, seconds: float) -> None:
        self.advance(seconds)

    # seedance.Clock
    monotonic = now
    sleep = advance
    async_sleep = async_advance


class RealClock:
    """Wall-clock time, optionally sped up (``speed=60``: a 60 s job takes a second).

    It is also a `seedance.Clock` at the same speed: a client given it (a `SimulatorServer`'s
    ``client()`` and the ``seedance_server`` fixture's do) waits 10 s of the simulator's time
    between two polls where the provider asks for 10 s, not 10 s of yours.

    >>> clock = RealClock(speed=60)
    >>> clock.sleep(30)                     # half a second of wall time
    >>> clock.now() >= 30
    True
    """

    real_time = True  # it follows wall time (sped up): webhooks arrive while a wait sleeps

    def __init__(self, speed: float = 1.0) -> None:
        if not speed > 0:
            raise ValueError(f"speed must be more than 0, not {speed!r}")
        self.speed = speed
        self._start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._start) * self.speed

    # seedance.Clock
    monotonic = now

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) / self.speed)

    async def async_sleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(max(0.0, seconds) / self.speed)
