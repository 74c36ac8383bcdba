"""The simulator as a user operates it: each job's video as asked, timestamps that hold still,
its state over HTTP and in Python, clients at the simulator's pace, and the command's banner,
keys and missing-extra message."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pipeline import ROOT
from seedance import VideoRequest
from seedance._mp4 import mp4_problem
from seedance.testing import (
    STATE_PATH,
    ManualClock,
    RealClock,
    Simulator,
    SimulatorServer,
    VideoFormat,
    mp4_format,
    video_for,
)

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("src", "generated"))}
KEY = "sk_test_operability_0123456789"


# --- videos -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("provider", "options", "expected"),
    [
        ("genray", {"duration": 8, "aspect_ratio": "9:16"}, (8, 720, 1280)),
        ("modelark", {"duration": 10, "resolution": "1080p", "aspect_ratio": "1:1"},
         (10, 1080, 1080)),
        ("siraya", {"duration": 10, "resolution": "1080p", "aspect_ratio": "16:9"},
         (10, 1920, 1080)),
        ("anyfast", {"duration": 10, "resolution": "480p", "aspect_ratio": "4:3"}, (10, 640, 480)),
        (
            "siray",
            {"duration": 10, "resolution": "480p", "aspect_ratio": "9:16",
             "reference_images": ("https://example.com/cat.png",)},
            (10, 480, 854),
        ),
    ],
)  # fmt: skip
def test_each_job_downloads_a_whole_mp4_of_the_duration_and_size_it_asked_for(
    tmp_path: Path, provider: str, options: dict[str, object], expected: tuple[int, int, int]
) -> None:
    sim = Simulator(provider)
    with sim.client() as client:
        job = client.generate(VideoRequest(prompt="a cat", **options), timeout=600)  # type: ignore[arg-type]
        path = client.download(job, tmp_path / "video.mp4")
    assert mp4_problem(path) is None
    assert mp4_format(path.read_bytes()) == VideoFormat(*expected)
    assert sim.state()["jobs"][job.id]["video"] == vars(VideoFormat(*expected))


def test_a_job_that_does_not_say_gets_the_providers_default_video() -> None:
    sim = Simulator("genray")
    with sim.client() as client:
        job = client.generate(VideoRequest(prompt="a cat"), timeout=600)
    assert mp4_format(sim.video(job.id)) == VideoFormat(5, 1280, 720)
    # Genray's own answer says the same size and length as the file.
    body = client.get(job).raw
    assert (body["width"], body["height"], body["duration_ms"]) == (1280, 720, 5000)


def test_synthetic_videos_declare_their_format_and_grow_whole(tmp_path: Path) -> None:
    for duration, width, height in [(4, 1920, 1080), (12.5, 720, 1280), (15, 480, 480)]:
        data = video_for(duration=duration, width=width, height=height, size=50_000)
        path = tmp_path / "video.mp4"
        path.write_bytes(data)
        assert len(data) == 50_000
        assert mp4_problem(path) is None
        assert mp4_format(data) == VideoFormat(duration, width, height)
    with pytest.raises(ValueError, match="no simulated video of 0 s"):
        video_for(duration=0, width=1280, height=720)


# --- timestamps ---------------------------------------------------------------------------------
def test_genray_timestamps_do_not_move_between_status_calls() -> None:
    clock = ManualClock()
    sim = Simulator("genray", clock=clock)
    with sim.client() as client:
        first = client.submit(VideoRequest(prompt="a cat"))
        created = client.get(first).raw["created_at"]
        clock.advance(1.5)
        assert client.get(first).raw["created_at"] == created
        clock.advance(100)
        assert client.get(first).raw["created_at"] == created
        second = client.submit(VideoRequest(prompt="a dog"))
        later = client.get(second).raw["created_at"]
    # The second job was created 101.5 s of simulator time after the first.
    from datetime import datetime

    gap = datetime.fromisoformat(later) - datetime.fromisoformat(created)
    assert 101 <= gap.total_seconds() <= 102


# --- state --------------------------------------------------------------------------------------
def test_the_state_endpoint_and_state_say_the_same_and_never_show_a_key() -> None:
    sim = Simulator("genray", api_keys=[KEY])
    with sim.client(api_key=KEY) as client:
        job = client.generate(VideoRequest(prompt="a cat"), timeout=600)
    with sim.http_client() as http:
        served = http.get(STATE_PATH).json()
    assert served == sim.state()
    assert served["creates_accepted"] == served["counters"]["creates_accepted"] == 1
    assert served["jobs"][job.id]["phase"] == "succeeded"
    assert served["jobs"][job.id]["operation"] == "create_video"
    assert KEY not in str(served)


# --- pace ---------------------------------------------------------------------------------------
def test_a_servers_client_polls_at_the_simulators_pace() -> None:
    """A 32 s job on a 60x clock is followed in about half a second, not in polls of the
    provider's real pace (Genray's first is seconds away)."""
    sim = Simulator("genray", clock=RealClock(speed=60), queue_seconds=2, run_seconds=30)
    with SimulatorServer([sim]) as server, server.client("genray") as client:
        started = time.monotonic()
        job = client.generate(VideoRequest(prompt="a cat"), timeout=600)
        elapsed = time.monotonic() - started
        state = server.state("genray")
    assert job.status.value == "succeeded"
    assert elapsed < 6.0, elapsed  # at Genray's own pace in wall time: 12 s
    assert state["counters"]["requests.get_video"] <= 10  # the provider's pace, sped up
    assert server.clock is sim.paced_clock()  # the simulator's own sped-up clock
    assert sim.paced_clock() is not None


# --- the command --------------------------------------------------------------------------------
def test_simulate_prints_a_ready_banner_and_lets_in_only_its_api_key() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "seedance", "simulate", "-p", "genray", "--api-key", KEY],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=Path("/"),
    )  # fmt: skip
    lines: list[str] = []
    try:
        assert process.stdout is not None
        while not lines or not lines[-1].startswith("Serving"):
            line = process.stdout.readline()
            assert line, f"the server exited: {process.stderr.read() if process.stderr else ''}"
            lines.append(line.strip())
        name, _, base_url = lines[0].partition(": ")
        assert name == "genray"
        assert base_url.startswith("http://127.0.0.1:")
        assert f"export GENRAY_BASE_URL={base_url}" in lines
        assert any("GENRAY_API_KEY to one of the --api-key keys" in line for line in lines)
        body = {"prompt": "a cat", "duration": 5}
        refused = httpx.post(
            f"{base_url}/api/v1/videos", json=body, headers={"Authorization": "Bearer sk_other"}
        )
        assert refused.status_code == 401
        accepted = httpx.post(
            f"{base_url}/api/v1/videos", json=body, headers={"Authorization": f"Bearer {KEY}"}
        )
        assert accepted.status_code == 202
        state = httpx.get(f"{base_url}{STATE_PATH}").json()
        assert state["counters"]["unauthorized"] == 1
        assert state["creates_accepted"] == 1
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert KEY not in "\n".join(lines) + out + err


def test_the_command_without_its_extra_says_what_to_install(tmp_path: Path) -> None:
    """A plain install has the console script but not typer: one line, not a traceback."""
    blocked = tmp_path / "typer"
    blocked.mkdir()
    (blocked / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'typer'\", name='typer')\n"
    )
    env = {**ENV, "PYTHONPATH": os.pathsep.join([str(tmp_path), ENV["PYTHONPATH"]])}
    result = subprocess.run(
        [sys.executable, "-m", "seedance", "providers"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "seedance: the command needs its extra: pip install 'seedance[cli]'"
        " (no module named 'typer')"
    ]
