"""The wheel ships the facade and every generated client package, each typed (PEP 561)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PROVIDERS
from pipeline import ROOT

pytestmark = pytest.mark.slow


def test_wheel_ships_the_facade_and_every_generated_package(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "hatchling",
            "build",
            "--target",
            "wheel",
            "--directory",
            str(tmp_path),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("seedance-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "seedance/__init__.py" in names
    assert "seedance/py.typed" in names
    for provider in PROVIDERS:
        for file in ("__init__.py", "py.typed", "provenance.json", "client.py"):
            assert f"{provider.package}/{file}" in names
    assert not any(name.startswith(("tests/", "scripts/", "specs/")) for name in names)


def test_wheel_metadata_declares_the_license_and_the_extras(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory",
         str(tmp_path)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("seedance-*.whl")
    archive = zipfile.ZipFile(wheel)
    (info,) = {name.split("/")[0] for name in archive.namelist() if ".dist-info/" in name}
    metadata = archive.read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines()
    assert "MIT License" in archive.read(f"{info}/licenses/LICENSE").decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    # The command's and the simulator's packages only with their extras.
    for name in ("typer", "rich", "starlette", "uvicorn", "openapi-core", "pyyaml", "pytest"):
        (line,) = [line for line in requires if line.split()[1].lower().startswith(name)]
        assert "extra ==" in line, line
    assert "Provides-Extra: cli" in metadata
    assert "Provides-Extra: testing" in metadata
