"""Bounded HTTP exchanges: one wall-clock deadline per request, and a cap on the answer's size.

httpx's timeouts bound each network operation, so a server that sends one byte per second never
trips them. Here the deadline of the whole request (connect, send, status line, headers, body)
lives in a context variable; the network streams of the client's own connection pools clip every
read and write to what is left of it, and the body is read chunk by chunk against it and against
`Limits.max_response_bytes`, counted after decompression (a small gzip body may inflate to
gigabytes, so it is inflated in bounded steps rather than by httpx in one go).
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from ._errors import ResponseTooLargeError
from ._inflate import DamagedBodyError, Inflater, UnsupportedEncodingError

__all__ = ["AnswerReader", "bound_pools", "request_deadline"]

_END: ContextVar[float | None] = ContextVar("seedance_request_end", default=None)
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings asked for on API requests: the ones `AnswerReader` inflates in bounded steps."""


@contextlib.contextmanager
def request_deadline(end: float | None) -> Iterator[None]:
    """Reads and writes on a bounded pool inside this block end by ``time.monotonic() == end``."""
    token = _END.set(end)
    try:
        yield
    finally:
        _END.reset(token)


def _clip(timeout: float | None, error: type[Exception]) -> float | None:
    end = _END.get()
    if end is None:
        return timeout
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise error("the request's total deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, clipped))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _clip(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, clipped))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _Stream(
            self._backend.connect_tcp(host, port, clipped, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, clipped, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, clipped, local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, clipped, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def bound_pools(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Make the connection pools of *http* (its transport and proxy mounts) keep the deadline.

    httpx offers no public way to choose a pool's network backend, so this reaches into
    httpx 0.28 / httpcore 1.x (both pinned below their next major); tests prove it still
    works. Other transports (the simulator, mocks) keep their own behaviour: there, the body is
    still read against the deadline chunk by chunk. Returns whether any pool was bounded.
    """
    transports = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    bounded = False
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend | _AsyncBackend):
            bounded = True
        elif isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
            bounded = True
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
            bounded = True
    return bounded


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
        encoding = response.headers.get("content-encoding", "identity")
        try:
            self._inflater = Inflater(encoding)
        except UnsupportedEncodingError as error:
            raise httpx.DecodingError(f"{error} (asked for {ACCEPT_ENCODING})") from None
        length = response.headers.get("content-length", "")
        if self._inflater.encoding == "identity" and length.isdigit() and int(length) > max_bytes:
            self._too_large()

    def feed(self, raw: bytes) -> None:
        # The deadline is checked as each chunk arrives, but a chunk that comes late may be the
        # last one: only a further chunk proves the body is still trickling in.
        self._raw_chunks += 1
        if self._end is not None and self._raw_chunks > 1 and time.monotonic() > self._end:
            raise httpx.ReadTimeout("the request's total deadline passed while reading the body")
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
        self._inflater = Inflater("identity")
        self.feed(data)

    def response(self) -> httpx.Response:
        if not self._inflater.complete:
            raise httpx.DecodingError(f"the {self._inflater.encoding} answer ended early")
        headers = [
            (name, value)
            for name, value in self._response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            self._response.status_code,
            headers=headers,
            content=b"".join(self._chunks),
            request=self._response.request,
        )

    def _too_large(self) -> None:
        raise ResponseTooLargeError(
            provider=self._provider,
            status_code=self._response.status_code,
            limit_bytes=self._max_bytes,
        )
