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
    """Wall-clock time, optionally sped up (``speed=60``: a 60 s job takes a second)."""

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self._start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._start) * self.speed
