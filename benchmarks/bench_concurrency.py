"""Concurrency (issue 6, item 3): many jobs submitted and waited with `AsyncSeedanceClient`.

1,000 ModelArk jobs (``--quick``: 100), at most 100 at a time (an `asyncio.Semaphore`), each
``submit`` + ``wait``, against the in-process simulator (`httpx.ASGITransport`, every request
validated against the curated spec) on a `RealClock` sped up so that a job (2 s queued + 28 s
running) takes 0.3 s, polled every 0.1 s (`PollingPolicy(initial=0.1, maximum=0.1)`).

The raw-httpx ideal does the same thing with a bare `httpx.AsyncClient` on the same kind of
transport and simulator: the same create body (prepared once, outside the timing), the first
poll right after the create and one every 0.1 s until the status is final, reading only ``id``
and ``status`` from the JSON. Each run gets a fresh simulator; runs alternate raw/facade and the
medians are compared. Memory: each simulator run is a fresh interpreter, whose peak RSS (VmHWM,
reset before the run) minus its RSS before the run is the growth; ``tracemalloc`` peaks come
from one extra traced run per client against the stub below (tracing the simulator would
quadruple its time and count its own allocations).

The simulator's work (openapi-core validation of every request) is the same in both runs and
dominates them; to show the client's own share, the same pair runs against a stub server (an
`httpx.MockTransport` answering ModelArk's documented bodies, no validation), once with the
same job timing and once with jobs that are finished at the first poll (pure request rate).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import itertools
import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from seedance import AsyncSeedanceClient, PollingPolicy
from seedance.testing import RealClock, Simulator

from ._reliability import (
    get_operation,
    median,
    peak_rss_kib,
    peak_rss_reset,
    profile_request,
    rss_kib,
)

PROVIDER = "modelark"
CONCURRENCY = 100
SPEED = 100.0  # simulated seconds per real second
QUEUE_SECONDS = 2.0
RUN_SECONDS = 28.0  # 30 simulated seconds: 0.3 s of real time
POLL = 0.1  # real seconds between polls
TERMINAL = frozenset({"succeeded", "failed", "cancelled", "expired"})
API_KEY = "sk_simulator"


# --- the two clients --------------------------------------------------------------------------
async def _facade(http: httpx.AsyncClient, n: int) -> dict[str, Any]:
    request = profile_request(PROVIDER, webhook_url=None)
    client = AsyncSeedanceClient(
        PROVIDER,
        api_key=API_KEY,
        http_client=http,
        polling=PollingPolicy(initial=POLL, maximum=POLL, multiplier=1.0),
    )
    gate = asyncio.Semaphore(CONCURRENCY)
    finished: list[str] = []

    async def one() -> None:
        async with gate:
            job = await client.submit(request)
            done = await client.wait(job, timeout=60)
            finished.append(done.status.value)

    await asyncio.gather(*(one() for _ in range(n)))
    return {"jobs_finished": len(finished), "succeeded": finished.count("succeeded")}


@functools.cache
def _raw_plan() -> tuple[str, dict[str, Any], Callable[[str], str]]:
    """The create URL and JSON body the facade sends, and the status URL of a job id."""
    client = AsyncSeedanceClient(PROVIDER, api_key=API_KEY)
    engine = client._engine
    call = engine.create_call(profile_request(PROVIDER, webhook_url=None))
    kwargs = call.operation._get_kwargs(**call.arguments)
    get_url = engine.base_url + engine.adapter.get("{id}").operation._get_kwargs(id="ID")["url"]
    return (
        engine.base_url + kwargs["url"],
        kwargs["json"],
        lambda job_id: get_url.replace("ID", job_id),
    )


async def _raw(http: httpx.AsyncClient, n: int) -> dict[str, Any]:
    create_url, body, status_url = _raw_plan()
    headers = {"Authorization": f"Bearer {API_KEY}"}
    gate = asyncio.Semaphore(CONCURRENCY)
    finished: list[str] = []

    async def one() -> None:
        async with gate:
            created = await http.post(create_url, json=body, headers=headers)
            created.raise_for_status()
            url = status_url(created.json()["id"])
            while True:
                response = await http.get(url, headers=headers)
                response.raise_for_status()
                status = response.json()["status"]
                if status in TERMINAL:
                    finished.append(status)
                    return
                await asyncio.sleep(POLL)

    await asyncio.gather(*(one() for _ in range(n)))
    return {"jobs_finished": len(finished), "succeeded": finished.count("succeeded")}


# --- servers ----------------------------------------------------------------------------------
class _Stub:
    """ModelArk's documented bodies from a dict, no validation: the cheapest possible server."""

    def __init__(self, job_seconds: float) -> None:
        self.job_seconds = job_seconds
        self.created: dict[str, float] = {}
        self.ids = itertools.count(1)
        self.counts = {"create": 0, "get": 0}

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        now = time.monotonic()
        if request.method == "POST":
            self.counts["create"] += 1
            job_id = f"cgt-20260101000000-{next(self.ids):05d}"
            self.created[job_id] = now
            return httpx.Response(200, json={"id": job_id})
        self.counts["get"] += 1
        job_id = request.url.path.rsplit("/", 1)[-1]
        age = now - self.created[job_id]
        status = "succeeded" if age >= self.job_seconds else "running"
        task: dict[str, Any] = {
            "id": job_id,
            "model": "dreamina-seedance-2-0-260128",
            "status": status,
            "created_at": 1767225600,
            "updated_at": 1767225600 + int(age),
        }
        if status == "succeeded":
            task["content"] = {"video_url": f"https://files.example.com/{job_id}.mp4"}
            task["usage"] = {"completion_tokens": 108900, "total_tokens": 108900}
        return httpx.Response(200, content=json.dumps(task).encode(), headers=_JSON)


_JSON = {"content-type": "application/json"}


def _server(kind: str) -> tuple[httpx.AsyncClient, Callable[[], dict[str, int]]]:
    if kind == "simulator":
        sim = Simulator(
            PROVIDER,
            clock=RealClock(speed=SPEED),
            queue_seconds=QUEUE_SECONDS,
            run_seconds=RUN_SECONDS,
            rate_limits=False,
        )
        status_op = get_operation(PROVIDER)

        def sim_counts() -> dict[str, int]:
            return {
                "create": sim.counters["creates_accepted"],
                "get": sim.counters[f"requests.{status_op}"],
            }

        return sim.async_http_client(), sim_counts
    stub = _Stub((QUEUE_SECONDS + RUN_SECONDS) / SPEED if kind == "stub" else 0.0)
    return httpx.AsyncClient(transport=httpx.MockTransport(stub)), lambda: dict(stub.counts)


# --- runs -------------------------------------------------------------------------------------
Runner = Callable[[httpx.AsyncClient, int], Awaitable[dict[str, Any]]]
RUNNERS: dict[str, Runner] = {"raw": _raw, "facade": _facade}


def _once(name: str, kind: str, n: int, *, trace: bool = False) -> dict[str, Any]:
    """One run in this process: wall time, outcomes, request counts, memory."""
    http, counts = _server(kind)
    _raw_plan()  # the adapter, its spec and validator: loaded before anything is measured
    gc.collect()
    before = rss_kib()
    reset = peak_rss_reset()
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    started = time.perf_counter()
    outcome = asyncio.run(_with_close(RUNNERS[name], http, n))
    wall = time.perf_counter() - started
    result = {"wall_s": wall, **outcome, **{f"requests_{k}": v for k, v in counts().items()}}
    if trace:
        result["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    elif reset:
        result["peak_rss_growth_mib"] = (peak_rss_kib() - before) / 1024
        result["peak_rss_mib"] = peak_rss_kib() / 1024
    return result


def _in_subprocess(name: str, kind: str, n: int) -> dict[str, Any]:
    """One run in a fresh interpreter, so that its memory figures owe nothing to earlier runs."""
    command = [sys.executable, "-m", "benchmarks.bench_concurrency", name, kind, str(n)]
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=root)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


async def _with_close(runner: Runner, http: httpx.AsyncClient, n: int) -> dict[str, Any]:
    async with http:
        return await runner(http, n)


def _compare(kind: str, n: int, repeats: int) -> dict[str, Any]:
    """Alternating raw/facade runs (simulator: each in a fresh interpreter) and their medians."""
    runs: dict[str, list[dict[str, Any]]] = {"raw": [], "facade": []}
    for _ in range(repeats):
        for name in runs:
            if kind == "simulator":
                runs[name].append(_in_subprocess(name, kind, n))
            else:
                runs[name].append(_once(name, kind, n))
    summary: dict[str, Any] = {}
    for name, results in runs.items():
        summary[name] = {
            "wall_s_median": round(median([r["wall_s"] for r in results]), 3),
            "wall_s_all": [round(r["wall_s"], 3) for r in results],
            "jobs_finished": [r["jobs_finished"] for r in results],
            "succeeded": [r["succeeded"] for r in results],
            "creates": [r["requests_create"] for r in results],
            "polls": [r["requests_get"] for r in results],
        }
        if kind == "simulator":
            summary[name]["peak_rss_growth_mib"] = [
                round(r["peak_rss_growth_mib"], 1) for r in results
            ]
            summary[name]["peak_rss_mib"] = [round(r["peak_rss_mib"], 1) for r in results]
        else:
            traced = _once(name, kind, n, trace=True)
            summary[name]["tracemalloc_peak_mib"] = round(traced["tracemalloc_peak_mib"], 2)
        requests = median([r["requests_create"] + r["requests_get"] for r in results])
        summary[name]["requests_per_s"] = round(requests / summary[name]["wall_s_median"], 1)
    raw, facade = summary["raw"], summary["facade"]
    summary["wall_ratio_facade_over_raw"] = round(facade["wall_s_median"] / raw["wall_s_median"], 3)
    summary["per_request_ratio"] = round(raw["requests_per_s"] / facade["requests_per_s"], 3)
    summary["poll_ratio_facade_over_raw"] = round(median(facade["polls"]) / median(raw["polls"]), 3)
    return summary


def run(quick: bool) -> dict[str, Any]:
    n = 100 if quick else 1000
    repeats = 1 if quick else 3
    simulator = _compare("simulator", n, repeats)
    stub = _compare("stub", n, repeats)
    instant = _compare("stub-instant", n, repeats)
    ratio = simulator["wall_ratio_facade_over_raw"]
    return {
        "method": f"{n} {PROVIDER} jobs, concurrency {CONCURRENCY}, submit + wait each;"
        f" job {QUEUE_SECONDS + RUN_SECONDS:g} simulated s at speed {SPEED:g}"
        f" ({(QUEUE_SECONDS + RUN_SECONDS) / SPEED:g} s real), polled every {POLL:g} s;"
        f" median of {repeats} alternating raw/facade runs; simulator runs each in a fresh"
        " interpreter (peak RSS = VmHWM, reset before the run, minus RSS before it);"
        " tracemalloc peaks from one extra traced run against the stub (client memory only)",
        "jobs": n,
        "simulator": simulator,
        "stub_same_timing": stub,
        "stub_instant_jobs": instant,
        "target": "facade wall time <= 2x the raw-httpx ideal (against the simulator)",
        "target_met": ratio <= 2.0,
    }


if __name__ == "__main__":
    # python -m benchmarks.bench_concurrency raw|facade simulator|stub|stub-instant N
    print(json.dumps(_once(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
