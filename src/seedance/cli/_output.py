"""What the job commands show: rich tables and live displays for people, JSON for scripts.

Results go to stdout; the live displays (the wait's status line, the download's progress bar) and
the narration around them go to stderr, so that ``seedance ... > out`` keeps only the result and
a pipe still shows the progress on the terminal.

What the provider said is shown redacted (`seedance._redact`): no API key, even one a provider
echoes back, and no URL's query string (a signed video URL is a credential until it expires:
``seedance download JOB_ID -o FILE`` fetches the video without it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text

from .. import Job, JobStatus, PollingPolicy
from ..redaction import redact, redact_url, redact_value

__all__ = [
    "DownloadDisplay",
    "WaitDisplay",
    "consoles",
    "job_dict",
    "job_lines",
    "jobs_table",
    "print_json",
    "print_lines",
    "record_lines",
]

_STATUS_STYLE = {
    JobStatus.QUEUED: "yellow",
    JobStatus.RUNNING: "cyan",
    JobStatus.SUCCEEDED: "green",
    JobStatus.FAILED: "red",
    JobStatus.CANCELLED: "magenta",
    JobStatus.EXPIRED: "red",
}


def consoles() -> tuple[Console, Console]:
    """(stdout, stderr) consoles for one invocation (built late: a test runner swaps the streams).

    Long lines are not wrapped, so ids, URLs and paths stay whole when copied.
    """
    return (
        Console(highlight=False, soft_wrap=True),
        Console(stderr=True, highlight=False, soft_wrap=True),
    )


# --- JSON ---------------------------------------------------------------------------------------
def job_dict(job: Job) -> dict[str, Any]:
    """The fields of a `Job` a script needs, JSON-ready (the video URL without its query)."""
    return {
        "id": job.id,
        "provider": job.provider,
        "status": job.status.value,
        "model": job.model,
        "progress": job.progress,
        "video_url": None if job.video_url is None else redact_url(job.video_url),
        "error": None
        if job.error is None
        else {"message": job.error.message, "code": job.error.code},
        "created_at": _iso(job.created_at),
    }


def print_lines(console: Console, lines: Iterable[Text]) -> None:
    for line in lines:
        console.print(line)


def print_json(console: Console, value: Any) -> None:
    """*value* as indented JSON, nothing else (no markup, no highlighting, no wrapping), every
    string redacted."""
    plain = json.loads(json.dumps(value, default=_json_default))
    console.print_json(json.dumps(redact_value(plain)), highlight=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | frozenset | set):
        return sorted(value) if isinstance(value, frozenset | set) else list(value)
    if isinstance(value, Path):
        return str(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# --- tables -------------------------------------------------------------------------------------
def _status(status: JobStatus) -> Text:
    return Text(status.value, style=_STATUS_STYLE.get(status, ""))


def _percent(progress: float | None) -> str:
    return "—" if progress is None else f"{progress * 100:.0f}%"


def job_lines(job: Job, *, output: Path | None = None) -> list[Text]:
    """One job as ``name  value`` lines (never wrapped: ids and URLs stay whole to copy)."""
    rows: list[tuple[str, str | Text]] = [
        ("job", job.id),
        ("provider", job.provider),
        ("status", _status(job.status)),
    ]
    if job.model:
        rows.append(("model", job.model))
    if job.progress is not None:
        rows.append(("progress", _percent(job.progress)))
    if job.created_at:
        rows.append(("created", job.created_at.isoformat(sep=" ", timespec="seconds")))
    if job.video_url:
        rows.append(("video", redact_url(job.video_url)))
    if job.error:
        code = f" ({job.error.code})" if job.error.code else ""
        rows.append(("error", Text(redact(job.error.message + code), style="red")))
    if output is not None:
        rows.append(("saved", str(output)))
    return [Text.assemble((f"{name:<10}", "bold"), value) for name, value in rows]


def jobs_table(jobs: list[Job]) -> Table:
    table = Table()
    table.add_column("job", no_wrap=True)
    for name in ("status", "progress", "model", "created", "video"):
        table.add_column(name, overflow="fold")
    for job in jobs:
        table.add_row(
            job.id,
            _status(job.status),
            _percent(job.progress),
            job.model or "",
            "" if job.created_at is None else job.created_at.isoformat(sep=" ", timespec="seconds"),
            "" if job.video_url is None else redact_url(job.video_url),
        )
    return table


def record_lines(record: Mapping[str, Any]) -> list[Text]:
    """A provider's own response (account, upload, upscale) as ``name  value`` lines."""
    width = max((len(str(key)) for key in record), default=0) + 2
    return [
        Text.assemble(
            (f"{redact(str(key)):<{width}}", "bold"),
            redact(json.dumps(value) if isinstance(value, dict | list) else str(value)),
        )
        for key, value in record.items()
    ]


# --- the wait -----------------------------------------------------------------------------------
class _WaitState:
    def __init__(self, polling: PollingPolicy) -> None:
        self.polling = polling
        self.polls = 0
        self.started = time.monotonic()
        self.next_poll: float | None = None
        self.job: Job | None = None
        self.active = False

    @property
    def done(self) -> bool:
        return self.job is not None and self.job.status.is_terminal


class _StateColumn(ProgressColumn):
    """A spinner while the job goes on; a mark once it ended."""

    def __init__(self, state: _WaitState) -> None:
        super().__init__()
        self.state = state
        self.spinner = Spinner("dots", style="cyan")

    def render(self, task: Task) -> Any:
        job = self.state.job
        if job is not None and job.status.is_terminal:
            ok = job.status is JobStatus.SUCCEEDED
            return Text("✓" if ok else "✗", style="green" if ok else "red")
        return self.spinner.render(task.get_time())


class _StatusColumn(ProgressColumn):
    def __init__(self, state: _WaitState) -> None:
        super().__init__()
        self.state = state

    def render(self, task: Task) -> Text:
        job = self.state.job
        if job is None:
            return Text("waiting", style="dim")
        return _status(job.status)


class _PercentColumn(ProgressColumn):
    def __init__(self, state: _WaitState) -> None:
        super().__init__()
        self.state = state

    def render(self, task: Task) -> Text:
        job = self.state.job
        if job is not None and job.status is JobStatus.SUCCEEDED:
            return Text("100%")
        return Text(_percent(None if job is None else job.progress).rjust(4))


class _NextPollColumn(ProgressColumn):
    def __init__(self, state: _WaitState) -> None:
        super().__init__()
        self.state = state

    def render(self, task: Task) -> Text:
        if self.state.done or self.state.next_poll is None:
            return Text("")
        left = max(0.0, self.state.next_poll - time.monotonic())
        return Text(f"next poll in {left:.1f}s", style="dim")


class WaitDisplay:
    """The live status line of a wait: status, progress, elapsed time, time to the next poll.

    ``update`` is the client's ``on_update``; ``on_response`` is an httpx response hook that
    counts the status polls (the client polls at ``polling``'s pace after each one).
    """

    def __init__(
        self, console: Console, job: Job | None, polling: PollingPolicy, *, provider: str
    ) -> None:
        self.state = _WaitState(polling)
        self.state.job = job
        self.progress = Progress(
            _StateColumn(self.state),
            TextColumn(f"{provider} job"),
            _StatusColumn(self.state),
            BarColumn(bar_width=30, complete_style="cyan", finished_style="green"),
            _PercentColumn(self.state),
            TimeElapsedColumn(),
            _NextPollColumn(self.state),
            console=console,
            refresh_per_second=12,
        )
        self.task = self.progress.add_task("wait", total=None)
        if job is not None:
            self.update(job)

    def update(self, job: Job) -> None:
        self.state.job = job
        if job.status is JobStatus.SUCCEEDED:
            self.progress.update(self.task, total=1.0, completed=1.0)
        elif job.progress is not None:
            self.progress.update(self.task, total=1.0, completed=job.progress)
        elif job.status.is_terminal:
            self.progress.update(self.task, total=1.0, completed=0.0)
        self.progress.refresh()

    def on_response(self, response: httpx.Response) -> None:
        if not self.state.active:
            return
        state = self.state
        state.polls += 1
        # The policy's schedule by the job's age (the wait's, for a job submitted just before);
        # the client may wait longer for its key's request budget.
        now = time.monotonic()
        state.next_poll = now + state.polling.delay(state.polls, age=now - state.started)

    def __enter__(self) -> WaitDisplay:
        self.state.active = True
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.state.active = False
        self.state.next_poll = None
        self.progress.stop()


class _SpeedColumn(TransferSpeedColumn):
    """The transfer speed, once there is one to show (a one-chunk download has none)."""

    def render(self, task: Task) -> Text:
        if (task.finished_speed or task.speed) is None:
            return Text("")
        return super().render(task)


class DownloadDisplay:
    """A download progress bar; ``update`` is the client's ``on_progress``."""

    def __init__(self, console: Console, target: Path) -> None:
        self.progress = Progress(
            TextColumn("[bold]⬇[/bold]"),
            TextColumn(target.name),
            BarColumn(bar_width=30, complete_style="cyan", finished_style="green"),
            DownloadColumn(),
            _SpeedColumn(),
            console=console,
        )
        self.task = self.progress.add_task("download", total=None)

    def update(self, done: int, total: int | None) -> None:
        self.progress.update(self.task, completed=done, total=total)

    def __enter__(self) -> DownloadDisplay:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            task = self.progress.tasks[0]
            if task.total is None:
                self.progress.update(self.task, total=task.completed)
        self.progress.stop()
