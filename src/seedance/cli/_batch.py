"""``seedance batch``: many requests from a JSONL file, resumable after any interruption.

Each line is one `VideoRequest` as a JSON object, with an optional ``"id"`` naming the output file
(``<id>.mp4``; the line number otherwise). The fate of every request lives in an SQLite manifest
in the output folder (see `_manifest`): killed at any point and started again, the batch sends no
recorded request twice, waits on the jobs it already started and downloads what is missing.

Jobs run under the provider's documented limits: at most that many jobs at once (Genray: the
key's plan, 2 on Standard; ModelArk: 120 queued tasks) and, where requests per minute are limited
(Genray: 10 on Standard, status polls included), requests are paced to stay under the limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import json
import re
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, NoReturn

import attrs
import typer

from .._async_client import AsyncSeedanceClient
from .._config import MissingAPIKeyError
from .._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    DownloadError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestError,
    ResponseError,
    SeedanceError,
    ServerError,
)
from .._models import Job, JobStatus, VideoRequest
from .._retry import RetryPolicy
from ..adapters import adapter, provider_names
from ._app import app
from ._manifest import Manifest, ManifestBusyError, Row

__all__ = [
    "BATCH_RETRY",
    "Batch",
    "Entry",
    "Limits",
    "Pacer",
    "Problem",
    "Timebase",
    "documented_limits",
    "prepare",
    "read_requests",
    "summary",
    "validate",
]

FIELDS = tuple(item.name for item in attrs.fields(VideoRequest))
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
DEFAULT_CONCURRENCY = 4
SIMULATED_SPEED = 60.0
DOWNLOADS_AT_ONCE = 4
MAX_RATE_LIMITED = 20
"""429s one create may meet in a run before it is left pending for the next run."""
# The key or the account, not the request, is at fault: no other request would fare better.
_ACCOUNT_ERRORS = (AuthenticationError, PermissionDeniedError, InsufficientCreditsError)
# The exit codes of the other commands where they mean the same thing.
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_NO_KEY = 3
EXIT_AUTHENTICATION = 4
EXIT_CREDITS = 5
EXIT_INTERRUPTED = 130
EPILOG = (
    "Exit codes: 0 every request downloaded, 1 some request did not end downloaded (see the"
    " report), 2 invalid usage, 3 missing API key, 4 the key was refused, 5 insufficient"
    " credits, 130 interrupted."
)


# --- input --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One valid line: its number, its id and its request as canonical JSON."""

    line: int
    id: str
    request: str


@dataclass(frozen=True)
class Problem:
    """One line that is not sent, and why."""

    line: int
    id: str | None
    message: str


class _BadLineError(Exception):
    def __init__(self, message: str, request_id: str | None = None) -> None:
        super().__init__(message)
        self.request_id = request_id


def read_requests(path: Path, provider: str) -> tuple[list[Entry], list[Problem]]:
    """Every line of *path*, checked as *provider* would check it before sending anything."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entry = _parse_line(number, raw, provider)
        except _BadLineError as error:
            problems.append(Problem(number, error.request_id, str(error)))
            continue
        if entry.id in first_line:
            message = f"id {entry.id!r} is already used on line {first_line[entry.id]}"
            problems.append(Problem(number, entry.id, message))
            continue
        first_line[entry.id] = number
        entries.append(entry)
    return entries, problems


def _parse_line(number: int, raw: bytes, provider: str) -> Entry:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadLineError("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise _BadLineError(f"not valid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise _BadLineError(f"not a JSON object but {type(data).__name__}")
    raw_id = data.pop("id", number)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise _BadLineError(f"id={raw_id!r} is not allowed; allowed: a string or an integer")
    request_id = str(raw_id)
    if not _ID.fullmatch(request_id):
        raise _BadLineError(
            f"id={request_id!r} cannot name a file; allowed: up to 128 letters, digits, '.', '_'"
            " and '-', starting with a letter or digit"
        )
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        guess = difflib.get_close_matches(unknown[0], FIELDS, n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        raise _BadLineError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {names}{hint}; allowed: id, "
            + ", ".join(FIELDS),
            request_id,
        )
    try:
        validate(provider, VideoRequest(**data))
    except SeedanceError as error:
        raise _BadLineError(str(error), request_id) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise _BadLineError(f"{type(error).__name__}: {error}", request_id) from None
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Entry(number, request_id, canonical)


def validate(provider: str, request: VideoRequest) -> None:
    """Everything the client checks before a create is sent: capabilities and the curated spec."""
    chosen = adapter(provider)
    caps = chosen.capabilities.check(request)
    body = chosen.create_body(request, caps)
    body.update(request.extras)
    chosen.spec.validate_body(chosen.create_operation, body)


# --- limits and pacing --------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    """What a provider allows per key or account; None where it documents no limit."""

    concurrent_jobs: int | None = None
    requests_per_minute: int | None = None
    source: str = "no documented limit"


def documented_limits(provider: str) -> Limits:
    """The limits a provider documents: the curated spec's ``x-rate-limits`` (Genray's plans; the
    smallest plan with API access), or ModelArk's 120 queued tasks per account."""
    spec = adapter(provider).spec.document
    plans = spec.get("x-rate-limits", {}).get("plans", {})
    usable = {
        name: plan
        for name, plan in plans.items()
        if isinstance(plan, dict) and plan.get("requests_per_minute")
    }
    if usable:
        name, plan = min(usable.items(), key=lambda item: item[1]["requests_per_minute"])
        return Limits(
            concurrent_jobs=plan.get("concurrent_jobs"),
            requests_per_minute=plan["requests_per_minute"],
            source=f"the {name} plan's limits per key",
        )
    if provider == "modelark":
        # provider-notes.md: "At most 120 queued tasks per account".
        return Limits(concurrent_jobs=120, source="at most 120 queued tasks per account")
    return Limits()


@dataclass(frozen=True)
class Timebase:
    """The provider's clock in seconds: a simulator's may run faster than the wall clock."""

    now: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]

    @classmethod
    def real(cls, speed: float = 1.0) -> Timebase:
        start = time.monotonic()

        async def sleep(seconds: float) -> None:
            await asyncio.sleep(max(0.0, seconds) / speed)

        return cls(lambda: (time.monotonic() - start) * speed, sleep)


class Pacer:
    """At most *per_minute* requests in any minute (with a second to spare), and a pause after
    every 429 for as long as the provider asks (or a growing backoff when it does not say).

    A request counts from the moment it is sent until its answer came back: the provider may
    count it at any point in between.
    """

    SPAN = 61.0

    def __init__(self, timebase: Timebase, per_minute: int | None) -> None:
        self.timebase = timebase
        self.per_minute = per_minute
        self.rate_limited = 0
        """How many 429s the provider answered."""
        self.requests = 0
        self._lock = asyncio.Lock()
        self._stamps: list[list[float]] = []
        self._resume_at = 0.0
        self._strikes = 0

    async def acquire(self) -> list[float]:
        """Wait for a turn; give the returned stamp back to `done` once answered."""
        async with self._lock:
            while True:
                now = self.timebase.now()
                wait = self._resume_at - now
                if self.per_minute:
                    self._stamps = [stamp for stamp in self._stamps if stamp[0] > now - self.SPAN]
                    if len(self._stamps) >= self.per_minute:
                        oldest = min(stamp[0] for stamp in self._stamps)
                        wait = max(wait, oldest + self.SPAN - now)
                if wait <= 0:
                    break
                await self.timebase.sleep(wait)
            stamp = [now]
            if self.per_minute:
                self._stamps.append(stamp)
            self.requests += 1
            return stamp

    def unused(self, stamp: list[float]) -> None:
        """Give back a turn that was not used after all."""
        with contextlib.suppress(ValueError):
            self._stamps.remove(stamp)
        self.requests -= 1

    def done(self, stamp: list[float], error: BaseException | None = None) -> None:
        now = self.timebase.now()
        stamp[0] = max(stamp[0], now)
        if isinstance(error, RateLimitError):
            self.rate_limited += 1
            self._strikes += 1
            pause = error.retry_after
            if pause is None:
                pause = min(60.0, 2.0**self._strikes)
            self._resume_at = max(self._resume_at, now + pause)
        elif error is None:
            self._strikes = 0


class _Slots:
    """Jobs at the provider at once: at most *limit*, except those a previous run left running."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.peak = 0
        self._changed = asyncio.Condition()

    def take(self) -> None:
        self.used += 1
        self.peak = max(self.peak, self.used)

    async def acquire(self) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self.used < self.limit)
            self.take()

    async def release(self) -> None:
        async with self._changed:
            self.used -= 1
            self._changed.notify(1)


# --- the run ------------------------------------------------------------------------------------
@dataclass
class Batch:
    """Run every request of a manifest to a downloaded file, as far as the provider allows."""

    client: AsyncSeedanceClient
    manifest: Manifest
    timebase: Timebase
    concurrency: int = DEFAULT_CONCURRENCY
    timeout: float = 3600.0
    log: Callable[[str], None] = print
    limits: Limits = field(init=False)
    pacer: Pacer = field(init=False)
    stopped: str | None = field(default=None, init=False)
    """Why the run stopped early (no new creates, no more waiting), when it did."""
    stopped_by: SeedanceError | None = field(default=None, init=False)
    capped: int = field(default=0, init=False)
    """The concurrency the run used, after the provider's cap."""
    peak: int = field(default=0, init=False)
    """The most jobs this run had at the provider at once."""

    def __post_init__(self) -> None:
        self.provider = self.client.provider
        self.limits = documented_limits(self.provider)
        self.pacer = Pacer(self.timebase, self.limits.requests_per_minute)
        self.polling = adapter(self.provider).polling
        self._stop = asyncio.Event()
        self._downloads = asyncio.Semaphore(DOWNLOADS_AT_ONCE)

    @property
    def out(self) -> Path:
        return self.manifest.folder

    def target(self, row: Row) -> Path:
        return self.out / f"{row.id}.mp4"

    def stop(self, reason: str, error: SeedanceError | None = None) -> None:
        if self.stopped is None:
            self.stopped = reason
            self.stopped_by = error
            self.log(f"stopping: {reason}")
        self._stop.set()

    async def run(self) -> None:
        rows = self.manifest.rows()
        if not any(self._needs_provider(row) for row in rows):
            return
        await self._read_limits()
        cap = self.limits.concurrent_jobs
        self.capped = min(self.concurrency, cap) if cap else self.concurrency
        self.log(self._limits_line(cap))
        if self.stopped:
            return
        slots = _Slots(self.capped)
        async with asyncio.TaskGroup() as group:
            # Jobs a previous run started hold their slots first: they are running already.
            for row in rows:
                if row.state == "submitted":
                    slots.take()
                    group.create_task(self._resume(row, slots))
            for row in rows:
                if row.state in ("succeeded", "downloaded"):
                    group.create_task(self._fetch(row))
            for row in rows:
                if row.state == "pending":
                    group.create_task(self._new(row, slots))
        self.peak = slots.peak
        limited = self.pacer.rate_limited
        self.log(
            f"{self.provider}: {self.pacer.requests} requests, {limited} answered 429;"
            f" at most {self.peak} job{'s' if self.peak != 1 else ''} at once"
        )

    def _needs_provider(self, row: Row) -> bool:
        if row.state == "downloaded":
            return not self.target(row).exists()
        return row.state in ("pending", "submitted", "succeeded")

    def _limits_line(self, cap: int | None) -> str:
        if cap and self.concurrency > cap:
            jobs = f"--concurrency {self.concurrency} capped at {cap} ({self.limits.source})"
        elif cap:
            jobs = f"concurrency {self.concurrency} (limit {cap}: {self.limits.source})"
        else:
            jobs = f"concurrency {self.concurrency} ({self.limits.source})"
        rpm = self.limits.requests_per_minute
        pace = f"; at most {rpm} requests/min, status polls included" if rpm else ""
        return f"{self.provider}: {jobs}{pace}"

    async def _read_limits(self) -> None:
        """Genray says each key's own limits (GET /api/v1/account): a plan above Standard gets
        more; a key without API access is found out before anything is sent."""
        if "account" not in self.client.capabilities.operations:
            return
        for _ in range(3):
            stamp = await self.pacer.acquire()
            try:
                account = await self.client.account()
            except RateLimitError as error:
                self.pacer.done(stamp, error)
                continue
            except (AuthenticationError, PermissionDeniedError) as error:
                self.pacer.done(stamp, error)
                self.stop(f"{error}; nothing was sent", error)
                return
            except SeedanceError as error:
                self.pacer.done(stamp, error)
                self.log(f"{self.provider}: no account limits ({error}); using documented ones")
                return
            self.pacer.done(stamp)
            rpm = getattr(account, "api_rpm", None)
            jobs = getattr(account, "api_concurrent", None)
            if isinstance(rpm, int) and isinstance(jobs, int) and rpm > 0 and jobs > 0:
                plan = getattr(account, "plan", None)
                plan_name = plan if isinstance(plan, str) else "account"
                self.limits = Limits(jobs, rpm, f"the key's {plan_name} plan, per its account")
                self.pacer.per_minute = rpm
            return

    # --- one request ------------------------------------------------------------------------
    async def _new(self, row: Row, slots: _Slots) -> None:
        await slots.acquire()
        try:
            row = await self._submit(row)
            if row.state == "submitted":
                row = await self._wait(row, first_poll=self.polling.interval(1))
        finally:
            await slots.release()
        if row.state == "succeeded":
            await self._fetch(row)

    async def _resume(self, row: Row, slots: _Slots) -> None:
        try:
            self.log(f"{_who(row)}: waiting on job {row.job_id} (started by an earlier run)")
            row = await self._wait(row, first_poll=0.0)
        finally:
            await slots.release()
        if row.state == "succeeded":
            await self._fetch(row)

    async def _submit(self, row: Row) -> Row:
        request = VideoRequest(**json.loads(row.request))
        for _ in range(MAX_RATE_LIMITED):
            if self.stopped:
                return row
            stamp = await self.pacer.acquire()
            if self.stopped:
                self.pacer.unused(stamp)
                return row
            self.manifest.update(row.id, "submitting")
            try:
                job = await self.client.submit(request)
            except RateLimitError as error:
                # Rejected, so certainly not accepted: it goes back to the queue.
                row = self.manifest.update(row.id, "pending", error=f"rate limited: {error}")
                self.pacer.done(stamp, error)
                continue
            except SeedanceError as error:
                row = self._not_created(row, error)
                self.pacer.done(stamp, error)
                return row
            row = self.manifest.update(row.id, "submitted", job_id=job.id, error=None)
            self.pacer.done(stamp)
            self.log(f"{_who(row)}: submitted, job {job.id}")
            if job.status.is_terminal:
                return self._finished(row, job)
            return row
        return row

    def _not_created(self, row: Row, error: SeedanceError) -> Row:
        """Record a create that raised: unknown when it may have been accepted."""
        if isinstance(error, (*_ACCOUNT_ERRORS, NotFoundError)):
            # Not this request's fault (the key, the account, or no create endpoint at this
            # base URL): no other request would fare better.
            self.stop(f"{error}; fix it and run the batch again", error)
            return self.manifest.update(row.id, "pending", error=f"not accepted: {error}")
        if isinstance(error, RequestError | APIError) and not isinstance(error, ServerError):
            self.log(f"{_who(row)}: rejected: {error}")
            return self.manifest.update(row.id, "failed", error=f"rejected: {error}")
        if isinstance(error, APIConnectionError) and not error.may_have_been_accepted:
            self.log(f"{_who(row)}: not sent: {error}")
            return self.manifest.update(row.id, "pending", error=f"not sent: {error}")
        if isinstance(error, ResponseError):
            message = f"accepted, but its answer could not be read: {error}"
        else:
            message = f"may have been accepted: {error}"
        self.log(f"{_who(row)}: unknown: {message}")
        return self.manifest.update(row.id, "unknown", error=message)

    async def _wait(self, row: Row, *, first_poll: float) -> Row:
        assert row.job_id is not None
        deadline = self.timebase.now() + self.timeout
        await self._nap(first_poll)
        polls = 0
        while not self.stopped:
            if self.timebase.now() >= deadline:
                message = f"not finished within {self.timeout:g}s; run the batch again to wait on"
                return self.manifest.update(row.id, "submitted", error=message)
            stamp = await self.pacer.acquire()
            try:
                job = await self.client.get(row.job_id)
            except NotFoundError as error:
                self.pacer.done(stamp, error)
                message = f"the provider no longer knows job {row.job_id}: {error}"
                if self.manifest.meta("simulated") == "true":
                    message += " (--simulated jobs end with the process that ran them)"
                self.log(f"{_who(row)}: failed: {message}")
                return self.manifest.update(row.id, "failed", error=message)
            except (AuthenticationError, PermissionDeniedError) as error:
                self.pacer.done(stamp, error)
                self.stop(f"{error}; fix it and run the batch again", error)
                return row
            except RateLimitError as error:
                self.pacer.done(stamp, error)
                continue
            except SeedanceError as error:
                # The job goes on whatever a poll met: poll again later.
                self.pacer.done(stamp, error)
                self.log(f"{_who(row)}: polling job {row.job_id} failed ({error}); retrying")
            else:
                self.pacer.done(stamp)
                if job.status.is_terminal:
                    return self._finished(row, job)
            polls += 1
            await self._nap(self.polling.interval(polls))
        return row

    def _finished(self, row: Row, job: Job) -> Row:
        if job.status is JobStatus.SUCCEEDED and job.video_url:
            self.log(f"{_who(row)}: job {job.id} succeeded")
            return self.manifest.update(row.id, "succeeded", video_url=job.video_url, error=None)
        if job.status is JobStatus.SUCCEEDED:
            reason = "succeeded without a video URL"
        else:
            reason = job.status.value + (f": {job.error.message}" if job.error else "")
        self.log(f"{_who(row)}: job {job.id} {reason}")
        return self.manifest.update(row.id, "failed", error=f"job {reason}")

    async def _fetch(self, row: Row) -> None:
        """Download a succeeded job's video, unless a complete file is there already."""
        target = self.target(row)
        if target.exists():
            if row.state != "downloaded":
                # The download completed, the run stopped before recording it: downloads are
                # atomic, so the file is whole.
                self.manifest.update(row.id, "downloaded", error=None)
            return
        if row.state == "downloaded":
            self.log(f"{_who(row)}: {target} is missing; downloading it again")
            row = self.manifest.update(row.id, "succeeded", error=None)
        for partial in self.out.glob(f".{target.name}.*.part"):
            partial.unlink(missing_ok=True)  # left by a run killed mid-download
        async with self._downloads:
            if self.stopped:
                return
            assert row.video_url is not None
            try:
                await self.client.download(row.video_url, target)
            except DownloadError as error:
                fresh = await self._fresh_url(row)
                if fresh is None:
                    message = f"download failed: {error}; run the batch again to retry"
                    self.log(f"{_who(row)}: {message}")
                    self.manifest.update(row.id, "succeeded", error=message)
                    return
                row = self.manifest.update(row.id, "succeeded", video_url=fresh)
                self.log(f"{_who(row)}: download failed ({error}); trying a fresh URL")
                await self._fetch(row)
                return
        self.manifest.update(row.id, "downloaded", error=None)
        self.log(f"{_who(row)}: downloaded {target}")

    async def _fresh_url(self, row: Row) -> str | None:
        """The job's video URL now, when it differs from the recorded one (they expire)."""
        if row.job_id is None:
            return None
        stamp = await self.pacer.acquire()
        try:
            job = await self.client.get(row.job_id)
        except SeedanceError as error:
            self.pacer.done(stamp, error)
            return None
        self.pacer.done(stamp)
        return job.video_url if job.video_url and job.video_url != row.video_url else None

    async def _nap(self, seconds: float) -> None:
        """Sleep on the provider's clock, or less if the run is stopped."""
        if seconds <= 0 or self.stopped:
            return
        sleeping = asyncio.ensure_future(self.timebase.sleep(seconds))
        stopping = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({sleeping, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeping.cancel()
            stopping.cancel()


def _who(row: Row) -> str:
    return f"line {row.line} ({row.id})"


# --- the report ---------------------------------------------------------------------------------
_REASONS = {
    "pending": "not sent yet; run the batch again",
    "submitted": "the job is still running; run the batch again to wait on it",
    "succeeded": "not downloaded yet; run the batch again",
}


def summary(manifest: Manifest, problems: list[Problem]) -> dict[str, Any]:
    """Counts per state and one entry per request (invalid lines included), by line."""
    entries: list[dict[str, Any]] = []
    for row in manifest.rows():
        state = "unknown" if row.state == "submitting" else row.state
        error = row.error or _REASONS.get(state)
        if state == "unknown":
            error = f"{error}; --resubmit-unknown sends it again"
        entries.append(
            {
                "line": row.line,
                "id": row.id,
                "state": state,
                "job_id": row.job_id,
                "file": str(manifest.folder / f"{row.id}.mp4") if state == "downloaded" else None,
                "error": None if state == "downloaded" else error,
            }
        )
    entries += [
        {"line": p.line, "id": p.id, "state": "invalid", "job_id": None, "file": None,
         "error": p.message}
        for p in problems
    ]  # fmt: skip
    entries.sort(key=lambda entry: (entry["line"], entry["id"] or ""))
    counts = Counter(entry["state"] for entry in entries)
    return {
        "manifest": str(manifest.path),
        "ok": all(entry["state"] == "downloaded" for entry in entries),
        "counts": dict(sorted(counts.items())),
        "requests": entries,
    }


def _print_table(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)
    table = Table(title=f"seedance batch: {report['manifest']}", title_justify="left")
    table.add_column("line", justify="right")
    table.add_column("id", overflow="fold")
    table.add_column("state", no_wrap=True)
    table.add_column("job", overflow="fold")
    table.add_column("file or reason", overflow="fold", ratio=1)
    styles = {"downloaded": "green", "failed": "red", "invalid": "red", "unknown": "yellow"}
    for entry in report["requests"]:
        table.add_row(
            str(entry["line"]),
            Text(entry["id"] or ""),
            Text(entry["state"], style=styles.get(entry["state"], "cyan")),
            Text(entry["job_id"] or ""),
            Text(entry["file"] or entry["error"] or ""),
        )
    console.print(table)
    counts = ", ".join(f"{count} {state}" for state, count in report["counts"].items())
    total = len(report["requests"])
    console.print(f"{total} request{'s' if total != 1 else ''}: {counts}", markup=False)


# --- the command --------------------------------------------------------------------------------
@app.command(epilog=EPILOG)
def batch(
    jobs_file: Annotated[
        Path,
        typer.Argument(help='JSONL: one VideoRequest object per line, with an optional "id".'),
    ],
    provider: Annotated[str, typer.Option("--provider", "-p", help="Provider to run on.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for <id>.mp4 files and the manifest.")
    ],
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", "-c", min=1, help="Jobs at once (capped by the provider's limits)."
        ),
    ] = DEFAULT_CONCURRENCY,
    api_key: Annotated[
        str | None,
        typer.Option(help="API key (default: the provider's environment variable)."),
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="API base URL (default: the provider's documented one).")
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(help="Seconds to wait on each job; a job still running is left to a rerun."),
    ] = 3600.0,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary instead of a table.")
    ] = False,
    simulated: Annotated[
        bool,
        typer.Option(
            "--simulated",
            help="Run against an in-process simulator: no key, no network (its jobs end with"
            " the process: to try a resume, run against `seedance simulate` and pass --speed).",
        ),
    ] = False,
    resubmit_unknown: Annotated[
        bool,
        typer.Option(
            "--resubmit-unknown",
            help="Send again the requests whose create was cut off (they may then exist twice).",
        ),
    ] = False,
    speed: Annotated[
        float | None,
        typer.Option(
            min=0.001,
            help="How much faster the provider's clock runs, for a simulator (`simulate --speed`):"
            f" scales pacing, polling and --timeout. Default 1 ({SIMULATED_SPEED:g} --simulated).",
        ),
    ] = None,
) -> None:
    """Run many requests from a JSONL file; kill it and run it again to resume."""

    def say(message: str) -> None:
        typer.echo(message, err=json_output)

    if provider not in provider_names():
        _fail(f"--provider {provider!r} is not one of: {', '.join(provider_names())}")
    if not jobs_file.is_file():
        _fail(f"{jobs_file}: no such file")
    pace = speed or (SIMULATED_SPEED if simulated else 1.0)
    client = _client(provider, api_key, base_url, simulated, pace)
    try:
        manifest = Manifest(out)
    except ManifestBusyError as error:
        _fail(f"{error}; wait for it to finish")
    except (OSError, sqlite3.Error) as error:
        _fail(f"cannot open the manifest in {out}: {error}")
    with manifest:
        conflicts = manifest.claim(provider=provider, simulated=str(simulated).lower())
        if conflicts:
            described = "; ".join(f"{k} {was}, now {now}" for k, (was, now) in conflicts.items())
            _fail(f"{manifest.path} belongs to another batch ({described}); use another --out")
        problems = prepare(
            manifest, jobs_file, provider, resubmit_unknown=resubmit_unknown, say=say
        )
        runner = Batch(
            client, manifest, Timebase.real(pace), concurrency=concurrency, timeout=timeout,
            log=say,
        )  # fmt: skip
        interrupted = _run(runner)
        report = {"provider": provider, **summary(manifest, problems)}
    if json_output:
        pacing = {
            "concurrency": runner.capped or None,
            "requests_per_minute": runner.pacer.per_minute,
            "requests": runner.pacer.requests,
            "rate_limited": runner.pacer.rate_limited,
            "peak_jobs": runner.peak,
        }
        typer.echo(json.dumps({**report, "pacing": pacing, "interrupted": interrupted}, indent=2))
    else:
        _print_table(report)
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if isinstance(runner.stopped_by, InsufficientCreditsError):
        raise typer.Exit(EXIT_CREDITS)
    if isinstance(runner.stopped_by, AuthenticationError | PermissionDeniedError):
        raise typer.Exit(EXIT_AUTHENTICATION)
    if not report["ok"]:
        raise typer.Exit(EXIT_INCOMPLETE)


def prepare(
    manifest: Manifest,
    jobs_file: Path,
    provider: str,
    *,
    resubmit_unknown: bool = False,
    say: Callable[[str], None] = print,
) -> list[Problem]:
    """Record every new valid line as pending (before anything is sent) and settle what an
    interrupted run left behind; return the lines that will not be sent."""
    entries, problems = read_requests(jobs_file, provider)
    fresh = []
    for entry in entries:
        row = manifest.get(entry.id)
        if row is None or row.request == entry.request:
            fresh.append((entry.line, entry.id, entry.request))
        elif manifest.revise(entry.id, entry.line, entry.request):
            say(f"line {entry.line} ({entry.id}): changed since the last run; it will be sent")
        else:
            message = (
                f"id {entry.id!r} is recorded with another request (from line {row.line}) that"
                f" has or may have a job ({row.state}); give this request a new id"
            )
            problems.append(Problem(entry.line, entry.id, message))
    manifest.record(fresh)
    for problem in sorted(problems, key=lambda problem: problem.line):
        say(f"line {problem.line}: invalid: {problem.message}")
    for row in manifest.recover(resubmit_unknown=resubmit_unknown):
        outcome = "sending it again (--resubmit-unknown)" if resubmit_unknown else "unknown"
        say(f"{_who(row)}: the last run stopped during its create call: {outcome}")
    states = Counter(row.state for row in manifest.rows())
    counts = ", ".join(f"{n} {state}" for state, n in sorted(states.items())) or "no requests"
    say(f"{manifest.path}: {counts}")
    return problems


def _run(runner: Batch) -> bool:
    """Run the batch; True when a signal cut it short."""
    seen = _Signals()

    async def main() -> None:
        async with runner.client:
            _on_signals(runner, seen)
            await runner.run()

    try:
        asyncio.run(main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        runner.log("interrupted; run the same command again to resume")
        seen.count += 1
    return seen.count > 0


@dataclass
class _Signals:
    count: int = 0


def _on_signals(runner: Batch, seen: _Signals) -> None:
    """Ctrl-C (or SIGTERM) once: finish the calls in flight and report. Twice: stop at once."""
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()

    def handle() -> None:
        seen.count += 1
        if seen.count == 1:
            runner.stop("interrupted; run the same command again to resume")
        elif task is not None:
            task.cancel()

    for number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, handle)


BATCH_RETRY = RetryPolicy(retry_statuses=frozenset({408, 500, 502, 503, 504}))
"""The client's retries in a batch: a 429 is not retried inside the client, the batch's pacer
waits it out on the provider's clock."""


def _client(
    provider: str, api_key: str | None, base_url: str | None, simulated: bool, speed: float
) -> AsyncSeedanceClient:
    if simulated:
        try:
            from ..testing import RealClock, Simulator
        except ImportError as error:
            _fail(f"--simulated needs `pip install seedance[testing]` ({error})")
        simulator = Simulator(provider, clock=RealClock(speed))
        return simulator.async_client(retry=BATCH_RETRY)  # type: ignore[no-any-return]
    try:
        return AsyncSeedanceClient(provider, api_key=api_key, base_url=base_url, retry=BATCH_RETRY)
    except MissingAPIKeyError:
        names = " or ".join(adapter(provider).api_key_env)
        message = f"{provider}: no API key; set {names} or pass --api-key (or use --simulated)"
        _fail(message, EXIT_NO_KEY)
    except InvalidRequestError as error:
        _fail(str(error))


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
