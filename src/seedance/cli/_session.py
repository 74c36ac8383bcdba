"""What every job command shares: one invocation (`Session`: the client, the consoles, what an
error message needs), `run` (every error mapped to its message and exit code, see `_failure`),
the local checks (provider, job id, output file) and the wait and download steps. The options
themselves are declared once in `_options`; what the clients run on (clock, network, simulated
world) is the command's `Runtime`."""

from __future__ import annotations

import contextlib
import logging
import shlex
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import typer
from rich.console import Console

from .. import (
    AsyncSeedanceClient,
    Clock,
    DownloadError,
    Job,
    JobFailedError,
    NotFoundError,
    PollingPolicy,
    RetryPolicy,
    SeedanceClient,
    SeedanceError,
    WaitTimeoutError,
)
from .. import capabilities as provider_capabilities
from ..adapters import adapter, provider_names
from ..redaction import REDACTING_FILTER
from . import _output
from ._app import app
from ._failure import CliError, ExitCode, Failure, cli_failure, describe, fail
from ._options import EPILOG, Common, job_id_problem
from ._runtime import Runtime, current
from ._simulated import SimulatedProvider, SimulatorUnavailableError

__all__ = ["CliError", "Common", "Session", "check_job_id", "check_provider", "run"]

log = logging.getLogger("seedance.cli")
app.info.epilog = EPILOG


# --- one invocation -----------------------------------------------------------------------------
@dataclass
class Session:
    """The client, the consoles and what an error message needs to know about the invocation."""

    common: Common
    out: Console
    err: Console
    job_id: str | None = None
    stage: str = ""
    """What is under way: submit, wait, download (for the interrupt and connection messages)."""
    output: Path | None = None
    overwrite: bool = False
    """--overwrite was given (a resume hint repeats it: the file may still be there)."""
    verify: bool = True
    """False with --no-verify (a resume hint repeats it)."""
    subject: str | None = None
    """What a 404 is about, when it is not the job (``video 42``)."""
    display: _output.WaitDisplay | None = None
    runtime: Runtime = field(default_factory=Runtime)
    """What the clients run on (the command's: see `current`)."""
    _client: SeedanceClient | None = None
    _http: httpx.Client | None = None
    _simulated: SimulatedProvider | None = None
    _closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def provider(self) -> str:
        return self.common.provider

    @property
    def client(self) -> SeedanceClient:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> SeedanceClient:
        common, runtime = self.common, self.runtime
        if common.simulated:
            simulated = self._simulated_provider(rate_limits=False)
            http = simulated.http_client()
            http.event_hooks = {"response": [self._on_response]}
            return simulated.client(http, clock=runtime.clock)
        http = runtime.http_client()
        http.event_hooks = {"response": [*http.event_hooks["response"], self._on_response]}
        self._closers.append(http.close)
        return SeedanceClient(
            common.provider, api_key=common.api_key, base_url=common.base_url, http_client=http,
            clock=runtime.clock,
        )  # fmt: skip

    def async_client(
        self,
        *,
        retry: RetryPolicy,
        rate_limits: bool,
        clock: Clock | None = None,
        polling: PollingPolicy | None = None,
    ) -> tuple[AsyncSeedanceClient, httpx.AsyncClient]:
        """An async client of the same provider, key and world as `client` (``batch``'s), on
        *clock* (default: the runtime's) and *polling* (default: the provider's, or the
        runtime's with --simulated), and the httpx client it sends through: the caller's, to
        add hooks to and to close in the event loop that used it (the client does not own it).
        With --simulated, *rate_limits* keeps the simulator's limits on (for a caller that paces
        its requests on the simulator's clock), and its jobs are stored as `client`'s are."""
        common, runtime = self.common, self.runtime
        clock = clock or runtime.clock
        if common.simulated:
            simulated = self._simulated_provider(rate_limits=rate_limits)
            http = simulated.sim.async_http_client()
            client = simulated.async_client(
                retry=retry, clock=clock, polling=polling, http_client=http
            )
            return client, http
        http = httpx.AsyncClient(transport=runtime.async_transport(), follow_redirects=True)
        client = AsyncSeedanceClient(
            common.provider, api_key=common.api_key, base_url=common.base_url, retry=retry,
            polling=polling, clock=clock, http_client=http,
        )  # fmt: skip
        return client, http

    def _simulated_provider(self, *, rate_limits: bool) -> SimulatedProvider:
        simulated = SimulatedProvider(self.provider, self.runtime, rate_limits=rate_limits)
        self._simulated = simulated
        self._closers.append(self._save_and_close)
        log.debug("simulated %s: state in %s", self.provider, simulated.path)
        return simulated

    def _on_response(self, response: httpx.Response) -> None:
        if self.display is not None:
            self.display.on_response(response)

    def saved(self) -> None:
        """Store the simulated jobs now (a killed process keeps the job it just created)."""
        if self._simulated is not None:
            self._simulated.save()

    def _save_and_close(self) -> None:
        assert self._simulated is not None
        try:
            self._simulated.save()
        except OSError as error:
            self.err.print(f"warning: could not store the simulated jobs: {error}")
        finally:
            self._simulated.close()

    def close(self) -> None:
        while self._closers:
            self._closers.pop()()

    def hint(self, command: str) -> str:
        return f"seedance {command} {self.common.flags()}"

    def resume(self) -> str | None:
        """The command that goes on with the job after a failure past its create, if any: the
        job is paid for, so the message must say how not to lose it."""
        job_id = self.job_id
        if not job_id or self.stage not in ("wait", "download"):
            return None
        extra = (" --overwrite" if self.overwrite else "") + ("" if self.verify else " --no-verify")
        if self.stage == "download" and self.output is not None:
            return (
                self.hint(f"download {shlex.quote(job_id)} -o {shlex.quote(str(self.output))}")
                + extra
            )
        command = self.hint(f"wait {shlex.quote(job_id)}")
        if self.output is not None:
            command += f" --output {shlex.quote(str(self.output))}{extra}"
        return command

    def after_job(self) -> str:
        """What to append to an error met after the job was created: its id and the command
        that resumes it (nothing before the create, or when the job itself ended)."""
        command = self.resume()
        if command is None:
            return ""
        return f"; {self.provider} job {self.job_id} is not lost: resume with `{command}`"


def run(common: Common, action: Callable[[Session], None]) -> None:
    """Run one command: set up logging, map every error to its message and exit code (one
    line on stderr, or ``{"error": ...}`` on stdout with --json)."""
    out, err = _output.consoles()
    with _logging(common.verbose):
        session = Session(common, out, err, runtime=current())
        try:
            try:
                check_provider(common.provider)
                action(session)
            finally:
                session.close()
        except KeyboardInterrupt:
            if err.is_terminal:
                # Off the line the live status and the terminal's ^C are on (straight to the
                # stream: an interrupted render may have left the console buffering).
                typer.echo(err=True)
            failure = Failure(ExitCode.INTERRUPTED, _interrupted(session), job_id=session.job_id)
            _fail(session, failure)
        except CliError as error:
            failure = cli_failure(error)
            failure.job_id = session.job_id
            _fail(session, failure)
        except SimulatorUnavailableError as error:
            _fail(session, Failure(ExitCode.INVALID, str(error), "simulator_unavailable"))
        except SeedanceError as error:
            if isinstance(error, JobFailedError) and common.json:
                # The final job, as a success would print it, under the error.
                failure = describe(error, session)
                payload = failure.as_dict()
                payload["job"] = _output.job_dict(error.job)
                _output.print_json(out, payload)
                raise typer.Exit(failure.code) from None
            failure = describe(error, session)
            # A job that ended, a missing job, or a message that says it already: no resume.
            if not isinstance(
                error, JobFailedError | WaitTimeoutError | DownloadError | NotFoundError
            ):
                failure.message += session.after_job()
            _fail(session, failure)
        except OSError as error:
            message = _os_error(error) + session.after_job()
            _fail(session, Failure(ExitCode.DOWNLOAD, message, "file"))
        except Exception as error:
            log.debug("unexpected error", exc_info=True)
            hint = "" if common.verbose else " (rerun with --verbose for the traceback)"
            message = f"unexpected error: {type(error).__name__}: {error}{hint}"
            message += session.after_job()
            _fail(session, Failure(ExitCode.UNEXPECTED, message, job_id=session.job_id))


def _fail(session: Session, failure: Failure) -> None:
    if failure.job_id is None:
        failure.job_id = session.job_id
    fail(failure, json_output=session.common.json)


def check_job_id(session: Session, job_id: str) -> None:
    """Fail before any network call when *job_id* cannot be one of the provider's."""
    problem = job_id_problem(session.provider, job_id)
    if problem is not None:
        raise CliError(
            f"JOB_ID {job_id!r} {problem}", kind="invalid_job_id", field="JOB_ID", value=job_id,
            allowed=f"an id {session.provider} gave for a job",
        )  # fmt: skip


@contextlib.contextmanager
def _logging(verbose: bool) -> Iterator[None]:
    """With --verbose, the ``seedance`` (and ``httpx``) log on stderr, known secrets redacted."""
    if not verbose:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(REDACTING_FILTER)
    loggers = [(logging.getLogger("seedance"), logging.DEBUG), (logging.getLogger("httpx"), 20)]
    saved = [(logger, logger.level) for logger, _ in loggers]
    for logger, level in loggers:
        logger.addHandler(handler)
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.removeHandler(handler)
            logger.setLevel(level)


def check_provider(provider: str) -> None:
    """Fail before anything else when *provider* is not a registered one."""
    if provider not in provider_names():
        allowed = ", ".join(provider_names())
        raise CliError(
            f"--provider {provider!r} is not one of: {allowed}", kind="invalid_provider",
            field="--provider", value=provider, allowed=allowed,
        )  # fmt: skip


def _require(session: Session, operation: str, what: str) -> None:
    """Fail before anything is sent when the provider does not offer *operation*."""
    caps = provider_capabilities(session.provider)
    if operation in caps.operations:
        return
    able = [name for name in provider_names() if operation in adapter(name).capabilities.operations]
    who = f"; providers that can: {', '.join(able)} (--provider)" if able else ""
    raise CliError(
        f"{session.provider} cannot {what} (it has no {operation} operation){who}",
        kind="unsupported", allowed=", ".join(able) or None,
    )  # fmt: skip


def _interrupted(session: Session) -> str:
    if session.stage == "submit":
        return (
            f"interrupted while submitting: {session.provider} may have accepted the job;"
            " check before creating it again"
        )
    resume = session.resume()
    if resume and session.stage == "wait":
        return (
            f"interrupted: {session.provider} job {session.job_id} goes on; resume with: {resume}"
        )
    if resume and session.stage == "download":
        return f"interrupted: {session.output} was not written; download again with: {resume}"
    return "interrupted"


def _os_error(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


# --- shared steps -------------------------------------------------------------------------------
def _wait(session: Session, job: Job | str, timeout: float | None) -> Job:
    """Wait for the job, with the live status line unless --json."""
    session.stage = "wait"
    session.job_id = job.id if isinstance(job, Job) else job
    client = session.client
    if session.common.json:
        return client.wait(job, timeout=timeout)
    simulated = session.common.simulated
    polling = session.runtime.polling if simulated else adapter(session.provider).polling
    first = job if isinstance(job, Job) else None
    display = _output.WaitDisplay(session.err, first, polling, provider=session.provider)
    session.display = display
    try:
        with display:
            return client.wait(job, timeout=timeout, on_update=display.update)
    finally:
        session.display = None


def _download(session: Session, job: Job, output: Path) -> Path:
    session.stage = "download"
    session.output = output
    verify = session.verify
    if session.common.json:
        return session.client.download(job, output, verify=verify)
    with _output.DownloadDisplay(session.err, output) as display:
        return session.client.download(job, output, on_progress=display.update, verify=verify)


def _check_output(
    session: Session, output: Path | None, *, overwrite: bool, option: str = "--output"
) -> None:
    """Fail before any job is created or paid for when the video could not be written: the
    target is a folder, its folder is missing or not writable, or a file is there already
    (replaced only with --overwrite)."""
    session.overwrite = overwrite
    if output is None:
        return
    if output.is_dir():
        raise CliError(f"{option} {output} is a folder; give a file name, e.g. {output}/video.mp4")
    folder = output.parent
    if not folder.is_dir():
        raise CliError(f"{option} {output}: the folder {folder} does not exist")
    try:
        session.runtime.probe_writable(folder, output.name)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CliError(
            f"{option} {output}: cannot write in the folder {folder}: {reason}"
        ) from None
    if (output.exists() or output.is_symlink()) and not overwrite:
        raise CliError(f"{option} {output} exists; pass --overwrite to replace it")


def _finished(session: Session, job: Job, output: Path | None) -> None:
    if session.common.json:
        result = _output.job_dict(job)
        if output is not None:
            result["output"] = str(output)
        _output.print_json(session.out, result)
        return
    _output.print_lines(session.out, _output.job_lines(job, output=output))
