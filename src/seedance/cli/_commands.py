"""The job commands: providers, create, status, wait, download, cancel, and the provider extras
(Genray ``upload``, ``account`` and ``upscale``; ModelArk ``list``).

Every command takes ``--provider/-p``, ``--api-key`` (else the provider's environment variable,
e.g. ``GENRAY_API_KEY``), ``--base-url``, ``--json`` (the result as JSON on stdout, nothing
decorative), ``--simulated`` (an in-process simulator of the provider instead of the network: no
key, no network; its jobs outlive the process, see ``_simulated``) and ``--verbose`` (the
``seedance`` log on stderr, API keys redacted).

Errors print one line on stderr (what went wrong, which option or value, what is allowed, what to
do) and exit with the code of their class, never with a traceback:

====  ==========================================================================================
code  meaning
====  ==========================================================================================
0     success
1     unexpected error (a bug: ``--verbose`` shows the traceback)
2     invalid or unsupported request: a usage error, a value the provider or model does not
      accept, an operation the provider does not offer, a local file where a URL is needed, or
      the provider's own 400 / 409 / 422
3     missing API key
4     authentication or permission: the provider answered 401 or 403
5     insufficient credits: 402
6     rate limited: 429
7     not found: 404 (no such job, video or file)
8     the job failed, was cancelled or expired
9     the wait timed out; the job goes on and ``seedance wait JOB_ID`` resumes it
10    no answer: connection error or timeout
11    server error (5xx) or another unexpected answer from the provider
12    download failed, nothing to download yet, or the file cannot be written
130   interrupted (Ctrl-C); during a wait, the command that resumes it is printed
====  ==========================================================================================
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, NoReturn

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
from .._models import Job, JobStatus, VideoRequest
from ..adapters import adapter, provider_names
from . import _output, _simulated
from ._app import app
from ._simulated import SimulatedProvider, SimulatorUnavailableError

__all__ = ["EXIT_CODES", "CliError"]

log = logging.getLogger("seedance.cli")

EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "unexpected error",
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


# --- providers ----------------------------------------------------------------------------------
@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def providers(
    provider: Annotated[
        str | None,
        typer.Option("--provider", "-p", help="Only this provider (default: all)."),
    ] = None,
    json_output: JsonOption = False,
    simulated: Annotated[
        bool, typer.Option("--simulated", help="Accepted for symmetry: the matrix is local.")
    ] = False,
    verbose: VerboseOption = False,
) -> None:
    """The capability matrix: each provider's models, the values they accept, its operations."""
    common = Common(provider or DEFAULT_PROVIDER, json=json_output, verbose=verbose)

    def action(session: Session) -> None:
        names = [provider] if provider else list(provider_names())
        matrix = [provider_capabilities(name) for name in names]
        if json_output:
            _output.print_json(session.out, [caps.as_dict() for caps in matrix])
        else:
            session.out.print(_output.capability_table(matrix, width=session.out.width))

    _run(common, action)


# --- create -------------------------------------------------------------------------------------
_REQUEST = "Request"
_WAITING = "Waiting and output"
_CONNECTION = "Provider and connection"


@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def create(
    prompt: Annotated[
        str, typer.Option("--prompt", help="What the video shows.", rich_help_panel=_REQUEST)
    ],
    model: Annotated[
        str | None,
        typer.Option(help="Model id (default: the provider's).", rich_help_panel=_REQUEST),
    ] = None,
    duration: Annotated[
        int | None, typer.Option(help="Length in seconds.", rich_help_panel=_REQUEST)
    ] = None,
    resolution: Annotated[
        str | None, typer.Option(help="e.g. 720p.", rich_help_panel=_REQUEST)
    ] = None,
    aspect_ratio: Annotated[
        str | None,
        typer.Option("--aspect-ratio", help="e.g. 16:9.", rich_help_panel=_REQUEST),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed.", rich_help_panel=_REQUEST)] = None,
    audio: Annotated[
        bool | None,
        typer.Option("--audio/--no-audio", help="Generate sound.", rich_help_panel=_REQUEST),
    ] = None,
    first_frame: Annotated[
        str | None,
        typer.Option(
            "--first-frame",
            help="Image the video starts from: a URL, or a local file (uploaded where the"
            " provider hosts uploads: genray).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    last_frame: Annotated[
        str | None,
        typer.Option(
            "--last-frame",
            help="Image the video ends on (URL or local file).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    reference_image: Annotated[
        list[str] | None,
        typer.Option(
            "--reference-image",
            help="Reference image, URL or local file (repeatable).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    reference_video: Annotated[
        list[str] | None,
        typer.Option(
            "--reference-video", help="Reference video URL (repeatable).", rich_help_panel=_REQUEST
        ),
    ] = None,
    reference_audio: Annotated[
        list[str] | None,
        typer.Option(
            "--reference-audio", help="Reference audio URL (repeatable).", rich_help_panel=_REQUEST
        ),
    ] = None,
    negative_prompt: Annotated[
        str | None,
        typer.Option("--negative-prompt", help="What to avoid.", rich_help_panel=_REQUEST),
    ] = None,
    watermark: Annotated[
        bool | None,
        typer.Option(
            "--watermark/--no-watermark", help="Add a watermark.", rich_help_panel=_REQUEST
        ),
    ] = None,
    draft: Annotated[
        bool | None,
        typer.Option("--draft", help="A cheaper draft render.", rich_help_panel=_REQUEST),
    ] = None,
    webhook_url: Annotated[
        str | None,
        typer.Option(
            "--webhook-url",
            help="URL the provider calls when the job ends.",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    extra: Annotated[
        list[str] | None,
        typer.Option(
            "--extra",
            help="A provider-specific body field, KEY=JSON (a value that is not JSON is taken"
            " as a string; repeatable).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="Wait for the job, showing its status live.", rich_help_panel=_WAITING
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Save the video to this file (implies --wait).",
            rich_help_panel=_WAITING,
            dir_okay=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help="Give up waiting after this many seconds (default: never).",
            min=0,
            rich_help_panel=_WAITING,
        ),
    ] = None,
    provider: Annotated[
        str,
        typer.Option(
            "--provider",
            "-p",
            help=f"Provider: {', '.join(provider_names())}.",
            rich_help_panel=_CONNECTION,
        ),
    ] = DEFAULT_PROVIDER,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            help="API key (default: the provider's environment variable).",
            show_default=False,
            rich_help_panel=_CONNECTION,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="API base URL.", rich_help_panel=_CONNECTION),
    ] = None,
    simulated: Annotated[
        bool,
        typer.Option(
            "--simulated",
            help="Run against an in-process simulator of the provider: no key, no network"
            " (jobs are kept in $SEEDANCE_STATE_DIR or the user cache folder).",
            rich_help_panel=_CONNECTION,
        ),
    ] = False,
    json_output: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Create a video job; with --wait, watch it to the end; with --output, save the video.

    Try it offline: seedance create --simulated --prompt "a cat cooking pasta" --output cat.mp4
    """
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)
    fields: dict[str, Any] = {
        "prompt": prompt,
        "model": model,
        "duration": duration,
        "resolution": resolution,
        "aspect_ratio": aspect_ratio,
        "seed": seed,
        "generate_audio": audio,
        "first_frame": first_frame,
        "last_frame": last_frame,
        "reference_images": tuple(reference_image or ()),
        "reference_videos": tuple(reference_video or ()),
        "reference_audios": tuple(reference_audio or ()),
        "negative_prompt": negative_prompt,
        "watermark": watermark,
        "draft": draft,
        "webhook_url": webhook_url,
    }

    def action(session: Session) -> None:
        fields["extras"] = _extras(extra or ())
        _check_output(output)
        local = _local_files(fields, provider)
        caps = provider_capabilities(provider)
        # Everything the provider can check without a key, before a file is uploaded.
        caps.check(VideoRequest(**_with_placeholders(fields, local)))
        if local:
            fields.update(_upload(session, fields, local))
        request = VideoRequest(**fields)
        session.stage = "submit"
        job = session.client.submit(request)
        session.job_id = job.id
        session.stage = ""
        session.saved()
        if not (wait or output):
            _created(session, job)
            return
        session.output = output
        if not json_output:
            model_name = f", {job.model}" if job.model else ""
            session.err.print(
                f"Created {job.provider} job [bold]{job.id}[/bold] ({job.status.value}{model_name})"
            )
        job = _wait(session, job, timeout)
        if output is not None:
            _download(session, job, output)
        _finished(session, job, output)

    _run(common, action)


def _extras(items: tuple[str, ...] | list[str]) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise CliError(
                f"--extra {item!r} is not KEY=JSON; e.g. --extra service_tier='\"flex\"'"
            )
        try:
            extras[key.strip()] = json.loads(raw)
        except ValueError:
            extras[key.strip()] = raw
    return extras


def _is_url(value: str) -> bool:
    return "://" in value or value.startswith("data:")


def _local_files(fields: dict[str, Any], provider: str) -> dict[str, list[Path]]:
    """The local files among the image options (field -> paths); fail for anything unusable."""
    local: dict[str, list[Path]] = {}
    for name in ("first_frame", "last_frame", "reference_images"):
        value = fields[name]
        values = [value] if isinstance(value, str) else list(value or ())
        for item in values:
            if _is_url(item):
                continue
            path = Path(item).expanduser()
            option = OPTION_OF[name]
            if not path.is_file():
                raise CliError(
                    f"{option} {item!r} is neither a URL (http(s)://, data:) nor an existing file"
                )
            local.setdefault(name, []).append(path)
    for name in ("reference_videos", "reference_audios"):
        for item in fields[name]:
            if not _is_url(item):
                raise CliError(
                    f"{OPTION_OF[name]} {item!r} is not a URL; {OPTION_OF[name]} takes an"
                    " http(s):// URL (only images can be uploaded)"
                )
    if local and "upload" not in provider_capabilities(provider).operations:
        name, paths = next(iter(local.items()))
        able = [p for p in provider_names() if "upload" in adapter(p).capabilities.operations]
        raise CliError(
            f"{OPTION_OF[name]} {str(paths[0])!r} is a local file, but {provider} cannot host"
            f" uploads; pass an http(s) URL instead, or use a provider that can: {', '.join(able)}"
        )
    return local


def _with_placeholders(fields: dict[str, Any], local: dict[str, list[Path]]) -> dict[str, Any]:
    """The request fields with each local file standing in as a URL (to check the request)."""
    checked = dict(fields)
    for name, paths in local.items():
        urls = {str(path): f"https://upload.invalid/{path.name}" for path in paths}
        value = checked[name]
        if isinstance(value, str):
            checked[name] = urls.get(str(Path(value).expanduser()), value)
        else:
            checked[name] = tuple(urls.get(str(Path(item).expanduser()), item) for item in value)
    return checked


def _upload(
    session: Session, fields: dict[str, Any], local: dict[str, list[Path]]
) -> dict[str, Any]:
    """Upload each local file; the changed request fields, with the hosted URLs in place."""
    hosted: dict[str, str] = {}
    session.stage = "upload"
    for paths in local.values():
        for path in paths:
            if str(path) in hosted:
                continue
            uploaded = session.client.upload(path)
            hosted[str(path)] = str(uploaded.full_url)
            if not session.common.json:
                session.err.print(f"Uploaded {path} -> {uploaded.full_url}")
    session.stage = ""

    def hosted_url(item: str) -> str:
        return item if _is_url(item) else hosted[str(Path(item).expanduser())]

    changed: dict[str, Any] = {}
    for name in local:
        value = fields[name]
        changed[name] = (
            hosted_url(value) if isinstance(value, str) else tuple(map(hosted_url, value))
        )
    return changed


def _created(session: Session, job: Job) -> None:
    if session.common.json:
        _output.print_json(session.out, _output.job_dict(job))
        return
    out = session.out
    out.print(f"Created {job.provider} job [bold]{job.id}[/bold] ({job.status.value})")
    out.print(f"  status:   {session.hint(f'status {job.id}')}")
    out.print(f"  wait:     {session.hint(f'wait {job.id}')} --output video.mp4")


# --- status, wait, download, cancel -------------------------------------------------------------
@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def status(
    job_id: JobIdArgument,
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """A job's current state."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        session.job_id = job_id
        job = session.client.get(job_id)
        _finished(session, job, None)

    _run(common, action)


@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def wait(
    job_id: JobIdArgument,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Save the video to this file.", dir_okay=False),
    ] = None,
    timeout: TimeoutOption = None,
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Wait for a job to finish, showing its status live; with --output, save the video."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _check_output(output)
        session.output = output
        job = _wait(session, job_id, timeout)
        if output is not None:
            _download(session, job, output)
        _finished(session, job, output)

    _run(common, action)


@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def download(
    job_id: JobIdArgument,
    file: Annotated[Path, typer.Argument(help="Where to save the video.", dir_okay=False)],
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Save a finished job's video to FILE."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _check_output(file)
        session.job_id = job_id
        session.output = file
        job = session.client.get(job_id)
        if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
            progress = "" if job.progress is None else f", {job.progress * 100:.0f}%"
            raise CliError(
                f"{provider} job {job_id} is {job.status.value}{progress}: nothing to download"
                f" yet; wait for it with `{session.hint(f'wait {job_id}')} --output {file}`",
                code=12,
            )
        if job.status is not JobStatus.SUCCEEDED:
            raise JobFailedError(job)
        _download(session, job, file)
        _finished(session, job, file)

    _run(common, action)


@app.command(rich_help_panel=_JOB_PANEL, epilog=EPILOG)
def cancel(
    job_id: JobIdArgument,
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Cancel a queued job (ModelArk also deletes a finished job's record)."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _require(session, "cancel", "cancel a job")
        session.job_id = job_id
        before = session.client.get(job_id)
        session.client.cancel(job_id)
        if before.status.is_terminal:
            if json_output:
                result = {**_output.job_dict(before), "deleted": True}
                _output.print_json(session.out, result)
            else:
                session.out.print(
                    f"Deleted the record of {provider} job {job_id} ({before.status.value})."
                )
            return
        after = session.client.get(job_id)
        if json_output:
            _output.print_json(session.out, _output.job_dict(after))
        else:
            session.out.print(f"Cancelled {provider} job {job_id}: now {after.status.value}.")

    _run(common, action)


# --- provider extras ----------------------------------------------------------------------------
@app.command(rich_help_panel=_EXTRAS_PANEL, epilog=EPILOG)
def upload(
    file: Annotated[Path, typer.Argument(help="The image to host.", exists=False, dir_okay=False)],
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Genray: host an image; prints its URL, for --first-frame or --reference-image."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _require(session, "upload", "host an uploaded file")
        if not file.is_file():
            raise CliError(f"{file}: no such file")
        uploaded = session.client.upload(file)
        record = uploaded.to_dict()
        if json_output:
            _output.print_json(session.out, record)
        else:
            _output.print_lines(session.out, _output.record_lines(record))

    _run(common, action)


@app.command(rich_help_panel=_EXTRAS_PANEL, epilog=EPILOG)
def account(
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Genray: the plan, credits and API limits of the key's account."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _require(session, "account", "show an account")
        record = session.client.account().to_dict()
        if json_output:
            _output.print_json(session.out, record)
        else:
            _output.print_lines(session.out, _output.record_lines(record))

    _run(common, action)


@app.command(rich_help_panel=_EXTRAS_PANEL, epilog=EPILOG)
def upscale(
    video_id: Annotated[
        int,
        typer.Argument(
            help="The numeric generation id from the Genray account (not the job id); with"
            " --simulated, N is the Nth simulated Genray job.",
            min=1,
        ),
    ],
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Genray: upscale a finished video 2x (720p to 1440p)."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _require(session, "upscale", "upscale a video")
        session.subject = f"video {video_id}"
        record = session.client.upscale(video_id).to_dict()
        if json_output:
            _output.print_json(session.out, record)
        else:
            session.out.print(f"Upscaling {provider} video {video_id}:")
            _output.print_lines(session.out, _output.record_lines(record))

    _run(common, action)


@app.command("list", rich_help_panel=_EXTRAS_PANEL, epilog=EPILOG)
def list_jobs(
    status: Annotated[
        str | None,
        typer.Option(help="Only jobs in this (provider's) status, e.g. running."),
    ] = None,
    page: Annotated[int | None, typer.Option(help="Page number, from 1.", min=1)] = None,
    page_size: Annotated[
        int | None, typer.Option("--page-size", help="Jobs per page.", min=1)
    ] = None,
    model: Annotated[str | None, typer.Option(help="Only jobs of this model.")] = None,
    provider: Annotated[
        str,
        typer.Option("--provider", "-p", help=f"Provider: {', '.join(provider_names())}."),
    ] = "modelark",
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    json_output: JsonOption = False,
    simulated: SimulatedOption = False,
    verbose: VerboseOption = False,
) -> None:
    """ModelArk: the account's jobs, newest first."""
    common = Common(provider, api_key, base_url, json_output, simulated, verbose)

    def action(session: Session) -> None:
        _require(session, "list", "list jobs")
        jobs = session.client.list_jobs(
            page_num=page, page_size=page_size, status=status, model=model
        )
        if json_output:
            _output.print_json(session.out, [_output.job_dict(job) for job in jobs])
        elif not jobs:
            session.out.print(f"No {provider} jobs" + (f" {status}." if status else "."))
        else:
            session.out.print(_output.jobs_table(jobs))

    _run(common, action)
