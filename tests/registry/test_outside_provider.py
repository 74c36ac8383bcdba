"""A provider from a package outside this repository (tests/fixtures/outside_provider, "acme"),
installed with pip, works through the facade, the simulator and the command line: registering
its entry point is all it takes."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import seedance
from pipeline import ROOT
from seedance import registry

pytest_plugins = ["pytester"]

FIXTURE = ROOT / "tests" / "fixtures" / "outside_provider"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture package pip-installed into a folder of its own (a wheel built by hatchling,
    its metadata with the entry point written by pip), as a user installs a provider."""
    work = tmp_path_factory.mktemp("outside")
    source = shutil.copytree(FIXTURE, work / "source")
    target = work / "site"
    # pip where the environment has it; a uv-made environment (nox's first choice) has uv instead.
    if importlib.util.find_spec("pip") is not None:
        pip = [sys.executable, "-m", "pip", "install", "--quiet"]
    elif (uv := shutil.which("uv")) is not None:
        pip = [uv, "pip", "install", "--quiet", "--python", sys.executable]
    else:
        pytest.fail("installing the outside provider needs pip or uv in this environment")
    options = ["--no-deps", "--no-index", "--no-build-isolation", "--target", str(target)]
    subprocess.run([*pip, *options, str(source)], check=True, capture_output=True, text=True)
    assert (target / "seedance_acme-1.0.0.dist-info" / "entry_points.txt").is_file()
    return target


@pytest.fixture
def on_path(installed: Path) -> Iterator[Path]:
    """The installed package visible to this process, then gone again."""
    sys.path.insert(0, str(installed))
    registry.reload()
    yield installed
    sys.path.remove(str(installed))
    registry.reload()


def test_acme_is_registered_from_its_own_distribution(on_path: Path) -> None:
    assert "acme" in seedance.providers()
    assert "(seedance-acme 1.0.0)" in registry.origin("acme")
    assert "'acme' = 'seedance_acme:PROVIDER'" in registry.origin("acme")
    assert seedance.capabilities("acme").default_model == "acme-video-1"


def test_acme_generates_through_the_facade_on_its_simulator(on_path: Path) -> None:
    from seedance.testing import Simulator

    profile = registry.provider("acme").load_profile()
    simulator = Simulator("acme")
    with simulator.client() as client:
        job = client.generate(profile.request, timeout=600)
    assert job.provider == "acme"
    assert job.status is seedance.JobStatus.SUCCEEDED
    assert job.video_url is not None
    assert job.id.startswith("acme_")
    (sent,) = simulator.jobs.values()
    assert sent.body == profile.expected_body  # the body the adapter built, as the spec took it


def test_a_request_acme_cannot_serve_fails_before_any_request(on_path: Path) -> None:
    from seedance.testing import Simulator

    profile = registry.provider("acme").load_profile()
    simulator = Simulator("acme")
    ((request, field),) = profile.unsupported
    with simulator.client() as client, pytest.raises(seedance.UnsupportedError) as caught:
        client.submit(request)
    assert caught.value.field == field
    assert simulator.counters["requests"] == 0


def test_the_pytest_plugin_simulates_acme(on_path: Path, pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from seedance import JobStatus, VideoRequest

        @pytest.mark.seedance_provider("acme")
        def test_acme(seedance_client, seedance_simulator):
            job = seedance_client.generate(VideoRequest(prompt="a cat"))
            assert job.status is JobStatus.SUCCEEDED
            assert seedance_simulator.counters["creates_accepted"] == 1
        """
    )
    result = pytester.runpytest("-p", "seedance.testing.pytest_plugin", "-q")
    result.assert_outcomes(passed=1)


def _seedance(installed: Path, tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m seedance ARGUMENTS` with the provider package on the path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ACME_")}
    parts = (str(installed), str(ROOT / "src"), str(ROOT / "generated"))
    env["PYTHONPATH"] = os.pathsep.join(parts)
    env["SEEDANCE_STATE_DIR"] = str(tmp_path / "state")
    return subprocess.run(
        [sys.executable, "-m", "seedance", *arguments],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip


def test_the_command_line_lists_acme_and_creates_a_simulated_job(
    installed: Path, tmp_path: Path
) -> None:
    listed = _seedance(installed, tmp_path, "providers", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "acme" in {entry["provider"] for entry in json.loads(listed.stdout)}

    video = tmp_path / "cat.mp4"
    created = _seedance(
        installed, tmp_path,
        "create", "-p", "acme", "--simulated", "--prompt", "a cat cooking pasta",
        "--wait", "--output", str(video),
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert "Created acme job" in created.stderr
    assert video.read_bytes()[4:8] == b"ftyp"
