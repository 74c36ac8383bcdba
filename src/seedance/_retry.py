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
from ._errors import (
    APIConnectionError,
    APIError,
    LimitExceededError,
    RateLimitError,
    ResponseError,
    SeedanceError,
)
from ._polling import PollingPolicy  # here since before `_polling` existed: adapters import it

__all__ = ["PollingPolicy", "RetryPolicy", "parse_retry_after"]

# The request never left this machine: safe to retry anything.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """Exponential backoff with jitter, honouring ``Retry-After`` up to a cap: the one place that
    decides whether a failed API call, download or batch row is tried again, and when.

    >>> RetryPolicy(max_retries=2).delay(attempt=1, retry_after=None) <= 1.0
    True

    A caller that loops itself asks `next_delay`:

    >>> from seedance import RateLimitError
    >>> limited = RateLimitError("slow down", provider="genray", status_code=429, retry_after=3)
    >>> RetryPolicy().next_delay(1, error=limited)
    3.0
    >>> RetryPolicy().next_delay(3, error=limited) is None  # max_retries=2 retries were made
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
    """The HTTP statuses worth another attempt, for API calls and downloads alike."""
    download_extra_retries: int = 2
    """The download budget: a download resumes where it stopped (a retry costs only what is still
    missing), so it may be retried this many times more than an API call (`download_retries`)."""

    @property
    def download_retries(self) -> int:
        """How many times a download is resumed or restarted: ``max_retries +
        download_extra_retries`` (4 by default), all within ``Limits.download_timeout``."""
        return self.max_retries + self.download_extra_retries

    def next_delay(
        self,
        attempt: int,
        *,
        error: BaseException | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        idempotent: bool = True,
        remaining: float | None = None,
        retries: int | None = None,
    ) -> float | None:
        """Seconds to wait before trying again after attempt number *attempt* (1 = the first)
        failed, or None: give up and report the failure.

        The failure is *error* (an httpx transport error, or a `SeedanceError` a client raised:
        a `RateLimitError` brings its status and ``retry_after``, an `APIConnectionError` whether
        the request may have been accepted) or an HTTP *status* with its *retry_after* seconds.
        A call that is not *idempotent* (a create) is retried only when it cannot have been
        accepted. None also when the wait would not fit in *remaining* seconds, when a
        ``Retry-After`` exceeds `max_retry_after`, or after *retries* retries (default
        `max_retries`; a download passes `download_retries`).

        >>> RetryPolicy(jitter=0).next_delay(1, status=503)
        0.5
        >>> RetryPolicy().next_delay(1, status=503, idempotent=False) is None  # may have run
        True
        """
        status, retry_after, retryable = self._classify(error, status, retry_after, idempotent)
        if not retryable or attempt > (self.max_retries if retries is None else retries):
            return None
        if retry_after is not None and retry_after > self.max_retry_after:
            return None
        delay = self.delay(attempt=attempt, retry_after=retry_after)
        if remaining is not None and delay >= remaining:
            return None
        return delay

    def _classify(
        self,
        error: BaseException | None,
        status: int | None,
        retry_after: float | None,
        idempotent: bool,
    ) -> tuple[int | None, float | None, bool]:
        """(status, retry_after, retryable at all) of one failure."""
        if isinstance(error, RateLimitError):
            status = error.status_code
            retry_after = error.retry_after if retry_after is None else retry_after
        elif isinstance(error, APIError):
            status = error.status_code
        elif isinstance(error, APIConnectionError):
            return status, retry_after, idempotent or not error.may_have_been_accepted
        elif isinstance(error, LimitExceededError) or (
            isinstance(error, SeedanceError) and not isinstance(error, ResponseError)
        ):
            return status, retry_after, False  # a bad request, a failed job, a limit: final
        elif error is not None:
            # A transport error, or a cut-off body (ResponseError, a download's truncation).
            return status, retry_after, idempotent or isinstance(error, NOT_SENT)
        if status is None or status not in self.retry_statuses:
            return status, retry_after, False
        return status, retry_after, idempotent or status == 429

    def should_retry(
        self, *, attempt: int, idempotent: bool, error: Exception | None, status: int | None
    ) -> bool:
        """Whether attempt number *attempt* (1 = the first) may be followed by another."""
        if attempt > self.max_retries:
            return False
        return self._classify(error, status, None, idempotent)[2]

    def delay(self, *, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before the next attempt."""
        if retry_after is not None:
            return max(0.0, float(retry_after))
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

    def fits(self, seconds: float) -> bool:
        """Whether a sleep of *seconds* ends before the deadline (with time left to act)."""
        remaining = self.remaining()
        return remaining is None or seconds < remaining

    @property
    def expired(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    def clip(self, seconds: float) -> float:
        remaining = self.remaining()
        return seconds if remaining is None else max(0.0, min(seconds, remaining))
