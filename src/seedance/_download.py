"""Streamed, resumable, atomic downloads of finished videos.

The file is written to a temporary file beside the target and renamed into place only when it is
complete and its length matches what the server announced; after a dropped connection the
download resumes with a Range request (or starts over when the server ignores the range).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import httpx

from ._config import logger
from ._errors import DownloadError
from ._retry import RetryPolicy, parse_retry_after

__all__ = ["ProgressCallback", "download_async", "download_sync"]

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes or None when the server does not say)."""

# How downloads wait before resuming (tests replace them to run without waiting).
_sleep = time.sleep
_async_sleep = asyncio.sleep
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


class _Partial:
    """The temporary file and what has been received of one download."""

    def __init__(self, target: Path, url: str) -> None:
        self.target = target
        self.url = url
        self.received = 0
        self.total: int | None = None
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        self.path = Path(name)
        self.file: IO[bytes] = os.fdopen(handle, "wb")

    def headers(self, base: dict[str, str]) -> dict[str, str]:
        return {**base, "Range": f"bytes={self.received}-"} if self.received else dict(base)

    def start(self, response: httpx.Response) -> None:
        """Take a response's status and length; a 200 after a Range request means start over."""
        if response.status_code == 206:
            match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
            if not match or int(match.group(1)) != self.received:
                raise DownloadError(f"{self.url}: the server resumed at the wrong offset")
            if match.group(3) != "*":
                self.total = int(match.group(3))
            return
        if response.status_code in _TRANSIENT_STATUSES:
            raise _RetryableStatusError(response.status_code, parse_retry_after(response.headers))
        if response.status_code != 200:
            raise DownloadError(f"{self.url}: HTTP {response.status_code}")
        if self.received:
            self.file.seek(0)
            self.file.truncate()
            self.received = 0
        length = response.headers.get("content-length")
        # Content-Length counts encoded bytes: it can only be checked when nothing was encoded
        # (downloads ask for `identity`, but a server may not listen).
        encoded = response.headers.get("content-encoding", "identity") != "identity"
        self.total = int(length) if length and length.isdigit() and not encoded else None

    def write(self, chunk: bytes, on_progress: ProgressCallback | None) -> None:
        self.file.write(chunk)
        self.received += len(chunk)
        if on_progress is not None:
            on_progress(self.received, self.total)

    @property
    def complete(self) -> bool:
        return self.total is None or self.received == self.total

    def finish(self) -> Path:
        if self.total is not None and self.received != self.total:
            raise DownloadError(
                f"{self.url}: received {self.received} bytes, the server announced {self.total}"
            )
        self.file.flush()
        os.fsync(self.file.fileno())
        # mkstemp creates the file 0600; the video gets the mode any new file would get.
        os.chmod(self.file.fileno(), 0o666 & ~_umask())
        self.file.close()
        os.replace(self.path, self.target)
        return self.target

    def discard(self) -> None:
        self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class _RetryableStatusError(Exception):
    """The file host answered 408, 429 or 5xx: try again (after Retry-After, when given)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.retry_after = retry_after


_TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_RETRYABLE = (httpx.RequestError, _RetryableStatusError)


def _give_up(partial: _Partial, attempt: int, retry: RetryPolicy, error: Exception) -> float:
    """The delay before the next attempt, or raise when the attempts are used up."""
    retry_after = getattr(error, "retry_after", None)
    if attempt > retry.max_retries + 2 or (retry_after or 0) > retry.max_retry_after:
        raise DownloadError(f"{partial.url}: gave up after {attempt} attempts: {error}") from error
    delay = retry.delay(attempt=attempt, retry_after=retry_after)
    logger.info(
        "download interrupted at %d bytes (%s); resuming in %.2fs", partial.received, error, delay
    )
    return delay


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _TruncatedError(Exception):
    """The body ended before the announced length."""


def download_sync(
    http: httpx.Client,
    url: str,
    target: Path,
    *,
    headers: dict[str, str],
    retry: RetryPolicy,
    on_progress: ProgressCallback | None = None,
) -> Path:
    partial = _Partial(target, url)
    try:
        attempt = 0
        while True:
            attempt += 1
            try:
                with http.stream("GET", url, headers=partial.headers(headers)) as response:
                    partial.start(response)
                    for chunk in response.iter_bytes():
                        partial.write(chunk, on_progress)
                if partial.complete:
                    return partial.finish()
                raise _TruncatedError(f"ended at {partial.received} of {partial.total} bytes")
            except (*_RETRYABLE, _TruncatedError) as error:
                _sleep(_give_up(partial, attempt, retry, error))
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
    on_progress: ProgressCallback | None = None,
) -> Path:
    partial = _Partial(target, url)
    try:
        attempt = 0
        while True:
            attempt += 1
            try:
                async with http.stream("GET", url, headers=partial.headers(headers)) as response:
                    partial.start(response)
                    async for chunk in response.aiter_bytes():
                        partial.write(chunk, on_progress)
                if partial.complete:
                    return partial.finish()
                raise _TruncatedError(f"ended at {partial.received} of {partial.total} bytes")
            except (*_RETRYABLE, _TruncatedError) as error:
                await _async_sleep(_give_up(partial, attempt, retry, error))
    except BaseException:
        partial.discard()
        raise
