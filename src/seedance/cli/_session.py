"""What every job command shares: its options, one invocation (`Session`), the one-line
errors with their exit codes, and the wait and download steps."""

from __future__ import annotations

import contextlib
import logging
import shlex
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, NoReturn

import httpx
import typer
from rich.console import Console

from .. import capabilities as provider_capabilities
from .._client import SeedanceClient
from .._clock import Clock
from .._config import _REDACT, MissingAPIKeyError
from .._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DownloadError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobFailedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestError,
    ResponseError,
    SeedanceError,
    ServerError,
    UnprocessableEntityError,
    UnsupportedError,
    WaitTimeoutError,
)
from .._models import Job
from .._redact import redact, redact_url
from ..adapters import adapter, provider_names
from . import _output, _simulated
from ._app import app
from ._simulated import SimulatedProvider, SimulatorUnavailableError

log = logging.getLogger("seedance.cli")

EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "unexpected error (batch: a request did not end downloaded)",
    2: "invalid or unsupported request",
    3: "missing or unusable API key",
    4: "authentication or permission",
    5: "insufficient credits",
    6: "rate limited",
    7: "not found",
    8: "job failed",
    9: "wait timed out",
    10: "connection error or timeout",
    11: "server error or other API error",
    12: "download error",
    130: "interrupted",
}
EPILOG = "Exit codes: " + ", ".join(f"{code} {text}" for code, text in EXIT_CODES.items()) + "."
app.info.epilog = EPILOG

DEFAULT_PROVIDER = "genray"
# Local files given for these fields are uploaded first where the provider hosts uploads.
UPLOADABLE = ("first_frame", "last_frame", "reference_images")
# VideoRequest field -> the option that sets it, to name the option in an error.
OPTION_OF = {
    "prompt": "--prompt",
    "model": "--model",
    "duration": "--duration",
    "resolution": "--resolution",
    "aspect_ratio": "--aspect-ratio",
    "seed": "--seed",
    "generate_audio": "--audio",
    "first_frame": "--first-frame",
    "last_frame": "--last-frame",
    "reference_images": "--reference-image",
    "reference_videos": "--reference-video",
    "reference_audios": "--reference-audio",
    "negative_prompt": "--negative-prompt",
    "watermark": "--watermark",
    "draft": "--draft",
    "webhook_url": "--webhook-url",
    "base_url": "--base-url",
    "status": "--status",
}
_JOB_PANEL = "Jobs"
_EXTRAS_PANEL = "Provider extras"


class CliError(Exception):
    """An error the CLI itself detects: a message and an exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def client_clock() -> Clock | None:
    """The clock the commands' clients wait on: None, wall time (tests give one that does not
    wait, as they give `network_http_client` a simulator)."""
    return None


def network_http_client() -> httpx.Client:
    """The HTTP client for real providers (tests replace it to route requests elsewhere)."""
    return httpx.Client(follow_redirects=True)


# --- the options every command takes ------------------------------------------------------------
ProviderOption = Annotated[
    str,
    typer.Option(
        "--provider", "-p", help=f"Provider: {', '.join(provider_names())}.", show_default=True
    ),
]
ApiKeyOption = Annotated[
    str | None,
    typer.Option(
        "--api-key",
        help="API key (default: the provider's environment variable, e.g. GENRAY_API_KEY).",
        show_default=False,
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="API base URL (default: <PROVIDER>_BASE_URL or the documented one)."
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON, and nothing decorative.")
]
SimulatedOption = Annotated[
    bool,
    typer.Option(
        "--simulated",
        help="Run against an in-process simulator of the provider: no key, no network"
        " (--api-key and --base-url are ignored; jobs kept in $SEEDANCE_STATE_DIR or the cache).",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log requests and retries to stderr (keys hidden).")
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout", help="Give up waiting after this many seconds (default: never).", min=0
    ),
]
JobIdArgument = Annotated[str, typer.Argument(help="The job id the provider gave.")]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace the output file if it exists.")
]
NoVerifyOption = Annotated[
    bool,
    typer.Option(
        "--no-verify",
        help="Skip the check that the download is a complete MP4 (for another video format).",
    ),
]


@dataclass
class Common:
    provider: str
    api_key: str | None = None
    base_url: str | None = None
    json: bool = False
    simulated: bool = False
    verbose: bool = False

    def flags(self) -> str:
        """The options that reach this same job again, for a hint (never the key, nor a base
        URL's credentials or query string)."""
        parts = [f"--provider {self.provider}"]
        if self.simulated:
            parts.append("--simulated")
        elif self.base_url:
            parts.append(f"--base-url {shlex.quote(redact_url(self.base_url))}")
        return " ".join(parts)


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
        common = self.common
        if common.simulated:
            simulated = SimulatedProvider(common.provider)
            self._simulated = simulated
            self._closers.append(self._save_and_close)
            http = simulated.http_client()
            http.event_hooks = {"response": [self._on_response]}
            log.debug("simulated %s: state in %s", common.provider, simulated.path)
            return simulated.client(http, clock=client_clock())
        http = network_http_client()
        http.event_hooks = {"response": [*http.event_hooks["response"], self._on_response]}
        self._closers.append(http.close)
        return SeedanceClient(
            common.provider, api_key=common.api_key, base_url=common.base_url, http_client=http,
            clock=client_clock(),
        )  # fmt: skip

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
                self.hint(f"download {shlex.quote(job_id)} {shlex.quote(str(self.output))}") + extra
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


def _run(common: Common, action: Callable[[Session], None]) -> None:
    """Run one command: set up logging, map every error to one line and its exit code."""
    out, err = _output.consoles()
    with _logging(common.verbose):
        session = Session(common, out, err)
        try:
            try:
                _check_provider(common.provider)
                action(session)
            finally:
                session.close()
        except KeyboardInterrupt:
            _exit(130, _interrupted(session))
        except CliError as error:
            _exit(error.code, str(error))
        except SimulatorUnavailableError as error:
            _exit(2, str(error))
        except SeedanceError as error:
            if isinstance(error, JobFailedError) and common.json:
                _output.print_json(out, _output.job_dict(error.job))
            code, message = describe(error, session)
            # A job that ended, a missing job, or a message that says it already: no resume.
            if not isinstance(
                error, JobFailedError | WaitTimeoutError | DownloadError | NotFoundError
            ):
                message += session.after_job()
            _exit(code, message)
        except OSError as error:
            _exit(12, _os_error(error) + session.after_job())
        except Exception as error:
            log.debug("unexpected error", exc_info=True)
            hint = "" if common.verbose else " (rerun with --verbose for the traceback)"
            _exit(
                1, f"unexpected error: {type(error).__name__}: {error}{hint}{session.after_job()}"
            )


def _exit(code: int, message: str) -> NoReturn:
    prefix = "" if message.startswith("interrupted") else "error: "
    # Redacted once more here: a message built from an exception the package did not raise
    # (an OSError, a bug) may hold what it never should.
    typer.echo(redact(prefix + " ".join(message.splitlines())), err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def _logging(verbose: bool) -> Iterator[None]:
    """With --verbose, the ``seedance`` (and ``httpx``) log on stderr, known secrets redacted."""
    if not verbose:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_REDACT)
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


def _check_provider(provider: str) -> None:
    if provider not in provider_names():
        raise CliError(f"--provider {provider!r} is not one of: {', '.join(provider_names())}")


def _require(session: Session, operation: str, what: str) -> None:
    """Fail before anything is sent when the provider does not offer *operation*."""
    caps = provider_capabilities(session.provider)
    if operation in caps.operations:
        return
    able = [name for name in provider_names() if operation in adapter(name).capabilities.operations]
    who = f"; providers that can: {', '.join(able)} (--provider)" if able else ""
    raise CliError(f"{session.provider} cannot {what} (it has no {operation} operation){who}")


# --- error messages -----------------------------------------------------------------------------
def describe(error: SeedanceError, session: Session) -> tuple[int, str]:
    """The exit code and the one-line message for a `SeedanceError`."""
    provider = session.provider
    env = " or ".join(adapter(provider).api_key_env)
    if isinstance(error, MissingAPIKeyError):
        return 3, (
            f"no API key for {provider}: set {env} or pass --api-key"
            " (or add --simulated to try it offline, with no key)"
        )
    if isinstance(error, InvalidRequestError):
        unusable = key_message(error, provider)
        if unusable is not None:
            return 3, unusable
        return 2, _invalid(error, provider)
    if isinstance(error, UnsupportedError):
        what = OPTION_OF.get(error.field, error.what) if error.field else error.what
        on = f"{error.provider} ({error.model})" if error.model else error.provider
        hint = f"; {_hint_text(str(error))}" if "; " in str(error) else ""
        advice = f"; drop {what}" if error.field else ""
        return 2, f"{on} does not support {what}{hint}{advice}. See `seedance providers`"
    if isinstance(error, RequestError):
        return 2, str(error)
    if isinstance(error, JobFailedError):
        job = error.job
        reason = f": {job.error.message}" if job.error else ""
        code = f" (code {job.error.code})" if job.error and job.error.code else ""
        return 8, (
            f"{job.provider} job {job.id} {job.status.value}{reason}{code};"
            " change the prompt or inputs and create a new job"
        )
    if isinstance(error, WaitTimeoutError):
        last = f" (last seen {error.last.status.value})" if error.last else ""
        resume = session.resume() or session.hint(f"wait {shlex.quote(error.job_id)}")
        return 9, (
            f"{error.provider} job {error.job_id} did not finish within {error.timeout:g}s{last};"
            f" it goes on: resume with `{resume}`"
        )
    if isinstance(error, DownloadError):
        retry = session.resume() if session.stage == "download" else None
        again = f"; job {session.job_id} is not lost: retry with `{retry}`" if retry else ""
        return 12, f"download failed: {error}{again}"
    if isinstance(error, APIConnectionError):
        where = redact_url(session.common.base_url or adapter(provider).base_url)
        reason = str(error).removeprefix(f"{provider}: ")
        message = f"no answer from {provider} ({where}): {reason}"
        if session.stage == "submit" and error.may_have_been_accepted:
            message += "; the job may have been created: check before creating it again"
        elif session.resume() is not None:
            message += "; check the network (or --base-url)"
        else:
            message += "; check the network (or --base-url) and try again"
        return 10, message
    if isinstance(error, APIError):
        return _api_error(error, session)
    if isinstance(error, ResponseError):
        return 11, f"{error}; the provider's API may have changed: report it with --verbose output"
    return 11, str(error)


def key_message(error: InvalidRequestError, provider: str) -> str | None:
    """The message for a key the client refused to send (control characters, whitespace,
    non-ASCII), or None when *error* is about something else. Never shows the key."""
    env = adapter(provider).api_key_env
    if error.field != "api_key" and error.field not in env:
        return None
    where = "the --api-key value" if error.field == "api_key" else f"the key in {error.field}"
    problem = error.allowed.split("; this one ", 1)[-1]
    fix = "--api-key" if error.field == "api_key" else error.field
    return (
        f"{provider}: {where} cannot be sent: it {problem}; fix {fix}"
        f" (allowed: {error.allowed.split(';', 1)[0]})"
    )


def _invalid(error: InvalidRequestError, provider: str) -> str:
    option = OPTION_OF.get(error.field)
    name = option or f"the request field {error.field}"
    on = error.provider or provider
    see = f"See `seedance providers --provider {on}`"
    if error.value is None:
        allowed = error.allowed.removeprefix("required: ")
        return f"{name} is required on {on}; allowed: {allowed}. {see}"
    return f"{name} {error.value!r} is not allowed on {on}; allowed: {error.allowed}. {see}"


def _hint_text(message: str) -> str:
    return message.split("; ", 1)[1]


def _api_error(error: APIError, session: Session) -> tuple[int, str]:
    provider = error.provider
    said = f"{error.status_code}: {error.message}"
    if error.code:
        said += f", code {error.code}"
    if error.request_id:
        said += f", request {error.request_id}"
    env = " or ".join(adapter(provider).api_key_env)
    if isinstance(error, AuthenticationError):
        return 4, f"{provider} rejected the API key ({said}); check --api-key or {env}"
    if isinstance(error, PermissionDeniedError):
        return 4, f"{provider} refused this for the key ({said}); check the account's plan"
    if isinstance(error, InsufficientCreditsError):
        return 5, f"{provider}: not enough credits ({said}); top up, or ask for a shorter video"
    if isinstance(error, RateLimitError):
        after = f"retry in {error.retry_after:g}s" if error.retry_after else "retry later"
        return 6, f"{provider} rate limit ({said}); {after}"
    if isinstance(error, NotFoundError):
        what = session.subject or (f"job {session.job_id}" if session.job_id else "such resource")
        return 7, f"{provider} has no {what} ({said}); check the id and --provider"
    if isinstance(error, BadRequestError | UnprocessableEntityError | ConflictError):
        return 2, f"{provider} refused the request ({said})"
    may_exist = " (the job may have been created: check before creating it again)"
    if not (session.stage == "submit" and error.may_have_been_accepted):
        may_exist = ""
    if isinstance(error, ServerError):
        return 11, f"{provider} failed ({said}); try again later{may_exist}"
    return 11, f"{provider} answered {said}{may_exist}"


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
    polling = _simulated.POLLING if simulated else adapter(session.provider).polling
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
        probe_writable(folder, output.name)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CliError(
            f"{option} {output}: cannot write in the folder {folder}: {reason}"
        ) from None
    if (output.exists() or output.is_symlink()) and not overwrite:
        raise CliError(f"{option} {output} exists; pass --overwrite to replace it")


def probe_writable(folder: Path, name: str) -> None:
    """Create and remove a file in *folder* as the download will, or raise `OSError`.

    Permission bits alone do not tell (read-only mounts, ACLs, quotas, a root user).
    """
    with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.", suffix=".probe"):
        pass


def _finished(session: Session, job: Job, output: Path | None) -> None:
    if session.common.json:
        result = _output.job_dict(job)
        if output is not None:
            result["output"] = str(output)
        _output.print_json(session.out, result)
        return
    _output.print_lines(session.out, _output.job_lines(job, output=output))
