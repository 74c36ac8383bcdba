"""Streamed, resumable, atomic and bounded downloads of finished videos.

The video is written to a temporary file beside the target and renamed into place only when it
is complete: exactly as long as announced, not an error page, and (unless ``verify=False``) a
whole MP4 (see `seedance._partial`). After a dropped connection, a cut-off body or a stall the
download resumes with a Range request (or starts over when the server ignores the range). Every
download keeps to its `Limits`: ``max_download_bytes``, ``download_stall_timeout`` and
``download_timeout``; each overrun raises `DownloadLimitError` and only a stall is retried.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterable, Iterable
from pathlib import Path

import httpx

from ._clock import SYSTEM_CLOCK, Clock
from ._config import logger
from ._deadline import request_deadline
from ._errors import DownloadError, DownloadLimitError
from ._limits import Limits
from ._partial import Partial, ProgressCallback, RetryableStatusError, TruncatedError
from ._redact import redact, redact_url
from ._retry import Deadline, RetryPolicy

__all__ = ["ProgressCallback", "download_async", "download_sync"]

_CONNECT_TIMEOUT = 10.0
_RETRYABLE = (httpx.RequestError, RetryableStatusError, TruncatedError)


class _Run:
    """The bounds of one download across its attempts: deadline, timeouts, retries."""

    def __init__(
        self,
        url: str,
        retry: RetryPolicy,
        limits: Limits,
        timeout: httpx.Timeout | None,
        clock: Clock,
    ) -> None:
        # Quoted: a character right after a redacted query string would be read as part of it.
        self.shown = repr(redact_url(url))
        self.retry = retry
        self.limits = limits
        self.base = timeout or httpx.Timeout(None, connect=_CONNECT_TIMEOUT)
        self.deadline = Deadline(limits.download_timeout, clock=clock)
        self.attempt = 0

    def next_attempt(self, partial: Partial) -> httpx.Timeout:
        """Count an attempt; its timeouts: a read waits for the stall timeout, none past the
        deadline."""
        self.check(partial)
        self.attempt += 1
        return httpx.Timeout(
            connect=self._clip(self.base.connect),
            read=self._clip(self.limits.download_stall_timeout),
            write=self._clip(self.base.write),
            pool=self._clip(self.base.pool),
        )

    def _clip(self, seconds: float | None) -> float | None:
        remaining = self.deadline.remaining()
        if remaining is None:
            return seconds
        remaining = max(0.001, remaining)
        return remaining if seconds is None else min(seconds, remaining)

    def check(self, partial: Partial) -> None:
        """Raise when the overall deadline has passed."""
        if self.deadline.expired:
            raise self.out_of_time(partial)

    def out_of_time(self, partial: Partial) -> DownloadLimitError:
        return DownloadLimitError(
            f"{self.shown}: not finished in time ({partial.received} bytes received"
            f" in {self.attempt} attempts); nothing was saved",
            limit="Limits.download_timeout",
            value=self.limits.download_timeout or 0.0,
        )

    def delay(self, partial: Partial, error: Exception) -> float:
        """Seconds to wait before resuming after *error*; raises when it is time to give up."""
        if self.deadline.expired:
            raise self.out_of_time(partial) from error
        retry_after = getattr(error, "retry_after", None)
        # Resuming costs only what is still missing: a download gets two more attempts than a call.
        if self.attempt > self.retry.max_retries + 2 or (
            (retry_after or 0) > self.retry.max_retry_after
        ):
            if isinstance(error, httpx.ReadTimeout):
                stall = self.limits.download_stall_timeout
                raise DownloadLimitError(
                    f"{self.shown}: gave up after {self.attempt} attempts, the last one stalled"
                    f" (no data for {stall:g}s)",
                    limit="Limits.download_stall_timeout",
                    value=stall,
                ) from error
            raise DownloadError(
                f"{self.shown}: gave up after {self.attempt} attempts: {_describe(error)}"
            ) from error
        delay = self.retry.delay(attempt=self.attempt, retry_after=retry_after)
        remaining = self.deadline.remaining()
        if remaining is not None and delay >= remaining:
            raise self.out_of_time(partial) from error
        logger.info(
            "download of %s interrupted at %d bytes (%s); resuming in %.2fs",
            self.shown, partial.received, _describe(error), delay,
        )  # fmt: skip
        return delay

    def read_deadline(self) -> contextlib.AbstractContextManager[None]:
        """Inside it, every read and write on the client's (bounded) pools ends by the deadline.

        httpx fixes a read's timeout when the body starts, so without this a server that falls
        silent just before the deadline would stretch it by up to the stall timeout.
        """
        remaining = self.deadline.remaining()
        return request_deadline(None if remaining is None else time.monotonic() + remaining)


def download_sync(
    http: httpx.Client,
    url: str,
    target: Path,
    *,
    headers: dict[str, str],
    retry: RetryPolicy,
    limits: Limits | None = None,
    timeout: httpx.Timeout | None = None,
    on_progress: ProgressCallback | None = None,
    verify: bool = True,
    clock: Clock = SYSTEM_CLOCK,
) -> Path:
    """Download *url* to *target* atomically, within *limits*; the target path is returned.

    *timeout* gives the connect, write and pool timeouts (reads wait up to
    ``limits.download_stall_timeout``). With ``verify=False`` the MP4 structure check is skipped
    (a video of another format); error pages are refused all the same.

    >>> with httpx.Client() as http:  # doctest: +SKIP
    ...     download_sync(http, video_url, Path("cat.mp4"), headers={}, retry=RetryPolicy())
    PosixPath('cat.mp4')
    """
    limits = limits or Limits()
    run = _Run(url, retry, limits, timeout, clock)
    partial = Partial(target, run.shown, limits.max_download_bytes)
    try:
        while True:
            attempt_timeout, attempt_headers = run.next_attempt(partial), partial.headers(headers)
            try:
                with (
                    run.read_deadline(),
                    http.stream("GET", url, headers=attempt_headers, timeout=attempt_timeout) as r,
                ):
                    body = partial.start(r)
                    for chunk in _raw(r):
                        body.feed(chunk, on_progress)
                        run.check(partial)
                    body.end(on_progress)
                return partial.finish(verify=verify)
            except _RETRYABLE as error:
                clock.sleep(run.delay(partial, error))
    except BaseException:
        partial.discard()
        raise


async def download_async(
    http: httpx.AsyncClient,
    url: str,
    target: Path,
    *,
    headers: dict[str, str],
    retry: RetryPolicy,
    limits: Limits | None = None,
    timeout: httpx.Timeout | None = None,
    on_progress: ProgressCallback | None = None,
    verify: bool = True,
    clock: Clock = SYSTEM_CLOCK,
) -> Path:
    """The async twin of `download_sync`.

    >>> async with httpx.AsyncClient() as http:  # doctest: +SKIP
    ...     await download_async(http, video_url, Path("cat.mp4"), headers={}, retry=RetryPolicy())
    PosixPath('cat.mp4')
    """
    limits = limits or Limits()
    run = _Run(url, retry, limits, timeout, clock)
    partial = Partial(target, run.shown, limits.max_download_bytes)
    try:
        while True:
            attempt_timeout, attempt_headers = run.next_attempt(partial), partial.headers(headers)
            try:
                with run.read_deadline():
                    async with http.stream(
                        "GET", url, headers=attempt_headers, timeout=attempt_timeout
                    ) as r:
                        body = partial.start(r)
                        async for chunk in _araw(r):
                            body.feed(chunk, on_progress)
                            run.check(partial)
                        body.end(on_progress)
                return partial.finish(verify=verify)
            except _RETRYABLE as error:
                await clock.async_sleep(run.delay(partial, error))
    except BaseException:
        partial.discard()
        raise


def _raw(response: httpx.Response) -> Iterable[bytes]:
    """The body as it came, before any decoding."""
    # A response built in memory (mock and in-process transports) was read when it was made;
    # its stream still holds the raw bytes.
    if response.is_stream_consumed and isinstance(response.stream, httpx.SyncByteStream):
        return response.stream
    return response.iter_raw()


def _araw(response: httpx.Response) -> AsyncIterable[bytes]:
    """The async twin of `_raw`."""
    if response.is_stream_consumed and isinstance(response.stream, httpx.AsyncByteStream):
        return response.stream
    return response.aiter_raw()


def _describe(error: Exception) -> str:
    return redact(str(error)) or type(error).__name__
