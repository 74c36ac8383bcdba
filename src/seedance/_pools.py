"""The network streams of the client's own connection pools, clipped to the request's deadline
(`seedance._deadline.request_deadline`). Imported when a client's pool is bounded, so that
``import seedance`` does not import httpcore (httpx imports it with its first transport).

One wrapper serves httpcore's sync and async backends alike: each method clips its timeout when
it is called (an async caller awaits the call at once, so the moment is the same) and hands back
what the wrapped method returns, an awaitable of it for an async backend.
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Iterable
from typing import Any, cast

import httpcore

from ._deadline import clip as _clip

__all__ = ["bound"]

_Inner = httpcore.NetworkStream | httpcore.AsyncNetworkStream
_Connected = _Inner | Awaitable[_Inner]


class _Stream:
    """A `httpcore.NetworkStream` (or, with *awaited*, an `AsyncNetworkStream`) whose reads,
    writes and TLS handshakes end by the request's deadline."""

    def __init__(self, stream: _Inner, *, awaited: bool) -> None:
        self._stream, self._awaited = stream, awaited

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes | Awaitable[bytes]:
        return self._stream.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> Awaitable[None] | None:
        return self._stream.write(buffer, _clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        cast(httpcore.NetworkStream, self._stream).close()

    def aclose(self) -> Awaitable[None]:
        return cast(httpcore.AsyncNetworkStream, self._stream).aclose()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> _Stream | Awaitable[_Stream]:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _wrap(self._stream.start_tls(ssl_context, server_hostname, clipped), self._awaited)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    """A `httpcore.NetworkBackend` or `AsyncNetworkBackend` whose connections are `_Stream`s."""

    def __init__(self, backend: httpcore.NetworkBackend | httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend
        self._awaited = isinstance(backend, httpcore.AsyncNetworkBackend)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _Stream | Awaitable[_Stream]:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        connected = self._backend.connect_tcp(host, port, clipped, local_address, socket_options)
        return _wrap(connected, self._awaited)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _Stream | Awaitable[_Stream]:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        connected = self._backend.connect_unix_socket(path, clipped, socket_options)
        return _wrap(connected, self._awaited)

    def sleep(self, seconds: float) -> Awaitable[None] | None:
        return self._backend.sleep(seconds)


def _wrap(connected: _Connected, awaited: bool) -> _Stream | Awaitable[_Stream]:
    """The stream a connect or handshake returned, as a `_Stream`; an awaitable of it if async."""
    if awaited:
        return _wrap_when_done(cast(Awaitable[_Inner], connected))
    return _Stream(cast(_Inner, connected), awaited=False)


async def _wrap_when_done(connecting: Awaitable[_Inner]) -> _Stream:
    return _Stream(await connecting, awaited=True)


def bound(pools: list[Any]) -> bool:
    """Wrap the network backend of each httpcore pool in *pools*; whether any was bounded."""
    bounded = False
    for pool in pools:
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend):
            bounded = True
        elif isinstance(backend, httpcore.NetworkBackend | httpcore.AsyncNetworkBackend):
            pool._network_backend = _Backend(backend)
            bounded = True
    return bounded
