"""What the sync and async clients share rather than repeat: the inbox's decision of a wait
(`JobEvents._take`), the extensions on `ClientBase` (`LazyExtension`) and the one deadline-clipping
wrapper of httpcore's sync and async network backends (`seedance._pools`)."""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Callable, Coroutine
from typing import Any

import httpcore
import pytest

from seedance import AsyncSeedanceClient, Job, JobEvents, JobStatus, SeedanceClient
from seedance._deadline import request_deadline
from seedance._extensions import (
    AsyncGenrayExtension,
    AsyncModelArkExtension,
    GenrayExtension,
    ModelArkExtension,
)
from seedance._pools import bound

KEY = "sk_live_FAKE_shared_io_0000"
ListenFn = Callable[[JobEvents, str, float, float], Job | None]


def _listen_sync(inbox: JobEvents, job_id: str, timeout: float, hold: float) -> Job | None:
    return inbox._next_update(job_id, timeout, hold=hold)


def _listen_async(inbox: JobEvents, job_id: str, timeout: float, hold: float) -> Job | None:
    return asyncio.run(inbox._next_update_async(job_id, timeout, hold=hold))


LISTENS = pytest.mark.parametrize("listen", [_listen_sync, _listen_async], ids=["sync", "async"])


def _job(status: JobStatus, *, verified: bool) -> Job:
    return Job(id="j1", provider="genray", status=status, signature_verified=verified)


@LISTENS
def test_a_hint_is_held_until_the_hold_ends(listen: ListenFn) -> None:
    inbox = JobEvents()
    hint = _job(JobStatus.SUCCEEDED, verified=False)
    inbox.publish(hint)
    start = time.monotonic()
    assert listen(inbox, "j1", 5.0, 0.2) is hint
    assert 0.19 <= time.monotonic() - start < 2.0
    assert inbox.latest("j1") is None  # taken


@LISTENS
def test_a_verified_end_is_returned_at_once(listen: ListenFn) -> None:
    inbox = JobEvents()
    done = _job(JobStatus.SUCCEEDED, verified=True)
    inbox.publish(done)
    start = time.monotonic()
    assert listen(inbox, "j1", 5.0, 3.0) is done
    assert time.monotonic() - start < 1.0


@LISTENS
def test_no_update_is_none_at_the_timeout(listen: ListenFn) -> None:
    start = time.monotonic()
    assert listen(JobEvents(), "j1", 0.1, 3.0) is None
    assert 0.09 <= time.monotonic() - start < 2.0


# --- the extensions -----------------------------------------------------------------------------
def test_each_client_makes_its_own_kind_of_extension_once() -> None:
    with SeedanceClient("genray", api_key=KEY) as sync:
        assert type(sync.genray) is GenrayExtension
        assert sync.genray is sync.genray
    modelark = SeedanceClient("modelark", api_key=KEY)
    assert type(modelark.modelark) is ModelArkExtension
    modelark.close()

    async def scenario() -> None:
        async with AsyncSeedanceClient("genray", api_key=KEY) as client:
            assert type(client.genray) is AsyncGenrayExtension
            assert client.genray is client.genray
        async with AsyncSeedanceClient("modelark", api_key=KEY) as client:
            assert type(client.modelark) is AsyncModelArkExtension

    asyncio.run(scenario())


def test_the_extensions_are_documented_on_both_clients() -> None:
    for client in (SeedanceClient, AsyncSeedanceClient):
        assert {"genray", "modelark"} <= vars(client).keys()
        assert "Genray's own operations" in (client.genray.__doc__ or "")
        assert "ModelArk's own operations" in (client.modelark.__doc__ or "")


# --- the pools' network backends -----------------------------------------------------------------
class _Recorder:
    """The timeouts each call received; streams and backends alike."""

    def __init__(self) -> None:
        self.timeouts: list[tuple[str, float | None]] = []

    def _record(self, name: str, timeout: float | None) -> None:
        self.timeouts.append((name, timeout))


class _SyncStream(httpcore.NetworkStream, _Recorder):
    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self._record("read", timeout)
        return b"x"

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._record("write", timeout)

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        self._record("start_tls", timeout)
        return self


class _SyncBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.stream = _SyncStream()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, *_: Any) -> Any:
        self.stream._record("connect_tcp", timeout)
        return self.stream


class _AsyncStream(httpcore.AsyncNetworkStream, _Recorder):
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self._record("read", timeout)
        return b"x"

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._record("write", timeout)

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self._record("start_tls", timeout)
        return self


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.stream = _AsyncStream()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, *_: Any) -> Any:
        self.stream._record("connect_tcp", timeout)
        return self.stream


class _Pool:
    def __init__(self, backend: Any) -> None:
        self._network_backend = backend


def _sync_exchange(backend: Any) -> Any:
    stream = backend.connect_tcp("example.com", 443, timeout=60.0)
    stream = stream.start_tls(ssl.create_default_context(), "example.com", timeout=60.0)
    stream.write(b"GET", timeout=60.0)
    return stream.read(1, 60.0)


async def _async_exchange(backend: Any) -> Any:
    stream = await backend.connect_tcp("example.com", 443, timeout=60.0)
    stream = await stream.start_tls(ssl.create_default_context(), "example.com", timeout=60.0)
    await stream.write(b"GET", timeout=60.0)
    return await stream.read(1, 60.0)


def _run(result: Any) -> Any:
    return asyncio.run(result) if isinstance(result, Coroutine) else result


@pytest.mark.parametrize(
    ("make", "exchange"),
    [(_SyncBackend, _sync_exchange), (_AsyncBackend, _async_exchange)],
    ids=["sync", "async"],
)
def test_every_operation_is_clipped_to_the_deadline(make: Any, exchange: Any) -> None:
    inner = make()
    pools = [_Pool(inner)]
    assert bound(pools)
    wrapped = pools[0]._network_backend
    assert wrapped._backend is inner
    assert bound(pools)  # a wrapped backend is not wrapped again
    assert pools[0]._network_backend is wrapped

    assert _run(exchange(wrapped)) == b"x"  # no deadline: the timeouts pass as they are
    assert inner.stream.timeouts == [
        ("connect_tcp", 60.0), ("start_tls", 60.0), ("write", 60.0), ("read", 60.0)
    ]  # fmt: skip

    inner.stream.timeouts.clear()
    with request_deadline(time.monotonic() + 5.0):
        assert _run(exchange(wrapped)) == b"x"
    assert [name for name, _ in inner.stream.timeouts] == [
        "connect_tcp", "start_tls", "write", "read"
    ]  # fmt: skip
    assert all(timeout is not None and timeout <= 5.0 for _, timeout in inner.stream.timeouts)

    with request_deadline(time.monotonic() - 1.0), pytest.raises(httpcore.ConnectTimeout):
        _run(exchange(wrapped))
