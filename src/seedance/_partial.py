"""The temporary file of one download, and the checks each response's body passes to reach it.

A body is decoded in bounded pieces (a server may compress although `identity` was asked for),
counted against its ``Content-Length`` (raw bytes) and the size cap (decoded bytes), and its first
bytes are held back until it is clear that it is not an error page or a JSON answer. The file is
renamed into place only when complete and (unless ``verify=False``) a whole MP4. An OSError on
the disk (full, read-only, no permission) becomes a `DownloadError` naming the target.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import httpx

from ._errors import DownloadError, DownloadLimitError
from ._inflate import DamagedBodyError, Inflater, UnsupportedEncodingError
from ._mp4 import mp4_problem
from ._redact import redact

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes or None when the server does not say)."""

_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
# Enough of a body to tell an error page from a video, and to quote it.
_HEAD = 256
# The most a compressed body may expand in one step: a gzip bomb is cut at the size cap without
# ever being held in memory whole.
_TEXT_TYPES = frozenset(
    {"application/json", "application/xml", "application/xhtml+xml", "application/javascript"}
)


class RetryableStatusError(Exception):
    """The file host answered 408, 429 or 5xx: try again (after Retry-After, when given)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.retry_after = retry_after


class TruncatedError(Exception):
    """The body ended before the announced length: resume (or start over)."""


class Partial:
    """The temporary file beside the target and what has been written to it."""

    def __init__(self, target: Path, shown: str, max_bytes: int) -> None:
        self.target = target
        self.shown = shown
        self.max_bytes = max_bytes
        self.received = 0
        self.total: int | None = None
        self.resumable = True
        with _disk_errors(target):
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".part"
            )
        self.path = Path(name)
        self.file: IO[bytes] = os.fdopen(handle, "wb")

    def headers(self, base: dict[str, str]) -> dict[str, str]:
        if self.received and self.resumable:
            return {**base, "Range": f"bytes={self.received}-"}
        return dict(base)

    def start(self, response: httpx.Response) -> Body:
        """Check a response's status and announced size; a 200 after a Range means start over."""
        status = response.status_code
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if status == 206:
            expected: int | None = self._resumed(response, encoding)
        elif status == 200:
            if self.received:
                with _disk_errors(self.target):
                    self.file.seek(0)
                    self.file.truncate()
                self.received = 0
            length = response.headers.get("content-length", "").strip()
            expected = int(length) if length.isdigit() else None
            # Content-Length counts the bytes on the wire: the video's size only when unencoded,
            # and a Range can resume only an unencoded body.
            self.total = expected if encoding == "identity" else None
            self.resumable = encoding == "identity"
        else:
            raise DownloadError(f"{self.shown}: HTTP {status}")
        if self.total is not None and self.total > self.max_bytes:
            raise DownloadLimitError(
                f"{self.shown}: the server announced {self.total} bytes; nothing was written",
                limit="Limits.max_download_bytes",
                value=self.max_bytes,
            )
        try:
            inflater = Inflater(encoding)
        except UnsupportedEncodingError as error:
            raise DownloadError(f"{self.shown}: {error} (identity was asked for)") from None
        return Body(self, response, expected, inflater)

    def _resumed(self, response: httpx.Response, encoding: str) -> int:
        """Check a 206's range; the number of bytes its body must have."""
        match = _CONTENT_RANGE.fullmatch(response.headers.get("content-range", "").strip())
        if not match or int(match.group(1)) != self.received:
            raise DownloadError(f"{self.shown}: the server resumed at the wrong offset")
        first, last, total = match.groups()
        if int(last) < int(first) or (total != "*" and int(last) >= int(total)):
            raise DownloadError(f"{self.shown}: impossible Content-Range {match.group(0)!r}")
        if encoding != "identity":
            raise DownloadError(f"{self.shown}: the server resumed with a compressed body")
        if total != "*":
            self.total = int(total)
        return int(last) - int(first) + 1

    def write(self, data: bytes, on_progress: ProgressCallback | None) -> None:
        if self.received + len(data) > self.max_bytes:
            raise DownloadLimitError(
                f"{self.shown}: stopped after {self.received} bytes, the video is larger",
                limit="Limits.max_download_bytes",
                value=self.max_bytes,
            )
        # Once per network chunk: a plain try costs less than `_disk_errors`' context manager.
        try:
            self.file.write(data)
        except OSError as error:
            raise _disk_error(self.target, error) from error
        self.received += len(data)
        if on_progress is not None:
            on_progress(self.received, self.total)

    def finish(self, *, verify: bool) -> Path:
        """Rename the complete file into place (after the MP4 check, when *verify*)."""
        if self.total is not None and self.received != self.total:
            raise DownloadError(
                f"{self.shown}: received {self.received} bytes, the server announced {self.total}"
            )
        if not self.received:
            raise DownloadError(f"{self.shown}: the server sent an empty body")
        with _disk_errors(self.target):
            self.file.flush()
            problem = mp4_problem(self.path) if verify else None
            if problem is None:
                os.fsync(self.file.fileno())
                # mkstemp creates the file 0600; the video gets the mode any new file would get.
                os.chmod(self.file.fileno(), 0o666 & ~_umask())
                self.file.close()
                os.replace(self.path, self.target)
        if problem is not None:
            raise DownloadError(
                f"{self.shown}: not a complete MP4, so not saved: {problem}"
                " (download(..., verify=False) keeps a video of another format)"
            )
        return self.target

    def discard(self) -> None:
        # Closing flushes what is buffered, which fails again on a full disk: the file goes anyway.
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


class Body:
    """One response's body on its way into the file: decoded, counted, and sniffed."""

    def __init__(
        self, partial: Partial, response: httpx.Response, expected: int | None, decoder: Inflater
    ) -> None:
        self.partial = partial
        self.expected = expected
        self.raw = 0
        self.decoder = decoder
        self.identity = decoder.encoding == "identity"
        self.content_type = response.headers.get("content-type", "")
        self.at_start = partial.received == 0
        self.head: bytearray | None = bytearray()

    def feed(self, raw: bytes, on_progress: ProgressCallback | None) -> None:
        self.raw += len(raw)
        if self.expected is not None and self.raw > self.expected:
            # Not a truncation to resume: whatever the server meant, it is not what it announced.
            raise DownloadError(
                f"{self.partial.shown}: the body is longer than the {self.expected} bytes"
                " its headers announced; nothing was saved"
            )
        if self.identity and self.head is None:
            # The common case, once per network chunk: nothing to decode, nothing held back.
            self.partial.write(raw, on_progress)
            return
        try:
            for piece in self.decoder.feed(raw):
                self._take(piece, on_progress)
        except DamagedBodyError as error:
            raise DownloadError(f"{self.partial.shown}: {error}") from None

    def end(self, on_progress: ProgressCallback | None) -> None:
        """The body ended: write what was held back; raise when anything is missing."""
        if self.head is not None:
            self.partial.write(self._sniffed(), on_progress)
        partial = self.partial
        if self.expected is not None and self.raw < self.expected:
            raise TruncatedError(f"the body ended at {self.raw} of {self.expected} bytes")
        if not self.decoder.complete:
            raise TruncatedError("the compressed body ended early")
        if partial.total is not None and partial.received < partial.total:
            raise TruncatedError(f"ended at {partial.received} of {partial.total} bytes")

    def _take(self, data: bytes, on_progress: ProgressCallback | None) -> None:
        if self.head is not None:
            self.head += data
            if len(self.head) < _HEAD:
                return
            data = self._sniffed()
        self.partial.write(data, on_progress)

    def _sniffed(self) -> bytes:
        """The held-back first bytes, unless they (or the Content-Type) say this is no video."""
        head, self.head = bytes(self.head or b""), None
        media_type = self.content_type.split(";", 1)[0].strip().lower()
        textual = media_type.startswith("text/") or media_type in _TEXT_TYPES
        textual = textual or media_type.endswith(("+json", "+xml"))
        start = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
        if textual or (self.at_start and start[:1] in (b"<", b"{", b"[")):
            shown_type = redact(self.content_type[:100]) or "none"
            raise DownloadError(
                f"{self.partial.shown}: expected a video, got text (Content-Type: {shown_type})"
                f" starting {_excerpt(start)!r}; nothing was saved"
            )
        return head


@contextlib.contextmanager
def _disk_errors(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise _disk_error(target, error) from error


def _disk_error(target: Path, error: OSError) -> DownloadError:
    return DownloadError(f"could not save the video to {target}: {error}")


def _excerpt(data: bytes, limit: int = 80) -> str:
    # Redacted whole before it is cut, so that no cut-off key or query string slips through.
    text = redact(" ".join(data.decode("utf-8", "replace").split()))
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text[:limit] + ("..." if len(text) > limit else "")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
