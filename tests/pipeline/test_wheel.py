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
