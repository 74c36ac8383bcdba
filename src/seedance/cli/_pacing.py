"""Pacing of ``seedance batch``: the provider's documented limits, requests per minute and
job slots, and the batch's clock.

The batch's client waits through its own `AsyncSeedanceClient.wait`; what the batch adds is done
around each call it makes: `Pacer.call` gives every API request of the call a turn of the batch's
`Pacer` (through the httpx hooks `pace` installs), and the client's clock (`Timebase.clock`)
counts the provider's seconds and ends a stoppable call at its next sleep once the run stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

import attrs
import httpx

from .. import Clock, PollingPolicy, RateLimitError, RetryPolicy
from ..adapters import adapter

__all__ = [
    "BATCH_RETRY",
    "Limits",
    "Pacer",
    "Slots",
    "Stopped",
    "Timebase",
    "batch_polling",
    "documented_limits",
    "pace",
]

BATCH_RETRY = RetryPolicy(retry_statuses=frozenset({408, 500, 502, 503, 504}))
"""The client's retries in a batch: a 429 is not retried inside the client, the batch's pacer
waits it out on the provider's clock."""


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


def batch_polling(provider: str, polling: PollingPolicy | None = None) -> PollingPolicy:
    """The polling of a batch's client: the provider's (or *polling*), without its per-key
    request budget: the batch's `Pacer` is that budget, for creates and polls alike, and learns
    the key's own limits from its account."""
    return attrs.evolve(polling or adapter(provider).polling, requests_per_minute=None)


@dataclass(frozen=True)
class Timebase:
    """The provider's clock in seconds: a simulator's may run faster than the wall clock
    (*speed* times)."""

    now: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    speed: float = 1.0

    @classmethod
    def real(cls, speed: float = 1.0) -> Timebase:
        start = time.monotonic()

        async def sleep(seconds: float) -> None:
            await asyncio.sleep(max(0.0, seconds) / speed)

        return cls(lambda: (time.monotonic() - start) * speed, sleep, speed)

    def clock(self) -> Clock:
        """This time base as the batch's client's clock (`seedance.Clock`)."""
        return _BatchClock(self)


class Stopped(Exception):  # noqa: N818 (a signal the batch catches, never reported)
    """The run stopped while a stoppable call slept or waited for its turn: the call ends."""


@dataclass
class _Turn:
    """Where one call of the batch (its requests, one at a time) is with the batch's pacer."""

    pacer: Pacer
    stop: asyncio.Event | None
    """Set: the call ends (`Stopped`) at its next sleep or turn."""
    ready: list[float] | None
    """A turn taken before the call, for its first request (a create's)."""
    stamp: list[float] | None = None
    """The turn of the request in flight (given back once answered)."""
    limited: RateLimitError | None = None
    """The request in flight was answered 429: its turn is given back with the call's error."""


_TURN: ContextVar[_Turn | None] = ContextVar("seedance_batch_turn", default=None)


class _NoAnswer(Exception):  # noqa: N818 (never raised: what a turn is given back with)
    """A request that got no answer, or one that was refused (neither a success nor a 429)."""


class _BatchClock:
    """A `seedance.Clock` on a `Timebase`: the client's polls, its wait's deadline and its retry
    backoff count the provider's seconds, as the batch does."""

    def __init__(self, timebase: Timebase) -> None:
        self.timebase = timebase
        self.real_time = timebase.speed == 1.0

    def monotonic(self) -> float:
        return self.timebase.now()

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) / self.timebase.speed)

    async def async_sleep(self, seconds: float) -> None:
        turn = _TURN.get()
        stop = None if turn is None else turn.stop
        if stop is None:
            await self.timebase.sleep(seconds)
            return
        if stop.is_set():
            raise Stopped
        sleeping = asyncio.ensure_future(self.timebase.sleep(seconds))
        stopping = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({sleeping, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeping.cancel()
            stopping.cancel()
        if stop.is_set():
            raise Stopped


def pace(http: httpx.AsyncClient) -> None:
    """Give every API request a batch's call makes through *http* a turn of its `Pacer`
    (`Pacer.call`); requests outside a call (downloads from file hosts) take none."""
    hooks = http.event_hooks
    http.event_hooks = {
        "request": [*hooks.get("request", []), _before_request],
        "response": [*hooks.get("response", []), _on_response],
    }


async def _before_request(request: httpx.Request) -> None:
    turn = _TURN.get()
    if turn is None:
        return
    pacer = turn.pacer
    if turn.stamp is not None:  # the previous attempt got no answer (a dropped connection)
        pacer.done(turn.stamp, turn.limited or _NoAnswer())
        turn.stamp = turn.limited = None
    stamp, turn.ready = turn.ready, None
    if stamp is None:
        stamp = await pacer.acquire()
        if turn.stop is not None and turn.stop.is_set():
            pacer.unused(stamp)
            raise Stopped
    turn.stamp = stamp


async def _on_response(response: httpx.Response) -> None:
    turn = _TURN.get()
    if turn is None or turn.stamp is None:
        return
    status = response.status_code
    if status == 429:
        # Its Retry-After may be in the body, not read yet: the turn is given back with the
        # call's own RateLimitError (this one only if none comes: a growing pause).
        turn.limited = RateLimitError("answered 429", provider="", status_code=429)
        return
    stamp, turn.stamp = turn.stamp, None
    turn.pacer.done(stamp, None if status < 400 else _NoAnswer())


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

    @contextlib.contextmanager
    def call(
        self, *, stop: asyncio.Event | None = None, ready: list[float] | None = None
    ) -> Iterator[None]:
        """Pace the client call made in this block: each of its API requests takes a turn (the
        first one *ready*, when taken before) and gives it back once answered; a 429 pauses
        every request for as long as the call's `RateLimitError` says. With *stop*, the call
        ends with `Stopped` at its next sleep or turn once *stop* is set (a request in flight
        is answered first). Needs `pace` on the client's httpx client."""
        turn = _Turn(self, stop, ready)
        token = _TURN.set(turn)
        error: BaseException | None = None
        try:
            yield
        except BaseException as raised:
            error = raised
            raise
        finally:
            _TURN.reset(token)
            if turn.ready is not None:  # nothing was sent (a request the client refused)
                self.unused(turn.ready)
            if turn.stamp is not None:
                self.done(turn.stamp, _rate_limit(error) or turn.limited or _NoAnswer())

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


def _rate_limit(error: BaseException | None) -> RateLimitError | None:
    """The 429 that ended a call (a wait may end in a timeout raised from it)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, RateLimitError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


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
