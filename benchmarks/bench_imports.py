"""Issues 6 and 12: cold import time of ``seedance``, a generated package, ``httpx`` and the SDK;
and the time of a first call (import, construct a client, submit, get) in a fresh process.

Each measurement is a fresh interpreter. Two methods, both in interleaved repetitions:

- wall clock: ``python -c "import X"`` minus ``python -c pass`` (same interpreter, same venv,
  measured in the same repetition), median over repetitions;
- ``python -X importtime -c "import X"``: the cumulative time the interpreter reports for X
  (excludes interpreter start-up), median over repetitions;
- CPU: ``time.process_time()`` around ``import X`` in a fresh interpreter: the import's own CPU
  seconds, which waiting for a core on a loaded machine does not inflate (the other two do).

Ratios to ``import httpx`` are also given per repetition (X and httpx timed back to back), as
median and quartiles: the spread of the method on the machine as it was.

"Cold" means a new process; bytecode caches and the OS file cache are warm (a warm-up run of
each comes first), as on any second run of a program or after ``pip install``. The caches go to
a temporary ``PYTHONPYCACHEPREFIX``, since this machine sets ``PYTHONDONTWRITEBYTECODE=1``.
The official SDK is timed with its own venv's interpreter (the same CPython build). That venv
lacks rich/click/pygments, which ``httpx`` imports for its command line when they are installed
(they are in the project's venv, through typer), so ``import httpx`` is also timed there.

The first call runs against an ``httpx.MockTransport`` answering what the provider's simulator
answered for the same request (captured in the parent), so that only the client's own cost is
timed: the imports, the validators built on first use, one create and one get. Raw httpx doing
the same requests is the reference.

For ``import seedance`` the report also lists what it imports beyond ``import httpx``, grouped by
top-level package (summed self time from ``-X importtime``): what would have to go (or be made
lazy) to meet the target.
"""

from __future__ import annotations

import json
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


def _cpu(python: str, module: str, env: dict[str, str]) -> float:
    code = f"import time; t = time.process_time(); import {module}; print(time.process_time() - t)"
    done = subprocess.run(
        [python, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return float(done.stdout)


def _quartiles(values: list[float]) -> dict[str, float]:
    q1, q2, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
    return {"median": round(q2, 3), "q1": round(q1, 3), "q3": round(q3, 3)}


def _wall(python: str, code: str, env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", code, *args], env=env, cwd=ROOT, check=True)
    return time.perf_counter() - started


# --- a first call ------------------------------------------------------------------------------
_PROMPT = "a cat cooking pasta"
_MEDIA = {
    "reference_images": ["https://example.com/a.png", "https://example.com/b.png"],
    "reference_videos": ["https://example.com/reference.mp4"],
    "reference_audios": ["https://example.com/reference.mp3"],
}
# (provider, VideoRequest fields): ModelArk as in bench_overhead; Genray checks `format: uri`.
FIRST_CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "modelark minimal": ("modelark", {"prompt": _PROMPT, "model": "seedance-1-0-pro-250528"}),
    "modelark multimodal": (
        "modelark",
        {
            "prompt": _PROMPT,
            "model": "dreamina-seedance-2-0-260128",
            **_MEDIA,
            "duration": 5,
            "resolution": "720p",
            "aspect_ratio": "16:9",
            "seed": 42,
            "generate_audio": True,
            "watermark": False,
            "webhook_url": "https://hooks.example.com/modelark",
        },
    ),
    "genray multimodal": (
        "genray",
        {
            "prompt": _PROMPT,
            **_MEDIA,
            "duration": 5,
            "aspect_ratio": "16:9",
            "webhook_url": "https://hooks.example.com/genray",
        },
    ),
}
_FACADE_FIRST_CALL = """
import json, sys
case = json.loads(sys.argv[1])
import httpx
from seedance import SeedanceClient, VideoRequest

def answer(request):
    status, body = case["create"] if request.method == "POST" else case["get"]
    return httpx.Response(
        status, content=body.encode(), headers={"content-type": "application/json"}
    )

client = SeedanceClient(
    case["provider"], api_key="sk_bench", transport=httpx.MockTransport(answer)
)
job = client.submit(VideoRequest(**case["request"]))
assert client.get(job).id == job.id
"""
_RAW_FIRST_CALL = """
import json, sys
case = json.loads(sys.argv[1])
import httpx

def answer(request):
    status, body = case["create"] if request.method == "POST" else case["get"]
    return httpx.Response(
        status, content=body.encode(), headers={"content-type": "application/json"}
    )

http = httpx.Client(transport=httpx.MockTransport(answer))
base, headers = case["base_url"], {"Authorization": "Bearer sk_bench"}
created = http.post(base + case["create_path"], json=case["body"], headers=headers)
created.raise_for_status()
task = http.get(base + case["get_path"].format(id=created.json()["id"]), headers=headers)
task.raise_for_status()
assert task.json()["status"]
"""


def _first_call_case(provider: str, fields: dict[str, Any]) -> dict[str, Any]:
    """What the simulator answers to this request's create and get, and what the facade sent."""
    from seedance import SeedanceClient, VideoRequest
    from seedance.testing import Simulator

    simulator = Simulator(provider)
    http = simulator.http_client()
    exchanges: list[tuple[Any, Any]] = []

    def keep(response: Any) -> None:
        response.read()
        exchanges.append((response.request, response))

    http.event_hooks["response"] = [keep]
    client = SeedanceClient(provider, http_client=http, api_key="sk_simulator")
    job = client.submit(VideoRequest(**fields))
    simulator.clock.advance(600)  # type: ignore[attr-defined]
    client.get(job)
    (create, created), (get, task) = exchanges[0], exchanges[-1]
    base = client.base_url
    return {
        "provider": provider,
        "request": fields,
        "create": [created.status_code, created.text],
        "get": [task.status_code, task.text],
        "base_url": base,
        "body": json.loads(create.content),
        "create_path": str(create.url)[len(base) :],
        "get_path": str(get.url)[len(base) :].replace(job.id, "{id}"),
    }


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
    first_calls = {
        name: json.dumps(_first_call_case(provider, fields))
        for name, (provider, fields) in FIRST_CALLS.items()
    }
    interpreters = {python: env for python, env, _ in targets.values()}
    # Warm-up: compile bytecode, fill the file cache.
    for python, env, module in targets.values():
        _wall(python, f"import {module}", env)
    for case in first_calls.values():  # warm-up
        _wall(project[0], _FACADE_FIRST_CALL, project[1], case)
    walls: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    reported: dict[str, list[int]] = defaultdict(list)
    last_rows: dict[str, list[tuple[int, int, int, str]]] = {}
    firsts: dict[str, list[float]] = defaultdict(list)
    names = list(targets)
    calls = [
        *((f"seedance: {name}", _FACADE_FIRST_CALL, case) for name, case in first_calls.items()),
        ("raw httpx: modelark minimal", _RAW_FIRST_CALL, first_calls["modelark minimal"]),
        ("raw httpx: modelark multimodal", _RAW_FIRST_CALL, first_calls["modelark multimodal"]),
    ]
    for repetition in range(repetitions):
        baseline = {python: _wall(python, "pass", env) for python, env in interpreters.items()}
        order = names[repetition % len(names) :] + names[: repetition % len(names)]
        for name in order:
            python, env, module = targets[name]
            walls[name].append(_wall(python, f"import {module}", env) - baseline[python])
            rows = _subtree(_importtime(python, module, env), module)
            reported[name].append(rows[-1][1])
            last_rows[name] = rows
            cpus[name].append(_cpu(python, module, env))
        shift = repetition % len(calls)
        for name, code, case in calls[shift:] + calls[:shift]:
            firsts[name].append(_wall(project[0], code, project[1], case) - baseline[project[0]])
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
            "cpu_ms": round(statistics.median(cpus[name]) * 1000, 1),
            "modules_loaded": len(last_rows[name]),
        }
    seedance, httpx = result["seedance"], result["httpx"]
    result["seedance_vs_httpx"] = {
        "wall": ratio(seedance["wall_minus_bare_python_ms"], httpx["wall_minus_bare_python_ms"]),
        "importtime": ratio(
            seedance["importtime_cumulative_ms"], httpx["importtime_cumulative_ms"]
        ),
        "cpu": ratio(seedance["cpu_ms"], httpx["cpu_ms"]),
    }
    result["seedance_vs_httpx_per_repetition"] = {
        "wall": _quartiles([a / b for a, b in zip(walls["seedance"], walls["httpx"], strict=True)]),
        "importtime": _quartiles(
            [a / b for a, b in zip(reported["seedance"], reported["httpx"], strict=True)]
        ),
        "cpu": _quartiles([a / b for a, b in zip(cpus["seedance"], cpus["httpx"], strict=True)]),
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
    result["first_call_wall_minus_bare_python_ms"] = first = {
        name: round(statistics.median(times) * 1000, 1) for name, times in firsts.items()
    }
    result["first_call_seedance_vs_raw_httpx"] = {
        case: ratio(first[f"seedance: modelark {case}"], first[f"raw httpx: modelark {case}"])
        for case in ("minimal", "multimodal")
    }
    result["targets"] = {
        "import_seedance_le_1.3x_httpx (importtime)": result["seedance_vs_httpx"]["importtime"]
        <= 1.3,
        "import_seedance_le_1.3x_httpx (wall)": result["seedance_vs_httpx"]["wall"] <= 1.3,
        "import_seedance_le_1.3x_httpx (cpu)": result["seedance_vs_httpx"]["cpu"] <= 1.3,
    }
    return result
