"""``seedance batch``: many requests from a JSONL file, resumable after any interruption.

Each line is one `VideoRequest` as a JSON object, with an optional ``"id"`` naming the output file
(``<id>.mp4``; the line number otherwise). The fate of every request lives in an SQLite manifest
in the output folder (see `_manifest`): killed at any point and started again, the batch sends no
recorded request twice, waits on the jobs it already started and downloads what is missing.
This module is the command and the preparation of the manifest; the run itself is `_batch_run`.

Every file it writes is recorded (size, SHA-256) and written through a staging file, so that an
``<id>.mp4`` it did not write is never overwritten nor taken as done (see `_batch_files`). Nothing
that goes wrong inside a run (a full disk, a bug) ends it with a traceback: each row says what
happened to it and the run ends with its report.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import httpx
import typer

from .._async_client import AsyncSeedanceClient
from .._config import MissingAPIKeyError
from .._errors import (
    AuthenticationError,
    InsufficientCreditsError,
    InvalidRequestError,
    PermissionDeniedError,
)
from .._redact import redact
from .._retry import RetryPolicy
from ..adapters import adapter, provider_names
from ._app import app
from ._batch_input import Entry, Problem, read_requests, validate
from ._batch_report import print_table, summary
from ._batch_run import DEFAULT_CONCURRENCY, Batch, who
from ._manifest import Manifest, ManifestBusyError, ManifestError
from ._pacing import Limits, Pacer, Timebase, documented_limits
from ._session import client_clock, key_message

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

SIMULATED_SPEED = 60.0
# The exit codes of the other commands where they mean the same thing.
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_NO_KEY = 3
EXIT_AUTHENTICATION = 4
EXIT_CREDITS = 5
EXIT_INTERRUPTED = 130
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
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace an <id>.mp4 this batch did not write, or that changed since it wrote"
            " it (by default such a file is reported and left alone).",
        ),
    ] = False,
    no_verify: Annotated[
        bool,
        typer.Option(
            "--no-verify",
            help="Skip the check that each download is a complete MP4 (for another format).",
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
    except ManifestError as error:
        _fail(str(error))
    except (OSError, sqlite3.Error) as error:
        _fail(f"cannot open the manifest in {out}: {error}")
    with manifest:
        conflicts = manifest.claim(provider=provider, simulated=str(simulated).lower())
        if conflicts:
            described = "; ".join(f"{k} {was}, now {now}" for k, (was, now) in conflicts.items())
            _fail(f"{manifest.path} belongs to another batch ({described}); use another --out")
        try:
            problems = prepare(
                manifest, jobs_file, provider, resubmit_unknown=resubmit_unknown, say=say
            )
        except ManifestError as error:
            _fail(str(error))
        runner = Batch(
            client, manifest, Timebase.real(pace), concurrency=concurrency, timeout=timeout,
            log=say, overwrite=overwrite, verify=not no_verify,
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
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if isinstance(runner.stopped_by, InsufficientCreditsError):
        raise typer.Exit(EXIT_CREDITS)
    if isinstance(runner.stopped_by, AuthenticationError | PermissionDeniedError):
        raise typer.Exit(EXIT_AUTHENTICATION)
    if not report["ok"] or runner.unexpected:
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
    interrupted run left behind; return the lines that will not be sent.

    Raises `ManifestError` before anything is recorded when the manifest holds a row no run
    leaves (edited or damaged)."""
    manifest.check()
    entries, problems = read_requests(jobs_file, provider)
    fresh = []
    for entry in entries:
        row = manifest.get(entry.id)
        other = None if row is not None else manifest.get_folded(entry.id)
        if other is not None:
            message = (
                f"id {entry.id!r} differs from id {other.id!r}, recorded by an earlier run (line"
                f" {other.line}), only by case: both would write the same file on macOS and"
                " Windows; give it another id"
            )
            problems.append(Problem(entry.line, entry.id, message))
        elif row is None or row.request == entry.request:
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
        say(f"{who(row)}: the last run stopped during its create call: {outcome}")
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


BATCH_RETRY = RetryPolicy(retry_statuses=frozenset({408, 500, 502, 503, 504}))
"""The client's retries in a batch: a 429 is not retried inside the client, the batch's pacer
waits it out on the provider's clock."""


def network_transport() -> httpx.AsyncBaseTransport | None:
    """The transport for real providers: None, the client's own (tests route it elsewhere)."""
    return None


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
        return AsyncSeedanceClient(
            provider, api_key=api_key, base_url=base_url, retry=BATCH_RETRY,
            transport=network_transport(), clock=client_clock(),
        )  # fmt: skip
    except MissingAPIKeyError:
        names = " or ".join(adapter(provider).api_key_env)
        message = f"{provider}: no API key; set {names} or pass --api-key (or use --simulated)"
        _fail(message, EXIT_NO_KEY)
    except InvalidRequestError as error:
        unusable = key_message(error, provider)
        if unusable is not None:
            _fail(unusable, EXIT_NO_KEY)
        _fail(str(error))


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
