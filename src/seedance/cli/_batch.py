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
import json
import signal
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, NoReturn

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
from ._batch_input import Entry, Problem, read_requests, validate
from ._batch_report import print_table, summary
from ._manifest import Manifest, ManifestBusyError, Row
from ._pacing import Limits, Pacer, Slots, Timebase, documented_limits

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
        slots = Slots(self.capped)
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
    async def _new(self, row: Row, slots: Slots) -> None:
        await slots.acquire()
        try:
            row = await self._submit(row)
            if row.state == "submitted":
                row = await self._wait(row, first_poll=self.polling.interval(1))
        finally:
            await slots.release()
        if row.state == "succeeded":
            await self._fetch(row)

    async def _resume(self, row: Row, slots: Slots) -> None:
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
        print_table(report)
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
