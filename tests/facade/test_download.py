"""Downloads: streamed, atomic, resumed after a dropped connection, the key kept to the API host."""

from __future__ import annotations

import random
import struct
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import respx

from seedance import DownloadError, Job, JobStatus, Limits
from seedance.adapters import adapter

from .conftest import API_KEY, MakeClient
from .profiles._profile import Profile

URL = "https://files.example.com/video.mp4"


def box(kind: bytes, payload: bytes) -> bytes:
    """One ISO BMFF box."""
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4(size: int, *, seed: int = 0) -> bytes:
    """A structurally complete MP4 of *size* bytes (ftyp, moov, mdat) whose media data is random,
    so that a resume at the wrong offset cannot go unnoticed."""
    ftyp = box(b"ftyp", b"isom" + bytes(4) + b"isomiso2avc1mp41")
    moov = box(b"moov", box(b"mvhd", bytes(100)))
    media = size - len(ftyp) - len(moov) - 8
    return ftyp + moov + box(b"mdat", random.Random(seed).randbytes(media))


VIDEO = mp4(2**20)


class _Dropping(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that sends *cut* bytes and then loses the connection."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        yield self.data
        raise httpx.ReadError("connection reset by peer")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data
        raise httpx.ReadError("connection reset by peer")


def _job(url: str = URL) -> Job:
    return Job(id="job-1", provider="genray", status=JobStatus.SUCCEEDED, video_url=url)


def _serve(request: httpx.Request) -> httpx.Response:
    """Serves VIDEO with Range support."""
    ranged = request.headers.get("range")
    if ranged:
        start = int(ranged.removeprefix("bytes=").rstrip("-"))
        part = VIDEO[start:]
        return httpx.Response(
            206,
            content=part,
            headers={"content-range": f"bytes {start}-{len(VIDEO) - 1}/{len(VIDEO)}"},
        )
    return httpx.Response(200, content=VIDEO)


def test_a_download_is_written_whole_with_progress(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    progress: list[tuple[int, int | None]] = []
    with respx.mock() as router:
        route = router.get(URL).mock(side_effect=_serve)
        client = make_client(profile.provider)
        path = client.download(
            _job(), tmp_path / "video.mp4", on_progress=lambda *p: progress.append(p)
        )
    assert path.read_bytes() == VIDEO
    assert progress[-1] == (len(VIDEO), len(VIDEO))
    assert "authorization" not in route.calls.last.request.headers, (
        "the key stays with the API host"
    )
    assert list(tmp_path.iterdir()) == [path]


class _DropsOnce:
    """A file host whose first answer loses the connection after *cut* bytes.

    (respx reads mocked bodies eagerly, so a drop in the middle needs a real streaming transport.)
    """

    def __init__(self, cut: int, *, honours_range: bool = True) -> None:
        self.cut = cut
        self.honours_range = honours_range
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) == 1:
            headers = {"content-length": str(len(VIDEO))}
            return httpx.Response(200, headers=headers, stream=_Dropping(VIDEO[: self.cut]))
        if self.honours_range:
            return _serve(request)
        return httpx.Response(200, content=VIDEO)


def test_a_dropped_download_resumes_with_a_range_request(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    host = _DropsOnce(300_000)
    client = make_client(profile.provider, transport=httpx.MockTransport(host))
    path = client.download(_job(), tmp_path / "video.mp4")
    assert [request.headers.get("range") for request in host.requests] == [None, "bytes=300000-"]
    assert path.read_bytes() == VIDEO


def test_a_server_that_ignores_the_range_restarts_the_file(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    host = _DropsOnce(1000, honours_range=False)
    client = make_client(profile.provider, transport=httpx.MockTransport(host))
    path = client.download(_job(), tmp_path / "video.mp4")
    assert len(host.requests) == 2
    assert path.read_bytes() == VIDEO


def test_a_download_that_keeps_failing_leaves_nothing_behind(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    target = tmp_path / "video.mp4"
    target.write_bytes(b"the previous, complete file")
    with respx.mock() as router:
        router.get(URL).mock(side_effect=httpx.ReadError("reset"))
        client = make_client(profile.provider)
        with pytest.raises(DownloadError):
            client.download(_job(), target)
    assert target.read_bytes() == b"the previous, complete file", "the old file is untouched"
    assert list(tmp_path.iterdir()) == [target], "no partial file is left"


def test_an_http_error_is_a_download_error(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    with respx.mock() as router:
        router.get(URL).respond(403)
        client = make_client(profile.provider)
        with pytest.raises(DownloadError, match="403"):
            client.download(_job(), tmp_path / "video.mp4")
    assert list(tmp_path.iterdir()) == []


def test_the_key_is_sent_only_to_the_api_host(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    on_api_host = profile.base_url.rstrip("/") + "/files/video.mp4"
    with respx.mock() as router:
        route = router.get(on_api_host).respond(200, content=mp4(1000))
        client = make_client(profile.provider)
        client.download(_job(on_api_host), tmp_path / "video.mp4")
    key = f"{adapter(profile.provider).auth_scheme} {API_KEY}"
    assert route.calls.last.request.headers["authorization"] == key


def test_a_job_without_a_video_cannot_be_downloaded(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    client = make_client(profile.provider)
    queued = Job(id="job-1", provider=profile.provider, status=JobStatus.QUEUED)
    with pytest.raises(DownloadError, match="no video URL"):
        client.download(queued, tmp_path / "video.mp4")


def test_a_download_exactly_at_the_size_cap_is_saved(
    profile: Profile, make_client: MakeClient, tmp_path: Path
) -> None:
    with respx.mock() as router:
        route = router.get(URL).mock(side_effect=_serve)
        client = make_client(profile.provider, limits=Limits(max_download_bytes=len(VIDEO)))
        path = client.download(_job(), tmp_path / "video.mp4")
    assert path.read_bytes() == VIDEO
    assert route.calls.last.request.headers["accept-encoding"] == "identity"


@pytest.mark.parametrize(
    ("download_timeout", "expected"),
    [
        (None, {"connect": 3.0, "read": 7.0, "write": 60.0, "pool": 60.0}),
        (5.0, {"connect": 3.0, "read": 5.0, "write": 5.0, "pool": 5.0}),
    ],
    ids=["no-deadline", "clipped-to-the-deadline"],
)
def test_reads_wait_for_the_stall_timeout_and_nothing_outlasts_the_deadline(
    profile: Profile,
    make_client: MakeClient,
    tmp_path: Path,
    download_timeout: float | None,
    expected: dict[str, float],
) -> None:
    limits = Limits(download_stall_timeout=7.0, download_timeout=download_timeout)
    with respx.mock() as router:
        route = router.get(URL).mock(side_effect=_serve)
        client = make_client(
            profile.provider, limits=limits, timeout=httpx.Timeout(60.0, connect=3.0)
        )
        client.download(_job(), tmp_path / "video.mp4")
    assert route.calls.last.request.extensions["timeout"] == expected
