"""Downloads from a file host that lies: error pages with 200, bodies longer or shorter than
announced, a trickle, a stall, sizes over the cap. Each is a `DownloadError` (a
`DownloadLimitError` for a limit), leaves nothing at the target nor any ``.part`` file, and
never shows the URL's signature; a real MP4 still saves."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import seedance
from seedance import DownloadError, DownloadLimitError, Limits, RetryPolicy

from ._server import (
    Behaviour,
    HostileServer,
    cut_off,
    endless,
    longer_than_declared,
    respond,
    stall,
    trickle_body,
)
from ._support import (
    SIGNED_QUERY,
    GiB,
    MiB,
    assert_bounded_memory,
    assert_in_time,
    assert_no_key,
    assert_no_signature,
    assert_nothing_saved,
    expect,
    observe,
)
from .conftest import Connect

PROVIDER = "modelark"  # downloads do not depend on the provider
TIMEOUT = 3.0
MP4 = (Path(seedance.__file__).parent / "testing" / "sample.mp4").read_bytes()
"""The real MP4 the simulator serves (ftyp, moov, free, mdat: 6,063 bytes)."""
HTML = b"<!DOCTYPE html><html><head><title>Access denied</title></head><body>nope</body></html>"
JSON_ERROR = json.dumps({"error": {"code": "AccessDenied", "message": "expired"}}).encode()
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01" + b"\x00" * 4000
"""The start of a WebM file, padded: a video, but not an MP4."""
# Resuming is allowed, but quickly: the tests measure the download, not the backoff.
RETRY = RetryPolicy(max_retries=1, initial_backoff=0.05)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the video: after a failure it must still be empty."""
    path = tmp_path / "videos"
    path.mkdir()
    return path


def _url(server: HostileServer) -> str:
    return server.url(f"/files/video.mp4?{SIGNED_QUERY}&X-Expires=3600")


FAILURES: dict[str, tuple[Callable[[], Behaviour], type[DownloadError]]] = {
    "HTML page with 200": (lambda: respond(200, HTML, content_type="text/html"), DownloadError),
    "JSON body with 200": (lambda: respond(200, JSON_ERROR), DownloadError),
    "longer than its Content-Length": (
        lambda: longer_than_declared(MP4, len(MP4) // 2),
        DownloadError,
    ),
    "cut off halfway, no Content-Length": (lambda: cut_off(MP4, len(MP4) // 2), DownloadError),
    "an MP4 announced far over the default cap": (
        lambda: stall(200, MP4[:1000], declared=8 * GiB),
        DownloadLimitError,
    ),
}


@pytest.mark.parametrize("case", FAILURES)
def test_a_download_that_is_not_the_video(
    connect: Connect,
    server: HostileServer,
    logs: Callable[[], str],
    folder: Path,
    case: str,
) -> None:
    behaviour, kind = FAILURES[case]
    server.serve(behaviour())
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY)
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    error = expect(outcome, kind)
    assert_nothing_saved(folder, target)
    assert_no_signature(error, logs())
    assert_no_key(error, logs())
    assert_in_time(outcome, TIMEOUT)


def test_a_trickled_download_ends_at_its_deadline(
    connect: Connect, server: HostileServer, logs: Callable[[], str], folder: Path
) -> None:
    """One byte every 0.5 s never stalls for a second: ``download_timeout`` ends it."""
    server.serve(trickle_body(0.5, declared=len(MP4), content_type="video/mp4", body=MP4))
    limits = Limits(download_stall_timeout=1, download_timeout=2)
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY, limits=limits)
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    error = expect(outcome, DownloadLimitError)
    assert error.limit == "Limits.download_timeout"
    assert_nothing_saved(folder, target)
    assert_no_signature(error, logs())
    assert_in_time(outcome, 2)


@pytest.mark.slow
def test_a_stalled_download_gives_up(
    connect: Connect, server: HostileServer, logs: Callable[[], str], folder: Path
) -> None:
    """Not another byte after the first 1,000: the stall timeout ends each attempt, the
    download deadline (or the retries) the whole download."""
    server.serve(stall(200, MP4[:1000], declared=len(MP4)))
    limits = Limits(download_stall_timeout=1, download_timeout=3)
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY, limits=limits)
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    error = expect(outcome, DownloadLimitError)
    assert error.limit in ("Limits.download_stall_timeout", "Limits.download_timeout")
    assert_nothing_saved(folder, target)
    assert_no_signature(error, logs())
    assert_in_time(outcome, 3)


def test_an_announced_size_over_the_cap_is_refused(
    connect: Connect, server: HostileServer, logs: Callable[[], str], folder: Path
) -> None:
    server.serve(respond(200, MP4, content_type="video/mp4"))
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY, limits=Limits(max_download_bytes=1000))
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    error = expect(outcome, DownloadLimitError)
    assert error.limit == "Limits.max_download_bytes"
    assert error.value == 1000
    assert_nothing_saved(folder, target)
    assert_no_signature(error, logs())
    assert_in_time(outcome, TIMEOUT)


def test_an_endless_download_stops_at_the_cap(
    connect: Connect, server: HostileServer, logs: Callable[[], str], folder: Path
) -> None:
    server.serve(endless(prefix=MP4, filler=MP4 * 10, content_type="video/mp4"))
    limits = Limits(max_download_bytes=4 * MiB)
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY, limits=limits)
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    error = expect(outcome, DownloadLimitError)
    assert error.limit == "Limits.max_download_bytes"
    assert_nothing_saved(folder, target)
    assert_bounded_memory(outcome)
    assert_no_signature(error, logs())
    assert_in_time(outcome, TIMEOUT)


def test_a_real_mp4_saves(connect: Connect, server: HostileServer, folder: Path) -> None:
    """The control case: the same server, client and URL, with an honest answer."""
    server.serve(respond(200, MP4, content_type="video/mp4"))
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY)
    target = folder / "video.mp4"

    outcome = observe(lambda: client.download(_url(server), target))

    assert outcome.error is None, outcome.describe()
    assert target.read_bytes() == MP4
    assert sorted(path.name for path in folder.iterdir()) == ["video.mp4"]


def test_verify_false_saves_a_video_that_is_not_an_mp4(
    connect: Connect, server: HostileServer, folder: Path
) -> None:
    server.serve(respond(200, WEBM, content_type="video/webm"))
    client = connect(PROVIDER, timeout=TIMEOUT, retry=RETRY)
    target = folder / "video.webm"

    refused = observe(lambda: client.download(_url(server), target))
    saved = observe(lambda: client.download(_url(server), target, verify=False))

    expect(refused, DownloadError)
    assert saved.error is None, saved.describe()
    assert target.read_bytes() == WEBM
    assert sorted(path.name for path in folder.iterdir()) == ["video.webm"]
