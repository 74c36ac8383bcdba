"""What every job command shares: its options, one invocation (`Session`), the one-line
errors with their exit codes, and the wait and download steps."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, NoReturn

import httpx
import typer
from rich.console import Console

from .. import capabilities as provider_capabilities
from .._client import SeedanceClient
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
from ..adapters import adapter, provider_names
from . import _output, _simulated
from ._app import app
from ._simulated import SimulatedProvider, SimulatorUnavailableError

log = logging.getLogger("seedance.cli")

EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "unexpected error (batch: a request did not end downloaded)",
    2: "invalid or unsupported request",
    3: "missing API key",
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


@dataclass
class Common:
    provider: str
    api_key: str | None = None
    base_url: str | None = None
    json: bool = False
    simulated: bool = False
    verbose: bool = False

    def flags(self) -> str:
        """The options that reach this same job again, for a hint (never the key)."""
        parts = [f"--provider {self.provider}"]
        if self.simulated:
            parts.append("--simulated")
        elif self.base_url:
            parts.append(f"--base-url {self.base_url}")
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
            return simulated.client(http)
        http = network_http_client()
        http.event_hooks = {"response": [*http.event_hooks["response"], self._on_response]}
        self._closers.append(http.close)
        return SeedanceClient(
            common.provider, api_key=common.api_key, base_url=common.base_url, http_client=http
        )

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
            _exit(code, message)
        except OSError as error:
            _exit(12, _os_error(error))
        except Exception as error:
            log.debug("unexpected error", exc_info=True)
            hint = "" if common.verbose else " (rerun with --verbose for the traceback)"
            _exit(1, f"unexpected error: {type(error).__name__}: {error}{hint}")


def _exit(code: int, message: str) -> NoReturn:
    prefix = "" if message.startswith("interrupted") else "error: "
    typer.echo(prefix + message, err=True)
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
        resume = f"seedance wait {error.job_id} {session.common.flags()}"
        if session.output is not None:
            resume += f" --output {session.output}"
        return 9, (
            f"{error.provider} job {error.job_id} did not finish within {error.timeout:g}s{last};"
            f" it goes on: resume with `{resume}`"
        )
    if isinstance(error, DownloadError):
        again = ""
        if session.job_id and session.output is not None:
            again = f"; retry with `{session.hint(f'download {session.job_id} {session.output}')}`"
        return 12, f"download failed: {error}{again}"
    if isinstance(error, APIConnectionError):
        where = session.common.base_url or adapter(provider).base_url
        reason = str(error).removeprefix(f"{provider}: ")
        message = f"no answer from {provider} ({where}): {reason}"
        if session.stage == "submit" and error.may_have_been_accepted:
            message += "; the job may have been created: check before creating it again"
        else:
            message += "; check the network (or --base-url) and try again"
        return 10, message
    if isinstance(error, APIError):
        return _api_error(error, session)
    if isinstance(error, ResponseError):
        return 11, f"{error}; the provider's API may have changed: report it with --verbose output"
    return 11, str(error)


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
    if isinstance(error, ServerError):
        message = f"{provider} failed ({said}); try again later"
        if session.stage == "submit":
            message += " (the job may have been created: check before creating it again)"
        return 11, message
    return 11, f"{provider} answered {said}"


def _interrupted(session: Session) -> str:
    if session.stage == "submit":
        return (
            f"interrupted while submitting: {session.provider} may have accepted the job;"
            " check before creating it again"
        )
    if session.job_id and session.stage == "wait":
        resume = session.hint(f"wait {session.job_id}")
        if session.output is not None:
            resume += f" --output {session.output}"
        return (
            f"interrupted: {session.provider} job {session.job_id} goes on; resume with: {resume}"
        )
    if session.job_id and session.stage == "download" and session.output is not None:
        again = session.hint(f"download {session.job_id} {session.output}")
        return f"interrupted: {session.output} was not written; download again with: {again}"
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
    if session.common.json:
        return session.client.download(job, output)
    with _output.DownloadDisplay(session.err, output) as display:
        return session.client.download(job, output, on_progress=display.update)


def _check_output(output: Path | None) -> None:
    """Fail before any job is created or paid for when the video could not be written."""
    if output is None:
        return
    if output.is_dir():
        raise CliError(f"--output {output} is a folder; give a file name, e.g. {output}/video.mp4")
    if not output.parent.is_dir():
        raise CliError(f"--output {output}: the folder {output.parent} does not exist")


def _finished(session: Session, job: Job, output: Path | None) -> None:
    if session.common.json:
        result = _output.job_dict(job)
        if output is not None:
            result["output"] = str(output)
        _output.print_json(session.out, result)
        return
    _output.print_lines(session.out, _output.job_lines(job, output=output))
