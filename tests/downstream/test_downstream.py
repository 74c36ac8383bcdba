"""A project that depends on seedance: the built wheel installed without and with its extras,
the project's own pytest run and ``mypy --strict`` against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Installed

pytestmark = pytest.mark.slow

LIBRARY_TEST = """
import pytest
import seedance
from seedance import InvalidRequestError, SeedanceClient, VideoRequest


def test_the_library_checks_a_request_before_any_network_call():
    assert "genray" in seedance.provider_names()
    with SeedanceClient("genray", api_key="sk_test") as client:
        with pytest.raises(InvalidRequestError):
            client.submit(VideoRequest(prompt="a cat", duration=99))
"""

FIXTURE_TEST = """
from seedance import JobStatus, VideoRequest


def test_generate_on_the_simulator(seedance_client, seedance_simulator):
    job = seedance_client.generate(VideoRequest(prompt="a cat", duration=5))
    assert job.status is JobStatus.SUCCEEDED
    assert seedance_simulator.state()["creates_accepted"] == 1
"""

SERVER_TEST = """
from seedance import JobStatus, VideoRequest


def test_generate_over_http(seedance_server):
    with seedance_server.client("genray") as client:
        job = client.generate(VideoRequest(prompt="a cat", duration=5), timeout=600)
    assert job.status is JobStatus.SUCCEEDED
    assert seedance_server.state("genray")["jobs"][job.id]["phase"] == "succeeded"
"""

TYPED_APP = """
from seedance import Job, JobStatus, SeedanceClient, VideoRequest


def make(client: SeedanceClient, prompt: str) -> Job:
    return client.generate(VideoRequest(prompt=prompt, duration=5), timeout=600)


def done(job: Job) -> bool:
    return job.status is JobStatus.SUCCEEDED
"""

MISTYPED_APP = """
from seedance import VideoRequest

request = VideoRequest(prompt=5)
"""

PYTEST_INI = "[pytest]\naddopts = -p no:cacheprovider\n"


def _write(project: Path, **files: str) -> None:
    for name, text in files.items():
        (project / f"{name}.py").write_text(text.lstrip(), "utf-8")
    (project / "pytest.ini").write_text(PYTEST_INI, "utf-8")


def test_a_plain_install_is_the_library_alone(plain: Installed) -> None:
    modules = "typer", "rich", "starlette", "openapi_core", "uvicorn", "yaml"
    found = plain.run(
        "python", "-c",
        f"import importlib.util as u; print([m for m in {modules!r} if u.find_spec(m)])",
    )  # fmt: skip
    assert found.stdout.strip() == "[]", found.stderr
    # The console script is there, and says in one line what it needs.
    command = plain.run("seedance", "--help")
    assert command.returncode == 1
    assert command.stderr.strip().splitlines() == [
        "seedance: the command needs its extra: pip install 'seedance[cli]'"
        " (no module named 'typer')"
    ]


def test_a_plain_install_leaves_a_downstream_pytest_run_unaffected(plain: Installed) -> None:
    _write(plain.project, test_library=LIBRARY_TEST, test_fixture=FIXTURE_TEST)
    result = plain.run("pytest", "-q", "-W", "error", "test_library.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    # A seedance fixture without the extra: one line naming the extra, no traceback.
    result = plain.run("pytest", "-q", "test_fixture.py")
    assert result.returncode == 1, result.stdout
    hints = [line for line in result.stdout.splitlines() if "pip install" in line]
    assert hints
    assert all("pip install 'seedance[testing]'" in line for line in hints)
    assert "Traceback" not in result.stdout


def test_mypy_strict_reads_the_packages_types(plain: Installed) -> None:
    _write(plain.project, app=TYPED_APP, mistyped=MISTYPED_APP)
    typed = plain.run("mypy", "--strict", "--no-incremental", "app.py")
    assert typed.returncode == 0, typed.stdout + typed.stderr
    assert "Success" in typed.stdout
    mistyped = plain.run("mypy", "--strict", "--no-incremental", "mistyped.py")
    assert mistyped.returncode == 1
    assert 'Argument "prompt" to "VideoRequest" has incompatible type "int"' in mistyped.stdout


def test_the_readme_command_and_the_fixtures_with_the_extras(full: Installed) -> None:
    created = full.run(
        "seedance", "create", "--simulated", "--prompt", "a cat cooking pasta", "--wait",
        "--output", "cat.mp4",
    )  # fmt: skip
    assert created.returncode == 0, created.stdout + created.stderr
    video = full.run(
        "python", "-c",
        "from seedance._mp4 import mp4_problem; from seedance.testing import mp4_format;"
        "print(mp4_problem('cat.mp4'), mp4_format(open('cat.mp4', 'rb').read()).duration)",
    )  # fmt: skip
    assert video.stdout.split() == ["None", "5.0"], video.stderr
    _write(full.project, test_fixture=FIXTURE_TEST, test_server=SERVER_TEST)
    result = full.run("pytest", "-q", "test_fixture.py", "test_server.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_the_help_a_fresh_install_shows_names_values_not_types(full: Installed) -> None:
    """A fresh ``[cli]`` install resolves the newest typer, not the one this project's suite pins
    (its generator caps typer below 0.28): typer 0.28+ labels every flag ``<bool>`` unless it has
    a metavar, which the command's group gives none."""
    typer = full.run("python", "-c", "import typer; print(typer.__version__)")
    for command in ("create", "status", "batch", "simulate"):
        shown = full.run("seedance", command, "--help", env={"COLUMNS": "200"})
        assert shown.returncode == 0, shown.stdout + shown.stderr
        flags = [line for line in shown.stdout.splitlines() if "--" in line]
        assert flags, shown.stdout
        labelled = [line for line in flags if "<bool>" in line or "BOOLEAN" in line]
        assert not labelled, (command, typer.stdout.strip(), labelled)
