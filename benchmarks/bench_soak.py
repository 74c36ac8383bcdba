"""Fault soak (issue 6, item 6): jobs across every provider with 20% of requests faulted.

1,000 jobs (``--quick``: 100), split evenly over the five providers, half through `SeedanceClient`
one after another and half through `AsyncSeedanceClient` (10 at a time; Genray 2, its Standard
plan's concurrency). Each simulator runs on a `ManualClock` moved by the clients' sleeps, with its
rate limits on, and injects ``Faults(rate=0.2, kinds=(status, reset_before, reset_after,
malformed_json, html_error, truncate), seed=...)`` into every request, the file downloads
included; on top of that, a download request the random draw spared is truncated with
probability 0.2 ("plus truncated downloads"). Each job's prompt carries a tag, so the
simulator's jobs can be matched to the requests that made them.

Every 20th job's prompt asks the simulator to fail it (``simulate:fail``), so that both final
states are reached under faults. Each job is submitted, waited and downloaded the way a careful
caller (and ``seedance batch``) does it, under the client's default `RetryPolicy`:

- submit: resubmitted after a `RateLimitError` or an `APIConnectionError` that says the request
  was never sent; any other failure (5xx, a dropped connection after sending, an unreadable 2xx)
  leaves the job "unknown" and it is NOT resubmitted, since it may have started a paid job;
- wait: resumed with ``wait(job_id)`` after a transient error (at most 20 times);
- download: started again after a `DownloadError` (at most 10 times), then the file's SHA-256 is
  compared with the simulator's sample MP4.

Counted: jobs reaching a terminal state, duplicate creates (simulator jobs per tag, and
``creates_accepted`` against the jobs the client knows), jobs accepted by the simulator but
unknown to the client, corrupted files (with the faults that hit their download), leftover
partial files, exceptions outside the `SeedanceError` hierarchy, and hangs (a 30 s watchdog per
job; the clock is manual, so a job takes milliseconds).
"""

from __future__ import annotations

import asyncio
import contextvars
import re
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seedance import (
    APIConnectionError,
    DownloadError,
    JobFailedError,
    RateLimitError,
    ResponseError,
    SeedanceError,
    ServerError,
)
from seedance.testing import Fault, Faults, ManualClock, Simulator
from seedance.testing._faults import FaultKind

from ._reliability import (
    PROVIDERS,
    SAMPLE_SHA256,
    Hang,
    describe_exception,
    profile_request,
    sha256,
    watchdog,
)

KINDS: tuple[FaultKind, ...] = (
    "status",
    "reset_before",
    "reset_after",
    "malformed_json",
    "html_error",
    "truncate",
)
RATE = 0.2
DOWNLOAD_TRUNCATE_RATE = 0.2
ASYNC_CONCURRENCY = {"genray": 2}  # the Standard plan's 2 concurrent jobs; others below
DEFAULT_CONCURRENCY = 10
MAX_SUBMITS, MAX_WAITS, MAX_DOWNLOADS = 20, 20, 10
JOB_LIMIT = 30.0  # real seconds per job before it counts as a hang
TRANSIENT = (APIConnectionError, ServerError, RateLimitError, ResponseError)
_TAG = re.compile(r"soak-job-(\d+)")

FAIL_EVERY = 20  # every 20th job's prompt asks the simulator to fail it


def _fails(index: int) -> bool:
    return index % FAIL_EVERY == FAIL_EVERY - 1


def _expect(index: int) -> str:
    return "failed" if _fails(index) else "succeeded"


_path: contextvars.ContextVar[str] = contextvars.ContextVar("soak_path", default="?")


class _PathOfRequest:
    """ASGI middleware: remembers the path of the request being served (for `SoakFaults`)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        token = _path.set(str(scope.get("path", "?")))
        try:
            await self.app(scope, receive, send)
        finally:
            _path.reset(token)


@dataclass
class SoakFaults(Faults):
    """The simulator's random faults, plus extra truncated downloads, recorded per request path."""

    download_truncate_rate: float = 0.0
    by_path: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_operation: Counter[str] = field(default_factory=Counter)

    def take(self, operation: str) -> Fault | None:
        fault = super().take(operation)
        if fault is None and operation == "download":
            with self._lock:
                if self._random.random() < self.download_truncate_rate:
                    fault = Fault("truncate", operation)
                    self.injected["truncate"] += 1
        if fault is not None:
            self.by_path[_path.get()].append(fault.kind)
            self.by_operation[f"{operation}:{fault.kind}"] += 1
        return fault


@dataclass
class Record:
    provider: str
    mode: str
    tag: str
    create: str = "not tried"
    job_id: str | None = None
    submit_retries: Counter[str] = field(default_factory=Counter)
    terminal: str | None = None
    wait_resumes: Counter[str] = field(default_factory=Counter)
    download_restarts: Counter[str] = field(default_factory=Counter)
    file: str | None = None  # "ok", "corrupted", or None (not downloaded)
    download_faults: list[str] = field(default_factory=list)
    other_errors: list[str] = field(default_factory=list)
    foreign: list[dict[str, Any]] = field(default_factory=list)
    hang: bool = False
    expected: str = "succeeded"


# --- one job, the careful caller's way ---------------------------------------------------------
def _create_failed(record: Record, error: SeedanceError) -> bool:
    """Record a failed create; True when it is safe (and right) to submit again."""
    if isinstance(error, RateLimitError):
        record.submit_retries["rate limited"] += 1
        return True
    if isinstance(error, APIConnectionError) and not error.may_have_been_accepted:
        record.submit_retries["not sent"] += 1
        return True
    if isinstance(error, APIConnectionError):
        record.create = "unknown: connection dropped after sending (may_have_been_accepted)"
    elif isinstance(error, ServerError):
        record.create = f"unknown: HTTP {error.status_code} (may have been accepted)"
    elif isinstance(error, ResponseError):
        record.create = f"unknown: HTTP {error.status_code} with an unreadable body (accepted)"
    else:
        record.create = f"rejected: {type(error).__name__}"
    return False


def _sync_job(client: Any, record: Record, request: Any, target: Path) -> None:
    job = None
    for _ in range(MAX_SUBMITS):
        try:
            job = client.submit(request)
        except SeedanceError as error:
            if _create_failed(record, error):
                continue
            return
        record.create, record.job_id = "known", job.id
        break
    if job is None:
        record.create = "gave up resubmitting"
        return
    done = None
    waiting: Any = job
    for _ in range(MAX_WAITS):
        try:
            done = client.wait(waiting)
        except JobFailedError as error:
            record.terminal = error.job.status.value
            return
        except TRANSIENT as error:
            record.wait_resumes[type(error).__name__] += 1
            waiting = job.id
            continue
        record.terminal = done.status.value
        break
    if done is None:
        return
    for _ in range(MAX_DOWNLOADS):
        try:
            client.download(done, target)
        except DownloadError as error:
            record.download_restarts[_download_reason(error)] += 1
            continue
        record.file = "ok" if sha256(target) == SAMPLE_SHA256 else "corrupted"
        return


async def _async_job(client: Any, record: Record, request: Any, target: Path) -> None:
    job = None
    for _ in range(MAX_SUBMITS):
        try:
            job = await client.submit(request)
        except SeedanceError as error:
            if _create_failed(record, error):
                continue
            return
        record.create, record.job_id = "known", job.id
        break
    if job is None:
        record.create = "gave up resubmitting"
        return
    done = None
    waiting: Any = job
    for _ in range(MAX_WAITS):
        try:
            done = await client.wait(waiting)
        except JobFailedError as error:
            record.terminal = error.job.status.value
            return
        except TRANSIENT as error:
            record.wait_resumes[type(error).__name__] += 1
            waiting = job.id
            continue
        record.terminal = done.status.value
        break
    if done is None:
        return
    for _ in range(MAX_DOWNLOADS):
        try:
            await client.download(done, target)
        except DownloadError as error:
            record.download_restarts[_download_reason(error)] += 1
            continue
        record.file = "ok" if sha256(target) == SAMPLE_SHA256 else "corrupted"
        return


def _download_reason(error: DownloadError) -> str:
    text = str(error)
    match = re.search(r"HTTP \d+|wrong offset|gave up after \d+ attempts", text)
    return match.group(0) if match else text[:60]


def _guarded(record: Record, error: BaseException) -> None:
    if isinstance(error, Hang | TimeoutError):
        record.hang = True
    elif isinstance(error, SeedanceError):
        record.other_errors.append(f"{type(error).__name__}: {str(error)[:120]}")
    else:
        record.foreign.append(describe_exception(error))


# --- one provider -----------------------------------------------------------------------------
def _soak_provider(
    provider: str, first: int, count: int, seed: int, folder: Path
) -> dict[str, Any]:
    clock = ManualClock()
    faults = SoakFaults(
        rate=RATE, kinds=KINDS, seed=seed, download_truncate_rate=DOWNLOAD_TRUNCATE_RATE
    )
    sim = Simulator(provider, clock=clock, faults=faults, queue_seconds=2.0, run_seconds=30.0)
    sim.app = _PathOfRequest(sim.app)  # type: ignore[assignment]
    records: list[Record] = []

    def request_for(index: int) -> Any:
        prompt = f"soak-job-{index} " + profile_request(provider).prompt
        if _fails(index):
            prompt += " simulate:fail asked by the soak"
        return profile_request(provider, prompt=prompt)

    half = count // 2
    started = time.perf_counter()
    client = sim.client()
    try:
        for index in range(first, first + half):
            record = Record(provider, "sync", f"soak-job-{index}", expected=_expect(index))
            records.append(record)
            try:
                with watchdog(JOB_LIMIT):
                    _sync_job(client, record, request_for(index), folder / f"{index}.mp4")
            except BaseException as error:
                _guarded(record, error)
    finally:
        client.close()

    async def run_async() -> None:
        client = sim.async_client()
        gate = asyncio.Semaphore(ASYNC_CONCURRENCY.get(provider, DEFAULT_CONCURRENCY))

        async def one(index: int) -> None:
            record = Record(provider, "async", f"soak-job-{index}", expected=_expect(index))
            records.append(record)
            async with gate:
                try:
                    await asyncio.wait_for(
                        _async_job(client, record, request_for(index), folder / f"{index}.mp4"),
                        JOB_LIMIT,
                    )
                except BaseException as error:
                    _guarded(record, error)

        try:
            await asyncio.gather(*(one(i) for i in range(first + half, first + count)))
        finally:
            await client.aclose()

    try:
        with watchdog(JOB_LIMIT * count):
            asyncio.run(run_async())
    except Hang:
        for record in records:
            if record.mode == "async" and record.terminal is None:
                record.hang = True
    elapsed = time.perf_counter() - started

    # What the simulator knows: its jobs by tag, and the faults each download met.
    by_tag: dict[str, list[str]] = defaultdict(list)
    for job in sim.jobs.values():
        found = _TAG.search(str(job.body))
        by_tag[f"soak-job-{found.group(1)}" if found else "?"].append(job.id)
    known = {r.job_id for r in records if r.job_id}
    for record in records:
        if record.job_id:
            record.download_faults = list(faults.by_path.get(f"/files/{record.job_id}.mp4", []))
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".part")]
    return {
        "records": records,
        "by_tag": by_tag,
        "known": known,
        "sim_jobs": set(sim.jobs),
        "creates_accepted": sim.counters["creates_accepted"],
        "requests": sim.counters["requests"] + sim.counters["downloads"],
        "injected": dict(faults.injected),
        "injected_by_operation": dict(faults.by_operation),
        "leftover_partial_files": leftovers,
        "seconds": elapsed,
    }


# --- the report -------------------------------------------------------------------------------
def _summary(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    records = [r for result in results.values() for r in result["records"]]
    n = len(records)
    known = [r for r in records if r.create == "known"]
    terminal = [r for r in known if r.terminal is not None]
    unknown = [r for r in records if r.create.startswith("unknown")]
    accepted_unknown = []
    for provider, result in results.items():
        for record in (r for r in result["records"] if r.create.startswith("unknown")):
            accepted = [j for j in result["by_tag"].get(record.tag, []) if j not in result["known"]]
            if accepted:
                accepted_unknown.append((provider, record.create))
    duplicates = sum(
        max(0, len(ids) - 1) for result in results.values() for ids in result["by_tag"].values()
    )
    creates_accepted = sum(result["creates_accepted"] for result in results.values())
    distinct_known = sum(len(result["known"]) for result in results.values())
    corrupted = [r for r in records if r.file == "corrupted"]
    foreign = [f | {"provider": r.provider, "mode": r.mode} for r in records for f in r.foreign]
    requests = sum(result["requests"] for result in results.values())
    injected: Counter[str] = Counter()
    by_operation: Counter[str] = Counter()
    for result in results.values():
        injected.update(result["injected"])
        by_operation.update(result["injected_by_operation"])
    return {
        "jobs": n,
        "requests_served": requests,
        "faults_injected": sum(injected.values()),
        "faults_injected_share_of_requests": round(sum(injected.values()) / max(1, requests), 3),
        "faults_by_kind": dict(injected),
        "faults_by_operation_and_kind": dict(sorted(by_operation.items())),
        "create_outcomes": dict(Counter(r.create for r in records)),
        "jobs_known_to_client": len(known),
        "terminal_of_known": len(terminal),
        "terminal_of_known_pct": round(100 * len(terminal) / max(1, len(known)), 2),
        "terminal_of_all_pct": round(100 * len(terminal) / max(1, n), 2),
        "terminal_states": dict(Counter(r.terminal for r in terminal)),
        "terminal_state_not_the_expected_one": sum(1 for r in terminal if r.terminal != r.expected),
        "unknown_outcome_jobs": len(unknown),
        "unknown_but_accepted_by_simulator": len(accepted_unknown),
        "unknown_but_accepted_by_cause": dict(Counter(cause for _, cause in accepted_unknown)),
        "unknown_and_not_accepted": len(unknown) - len(accepted_unknown),
        "duplicates_had_unknowns_been_resubmitted": len(accepted_unknown),
        "creates_accepted": creates_accepted,
        "distinct_jobs_known_to_client": distinct_known,
        "creates_accepted_minus_known_minus_accepted_unknown": creates_accepted
        - distinct_known
        - len(accepted_unknown),
        "duplicate_creates": duplicates,
        "submit_retries_by_caller": dict(sum((r.submit_retries for r in records), Counter())),
        "wait_resumes_by_caller": dict(sum((r.wait_resumes for r in records), Counter())),
        "jobs_needing_a_wait_resume": sum(1 for r in records if r.wait_resumes),
        "download_restarts_by_caller": dict(sum((r.download_restarts for r in records), Counter())),
        "jobs_needing_a_download_restart": sum(1 for r in records if r.download_restarts),
        "downloaded_ok": sum(1 for r in records if r.file == "ok"),
        "corrupted_files": len(corrupted),
        "corrupted_files_faults_met": dict(
            Counter(",".join(sorted(set(r.download_faults))) for r in corrupted)
        ),
        "succeeded_not_downloaded": sum(
            1 for r in terminal if r.terminal == "succeeded" and r.file is None
        ),
        "failed_jobs_with_a_file": sum(1 for r in terminal if r.terminal != "succeeded" and r.file),
        "leftover_partial_files": sum(
            len(result["leftover_partial_files"]) for result in results.values()
        ),
        "foreign_exceptions": len(foreign),
        "foreign_exception_kinds": dict(
            Counter(f"{f['type']} at {f['raised_at']}" for f in foreign)
        ),
        "foreign_examples": foreign[:5],
        "other_seedance_errors_escaping_the_caller": dict(
            Counter(e.split(":")[0] for r in records for e in r.other_errors)
        ),
        "hangs": sum(1 for r in records if r.hang),
    }


def run(quick: bool) -> dict[str, Any]:
    total = 100 if quick else 1000
    per_provider = total // len(PROVIDERS)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="seedance-soak-") as root:
        for number, provider in enumerate(PROVIDERS):
            folder = Path(root) / provider
            folder.mkdir()
            results[provider] = _soak_provider(
                provider, number * per_provider, per_provider, seed=1000 + number, folder=folder
            )
    summary = _summary(results)
    per_provider_summary = {p: _summary({p: r}) for p, r in results.items()}
    keys = (
        "jobs",
        "jobs_known_to_client",
        "terminal_of_known",
        "unknown_but_accepted_by_simulator",
        "unknown_and_not_accepted",
        "duplicate_creates",
        "downloaded_ok",
        "corrupted_files",
        "foreign_exceptions",
        "hangs",
    )
    targets = {
        "terminal_of_known_100pct": summary["terminal_of_known"] == summary["jobs_known_to_client"],
        "terminal_as_expected": summary["terminal_state_not_the_expected_one"] == 0,
        "terminal_of_all_100pct": summary["terminal_of_known"] == summary["jobs"],
        "duplicates_0": summary["duplicate_creates"] == 0,
        "corrupted_0": summary["corrupted_files"] == 0,
        "foreign_0": summary["foreign_exceptions"] == 0,
        "hangs_0": summary["hangs"] == 0,
    }
    return {
        "method": f"{total} jobs ({per_provider} per provider: half sync, half async), faults"
        f" rate {RATE} of kinds {', '.join(KINDS)} on every request, plus downloads truncated"
        f" at {DOWNLOAD_TRUNCATE_RATE}; every {FAIL_EVERY}th job asks to fail (simulate:fail);"
        " ManualClock; rate limits on; default RetryPolicy; unknown creates are not resubmitted",
        "summary": summary,
        "per_provider": {p: {k: s[k] for k in keys} for p, s in per_provider_summary.items()},
        "seconds_per_provider": {p: round(r["seconds"], 1) for p, r in results.items()},
        "targets": targets,
    }
