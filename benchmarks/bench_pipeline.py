"""Issue 6, item 8: how long the spec pipeline and the test suite take.

- ``generate``: ``python scripts/pipeline.py generate`` in a temporary copy of the pipeline's
  inputs (specs, overlays, scripts, docs, generated, pyproject.toml), so the checkout is not
  touched: every curated spec, every client (openapi-python-client + ruff), provenance and the
  drift report. The copy is then compared with the checkout (it should change nothing).
- ``check``: ``python scripts/pipeline.py check`` in the checkout (regenerates into a temporary
  tree and compares; what ``nox -s check`` runs).
- the test suite: ``pytest -q -p no:cacheprovider`` from the checkout (``--quick``: only
  ``tests/overlays``), with the closing line it printed.

Wall-clock seconds of one run each (these are minutes-scale, single runs; the machine is noisy).
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ._support import ROOT, machine, project_env

_INPUTS = ("specs", "overlays", "scripts", "docs", "generated", "pyproject.toml")
_CLOSING = re.compile(r"^=*\s*(\d+ (passed|failed|error).*?)\s*=*$")


def _timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=project_env(), capture_output=True, text=True)
    return time.perf_counter() - started, done


def _tail(done: subprocess.CompletedProcess[str], lines: int = 3) -> str:
    return "\n".join((done.stdout + done.stderr).strip().splitlines()[-lines:])


def _differences(copy: Path) -> list[str]:
    """Files under specs/, generated/ and docs/ that differ between *copy* and the checkout."""
    changed = []
    for folder in ("specs", "generated", "docs"):
        for path in sorted((copy / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(copy)
            original = ROOT / relative
            if not original.is_file() or not filecmp.cmp(path, original, shallow=False):
                changed.append(str(relative))
    return changed


def _generate() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="seedance-bench-pipeline-") as temporary:
        copy = Path(temporary) / "main"
        copy.mkdir()
        for name in _INPUTS:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, copy / name)
        seconds, done = _timed([sys.executable, "scripts/pipeline.py", "generate"], copy)
        return {
            "command": "python scripts/pipeline.py generate (in a temporary copy)",
            "seconds": round(seconds, 1),
            "exit_code": done.returncode,
            "output_tail": _tail(done, 6),
            "files_changed_vs_checkout": _differences(copy) if done.returncode == 0 else None,
        }


def _check() -> dict[str, Any]:
    seconds, done = _timed([sys.executable, "scripts/pipeline.py", "check"], ROOT)
    return {
        "command": "python scripts/pipeline.py check",
        "seconds": round(seconds, 1),
        "exit_code": done.returncode,
        "output_tail": _tail(done),
    }


def _tests(quick: bool) -> dict[str, Any]:
    selection = ["tests/overlays"] if quick else []
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection]
    seconds, done = _timed(command, ROOT)
    closing = [
        match.group(1)
        for line in done.stdout.splitlines()
        if (match := _CLOSING.match(line.strip()))
    ]
    return {
        "command": "pytest -q -p no:cacheprovider " + " ".join(selection),
        "seconds": round(seconds, 1),
        "exit_code": done.returncode,
        "closing_line": closing[-1] if closing else _tail(done, 1),
    }


def run(quick: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"machine": machine()}
    if not quick:
        result["generate"] = _generate()
    result["check"] = _check()
    result["tests"] = _tests(quick)
    return result
