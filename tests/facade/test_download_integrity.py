"""Downloads from hostile or broken file hosts: only whole videos are saved, within `Limits`.

Mock transports (on the fake clock) cover what a body says; a small server on 127.0.0.1 (on the
real clock, with limits of a fraction of a second) covers what only a real connection does:
stalls, trickles, and a body longer than its Content-Length (which the HTTP layer cuts off at
the announced length: the MP4 check is what notices).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gzip
import io
import itertools
import logging
import os
import re
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import seedance
from seedance import DownloadError, DownloadLimitError, Limits, RetryPolicy
from seedance._mp4 import mp4_problem
from seedance._redact import redact
from seedance.testing import Fault, Simulator
from seedance.testing._simulator import FILES_HOST, SAMPLE_MP4, _video
from support.clients import Blocking

from .conftest import API_KEY, FakeClock, MakeClient
from .profiles._profile import Profile
from .test_download import URL, VIDEO, _job, box, mp4

SIGNED = URL + "?X-Amz-Credential=SECRETCRED&X-Amz-Signature=SECRETSIG"
KiB, MiB = 2**10, 2**20


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body read lazily from *chunks* (endless ones too); counts what was taken."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks = chunks
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += len(chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.__iter__():
            yield chunk


class _Dropping(_Body):
    """Sends its chunks, then fails as *error* (a reset connection by default)."""

    def __init__(self, chunks: Iterable[bytes], error: Exception | None = None) -> None:
        super().__init__(chunks)
        self.error = error or httpx.ReadError("connection reset by peer")

    def __iter__(self) -> Iterator[bytes]:
        yield from super().__iter__()
        raise self.error


class _Host:
    """A mock file host: answers every request with *answer(request)*, and keeps the requests."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    @property
    def ranges(self) -> list[str | None]:
        return [request.headers.get("range") for request in self.requests]


def _client(make_client: MakeClient, profile: Profile, host: _Host, **options: Any) -> Any:
    return make_client(profile.provider, transport=httpx.MockTransport(host), **options)


def _refused(
    client: Any, tmp_path: Path, error: type[DownloadError] = DownloadError, **options: Any
) -> DownloadError:
    """Download the signed URL, expecting *error*; nothing may be left and nothing leaked."""
    target = tmp_path / "video.mp4"
    with pytest.raises(error) as raised:
        client.download(_job(SIGNED), target, **options)
    assert list(tmp_path.iterdir()) == [], "no video and no .part file are left"
    if error is DownloadError:
        assert not isinstance(raised.value, DownloadLimitError), "no limit was passed"
    _assert_no_secret(raised.value)
    return raised.value


def _limited(client: Any, tmp_path: Path, **options: Any) -> DownloadLimitError:
    """`_refused`, expecting a `DownloadLimitError`."""
    error = _refused(client, tmp_path, DownloadLimitError, **options)
    assert isinstance(error, DownloadLimitError)
    return error


def _assert_no_secret(error: BaseException) -> None:
    """The message shows no key, and the URL (where it names it) without its query string."""
    shown = f"{error} {error!r}"
    assert "SECRET" not in shown, shown
    assert API_KEY not in shown, shown
    if "://" in shown:
        assert "/video.mp4?***': " in str(error), shown


def _served(request: httpx.Request, video: bytes = VIDEO) -> httpx.Response:
    """*video* with Range support."""
    ranged = request.headers.get("range")
    if ranged:
        start = int(ranged.removeprefix("bytes=").rstrip("-"))
        headers = {"content-range": f"bytes {start}-{len(video) - 1}/{len(video)}"}
        return httpx.Response(206, content=video[start:], headers=headers)
    return httpx.Response(200, content=video)


# --- what a body is ---------------------------------------------------------------------------
TEXT_BODIES = {
    "html-200": (
        "text/html; charset=utf-8",
        b"<!DOCTYPE html><html><body>Access denied for"
        b" https://cdn.example.com/v.mp4?token=SECRETTOKEN</body></html>",
    ),
    "json": (
        "application/json",
        b'{"error": "expired", "key": "sk_live_TESTKEY_0123456789abcdef"}',
    ),
    "text-plain": ("text/plain", b"Not Found"),
    "html-as-video": ("video/mp4", b"\n  <html><head><title>502 Bad Gateway</title></head></html>"),
    "json-no-type": ("", b'{"code": 403, "message": "SignatureDoesNotMatch"}'),
    "s3-xml": ("application/octet-stream", b"<?xml version='1.0'?><Error><Code>AccessDenied"),
}


@pytest.mark.parametrize(("content_type", "body"), TEXT_BODIES.values(), ids=TEXT_BODIES.keys())
def test_an_error_page_or_json_is_refused_with_an_excerpt(
    profile: Profile, make_client: MakeClient, tmp_path: Path, content_type: str, body: bytes
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    host = _Host(lambda request: httpx.Response(200, content=body, headers=headers))
    error = _refused(_client(make_client, profile, host), tmp_path)
    assert f"Content-Type: {content_type or 'none'}" in str(error)
    assert body.strip()[:12].decode() in str(error), "a short excerpt of the body"
    assert API_KEY not in str(error)
    assert len(host.requests) == 1, "an error page is not retried"


def test_a_body_longer_than_its_content_length_is_refused_not_resumed(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    # A mock transport delivers what a real connection would cut off at the announced length.
    headers = {"content-length": str(len(VIDEO))}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Body([VIDEO, b"extra"])))
    error = _refused(_client(make_client, profile, host), tmp_path)
    assert f"longer than the {len(VIDEO)} bytes" in str(error)
    assert len(host.requests) == 1


def test_a_body_cut_off_without_a_length_fails_the_mp4_check(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    host = _Host(lambda r: httpx.Response(200, stream=_Body([VIDEO[: len(VIDEO) // 2]])))
    error = _refused(_client(make_client, profile, host), tmp_path)
    assert "not a complete MP4" in str(error)
    assert "the file is cut off" in str(error)
    assert "verify=False" in str(error), "the message says how to keep another format"


def test_verify_false_keeps_a_video_of_another_format(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    webm = b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 8
    client = _client(make_client, profile, _Host(lambda r: httpx.Response(200, content=webm)))
    error = _refused(client, tmp_path)
    assert "no 'ftyp' box first" in str(error)
    path = client.download(_job(SIGNED), tmp_path / "video.webm", verify=False)
    assert path.read_bytes() == webm


def test_an_empty_body_is_never_a_video(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    client = _client(make_client, profile, _Host(lambda r: httpx.Response(200, content=b"")))
    assert "empty body" in str(_refused(client, tmp_path, verify=False))


# --- compression ------------------------------------------------------------------------------
def test_a_compressed_video_is_decoded_and_its_raw_length_checked(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    packed = gzip.compress(VIDEO)
    headers = {"content-encoding": "gzip", "content-length": str(len(packed))}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Body([packed])))
    path = _client(make_client, profile, host).download(_job(SIGNED), tmp_path / "video.mp4")
    assert path.read_bytes() == VIDEO
    assert host.requests[0].headers["accept-encoding"] == "identity"


def test_a_compressed_body_longer_than_its_content_length_is_refused(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    packed = gzip.compress(VIDEO)
    headers = {"content-encoding": "gzip", "content-length": str(len(packed) - 10)}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Body([packed])))
    assert "longer than" in str(_refused(_client(make_client, profile, host), tmp_path))


@functools.cache
def _gzip_bomb() -> bytes:
    """64 MiB of zeros, gzipped to a few hundred KiB."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MiB)
    return b"".join(packer.compress(zeros) for _ in range(64)) + packer.flush()


def test_a_gzip_bomb_stays_bounded(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    bomb = _gzip_bomb()
    headers = {"content-encoding": "gzip"}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Body([bomb])))
    client = _client(make_client, profile, host, limits=Limits(max_download_bytes=4 * MiB))
    tracemalloc.start()
    try:
        error = _limited(client, tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.limit == "Limits.max_download_bytes"
    assert peak < 16 * MiB, f"the bomb was never inflated whole (peak {peak / MiB:.1f} MiB)"


def test_an_encoding_that_cannot_be_decoded_is_refused(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    headers = {"content-encoding": "br"}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Body([b"\x0b\x02\x80"])))
    assert "Content-Encoding 'br'" in str(_refused(_client(make_client, profile, host), tmp_path))


# --- size cap ---------------------------------------------------------------------------------
def test_an_announced_size_over_the_cap_is_refused_before_writing(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    body = _Body([VIDEO])
    headers = {"content-length": str(len(VIDEO))}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=body))
    client = _client(make_client, profile, host, limits=Limits(max_download_bytes=MiB - 1))
    progress: list[Any] = []
    error = _limited(client, tmp_path, on_progress=lambda *p: progress.append(p))
    assert (error.limit, error.value) == ("Limits.max_download_bytes", MiB - 1)
    assert "limits=Limits(max_download_bytes=...)" in str(error), "says how to raise it"
    assert (body.sent, progress, len(host.requests)) == (0, [], 1), "nothing read, no retry"


def test_a_resumed_range_announcing_more_than_the_cap_is_refused(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if "range" not in request.headers:  # no length, then the connection drops
            return httpx.Response(200, stream=_Dropping([VIDEO[:1000]]))
        headers = {"content-range": f"bytes 1000-{10 * MiB - 1}/{10 * MiB}"}
        return httpx.Response(206, headers=headers, stream=_Body([VIDEO[1000:]]))

    host = _Host(answer)
    client = _client(make_client, profile, host, limits=Limits(max_download_bytes=MiB))
    error = _limited(client, tmp_path)
    assert "announced 10485760 bytes" in str(error)
    assert host.ranges == [None, "bytes=1000-"]


def test_a_body_growing_past_the_cap_is_stopped(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    endless = _Body(itertools.repeat(bytes(64 * KiB), 64 * 16))  # 64 MiB, no length announced
    host = _Host(lambda r: httpx.Response(200, stream=endless))
    client = _client(make_client, profile, host, limits=Limits(max_download_bytes=MiB))
    error = _limited(client, tmp_path)
    assert error.limit == "Limits.max_download_bytes"
    assert endless.sent <= MiB + 64 * KiB, "reading stopped at the cap"
    assert len(host.requests) == 1


# --- stalls and the deadline (fake clock) -----------------------------------------------------
def test_stalls_are_resumed_until_the_attempts_run_out(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        served = _served(request)
        part = served.content[:1000]
        return httpx.Response(
            served.status_code,
            headers=served.headers,
            stream=_Dropping([part], httpx.ReadTimeout("timed out")),
        )

    host = _Host(answer)
    client = _client(make_client, profile, host, retry=RetryPolicy(max_retries=1))
    error = _limited(client, tmp_path)
    assert (error.limit, error.value) == ("Limits.download_stall_timeout", 60.0)
    assert host.ranges == [None, "bytes=1000-", "bytes=2000-", "bytes=3000-"], "each one resumed"


class _Trickle(_Body):
    """One byte per chunk, each taking *seconds* of the fake clock."""

    def __init__(self, clock: FakeClock, seconds: float, count: int) -> None:
        def chunks() -> Iterator[bytes]:
            for _ in range(count):
                clock.now += seconds
                yield b"\0"

        super().__init__(chunks())


def test_a_trickling_host_cannot_stretch_the_deadline(
    profile: Profile, make_client: MakeClient, tmp_path: Path, clock: FakeClock
) -> None:
    headers = {"content-length": str(len(VIDEO))}
    host = _Host(lambda r: httpx.Response(200, headers=headers, stream=_Trickle(clock, 0.5, 200)))
    client = _client(make_client, profile, host, limits=Limits(download_timeout=30))
    start = clock.now
    error = _limited(client, tmp_path)
    assert (error.limit, error.value) == ("Limits.download_timeout", 30)
    assert 30 <= clock.now - start <= 30.5


def test_retry_sleeps_count_against_the_deadline(
    profile: Profile, make_client: MakeClient, tmp_path: Path, clock: FakeClock
) -> None:
    host = _Host(lambda r: httpx.Response(503, headers={"retry-after": "4"}))
    client = _client(
        make_client, profile, host,
        limits=Limits(download_timeout=10), retry=RetryPolicy(max_retries=10),
    )  # fmt: skip
    error = _limited(client, tmp_path)
    assert error.limit == "Limits.download_timeout"
    assert clock.sleeps == [4, 4], "no sleep reaches past the deadline"
    assert len(host.requests) == 3


# --- the disk ---------------------------------------------------------------------------------
class _FullDisk(io.FileIO):
    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_is_a_download_error_and_leaves_nothing(
    profile: Profile, make_client: MakeClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client(make_client, profile, _Host(_served))
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode == "wb":
            return _FullDisk(fd, "wb")
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    error = _refused(client, tmp_path)
    assert redact(str(tmp_path / "video.mp4")) in str(error), "names the target"
    assert "No space left on device" in str(error)
    assert isinstance(error.__cause__, OSError)
    assert error.__cause__.errno == errno.ENOSPC


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS], ids=["EACCES", "EROFS"])
def test_a_failed_rename_is_a_download_error_and_leaves_nothing(
    profile: Profile,
    make_client: MakeClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    client = _client(make_client, profile, _Host(_served))

    def replace(source: Any, destination: Any) -> None:
        raise OSError(code, os.strerror(code), str(destination))

    monkeypatch.setattr(os, "replace", replace)
    error = _refused(client, tmp_path)
    assert redact(str(tmp_path / "video.mp4")) in str(error), "names the target"
    assert isinstance(error.__cause__, OSError)
    assert error.__cause__.errno == code


# --- redaction --------------------------------------------------------------------------------
def test_resumption_logs_show_no_query_string(
    profile: Profile, make_client: MakeClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if "range" in request.headers:
            return _served(request)
        headers = {"content-length": str(len(VIDEO))}
        return httpx.Response(200, headers=headers, stream=_Dropping([VIDEO[:5000]]))

    caplog.set_level(logging.DEBUG, logger="seedance")
    client = _client(make_client, profile, _Host(answer))
    path = client.download(_job(SIGNED), tmp_path / "video.mp4")
    assert path.read_bytes() == VIDEO
    assert "resuming" in caplog.text
    assert "SECRET" not in caplog.text
    assert "video.mp4?***" in caplog.text


# --- the MP4 check ----------------------------------------------------------------------------
def _large_box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload


FTYP = box(b"ftyp", b"isom" + bytes(4) + b"isom")
MOOV = box(b"moov", box(b"mvhd", bytes(100)))
MP4_CASES: dict[str, tuple[bytes, str | None]] = {
    "complete": (mp4(5000), None),
    "largesize": (FTYP + _large_box(b"moov", bytes(50)) + _large_box(b"mdat", bytes(99)), None),
    "size-0-to-the-end": (FTYP + MOOV + struct.pack(">I4s", 0, b"mdat") + bytes(1234), None),
    "fragmented": (FTYP + MOOV + (box(b"moof", bytes(30)) + box(b"mdat", bytes(70))) * 5, None),
    "cut-off": (mp4(5000)[:4000], "the file is cut off"),
    "junk-appended": (mp4(5000) + b"abc", "3 stray bytes after the last box"),
    "box-appended": (mp4(5000) + box(b"free", bytes(8))[:-4], "the file is cut off"),
    "no-moov": (FTYP + box(b"mdat", bytes(100)), "no 'moov' box"),
    "moov-not-first": (MOOV + FTYP, "no 'ftyp' box first"),
    "html": (b"<!DOCTYPE html><html></html>", "no 'ftyp' box first"),
    "tiny": (b"\0\0", "only 2 bytes"),
    "empty": (b"", "the file is empty"),
    "impossible-size": (FTYP + struct.pack(">I4s", 4, b"moov") + bytes(8), "impossible size"),
    "garbage-box": (FTYP + MOOV + b"\x00\x00\x00\x10\x01\x02\x03\x04" + bytes(8), "no box at"),
    "largesize-cut": (FTYP + MOOV + struct.pack(">I4s", 1, b"mdat") + b"\0\0", "cut off in"),
}


@pytest.mark.parametrize(("data", "problem"), MP4_CASES.values(), ids=MP4_CASES.keys())
def test_the_mp4_check(tmp_path: Path, data: bytes, problem: str | None) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(data)
    found = mp4_problem(path)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


# --- the simulator ----------------------------------------------------------------------------
@pytest.mark.parametrize("size", [None, len(SAMPLE_MP4) + 1, len(SAMPLE_MP4) + 8, 3_000_000])
def test_the_simulators_videos_are_whole_mp4s(tmp_path: Path, size: int | None) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(_video(size))
    assert mp4_problem(path) is None
    assert path.stat().st_size == (size or len(SAMPLE_MP4))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_simulators_malformed_file_is_not_saved(tmp_path: Path, mode: str) -> None:
    simulator = Simulator("genray")
    client: Any = simulator.client() if mode == "sync" else Blocking(simulator.async_client())
    simulator.faults.add(Fault("malformed_json", operation="download"))
    target = tmp_path / "video.mp4"
    try:
        with pytest.raises(DownloadError, match="application/json"):
            client.download(f"{FILES_HOST}/files/job.mp4?sig=SECRETSIG", target)
        assert list(tmp_path.iterdir()) == []
        assert client.download(f"{FILES_HOST}/files/job.mp4", target).read_bytes() == SAMPLE_MP4
    finally:
        client.close()


# --- over real HTTP on 127.0.0.1 (real clock, tiny limits) ------------------------------------
Handler = Callable[[socket.socket, str], None]


class _Server:
    """A file host on 127.0.0.1 that answers connection n with handler n (the last one after)."""

    def __init__(self, *handlers: Handler) -> None:
        self.handlers = handlers
        self.requests: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/video.mp4?X-Amz-Signature=SECRETSIG"

    def __enter__(self) -> _Server:
        self._threads[0].start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    @property
    def ranges(self) -> list[str | None]:
        found = [re.search(r"(?im)^range: *(.+?)\r?$", request) for request in self.requests]
        return [match.group(1) if match else None for match in found]

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._answer, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _answer(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            connection.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head:
                data = connection.recv(65536)
                if not data:
                    return
                head += data
            self.requests.append(head.decode("latin-1"))
            handler = self.handlers[min(len(self.requests), len(self.handlers)) - 1]
            handler(connection, self.requests[-1])


def _head(length: int, status: str = "200 OK", **extra: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: video/mp4", f"Content-Length: {length}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in extra.items()]
    return ("\r\n".join([*lines, "Connection: close", "", ""])).encode()


def _until_closed(connection: socket.socket) -> None:
    """Say nothing more until the client gives up (or 5 s pass)."""
    connection.recv(1)


def _serve(video: bytes) -> Handler:
    def handler(connection: socket.socket, request: str) -> None:
        match = re.search(r"(?im)^range: bytes=(\d+)-", request)
        if match is None:
            connection.sendall(_head(len(video)) + video)
            return
        start = int(match.group(1))
        range_ = f"bytes {start}-{len(video) - 1}/{len(video)}"
        head = _head(len(video) - start, "206 Partial Content", Content_Range=range_)
        connection.sendall(head + video[start:])

    return handler


def _stall_after(video: bytes, cut: int) -> Handler:
    def handler(connection: socket.socket, request: str) -> None:
        connection.sendall(_head(len(video)) + video[:cut])
        _until_closed(connection)

    return handler


def _trickle(seconds: float) -> Handler:
    """A byte every 50 ms for *seconds*, then silence."""

    def handler(connection: socket.socket, request: str) -> None:
        connection.sendall(_head(len(VIDEO)) + VIDEO[:100])
        for byte in VIDEO[100 : 100 + int(seconds / 0.05)]:
            time.sleep(0.05)
            connection.sendall(bytes([byte]))
        _until_closed(connection)

    return handler


Connect = Callable[..., Any]


@pytest.fixture(params=["sync", "async"])
def connect(request: pytest.FixtureRequest) -> Iterator[Connect]:
    """connect(**options): a Genray client on the real clock (sync or async underneath)."""
    made: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("retry", RetryPolicy(initial_backoff=0.01, jitter=0.0))
        options["api_key"] = "sk_loopback"
        if request.param == "sync":
            client: Any = seedance.SeedanceClient("genray", **options)
        else:
            client = Blocking(seedance.AsyncSeedanceClient("genray", **options))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def test_a_stalled_download_resumes_over_real_http(connect: Connect, tmp_path: Path) -> None:
    client = connect(limits=Limits(download_stall_timeout=0.2))
    with _Server(_stall_after(VIDEO, 300_000), _serve(VIDEO)) as server:
        started = time.monotonic()
        path = client.download(server.url, tmp_path / "video.mp4")
    assert path.read_bytes() == VIDEO
    assert server.ranges == [None, "bytes=300000-"]
    assert time.monotonic() - started < 3


DEADLINE_CASES = {
    "silent": _stall_after(VIDEO, 1000),
    "trickling": _trickle(5.0),
    # A read's timeout is fixed when the body starts: unless every read is clipped to what is
    # left, this one waits the deadline again after the trickle (1.05 s).
    "falls-silent": _trickle(0.45),
}


@pytest.mark.parametrize("handler", DEADLINE_CASES.values(), ids=DEADLINE_CASES.keys())
def test_the_deadline_holds_over_real_http(
    connect: Connect, tmp_path: Path, handler: Handler
) -> None:
    client = connect(limits=Limits(download_timeout=0.6, download_stall_timeout=30))
    with _Server(handler) as server:
        started = time.monotonic()
        with pytest.raises(DownloadLimitError) as raised:
            client.download(server.url, tmp_path / "video.mp4")
        elapsed = time.monotonic() - started
    assert raised.value.limit == "Limits.download_timeout"
    assert 0.6 <= elapsed < 0.95, elapsed
    assert list(tmp_path.iterdir()) == []
    _assert_no_secret(raised.value)


def test_a_body_longer_than_its_content_length_over_real_http(
    connect: Connect, tmp_path: Path
) -> None:
    # The HTTP layer stops at the announced length and drops the rest with the connection; what
    # was announced is the start of a longer video, which the MP4 check refuses.
    def longer(connection: socket.socket, request: str) -> None:
        connection.sendall(_head(5000) + VIDEO)

    with _Server(longer) as server, pytest.raises(DownloadError, match="cut off") as raised:
        connect().download(server.url, tmp_path / "video.mp4")
    assert list(tmp_path.iterdir()) == []
    _assert_no_secret(raised.value)
