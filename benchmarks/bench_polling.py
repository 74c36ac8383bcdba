"""Polling efficiency (issue 6, item 4): status requests per job and completion-detection delay.

For each provider and job length (30, 60, 120 s: ``queue_seconds=2``, ``run_seconds=D-2``), one
job is submitted and waited with the adapter's default `PollingPolicy`, on a `ManualClock` that
the client's sleeps move (as tests/simulator/conftest.py does), so the times are exact and free
of machine noise. Every request's clock time is recorded with an httpx event hook.

- ``status_requests``: polls of the job (the status operation's requests);
- ``delay_s``: when the client saw the job finished minus the job's finish time (the clock does
  not move during a request, so this is the polling grid's own delay);
- guidance: Siray "every 3-5 s", ModelArk "no faster than every 10 s", Genray "10 requests/min
  per key" (the Standard plan, status polls count; also checked for 2 jobs at once, the plan's
  concurrency), Anyfast "about 15 s"; Siraya documents none.

The full run also sweeps every job length in [0.9 D, 1.1 D] (1 s steps): the delay depends on
where the job ends on the polling grid, so one length alone can flatter or blame a policy.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from typing import Any

import httpx

from seedance import AsyncSeedanceClient, PollingPolicy, SeedanceClient
from seedance.testing import ManualClock, Simulator

from ._reliability import PROVIDERS, get_operation, profile_request

DURATIONS = (30, 60, 120)
QUEUE_SECONDS = 2.0
DELAY_TARGET = 0.10  # of the job's duration
# The fastest constant interval each provider's guidance allows (Genray: two jobs, the Standard
# plan's concurrency, within 10 requests/min; Siraya: none documented, its adapter's 5 s).
FLOOR = {"siray": 3.0, "modelark": 10.0, "genray": 12.0, "anyfast": 15.0, "siraya": 5.0}

# What each provider asks of a poller (the issue's brief; the specs' x-polling-interval-seconds).
GUIDANCE: dict[str, dict[str, Any]] = {
    "siray": {"rule": "every 3-5 s (spec: min 3, max 5)", "min_interval": 3.0},
    "modelark": {"rule": "no faster than every 10 s (spec: min 10)", "min_interval": 10.0},
    "genray": {"rule": "<= 10 requests/min per key, status polls count", "per_minute": 10},
    "anyfast": {"rule": "about every 15 s (spec: min 10, from ModelArk)", "min_interval": 15.0},
    "siraya": {"rule": None},
}


def _max_in_window(times: list[float], window: float = 60.0) -> int:
    """The most requests in any *window* seconds (a sliding window starting at a request)."""
    ordered = sorted(times)
    best = 0
    for i, start in enumerate(ordered):
        best = max(best, sum(1 for t in ordered[i:] if t < start + window))
    return best


def _one_job(
    provider: str, duration: float, *, use_async: bool, polling: PollingPolicy | None = None
) -> dict[str, Any]:
    clock = ManualClock()
    sim = Simulator(
        provider, clock=clock, queue_seconds=QUEUE_SECONDS, run_seconds=duration - QUEUE_SECONDS
    )
    status_op = get_operation(provider)
    seen: list[tuple[float, str]] = []
    request = profile_request(provider)
    if use_async:

        async def hook(req: httpx.Request) -> None:
            seen.append((clock.now(), req.method))

        async def go() -> tuple[Any, float]:
            http = sim.async_http_client()
            http.event_hooks = {"request": [hook]}
            async with AsyncSeedanceClient(
                provider, api_key="sk_simulator", http_client=http, polling=polling, clock=clock
            ) as client:
                job = await client.submit(request)
                done = await client.wait(job)
                await http.aclose()
                return done, clock.now()

        done, seen_at = asyncio.run(go())
    else:
        http = sim.http_client()
        http.event_hooks = {"request": [lambda req: seen.append((clock.now(), req.method))]}
        with SeedanceClient(
            provider, api_key="sk_simulator", http_client=http, polling=polling, clock=clock
        ) as client:
            job = client.submit(request)
            done = client.wait(job)
        http.close()
        seen_at = clock.now()
    sim_job = sim.jobs[done.id]
    finished = sim_job.finished_at()
    polls = [t for t, method in seen if method == "GET"]
    intervals = [b - a for a, b in itertools.pairwise(polls)]
    delay = seen_at - finished
    assert sim.counters[f"requests.{status_op}"] == len(polls), "every GET is a status poll"
    return {
        "status_requests": len(polls),
        "all_requests": len(seen),
        "delay_s": round(delay, 3),
        "delay_pct": round(100 * delay / duration, 1),
        "first_poll_after_create_s": round(polls[0] - sim_job.created, 3) if polls else None,
        "min_interval_s": round(min(intervals), 3) if intervals else None,
        "max_interval_s": round(max(intervals), 3) if intervals else None,
        "max_requests_per_60s": _max_in_window([t for t, _ in seen]),
        "poll_times": [round(t, 2) for t in polls],
    }


def _verdict(provider: str, row: dict[str, Any]) -> tuple[bool | None, str]:
    rule = GUIDANCE[provider]
    if "min_interval" in rule:
        low = row["min_interval_s"]
        ok = low is None or low >= rule["min_interval"] - 1e-9
        return ok, f"min interval {low} s vs >= {rule['min_interval']:g} s"
    if "per_minute" in rule:
        one = row["max_requests_per_60s"]
        two = 2 * one  # two jobs started together: the same schedule twice
        ok = two <= rule["per_minute"]
        note = f"{one}/min for one job, {two}/min for 2 jobs at once vs <= {rule['per_minute']}"
        return ok, note
    return None, "no guidance documented"


def _sweep(provider: str, duration: int, polling: PollingPolicy | None = None) -> dict[str, Any]:
    """Worst delay over job lengths in [0.9 D, 1.1 D] (1 s steps)."""
    worst: dict[str, Any] = {"delay_pct": -1.0}
    for length in range(math.ceil(0.9 * duration), math.floor(1.1 * duration) + 1):
        row = _one_job(provider, float(length), use_async=False, polling=polling)
        if row["delay_pct"] > worst["delay_pct"]:
            worst = {"length_s": length, "delay_s": row["delay_s"], "delay_pct": row["delay_pct"]}
    return worst


def _worst(row: dict[str, Any], key: str) -> str:
    if key not in row:
        return "-"
    worst = row[key]
    every = f" (every {worst['interval_s']:g} s)" if "interval_s" in worst else ""
    return f"{worst['delay_pct']:g} at {worst['length_s']} s{every}"


def run(quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {}
    table = [
        "| provider | job s | polls | delay s | delay % | min/max interval s | req/60 s"
        " | guidance | delay <= 10% | worst % in [0.9D, 1.1D] | same, constant floor |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    misses: list[str] = []
    for provider in PROVIDERS:
        per_duration: dict[str, Any] = {}
        for duration in DURATIONS:
            row = _one_job(provider, float(duration), use_async=False)
            same = _one_job(provider, float(duration), use_async=True)
            row["async_identical"] = (same["poll_times"], same["delay_s"]) == (
                row["poll_times"],
                row["delay_s"],
            )
            ok, note = _verdict(provider, row)
            row["guidance_ok"] = ok
            row["guidance"] = note
            row["delay_ok"] = row["delay_pct"] <= 100 * DELAY_TARGET
            if not quick:
                row["worst_in_0.9_1.1_D"] = _sweep(provider, duration)
                row["worst_delay_ok"] = row["worst_in_0.9_1.1_D"]["delay_pct"] <= 100 * DELAY_TARGET
                # What-if: a constant interval at the provider's floor, no growth.
                floor = PollingPolicy(initial=FLOOR[provider], maximum=FLOOR[provider])
                row["what_if_constant_floor"] = {
                    "interval_s": FLOOR[provider],
                    **_sweep(provider, duration, floor),
                }
            per_duration[str(duration)] = row
            if ok is False:
                misses.append(f"{provider} {duration}s: guidance ({note})")
            if not row["delay_ok"]:
                misses.append(f"{provider} {duration}s: delay {row['delay_pct']}% of the job")
            table.append(
                f"| {provider} | {duration} | {row['status_requests']} | {row['delay_s']:g}"
                f" | {row['delay_pct']:g} | {row['min_interval_s']}/{row['max_interval_s']}"
                f" | {row['max_requests_per_60s']} | {'-' if ok is None else 'ok' if ok else 'NO'}"
                f" | {'ok' if row['delay_ok'] else 'NO'}"
                f" | {_worst(row, 'worst_in_0.9_1.1_D')}"
                f" | {_worst(row, 'what_if_constant_floor')} |"
            )
        results[provider] = {"guidance": GUIDANCE[provider]["rule"], "jobs": per_duration}
    return {
        "method": "one job per (provider, length) on a ManualClock moved by the client's sleeps;"
        f" queue {QUEUE_SECONDS:g} s + run (D - {QUEUE_SECONDS:g}) s; default PollingPolicy;"
        " sync client (async checked identical)",
        "providers": results,
        "table": table,
        "targets_missed": misses,
    }
