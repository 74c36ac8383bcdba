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

import attrs
import httpx

from ._clock import SYSTEM_CLOCK, Clock
from ._config import logger
from ._deadline import request_deadline
from ._effects import Sleep, Steps
from ._errors import DownloadError, DownloadLimitError
from ._limits import Limits
from ._partial import Partial, ProgressCallback, RetryableStatusError, TruncatedError
from ._redact import redact, redact_url
from ._retry import Deadline, RetryPolicy, parse_retry_after

__all__ = ["Attempt", "Fetch", "ProgressCallback", "araw_chunks", "download", "raw_chunks"]

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
        # A download's budget: `RetryPolicy.download_retries` (resuming costs only what is missing).
        delay = self.retry.next_delay(
            self.attempt, error=error, retry_after=retry_after, retries=self.retry.download_retries
        )
        if delay is None:
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
        if not self.deadline.fits(delay):
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


@attrs.frozen
class Fetch:
    """One attempt of a download, as an effect of `download` (see `seedance._core`): stream a GET
    of *url* and pass the raw body to *into*; outcome: None, or the attempt's error."""

    url: str
    headers: dict[str, str]
    timeout: httpx.Timeout
    into: Attempt
    deadline: contextlib.AbstractContextManager[None]


class Attempt:
    """Where one attempt's body goes: `start` with the response, `feed` every raw chunk, `end`."""

    __slots__ = ("_body", "_on_progress", "_partial", "_run")

    def __init__(self, run: _Run, partial: Partial, on_progress: ProgressCallback | None) -> None:
        self._run, self._partial, self._on_progress = run, partial, on_progress

    def start(self, response: httpx.Response) -> None:
        status = response.status_code
        # The policy decides which statuses are worth another attempt, for downloads as for calls.
        if status in self._run.retry.retry_statuses:
            raise RetryableStatusError(status, parse_retry_after(response.headers))
        if status not in (200, 206):
            raise DownloadError(f"{self._partial.shown}: HTTP {status}")
        self._body = self._partial.start(response)

    def feed(self, chunk: bytes) -> None:
        self._body.feed(chunk, self._on_progress)
        self._run.check(self._partial)

    def end(self) -> None:
        self._body.end(self._on_progress)


def download(
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
) -> Steps[Path]:
    """Download *url* to *target* atomically, within *limits*; the target path is returned.

    *timeout* gives the connect, write and pool timeouts (reads wait up to
    ``limits.download_stall_timeout``). With ``verify=False`` the MP4 structure check is skipped
    (a video of another format); error pages are refused all the same. The clients run it
    (`SeedanceClient.download`): it yields a `Fetch` per attempt and a `Sleep` before each retry.
    """
    limits = limits or Limits()
    run = _Run(url, retry, limits, timeout, clock)
    partial = Partial(target, run.shown, limits.max_download_bytes)
    try:
        while True:
            attempt_timeout, attempt_headers = run.next_attempt(partial), partial.headers(headers)
            into = Attempt(run, partial, on_progress)
            try:
                yield Fetch(url, attempt_headers, attempt_timeout, into, run.read_deadline())
                return partial.finish(verify=verify)
            except _RETRYABLE as error:
                yield Sleep(run.delay(partial, error))
    except BaseException:
        partial.discard()
        raise


def raw_chunks(response: httpx.Response) -> Iterable[bytes]:
    """The body as it came, before any decoding."""
    # A response built in memory (mock and in-process transports) was read when it was made;
    # its stream still holds the raw bytes.
    if response.is_stream_consumed and isinstance(response.stream, httpx.SyncByteStream):
        return response.stream
    return response.iter_raw()


def araw_chunks(response: httpx.Response) -> AsyncIterable[bytes]:
    """`raw_chunks` for an async response."""
    if response.is_stream_consumed and isinstance(response.stream, httpx.AsyncByteStream):
        return response.stream
    return response.aiter_raw()


def _describe(error: Exception) -> str:
    return redact(str(error)) or type(error).__name__
