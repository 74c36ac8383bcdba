"""Undo a Content-Encoding in bounded steps, for API answers and downloads alike.

httpx inflates a whole network chunk at once: 64 KiB of gzip can become 64 MiB in one call, so a
small hostile body could exhaust memory before any size cap is counted. Here no step yields more
than `STEP` bytes, and the caller counts (and caps) what comes out.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

__all__ = ["DECODED", "STEP", "DamagedBodyError", "Inflater", "UnsupportedEncodingError"]

STEP = 256 * 1024
DECODED = ("identity", "gzip", "x-gzip", "deflate")
"""The Content-Encodings `Inflater` undoes."""


class UnsupportedEncodingError(ValueError):
    """A Content-Encoding other than `DECODED` (br, zstd, a chain of several, ...)."""


class DamagedBodyError(ValueError):
    """The compressed body is not valid, or has data after its end."""


class Inflater:
    """Decodes one body's Content-Encoding, at most `STEP` bytes per piece.

    >>> import gzip
    >>> inflater = Inflater("gzip")
    >>> b"".join(inflater.feed(gzip.compress(b"x" * 10))), inflater.complete
    (b'xxxxxxxxxx', True)
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower() or "identity"
        if self.encoding not in DECODED:
            raise UnsupportedEncodingError(f"Content-Encoding {encoding[:40]!r} is not supported")
        self._zlib: zlib._Decompress | None = None
        if self.encoding != "identity":
            # gzip or zlib headers are recognised (wbits | 32); raw deflate is tried on the first
            # bytes, as browsers and httpx do for servers that send it under "deflate".
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next raw chunk *data*."""
        if self._zlib is None:
            yield data
            return
        if not self._started and data:
            self._started = True
            if self.encoding == "deflate" and not _zlib_header(data):
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            while True:
                piece = self._zlib.decompress(data, STEP)
                if piece:
                    yield piece
                data = self._zlib.unconsumed_tail
                if not data and len(piece) < STEP:
                    break
        except zlib.error as error:
            raise DamagedBodyError(f"the {self.encoding} body is damaged ({error})") from None
        if self._zlib.unused_data:
            raise DamagedBodyError(f"data after the end of the {self.encoding} body")

    @property
    def complete(self) -> bool:
        """Whether the compressed stream has ended (always True for identity)."""
        return self._zlib is None or self._zlib.eof


def _zlib_header(data: bytes) -> bool:
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0
