"""A downstream project's view of the package: the built wheel, installed in virtual
environments of their own, with and without its extras."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import ROOT


def build_wheel(directory: Path) -> Path:
    """Build this checkout's wheel into *directory* (as `tests/pipeline/test_wheel.py` does)."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory",
         str(directory)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = directory.glob("seedance-*.whl")
    return wheel


@dataclass
class Installed:
    """A virtual environment with the wheel installed: run its programs in a project folder."""

    root: Path
    project: Path

    def run(
        self, *command: str, check: bool = False, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        bin_dir = self.root / ("Scripts" if os.name == "nt" else "bin")
        given = env or {}
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTEST_ADDOPTS")
            and not key.startswith("PYTEST_")
        }
        env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
        env["SEEDANCE_STATE_DIR"] = str(self.project / ".seedance-state")
        env.update(given)
        return subprocess.run(
            [str(bin_dir / command[0]), *command[1:]],
            cwd=self.project, env=env, capture_output=True, text=True, check=check, timeout=600,
        )  # fmt: skip


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def _install(folder: Path, wheel: Path, extras: str) -> Installed:
    venv.EnvBuilder(with_pip=True, clear=True).create(folder / "venv")
    project = folder / "project"
    project.mkdir()
    installed = Installed(folder / "venv", project)
    # pytest and mypy are the downstream project's own tools, not the package's.
    result = installed.run(
        "python", "-m", "pip", "install", "--quiet", f"seedance{extras} @ {wheel.as_uri()}",
        "pytest", "mypy",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return installed


@pytest.fixture(scope="session")
def plain(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Installed:
    """``pip install seedance``: the library alone."""
    return _install(tmp_path_factory.mktemp("plain"), wheel, "")


@pytest.fixture(scope="session")
def full(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Installed:
    """``pip install 'seedance[cli,testing]'``: what the README installs."""
    return _install(tmp_path_factory.mktemp("full"), wheel, "[cli,testing]")
