"""The run of ``seedance batch``: every request of a manifest taken as far as the provider allows.

A `Batch` submits the pending requests, waits on the jobs (its own and those an earlier run
started) through its client's `AsyncSeedanceClient.wait` and downloads the videos, within the
provider's limits (`_pacing`), recording each step in the manifest (`_manifest`) and every file it
writes (`_batch_files`). Nothing that goes wrong for one request ends the others: each row says
what happened to it.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .. import (
    APIError,
    AsyncSeedanceClient,
    AuthenticationError,
    InsufficientCreditsError,
    Job,
    JobStatus,
    NotFoundError,
    PermissionDeniedError,
    PollingPolicy,
    RateLimitError,
    RequestError,
    SeedanceError,
    VideoRequest,
    WaitTimeoutError,
)
from ..redaction import redact
from ._batch_fetch import Downloads, who
from ._batch_files import inspect_rows, settle
from ._manifest import Manifest, Row
from ._pacing import Limits, Pacer, Slots, Stopped, Timebase, batch_polling, documented_limits, pace

__all__ = ["DEFAULT_CONCURRENCY", "Batch", "who"]

DEFAULT_CONCURRENCY = 4
DOWNLOADS_AT_ONCE = 4
MAX_RATE_LIMITED = 20
"""429s one create may meet in a run before it is left pending for the next run."""
# The key or the account, not the request, is at fault: no other request would fare better.
_ACCOUNT_ERRORS = (AuthenticationError, PermissionDeniedError, InsufficientCreditsError)


@dataclass
class Batch(Downloads):
    """Run every request of a manifest to a downloaded file, as far as the provider allows.

    *client* runs on the batch's clock (``clock=timebase.clock()``) with the batch's polling
    (``polling=batch_polling(provider)``), over *http*, an httpx client it does not own: the
    batch paces the API requests sent through it and closes it (`aclose`).
    """

    client: AsyncSeedanceClient
    manifest: Manifest
    timebase: Timebase
    http: httpx.AsyncClient
    concurrency: int = DEFAULT_CONCURRENCY
    timeout: float = 3600.0
    log: Callable[[str], None] = print
    overwrite: bool = False
    """Replace an ``<id>.mp4`` the batch did not write (or that changed since it wrote it)."""
    verify: bool = True
    """Check that each download is a complete MP4 (off: videos of another format)."""
    only: frozenset[str] | None = None
    """The ids of the jobs file's lines: the rows of lines an earlier version of the file had
    are left as they are (None: every row)."""
    on_submit: Callable[[], None] = lambda: None
    """Called once the provider accepted a create, before the manifest records it: --simulated
    stores its jobs there, so that the jobs of a killed run outlive it as a provider's would."""
    polling: PollingPolicy | None = None
    """The client's polling (`batch_polling` of the provider if None): the pause after a poll
    that failed, before the batch waits again."""
    limits: Limits = field(init=False)
    pacer: Pacer = field(init=False)
    stopped: str | None = field(default=None, init=False)
    """Why the run stopped early (no new creates, no more waiting), when it did."""
    stopped_by: SeedanceError | None = field(default=None, init=False)
    capped: int = field(default=0, init=False)
    """The concurrency the run used, after the provider's cap."""
    peak: int = field(default=0, init=False)
    """The most jobs this run had at the provider at once."""
    held: str | None = field(default=None, init=False)
    """Why the run sends no new creates (a full disk), while it goes on with the rest."""
    blocked: set[str] = field(default_factory=set, init=False)
    """Rows whose target holds a file the batch did not write: neither sent nor downloaded."""
    unexpected: list[str] = field(default_factory=list, init=False)
    """One line per unexpected error the run met (a bug, or the manifest's disk)."""

    def __post_init__(self) -> None:
        # Whatever the run says goes through the redaction: no key, no signed query string.
        say = self.log
        self.log = lambda message: say(redact(message))
        self.provider = self.client.provider
        self.limits = documented_limits(self.provider)
        self.pacer = Pacer(self.timebase, self.limits.requests_per_minute)
        pace(self.http)
        self._polling = self.polling or batch_polling(self.provider)
        self._stop = asyncio.Event()
        self._downloads = asyncio.Semaphore(DOWNLOADS_AT_ONCE)

    @property
    def out(self) -> Path:
        return self.manifest.folder

    def target(self, row: Row) -> Path:
        return self.out / f"{row.id}.mp4"

    async def aclose(self) -> None:
        """Close the client and the httpx client it was given (it does not own it)."""
        try:
            await self.client.aclose()
        finally:
            await self.http.aclose()

    def stop(self, reason: str, error: SeedanceError | None = None) -> None:
        if self.stopped is None:
            self.stopped = reason
            self.stopped_by = error
            self.log(f"stopping: {reason}")
        self._stop.set()

    async def run(self) -> None:
        rows = [row for row in self.manifest.rows() if self.only is None or row.id in self.only]
        # Hashing files is file I/O: a worker thread (the manifest stays on this one).
        verdicts = await asyncio.to_thread(inspect_rows, self.out, rows)
        rows, self.blocked = settle(self.manifest, verdicts, overwrite=self.overwrite, log=self.log)
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
                    group.create_task(self._guarded(row, self._resume(row, slots)))
            for row in rows:
                if row.state == "succeeded" and row.id not in self.blocked:
                    group.create_task(self._guarded(row, self._fetch(row)))
            for row in rows:
                if row.state == "pending" and row.id not in self.blocked:
                    group.create_task(self._guarded(row, self._new(row, slots)))
        self.peak = slots.peak
        limited = self.pacer.rate_limited
        self.log(
            f"{self.provider}: {self.pacer.requests} requests, {limited} answered 429;"
            f" at most {self.peak} job{'s' if self.peak != 1 else ''} at once"
        )

    def _needs_provider(self, row: Row) -> bool:
        return row.id not in self.blocked and row.state in ("pending", "submitted", "succeeded")

    async def _guarded(self, row: Row, work: Coroutine[Any, Any, None]) -> None:
        """Run one row's work; an unexpected error ends that row's work, not the run (a
        TaskGroup would cancel every other row and end in an ExceptionGroup traceback)."""
        try:
            await work
        except Exception as error:
            self.unexpected_error(error, row)

    def unexpected_error(self, error: BaseException, row: Row | None = None) -> None:
        """Report an error nothing expected in one line, and record it on its row."""
        message = f"unexpected error: {_one_line(error)}"
        self.unexpected.append(message)
        if row is None:
            self.log(message)
            return
        try:
            now = self.manifest.get(row.id) or row
            state = now.state
            if state == "submitting":
                # Raised during the create call: the provider may have accepted it.
                state = "unknown"
                message += " (during the create call: it may have been accepted)"
            self.manifest.update(row.id, state, error=message)
        except (sqlite3.Error, OSError) as failure:
            message += f" (not recorded in the manifest: {failure})"
        self.log(f"{who(row)}: {message}")

    def hold(self, reason: str) -> None:
        """Send no new creates (the jobs under way go on): their videos could not be saved."""
        if self.held is None:
            self.held = reason
            self.log(f"sending no new requests: {reason}")

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
            try:
                with self.pacer.call():
                    account = await self.client.genray.account()
            except RateLimitError:
                continue
            except (AuthenticationError, PermissionDeniedError) as error:
                self.stop(f"{error}; nothing was sent", error)
                return
            except SeedanceError as error:
                self.log(f"{self.provider}: no account limits ({error}); using documented ones")
                return
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
                # The client saw it submitted: no poll before the policy's floor (or shortest job).
                row = await self._wait(row)
        finally:
            await slots.release()
        if row.state == "succeeded":
            await self._fetch(row)

    async def _resume(self, row: Row, slots: Slots) -> None:
        try:
            self.log(f"{who(row)}: waiting on job {row.job_id} (started by an earlier run)")
            row = await self._wait(row)  # a job the client did not see submitted: polled at once
        finally:
            await slots.release()
        if row.state == "succeeded":
            await self._fetch(row)

    async def _submit(self, row: Row) -> Row:
        request = VideoRequest(**json.loads(row.request))
        for _ in range(MAX_RATE_LIMITED):
            if self.held:
                return self.manifest.update(row.id, "pending", error=f"not sent: {self.held}")
            if self.stopped:
                return row
            stamp = await self.pacer.acquire()
            if self.stopped:
                self.pacer.unused(stamp)
                return row
            self.manifest.update(row.id, "submitting")
            try:
                with self.pacer.call(ready=stamp):
                    job = await self.client.submit(request)
            except RateLimitError as error:
                # Rejected, so certainly not accepted: it goes back to the queue.
                row = self.manifest.update(row.id, "pending", error=f"rate limited: {error}")
                continue
            except SeedanceError as error:
                return self._not_created(row, error)
            self.on_submit()
            row = self.manifest.update(row.id, "submitted", job_id=job.id, error=None)
            self.log(f"{who(row)}: submitted, job {job.id}")
            if job.status.is_terminal:
                return self._finished(row, job)
            return row
        return row

    def _not_created(self, row: Row, error: SeedanceError) -> Row:
        """Record a create that raised: unknown whenever the provider may have accepted it (a
        dropped connection, a 5xx, a redirect, an answer that could not be read), else by what
        refused it."""
        if error.may_have_been_accepted:
            message = f"may have been accepted: {error}"
            self.log(f"{who(row)}: unknown: {message}")
            return self.manifest.update(row.id, "unknown", error=message)
        if isinstance(error, (*_ACCOUNT_ERRORS, NotFoundError)):
            # Not this request's fault (the key, the account, or no create endpoint at this
            # base URL): no other request would fare better.
            self.stop(f"{error}; fix it and run the batch again", error)
            return self.manifest.update(row.id, "pending", error=f"not accepted: {error}")
        if isinstance(error, RequestError | APIError):
            self.log(f"{who(row)}: rejected: {error}")
            return self.manifest.update(row.id, "failed", error=f"rejected: {error}")
        self.log(f"{who(row)}: not sent: {error}")
        return self.manifest.update(row.id, "pending", error=f"not sent: {error}")

    async def _wait(self, row: Row) -> Row:
        """Wait on the row's job through the client's `wait` until it ends, the run stops or
        --timeout passes; again after a 429 (the pacer pauses) or a failed poll (after a nap)."""
        job_id = row.job_id
        assert job_id is not None
        started = self.timebase.now()
        deadline = started + self.timeout
        failures = 0
        while not self.stopped:
            left = deadline - self.timebase.now()
            if left <= 0:
                return self._timed_out(row)
            seen: list[Job] = []
            try:
                with self.pacer.call(stop=self._stop):
                    job = await self.client.wait(job_id, timeout=left, on_update=seen.append)
            except Stopped:
                return row
            except SeedanceError as error:
                if seen and seen[-1].status.is_terminal:  # failed, or succeeded with no URL
                    return self._finished(row, seen[-1])
                if isinstance(error, WaitTimeoutError):
                    return self._timed_out(row)
                if isinstance(error, NotFoundError):
                    return self._lost(row, error)
                if isinstance(error, AuthenticationError | PermissionDeniedError):
                    self.stop(f"{error}; fix it and run the batch again", error)
                    return row
                if isinstance(error, RateLimitError):
                    continue  # the pacer pauses every request as long as the provider asked
                # The job goes on whatever a poll met: poll again later.
                self.log(f"{who(row)}: polling job {job_id} failed ({error}); retrying")
                failures += 1
                age = self.timebase.now() - started
                await self._nap(self._polling.delay(failures, age=age))
            else:
                return self._finished(row, job)
        return row

    def _timed_out(self, row: Row) -> Row:
        message = f"not finished within {self.timeout:g}s; run the batch again to wait on"
        return self.manifest.update(row.id, "submitted", error=message)

    def _lost(self, row: Row, error: NotFoundError) -> Row:
        message = f"the provider no longer knows job {row.job_id}: {error}"
        if self.manifest.meta("simulated") == "true":
            message += " (was the state file of --simulated jobs removed?)"
        self.log(f"{who(row)}: failed: {message}")
        return self.manifest.update(row.id, "failed", error=message)

    def _finished(self, row: Row, job: Job) -> Row:
        if job.status is JobStatus.SUCCEEDED and job.video_url:
            self.log(f"{who(row)}: job {job.id} succeeded")
            return self.manifest.update(row.id, "succeeded", video_url=job.video_url, error=None)
        if job.status is JobStatus.SUCCEEDED:
            reason = "succeeded without a video URL"
        else:
            reason = job.status.value + (f": {job.error.message}" if job.error else "")
        self.log(f"{who(row)}: job {job.id} {reason}")
        return self.manifest.update(row.id, "failed", error=f"job {reason}")

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


def _one_line(error: BaseException) -> str:
    """An unexpected error in one line (an ExceptionGroup: its first leaf, and how many)."""
    leaves: list[BaseException] = []

    def walk(item: BaseException) -> None:
        if isinstance(item, BaseExceptionGroup):
            for inner in item.exceptions:
                walk(inner)
        else:
            leaves.append(item)

    walk(error)
    first = leaves[0] if leaves else error
    text = " ".join(str(first).split()) or "no message"
    more = f" (and {len(leaves) - 1} more)" if len(leaves) > 1 else ""
    return redact(f"{type(first).__name__}: {text}{more}")
