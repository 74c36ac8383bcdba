"""The one clock every client, wait, retry and download reads and sleeps on.

Pass your own to a client (``SeedanceClient(..., clock=...)``) to run waits without waiting: the
simulator's clients get one that moves the simulator's time (`seedance.testing`), tests get a fake
one. Nothing in the package reads or sleeps on time any other way, so a wait's deadline and its
sleeps always agree.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable

__all__ = ["SYSTEM_CLOCK", "Clock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """Monotonic time and sleeping, sync and async.

    ``real_time`` says whether the clock follows wall time: webhook deliveries arrive in wall
    time, so a wait listens for them only on such a clock (on another it checks between sleeps).
    """

    real_time: bool

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    async def async_sleep(self, seconds: float) -> None: ...


class SystemClock:
    """Wall time: `time.monotonic`, `time.sleep` and `asyncio.sleep`.

    >>> SystemClock().monotonic() > 0
    True
    """

    real_time = True

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        # Imported here (a running loop has loaded it already): sync programs never pay for it.
        import asyncio

        await asyncio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


SYSTEM_CLOCK = SystemClock()
