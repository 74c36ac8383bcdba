"""Pacing of ``seedance batch``: the provider's documented limits, requests per minute and
job slots."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .. import RateLimitError, RetryPolicy
from ..adapters import adapter

__all__ = ["Limits", "Pacer", "Slots", "Timebase", "documented_limits"]


PAUSES = RetryPolicy(initial_backoff=2.0, max_backoff=60.0, jitter=0.0, max_retry_after=3600.0)
"""How long every request of a batch pauses after a 429: the provider's Retry-After (up to an
hour), else 2 s doubling per 429 in a row up to a minute."""


# --- limits and pacing --------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    """What a provider allows per key or account; None where it documents no limit."""

    concurrent_jobs: int | None = None
    requests_per_minute: int | None = None
    source: str = "no documented limit"


def documented_limits(provider: str) -> Limits:
    """The limits a provider documents: the curated spec's ``x-rate-limits`` (Genray's plans; the
    smallest plan with API access), or the adapter's ``max_queued_jobs`` (ModelArk's 120)."""
    spec = adapter(provider).spec.document
    plans = spec.get("x-rate-limits", {}).get("plans", {})
    usable = {
        name: plan
        for name, plan in plans.items()
        if isinstance(plan, dict) and plan.get("requests_per_minute")
    }
    if usable:
        name, plan = min(usable.items(), key=lambda item: item[1]["requests_per_minute"])
        return Limits(
            concurrent_jobs=plan.get("concurrent_jobs"),
            requests_per_minute=plan["requests_per_minute"],
            source=f"the {name} plan's limits per key",
        )
    queued = adapter(provider).max_queued_jobs  # ModelArk's 120 (provider-notes.md)
    if queued is not None:
        return Limits(concurrent_jobs=queued, source=f"at most {queued} queued tasks per account")
    return Limits()


@dataclass(frozen=True)
class Timebase:
    """The provider's clock in seconds: a simulator's may run faster than the wall clock."""

    now: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]

    @classmethod
    def real(cls, speed: float = 1.0) -> Timebase:
        start = time.monotonic()

        async def sleep(seconds: float) -> None:
            await asyncio.sleep(max(0.0, seconds) / speed)

        return cls(lambda: (time.monotonic() - start) * speed, sleep)


class Pacer:
    """At most *per_minute* requests in any minute (with a second to spare), and a pause after
    every 429 for as long as the provider asks (or a growing backoff when it does not say).

    A request counts from the moment it is sent until its answer came back: the provider may
    count it at any point in between.
    """

    SPAN = 61.0

    def __init__(self, timebase: Timebase, per_minute: int | None) -> None:
        self.timebase = timebase
        self.per_minute = per_minute
        self.rate_limited = 0
        """How many 429s the provider answered."""
        self.requests = 0
        self._lock = asyncio.Lock()
        self._stamps: list[list[float]] = []
        self._resume_at = 0.0
        self._strikes = 0
        self.waiting: tuple[str, float] | None = None
        """While a request waits for its turn: why (``rate limit``: a 429 asked for a pause;
        ``N requests/min``: the pace) and until when on the provider's clock (for the view)."""

    async def acquire(self) -> list[float]:
        """Wait for a turn; give the returned stamp back to `done` once answered."""
        async with self._lock:
            while True:
                now = self.timebase.now()
                wait = self._resume_at - now
                if self.per_minute:
                    self._stamps = [stamp for stamp in self._stamps if stamp[0] > now - self.SPAN]
                    if len(self._stamps) >= self.per_minute:
                        oldest = min(stamp[0] for stamp in self._stamps)
                        wait = max(wait, oldest + self.SPAN - now)
                if wait <= 0:
                    break
                why = "rate limit" if self._resume_at > now else f"{self.per_minute} requests/min"
                self.waiting = (why, now + wait)
                try:
                    await self.timebase.sleep(wait)
                finally:
                    self.waiting = None
            stamp = [now]
            if self.per_minute:
                self._stamps.append(stamp)
            self.requests += 1
            return stamp

    def unused(self, stamp: list[float]) -> None:
        """Give back a turn that was not used after all."""
        with contextlib.suppress(ValueError):
            self._stamps.remove(stamp)
        self.requests -= 1

    def done(self, stamp: list[float], error: BaseException | None = None) -> None:
        now = self.timebase.now()
        stamp[0] = max(stamp[0], now)
        if isinstance(error, RateLimitError):
            self.rate_limited += 1
            self._strikes += 1
            # The provider's Retry-After, else a growing backoff: the policy's answer.
            pause = PAUSES.next_delay(self._strikes, error=error, retries=sys.maxsize)
            if pause is None:  # a Retry-After past the policy's cap: still what was asked
                pause = error.retry_after or PAUSES.max_retry_after
            self._resume_at = max(self._resume_at, now + pause)
        elif error is None:
            self._strikes = 0


class Slots:
    """Jobs at the provider at once: at most *limit*, except those a previous run left running."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.peak = 0
        self._changed = asyncio.Condition()

    def take(self) -> None:
        self.used += 1
        self.peak = max(self.peak, self.used)

    async def acquire(self) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self.used < self.limit)
            self.take()

    async def release(self) -> None:
        async with self._changed:
            self.used -= 1
            self._changed.notify(1)
