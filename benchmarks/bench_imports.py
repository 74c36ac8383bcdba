"""Issue 6, item 2: cold import time of ``seedance``, a generated package, ``httpx`` and the SDK.

Each measurement is a fresh interpreter. Two methods, both in interleaved repetitions:

- wall clock: ``python -c "import X"`` minus ``python -c pass`` (same interpreter, same venv,
  measured in the same repetition), median over repetitions;
- ``python -X importtime -c "import X"``: the cumulative time the interpreter reports for X
  (excludes interpreter start-up), median over repetitions.

"Cold" means a new process; bytecode caches and the OS file cache are warm (a warm-up run of
each comes first), as on any second run of a program or after ``pip install``. The caches go to
a temporary ``PYTHONPYCACHEPREFIX``, since this machine sets ``PYTHONDONTWRITEBYTECODE=1``.
The official SDK is timed with its own venv's interpreter (the same CPython build). That venv
lacks rich/click/pygments, which ``httpx`` imports for its command line when they are installed
(they are in the project's venv, through typer), so ``import httpx`` is also timed there.

For ``import seedance`` the report also lists what it imports beyond ``import httpx``, grouped by
top-level package (summed self time from ``-X importtime``): what would have to go (or be made
lazy) to meet the target.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from typing import Any

from ._support import ROOT, machine, project_env, ratio, sdk_python

_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def _wall(python: str, code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", code], env=env, cwd=ROOT, check=True)
    return time.perf_counter() - started


def _importtime(python: str, module: str, env: dict[str, str]) -> list[tuple[int, int, int, str]]:
    """(self us, cumulative us, depth, module) for every module the import loaded."""
    done = subprocess.run(
        [python, "-X", "importtime", "-c", f"import {module}"],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    rows = []
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match:
            own, cumulative, indent, name = match.groups()
            rows.append((int(own), int(cumulative), len(indent) // 2, name))
    return rows


def _subtree(rows: list[tuple[int, int, int, str]], module: str) -> list[tuple[int, int, int, str]]:
    """The rows of *module* and everything it imported (``-X importtime`` lists children first,
    so they are the rows between the previous top-level row and the module's own)."""
    end = next(i for i, (_, _, depth, name) in enumerate(rows) if name == module and depth == 0)
    start = max((i for i in range(end) if rows[i][2] == 0), default=-1) + 1
    return rows[start : end + 1]


def _beyond(
    mine: list[tuple[int, int, int, str]], base: list[tuple[int, int, int, str]]
) -> list[list[Any]]:
    """Self time of the modules in *mine* not in *base*, by top-level package, largest first."""
    seen = {name for _, _, _, name in base}
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for own, _, _, name in mine:
        if name not in seen:
            group = groups[name.split(".")[0]]
            group[0] += own
            group[1] += 1
    ordered = sorted(groups.items(), key=lambda item: -item[1][0])
    return [[name, round(own / 1000, 2), count] for name, (own, count) in ordered]


def _with_bytecode(env: dict[str, str], prefix: str) -> dict[str, str]:
    """*env* with bytecode caches written and read under *prefix* (this machine sets
    ``PYTHONDONTWRITEBYTECODE=1``, and the source tree has no ``__pycache__``)."""
    cached = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**cached, "PYTHONPYCACHEPREFIX": prefix}


def run(quick: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="seedance-bench-pycache-") as prefix:
        return _run(quick, prefix)


def _run(quick: bool, prefix: str) -> dict[str, Any]:
    repetitions = 3 if quick else 15
    project = (sys.executable, _with_bytecode(project_env(), prefix))
    sdk, sdk_note = sdk_python(create=not quick)
    targets: dict[str, tuple[str, dict[str, str], str]] = {
        "seedance": (*project, "seedance"),
        "seedance_modelark": (*project, "seedance_modelark"),
        "httpx": (*project, "httpx"),
    }
    if sdk is not None:
        sdk_env = {k: v for k, v in project[1].items() if k != "PYTHONPATH"}
        targets["official_sdk (byteplussdkarkruntime)"] = (
            str(sdk),
            sdk_env,
            "byteplussdkarkruntime",
        )
        targets["httpx (in the SDK venv)"] = (str(sdk), sdk_env, "httpx")
    interpreters = {python: env for python, env, _ in targets.values()}
    # Warm-up: compile bytecode, fill the file cache.
    for python, env, module in targets.values():
        _wall(python, f"import {module}", env)
    walls: dict[str, list[float]] = defaultdict(list)
    reported: dict[str, list[int]] = defaultdict(list)
    last_rows: dict[str, list[tuple[int, int, int, str]]] = {}
    names = list(targets)
    for repetition in range(repetitions):
        baseline = {python: _wall(python, "pass", env) for python, env in interpreters.items()}
        order = names[repetition % len(names) :] + names[: repetition % len(names)]
        for name in order:
            python, env, module = targets[name]
            walls[name].append(_wall(python, f"import {module}", env) - baseline[python])
            rows = _subtree(_importtime(python, module, env), module)
            reported[name].append(rows[-1][1])
            last_rows[name] = rows
    result: dict[str, Any] = {
        "machine": machine(),
        "repetitions": repetitions,
        "official_sdk": sdk_note,
        "python": sys.version.split()[0],
    }
    for name in names:
        result[name] = {
            "wall_minus_bare_python_ms": round(statistics.median(walls[name]) * 1000, 1),
            "importtime_cumulative_ms": round(statistics.median(reported[name]) / 1000, 1),
            "modules_loaded": len(last_rows[name]),
        }
    seedance, httpx = result["seedance"], result["httpx"]
    result["seedance_vs_httpx"] = {
        "wall": ratio(seedance["wall_minus_bare_python_ms"], httpx["wall_minus_bare_python_ms"]),
        "importtime": ratio(
            seedance["importtime_cumulative_ms"], httpx["importtime_cumulative_ms"]
        ),
    }
    if sdk is not None:
        official = result["official_sdk (byteplussdkarkruntime)"]
        result["seedance_vs_official_sdk"] = {
            "wall": ratio(
                seedance["wall_minus_bare_python_ms"], official["wall_minus_bare_python_ms"]
            ),
            "importtime": ratio(
                seedance["importtime_cumulative_ms"], official["importtime_cumulative_ms"]
            ),
        }
    result["seedance_beyond_httpx_self_ms_by_package"] = _beyond(
        last_rows["seedance"], last_rows["httpx"]
    )[:12]
    result["seedance_direct_imports_cumulative_ms"] = [
        [name, round(cumulative / 1000, 2)]
        for _, cumulative, depth, name in sorted(last_rows["seedance"], key=lambda row: -row[1])
        if depth == 1
    ][:15]
    result["targets"] = {
        "import_seedance_le_1.5x_httpx (importtime)": result["seedance_vs_httpx"]["importtime"]
        <= 1.5,
        "import_seedance_le_1.5x_httpx (wall)": result["seedance_vs_httpx"]["wall"] <= 1.5,
    }
    return result
