"""What ``seedance batch`` shows while it runs: on a terminal, a live view (a progress bar over
the requests of the file, how many are done, running, queued, failed and unknown, the estimated
time left and any wait for the provider's rate limit) with the notable events above it; anywhere
else (a pipe, a file, a CI log), the plain log, a line per event."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..redaction import redact

if TYPE_CHECKING:
    from ._batch_run import Batch
    from ._manifest import Row

__all__ = ["GROUPS", "BatchView", "group_counts"]

# Manifest state -> what the view calls it.
GROUPS = {
    "downloaded": "done",
    "submitting": "running",
    "submitted": "running",
    "succeeded": "running",  # the video is being (or is to be) downloaded
    "pending": "queued",
    "failed": "failed",
    "unknown": "unknown",
}
ORDER = ("done", "running", "queued", "failed", "unknown")
# The log lines of a request going as planned: on a terminal, the bar's counts say them.
ROUTINE = re.compile(r": (submitted, job \S+|job \S+ succeeded|downloaded .*\(\S+ bytes\))$")
REFRESH = 0.25


def group_counts(rows: Iterable[Row]) -> Counter[str]:
    return Counter(GROUPS.get(row.state, row.state) for row in rows)


class BatchView:
    """The live view on *console* when it is a terminal (and *live* is not False), else the log.

    >>> view = BatchView(Console(file=__import__("io").StringIO()), live=False)
    >>> view.live
    False
    """

    def __init__(
        self, console: Console, *, live: bool | None = None, log_to_stderr: bool = False
    ) -> None:
        self.console = console
        self.live = console.is_terminal if live is None else live
        self._log_to_stderr = log_to_stderr
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def say(self, message: str) -> None:
        """One event: above the live view (unless the bar already says it), or a log line."""
        if self._progress is not None:
            if not ROUTINE.search(message):
                self._progress.console.print(redact(message), markup=False, highlight=False)
        else:
            typer.echo(redact(message), err=self._log_to_stderr)

    @contextlib.contextmanager
    def showing(self, total: int) -> Iterator[None]:
        """Show the live view (if live) for a run over *total* requests."""
        if not self.live:
            yield
            return
        progress = Progress(
            TextColumn("[bold]batch[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            refresh_per_second=8,
        )
        self._task = progress.add_task("starting", total=total)
        self._progress = progress
        try:
            with progress:
                yield
        finally:
            self._progress = None

    async def follow(self, batch: Batch, ids: frozenset[str] | None) -> None:
        """Refresh the view from the manifest until cancelled."""
        if self._progress is None:
            return
        while True:
            self.refresh(batch, ids)
            await asyncio.sleep(REFRESH)

    def refresh(self, batch: Batch, ids: frozenset[str] | None) -> None:
        if self._progress is None or self._task is None:
            return
        rows = [row for row in batch.manifest.rows() if ids is None or row.id in ids]
        counts = group_counts(rows)
        finished = counts["done"] + counts["failed"]
        parts = [f"{counts[name]} {name}" for name in ORDER if counts[name] or name == "done"]
        waiting = batch.pacer.waiting
        if waiting is not None:
            why, until = waiting
            left = max(0.0, until - batch.timebase.now())
            parts.append(f"[yellow]waiting {left:.0f}s ({why})[/yellow]")
        if batch.pacer.rate_limited:
            parts.append(f"{batch.pacer.rate_limited}x 429")
        self._progress.update(
            self._task, completed=finished, total=len(rows), description=" · ".join(parts)
        )


def track(view: BatchView, batch: Batch, ids: frozenset[str] | None) -> Callable[[], None]:
    """Start following *batch* in the running loop; the returned function stops it."""
    task = asyncio.ensure_future(view.follow(batch, ids))

    def stop() -> None:
        task.cancel()
        view.refresh(batch, ids)

    return stop
