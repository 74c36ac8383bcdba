"""When to retry a request, and how long to wait first; how often to poll a job.

A create is never retried blindly: after a timeout, a dropped connection or a 5xx, the provider
may already have accepted it and a second attempt would start (and bill) a second job. A create
is retried only when it cannot have been accepted: the connection was never made, or the provider
answered 429 (rate limited). Reads are retried on connection errors, timeouts, 408, 429 and 5xx.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import attrs
import httpx

from ._clock import Clock

__all__ = ["PollingPolicy", "RetryPolicy", "parse_retry_after"]

# The request never left this machine: safe to retry anything.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """Exponential backoff with jitter, honouring ``Retry-After`` up to a cap.

    >>> RetryPolicy(max_retries=2).delay(attempt=1, retry_after=None) <= 1.0
    True
    """

    max_retries: int = 2
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    multiplier: float = 2.0
    jitter: float = 0.25
    """Each delay is shortened by up to this fraction at random, so clients spread out."""
    max_retry_after: float = 60.0
    """A longer ``Retry-After`` is not waited for: the error is raised instead."""
    retry_statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})

    def should_retry(
        self, *, attempt: int, idempotent: bool, error: Exception | None, status: int | None
    ) -> bool:
        """Whether attempt number *attempt* (1 = the first) may be followed by another."""
        if attempt > self.max_retries:
            return False
        if error is not None:
            return idempotent or isinstance(error, NOT_SENT)
        if status is None or status not in self.retry_statuses:
            return False
        return idempotent or status == 429

    def delay(self, *, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before the next attempt."""
        if retry_after is not None:
            return max(0.0, retry_after)
        backoff = min(self.max_backoff, self.initial_backoff * self.multiplier ** (attempt - 1))
        return backoff * (1 - self.jitter * random.random())


def parse_retry_after(headers: httpx.Headers, body: Any = None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or HTTP date) or a body's ``retry_after``."""
    value = headers.get("retry-after")
    if value is not None:
        value = value.strip()
        try:
            seconds = float(value)
        except (ValueError, OverflowError):
            seconds = None
        if seconds is not None and seconds == seconds:  # not NaN
            return max(0.0, seconds)
        try:
            when = parsedate_to_datetime(value)
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError, OverflowError):
            return None
    return _body_retry_after(body)


def _body_retry_after(body: Any) -> float | None:
    # Genray: {"detail": {"error": "rate_limit_exceeded", "retry_after": 12, ...}}
    for holder in (body, body.get("detail") if isinstance(body, dict) else None):
        if isinstance(holder, dict):
            value = holder.get("retry_after")
            if isinstance(value, int | float) and not isinstance(value, bool):
                try:
                    return max(0.0, float(value))
                except OverflowError:
                    return None
    return None


@attrs.frozen(kw_only=True)
class PollingPolicy:
    """Status polling: start at ``initial`` seconds, grow by ``multiplier``, never past ``maximum``.

    The defaults of each provider follow its guidance (Siray 3-5 s, ModelArk no faster than every
    10 s, Genray within its requests-per-minute limit).
    """

    initial: float
    maximum: float
    multiplier: float = 1.5

    def interval(self, poll: int) -> float:
        """Seconds to wait after poll number *poll* (1 = the first)."""
        return min(self.maximum, self.initial * self.multiplier ** (poll - 1))


class Deadline:
    """One deadline shared by every attempt and retry sleep of a call, or every poll of a wait.

    When a retry does not fit in a wait's deadline the wait times out (`WaitTimeoutError`);
    when it does not fit in a single call's (``ends_wait=False``), the last outcome is raised.
    """

    def __init__(self, timeout: float | None, *, clock: Clock, ends_wait: bool = True) -> None:
        self.timeout = timeout
        self.ends_wait = ends_wait
        self._clock = clock
        self._end = None if timeout is None else clock.monotonic() + timeout

    def remaining(self) -> float | None:
        return None if self._end is None else self._end - self._clock.monotonic()

    @property
    def expired(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    def clip(self, seconds: float) -> float:
        remaining = self.remaining()
        return seconds if remaining is None else max(0.0, min(seconds, remaining))
