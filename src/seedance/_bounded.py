"""Bounded HTTP exchanges: one wall-clock deadline per request, and a cap on the answer's size.

httpx's timeouts bound each network operation, so a server that sends one byte per second never
trips them. Here the deadline of the whole request (connect, send, status line, headers, body)
lives in a context variable; the network streams of the client's own connection pools clip every
read and write to what is left of it, and the body is read chunk by chunk against it and against
`Limits.max_response_bytes`, counted after decompression (a small gzip body may inflate to
gigabytes, so it is inflated in bounded steps rather than by httpx in one go).
"""

from __future__ import annotations

import time

import httpx

from ._errors import ResponseTooLargeError
from ._inflate import DamagedBodyError, Inflater, UnsupportedEncodingError

__all__ = ["AnswerReader", "bound_pools"]

ACCEPT_ENCODING = "gzip, deflate"
"""The encodings asked for on API requests: the ones `AnswerReader` inflates in bounded steps."""


def bound_pools(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Make the connection pools of *http* (its transport and proxy mounts) keep the deadline.

    httpx offers no public way to choose a pool's network backend, so this reaches into
    httpx 0.28 / httpcore 1.x (both pinned below their next major); tests prove it still
    works. Other transports (the simulator, mocks) keep their own behaviour: there, the body is
    still read against the deadline chunk by chunk. Returns whether any pool was bounded.
    """
    transports = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    pools = [pool for each in transports if (pool := getattr(each, "_pool", None)) is not None]
    if not pools:
        return False
    # httpcore is imported here, not with the package: httpx's own transports imported it.
    from ._pools import bound

    return bound(pools)


_IDENTITY = Inflater("identity")  # stateless: shared by every answer sent as it is


def _framing(headers: httpx.Headers) -> tuple[str | None, str]:
    """The Content-Encoding (None when absent) and Content-Length of an answer, each header's
    values joined as `httpx.Headers.get` joins them; one pass, a fraction of two lookups."""
    encodings, lengths = [], []
    triples: list[tuple[bytes, bytes, bytes]] | None = getattr(headers, "_list", None)
    if triples is None:  # httpx keeps (name, lower-case name, value); `raw` has the same
        triples = [(name, name.lower(), value) for name, value in headers.raw]
    for _, name, value in triples:
        if name == b"content-encoding":
            encodings.append(value)
        elif name == b"content-length":
            lengths.append(value)
    if not encodings and not lengths:
        return None, ""
    charset = headers.encoding
    encoding = b", ".join(encodings).decode(charset) if encodings else None
    return encoding, b", ".join(lengths).decode(charset)


class AnswerReader:
    """Reads one API answer into memory, bounded in size and time.

    Use `feed` for every raw chunk of the body (or `feed_decoded` when the transport had read it
    already), then `response()` for an ordinary `httpx.Response` holding the decoded body.
    """

    def __init__(
        self, response: httpx.Response, *, provider: str, max_bytes: int, end: float | None
    ) -> None:
        self._response = response
        self._provider = provider
        self._max_bytes = max_bytes
        self._end = end
        self._chunks: list[bytes] = []
        self._size = 0
        self._raw_chunks = 0
        encoding, length = _framing(response.headers)
        try:
            self._inflater = _IDENTITY if encoding is None else Inflater(encoding)
        except UnsupportedEncodingError as error:
            raise httpx.DecodingError(f"{error} (asked for {ACCEPT_ENCODING})") from None
        self._identity = self._inflater.encoding == "identity"
        self._decoded = False
        if self._identity and length.isdigit() and int(length) > max_bytes:
            self._too_large()

    def feed(self, raw: bytes) -> None:
        # The deadline is checked as each chunk arrives, but a chunk that comes late may be the
        # last one: only a further chunk proves the body is still trickling in.
        self._raw_chunks += 1
        if self._end is not None and self._raw_chunks > 1 and time.monotonic() > self._end:
            raise httpx.ReadTimeout("the request's total deadline passed while reading the body")
        if self._identity:  # nothing to inflate: the chunk is the body
            self._size += len(raw)
            if self._size > self._max_bytes:
                self._too_large()
            self._chunks.append(raw)
            return
        self._decoded = True
        try:
            for data in self._inflater.feed(raw):
                self._size += len(data)
                if self._size > self._max_bytes:
                    self._too_large()
                self._chunks.append(data)
        except DamagedBodyError as error:
            raise httpx.DecodingError(str(error)) from None

    def feed_decoded(self, data: bytes) -> None:
        """The body of a response its transport had read already (mock and in-process ones)."""
        if not self._identity:  # httpx inflated it
            self._decoded = True
            self._inflater = _IDENTITY
            self._identity = True
        self.feed(data)

    def response(self) -> httpx.Response:
        """The response read, holding its decoded body (its own object: no copy is made)."""
        if not self._inflater.complete:
            raise httpx.DecodingError(f"the {self._inflater.encoding} answer ended early")
        response = self._response
        if self._decoded:  # these headers described the encoded body, not the one kept
            for name in ("content-encoding", "content-length", "transfer-encoding"):
                if name in response.headers:
                    del response.headers[name]
        chunks = self._chunks
        # Where httpx keeps a body it has read (`read()`): `.content`, `.text` and `.json()`
        # return it from now on (httpx 0.23 to 0.28; every answer the tests read goes here).
        response._content = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        return response

    def _too_large(self) -> None:
        raise ResponseTooLargeError(
            provider=self._provider,
            status_code=self._response.status_code,
            limit_bytes=self._max_bytes,
        )
