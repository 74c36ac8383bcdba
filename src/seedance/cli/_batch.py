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
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn, Protocol

import httpx
import typer
from rich.console import Console

from .. import (
    AsyncSeedanceClient,
    AuthenticationError,
    InsufficientCreditsError,
    InvalidRequestError,
    MissingAPIKeyError,
    PermissionDeniedError,
    RetryPolicy,
)
from ..adapters import adapter, provider_names
from ..redaction import redact
from ._app import app
from ._batch_input import Entry, Problem, read_requests, validate
from ._batch_prepare import Prepared, prepare
from ._batch_report import print_table, summary
from ._batch_run import DEFAULT_CONCURRENCY, Batch
from ._batch_view import BatchView, track
from ._failure import Failure, key_message
from ._failure import fail as emit
from ._manifest import Manifest, ManifestBusyError, ManifestError
from ._options import (
    OPTION_OF,
    ApiKeyOption,
    BaseUrlOption,
    NoVerifyOption,
    provider_option,
)
from ._pacing import Limits, Pacer, Timebase, documented_limits
from ._session import client_clock

__all__ = [
    "BATCH_RETRY",
    "Batch",
    "Entry",
    "Limits",
    "Pacer",
    "Prepared",
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
    no_verify: NoVerifyOption = False,
    speed: Annotated[
        float | None,
        typer.Option(
            "--speed",
            min=0.001,
            metavar="FACTOR",
            help="How much faster the provider's clock runs, for a simulator (`simulate --speed`):"
            f" scales pacing, polling and --timeout. Default 1 ({SIMULATED_SPEED:g} --simulated).",
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
    view = BatchView(Console(stderr=True), live=live, log_to_stderr=json_output)
    fail = _failing(json_output)
    if provider not in provider_names():
        allowed = ", ".join(provider_names())
        fail(f"--provider {provider!r} is not one of: {allowed}", field="--provider")
    if not jobs_file.is_file():
        fail(f"{jobs_file}: no such file", field="JOBS_FILE")
    pace = speed or (SIMULATED_SPEED if simulated else 1.0)
    client = _client(provider, api_key, base_url, simulated, pace, fail)
    try:
        manifest = Manifest(out)
    except ManifestBusyError as error:
        fail(f"{error}; wait for it to finish")
    except ManifestError as error:
        fail(str(error))
    except (OSError, sqlite3.Error) as error:
        fail(f"cannot open the manifest in {out}: {error}")
    with manifest:
        conflicts = manifest.claim(provider=provider, simulated=str(simulated).lower())
        if conflicts:
            described = "; ".join(f"{k} {was}, now {now}" for k, (was, now) in conflicts.items())
            fail(f"{manifest.path} belongs to another batch ({described}); use another --out")
        try:
            prepared = prepare(
                manifest, jobs_file, provider, resubmit_unknown=resubmit_unknown, say=view.say
            )
        except ManifestError as error:
            fail(str(error))
        runner = Batch(
            client, manifest, Timebase.real(pace), concurrency=concurrency, timeout=timeout,
            log=view.say, overwrite=overwrite, verify=not no_verify, only=prepared.ids,
        )  # fmt: skip
        with view.showing(len(prepared.ids)):
            interrupted = _run(runner, view)
        report = {"provider": provider, **summary(manifest, prepared.problems, prepared.ids)}
    _report(runner, report, interrupted, json_output)


def _report(runner: Batch, report: dict[str, Any], interrupted: bool, json_output: bool) -> None:
    """Print the report (a table, or JSON) and exit with the run's code."""
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


def _run(runner: Batch, view: BatchView | None = None) -> bool:
    """Run the batch (followed by *view*); True when a signal cut it short."""
    seen = _Signals()

    async def main() -> None:
        async with runner.client:
            _on_signals(runner, seen)
            stop = track(view, runner, runner.only) if view is not None else None
            try:
                await runner.run()
            finally:
                if stop is not None:
                    stop()

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


class _Fail(Protocol):
    def __call__(
        self, message: str, code: int = EXIT_USAGE, *, field: str | None = None
    ) -> NoReturn: ...


def _failing(json_output: bool) -> _Fail:
    """How the command fails before the run: a line on stderr, or a JSON error on stdout."""

    def fail(message: str, code: int = EXIT_USAGE, *, field: str | None = None) -> NoReturn:
        kind = {EXIT_NO_KEY: "api_key"}.get(code, "invalid_request")
        failure = Failure(code, message, kind=kind, field=field)
        emit(failure, json_output=json_output)

    return fail


def _client(
    provider: str, api_key: str | None, base_url: str | None, simulated: bool, speed: float,
    fail: _Fail,
) -> AsyncSeedanceClient:  # fmt: skip
    if simulated:
        try:
            from ..testing import RealClock, Simulator
        except ImportError as error:
            fail(f"--simulated needs `pip install seedance[testing]` ({error})")
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
        fail(message, EXIT_NO_KEY, field="--api-key")
    except InvalidRequestError as error:
        unusable = key_message(error, provider)
        if unusable is not None:
            fail(unusable, EXIT_NO_KEY, field="--api-key")
        fail(str(error), field=OPTION_OF.get(error.field, error.field))
