"""``seedance batch``: many requests from a JSONL file, resumable after any interruption.

Each line is one `VideoRequest` as a JSON object, with an optional ``"id"`` naming the output file
(``<id>.mp4``; the line number otherwise). The fate of every request lives in an SQLite manifest
in the output folder (see `_manifest`): killed at any point and started again, the batch sends no
recorded request twice, waits on the jobs it already started and downloads what is missing.
This module is the command; the preparation of the manifest is `_batch_prepare`, the run itself
`_batch_run` (its downloads `_batch_fetch`), what it shows while it runs `_batch_view` (a live view
on a terminal, the plain log elsewhere) and its report `_batch_report`. The run and its report are
about the lines of the file given: rows an earlier version of the file left in the manifest are
neither sent nor waited on, and are reported apart.

Every file it writes is recorded (size, SHA-256) and written through a staging file, so that an
``<id>.mp4`` it did not write is never overwritten nor taken as done (see `_batch_files`). Nothing
that goes wrong inside a run (a full disk, a bug) ends it with a traceback: each row says what
happened to it and the run ends with its report.

It runs on what the other commands do: the same provider check, client, waiting (the client's own
``wait``), ``--simulated`` mode (jobs kept in the state file, so that ``seedance status JOB
--simulated`` and a rerun see them), the command's `Runtime` and the exit codes of
`_failure.ExitCode`.

Jobs run under the provider's documented limits: at most that many jobs at once (Genray: the
key's plan, 2 on Standard; ModelArk: 120 queued tasks) and, where requests per minute are limited
(Genray: 10 on Standard, status polls included), requests are paced to stay under the limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import signal
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from .. import AuthenticationError, InsufficientCreditsError, PermissionDeniedError
from ..redaction import redact
from ._app import app
from ._batch_input import Entry, Problem, read_requests, validate
from ._batch_prepare import Prepared, prepare
from ._batch_report import print_table, summary
from ._batch_run import DEFAULT_CONCURRENCY, Batch
from ._batch_view import BatchView, track
from ._failure import CliError, ExitCode
from ._manifest import Manifest, ManifestBusyError, ManifestError
from ._options import (
    ApiKeyOption,
    BaseUrlOption,
    Common,
    NoVerifyOption,
    provider_option,
    simulated_option,
)
from ._pacing import BATCH_RETRY, Limits, Pacer, Timebase, batch_polling, documented_limits
from ._runtime import Runtime
from ._session import Session, run

__all__ = [
    "BATCH_RETRY",
    "Batch",
    "Entry",
    "Limits",
    "Pacer",
    "Prepared",
    "Problem",
    "Timebase",
    "batch_polling",
    "documented_limits",
    "prepare",
    "read_requests",
    "summary",
    "validate",
]

EPILOG = (
    "Exit codes: 0 every request downloaded, 1 some request did not end downloaded (see the"
    " report), 2 invalid usage, 3 missing or unusable API key, 4 the key was refused, 5"
    " insufficient credits, 130 interrupted."
)


# --- the command --------------------------------------------------------------------------------
@app.command(epilog=EPILOG)
def batch(
    jobs_file: Annotated[
        Path,
        typer.Argument(
            metavar="JOBS_FILE",
            help='JSONL: one VideoRequest object per line, with an optional "id".',
            show_default=False,
        ),
    ],
    provider: Annotated[str, provider_option()],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="FOLDER", help="Folder for <id>.mp4 files and the manifest."
        ),
    ],
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency",
            "-c",
            min=1,
            metavar="N",
            help="Jobs at once (capped by the provider's limits).",
        ),
    ] = DEFAULT_CONCURRENCY,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="Seconds to wait on each job; a job still running is left to a rerun.",
        ),
    ] = 3600.0,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print a JSON summary instead of a table (the log goes to stderr); an error is"
            ' {"error": {...}} on stdout.',
        ),
    ] = False,
    simulated: Annotated[bool, simulated_option()] = False,
    resubmit_unknown: Annotated[
        bool,
        typer.Option(
            "--resubmit-unknown",
            help="Send again the requests whose create was cut off (they may then exist twice).",
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace an <id>.mp4 this batch did not write, or that changed since it wrote"
            " it (by default such a file is reported and left alone).",
        ),
    ] = False,
    no_verify: NoVerifyOption = False,
    speed: Annotated[
        float | None,
        typer.Option(
            "--speed",
            min=0.001,
            metavar="FACTOR",
            help="How much faster the provider's clock runs, for a simulator (`simulate --speed`):"
            f" scales pacing, polling and --timeout. Default 1 ({Runtime().speed:g} with"
            " --simulated, as for the other commands).",
        ),
    ] = None,
    live: Annotated[
        bool | None,
        typer.Option(
            "--live/--log",
            help="A live view (progress, counts, ETA, rate-limit waits) or the plain log."
            " Default: live on a terminal.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run many requests from a JSONL file; kill it and run it again to resume."""
    common = Common(provider, api_key, base_url, json=json_output, simulated=simulated)
    options = _Options(
        jobs_file, out, concurrency, timeout, resubmit_unknown, overwrite, not no_verify, speed,
        live,
    )  # fmt: skip
    codes: list[int] = []
    # The other commands' `run`: the provider check, the client, and every error before the run
    # mapped to its message and exit code; the run's own code is raised once it returned.
    run(common, lambda session: codes.append(_batch(session, options)))
    if codes and codes[0]:
        raise typer.Exit(codes[0])


@dataclass(frozen=True)
class _Options:
    """The command's options beyond the common ones."""

    jobs_file: Path
    out: Path
    concurrency: int
    timeout: float
    resubmit_unknown: bool
    overwrite: bool
    verify: bool
    speed: float | None
    live: bool | None


def _batch(session: Session, options: _Options) -> int:
    """Prepare the manifest, run the batch, report; the exit code."""
    common = session.common
    provider, json_output = common.provider, common.json
    view = BatchView(Console(stderr=True), live=options.live, log_to_stderr=json_output)
    if not options.jobs_file.is_file():
        raise CliError(f"{options.jobs_file}: no such file", field="JOBS_FILE")
    pace = options.speed or (session.runtime.speed if common.simulated else 1.0)
    if common.simulated:
        # The simulator runs at the batch's pace: its jobs age as the pacing counts.
        session.runtime = dataclasses.replace(session.runtime, speed=pace)
    timebase = Timebase.real(pace)
    # The client waits, retries and backs off on the batch's clock, polling as the provider asks.
    client, http = session.async_client(
        retry=BATCH_RETRY, rate_limits=True, clock=timebase.clock(), polling=batch_polling(provider)
    )
    out = options.out
    try:
        manifest = Manifest(out)
    except ManifestBusyError as error:
        raise CliError(f"{error}; wait for it to finish") from None
    except ManifestError as error:
        raise CliError(str(error)) from None
    except (OSError, sqlite3.Error) as error:
        raise CliError(f"cannot open the manifest in {out}: {error}") from None
    with manifest:
        conflicts = manifest.claim(provider=provider, simulated=str(common.simulated).lower())
        if conflicts:
            described = "; ".join(f"{k} {was}, now {now}" for k, (was, now) in conflicts.items())
            raise CliError(
                f"{manifest.path} belongs to another batch ({described}); use another --out"
            )
        try:
            prepared = prepare(
                manifest, options.jobs_file, provider, resubmit_unknown=options.resubmit_unknown,
                say=view.say,
            )  # fmt: skip
        except ManifestError as error:
            raise CliError(str(error)) from None
        runner = Batch(
            client, manifest, timebase, http, concurrency=options.concurrency,
            timeout=options.timeout, log=view.say, overwrite=options.overwrite,
            verify=options.verify, only=prepared.ids, on_submit=session.saved,
        )  # fmt: skip
        with view.showing(len(prepared.ids)):
            interrupted = _run(runner, view)
        report = {"provider": provider, **summary(manifest, prepared.problems, prepared.ids)}
    return _report(runner, report, interrupted, json_output)


def _report(runner: Batch, report: dict[str, Any], interrupted: bool, json_output: bool) -> int:
    """Print the report (a table, or JSON); the run's exit code."""
    if json_output:
        pacing = {
            "concurrency": runner.capped or None,
            "requests_per_minute": runner.pacer.per_minute,
            "requests": runner.pacer.requests,
            "rate_limited": runner.pacer.rate_limited,
            "peak_jobs": runner.peak,
        }
        result = {
            **report,
            "pacing": pacing,
            "interrupted": interrupted,
            "stopped": None if runner.stopped is None else redact(runner.stopped),
            "held": runner.held,
            "unexpected_errors": runner.unexpected,
        }
        typer.echo(json.dumps(result, indent=2))
    else:
        print_table(report)
    if runner.unexpected:
        typer.echo(f"{len(runner.unexpected)} unexpected error(s): see above", err=True)
    # The other commands' codes where they mean the same; 1: a request did not end downloaded.
    if interrupted:
        return ExitCode.INTERRUPTED
    if isinstance(runner.stopped_by, InsufficientCreditsError):
        return ExitCode.CREDITS
    if isinstance(runner.stopped_by, AuthenticationError | PermissionDeniedError):
        return ExitCode.AUTHENTICATION
    if not report["ok"] or runner.unexpected:
        return ExitCode.UNEXPECTED
    return ExitCode.SUCCESS


def _run(runner: Batch, view: BatchView | None = None) -> bool:
    """Run the batch (followed by *view*); True when a signal cut it short."""
    seen = _Signals()

    async def main() -> None:
        try:
            _on_signals(runner, seen)
            stop = track(view, runner, runner.only) if view is not None else None
            try:
                await runner.run()
            finally:
                if stop is not None:
                    stop()
        finally:
            await runner.aclose()

    try:
        asyncio.run(main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        runner.log("interrupted; run the same command again to resume")
        seen.count += 1
    except Exception as error:
        # Outside any row (the account call, the pacer, a bug): one line, then the report of
        # what the manifest holds (every step is its own transaction: it is consistent).
        runner.unexpected_error(error)
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
