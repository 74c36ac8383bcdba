"""The job commands: providers, create, status, wait, download and cancel (the provider extras,
Genray ``upload``, ``account`` and ``upscale`` and ModelArk ``list``, are in ``_extras``).

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
      accept, an operation the provider does not offer, a local file where a URL is needed, an
      output file that exists (without ``--overwrite``) or a folder that takes no file, or the
      provider's own 400 / 409 / 422
3     missing API key, or one that cannot be sent (a control character, whitespace, non-ASCII)
4     authentication or permission: the provider answered 401 or 403
5     insufficient credits: 402
6     rate limited: 429
7     not found: 404 (no such job, video or file)
8     the job failed, was cancelled or expired
9     the wait timed out; the job goes on and ``seedance wait JOB_ID`` resumes it
10    no answer: connection error or timeout
11    server error (5xx) or another unexpected answer from the provider
12    download failed, nothing to download yet, or the file cannot be written; after a job was
      created, every failure names the job and the command that resumes it
130   interrupted (Ctrl-C); during a wait, the command that resumes it is printed
====  ==========================================================================================
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import capabilities as provider_capabilities
from .._errors import (
    JobFailedError,
)
from .._models import Job, JobStatus, VideoRequest
from .._redact import redact_url
from ..adapters import adapter, provider_names
from . import _output
from ._app import app
from ._session import (
    _JOB_PANEL,
    DEFAULT_PROVIDER,
    EPILOG,
    OPTION_OF,
    ApiKeyOption,
    BaseUrlOption,
    CliError,
    Common,
    JobIdArgument,
    JsonOption,
    NoVerifyOption,
    OverwriteOption,
    ProviderOption,
    Session,
    SimulatedOption,
    TimeoutOption,
    VerboseOption,
    _check_output,
    _download,
    _finished,
    _require,
    _run,
    _wait,
)


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
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace the --output file if it exists (checked before the job is created).",
            rich_help_panel=_WAITING,
        ),
    ] = False,
    no_verify: Annotated[
        bool,
        typer.Option(
            "--no-verify",
            help="Skip the check that the download is a complete MP4 (for another format).",
            rich_help_panel=_WAITING,
        ),
    ] = False,
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
        # Before anything is uploaded or paid for: a video that could not be saved is lost.
        _check_output(session, output, overwrite=overwrite)
        session.verify = not no_verify
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
                session.err.print(f"Uploaded {path} -> {redact_url(str(uploaded.full_url))}")
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
    overwrite: OverwriteOption = False,
    no_verify: NoVerifyOption = False,
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
        _check_output(session, output, overwrite=overwrite)
        session.verify = not no_verify
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
    overwrite: OverwriteOption = False,
    no_verify: NoVerifyOption = False,
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
        _check_output(session, file, overwrite=overwrite, option="FILE")
        session.verify = not no_verify
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
