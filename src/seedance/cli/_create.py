"""``seedance create``: one job from options that map one to one onto `VideoRequest`'s fields.

The request is checked whole before anything is uploaded or sent: every problem is reported at
once (`seedance.ProviderCapabilities.check`), then local images are uploaded where the provider
hosts them, the job is created, and with ``--wait``/``--output`` followed to its video.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import attrs
import typer

from .. import Job, VideoRequest
from .. import capabilities as provider_capabilities
from ..adapters import adapter, provider_names
from ..redaction import redact_url
from . import _output
from ._app import app
from ._options import (
    JOB_PANEL,
    OPTION_OF,
    Common,
    NoVerifyOption,
    TimeoutOption,
    in_panel,
    job_command,
    output_option,
)
from ._session import CliError, Session, _check_output, _download, _finished, _wait, run

__all__ = ["create"]

_REQUEST = "Request (see `seedance providers PROVIDER` for each model's values)"
_WAITING = "Waiting and output"
_CONNECTION = "Provider and connection"


def _across(name: str) -> str:
    """Every value some model of some provider allows for *name* (``durations``, ...)."""
    values: set[Any] = set()
    for provider in provider_names():
        for model in provider_capabilities(provider).models.values():
            values.update(getattr(model, name) or ())
    ordered = sorted(values, key=lambda value: (len(str(value)), str(value)))
    if all(isinstance(value, int) for value in ordered) and len(ordered) > 2:
        return f"{ordered[0]} to {ordered[-1]}"
    return ", ".join(map(str, ordered))


def _option(field: str, help_text: str, metavar: str | None = None, **kwargs: Any) -> Any:
    """The option of `create` that sets the VideoRequest field *field*."""
    return typer.Option(
        OPTION_OF[field], help=help_text, metavar=metavar, rich_help_panel=_REQUEST,
        show_default=False, **kwargs,
    )  # fmt: skip


def _flag(field: str, help_text: str) -> Any:
    name = OPTION_OF[field]
    return typer.Option(
        f"{name}/--no-{name[2:]}", help=help_text, rich_help_panel=_REQUEST, show_default=False
    )


# The options, VideoRequest field by field (a test holds them to its fields).
Prompt = Annotated[str, _option("prompt", "What the video shows.", "TEXT")]
Model = Annotated[str | None, _option("model", "Model id (default: the provider's).", "MODEL")]
Duration = Annotated[
    int | None, _option("duration", f"Length in seconds ({_across('durations')}).", "SECONDS")
]
Resolution = Annotated[
    str | None, _option("resolution", f"One of: {_across('resolutions')}.", "RESOLUTION")
]
AspectRatio = Annotated[
    str | None, _option("aspect_ratio", f"One of: {_across('aspect_ratios')}.", "RATIO")
]
Seed = Annotated[int | None, _option("seed", "Random seed (range per model).", "N")]
Audio = Annotated[bool | None, _flag("generate_audio", "Generate sound.")]
FirstFrame = Annotated[
    str | None,
    _option(
        "first_frame",
        "Image the video starts from: a URL, or a local file (uploaded where the provider hosts"
        " uploads: genray).",
        "URL|FILE",
    ),
]
LastFrame = Annotated[
    str | None, _option("last_frame", "Image the video ends on (URL or local file).", "URL|FILE")
]
ReferenceImages = Annotated[
    list[str] | None,
    _option("reference_images", "Reference image, URL or local file (repeatable).", "URL|FILE"),
]
ReferenceVideos = Annotated[
    list[str] | None, _option("reference_videos", "Reference video URL (repeatable).", "URL")
]
ReferenceAudios = Annotated[
    list[str] | None, _option("reference_audios", "Reference audio URL (repeatable).", "URL")
]
NegativePrompt = Annotated[str | None, _option("negative_prompt", "What to avoid.", "TEXT")]
Watermark = Annotated[bool | None, _flag("watermark", "Add a watermark.")]
Draft = Annotated[
    bool | None,
    typer.Option("--draft", help="A cheaper draft render.", rich_help_panel=_REQUEST),
]
WebhookUrl = Annotated[
    str | None, _option("webhook_url", "URL the provider calls when the job ends.", "URL")
]
Extras = Annotated[
    list[str] | None,
    _option(
        "extras",
        "A provider-specific body field, KEY=JSON (a value that is not JSON is taken as a string;"
        " repeatable).",
        "KEY=JSON",
    ),
]


@job_command(app, connection_panel=_CONNECTION, rich_help_panel=JOB_PANEL)
def create(
    common: Common,
    prompt: Prompt,
    model: Model = None,
    duration: Duration = None,
    resolution: Resolution = None,
    aspect_ratio: AspectRatio = None,
    seed: Seed = None,
    generate_audio: Audio = None,
    first_frame: FirstFrame = None,
    last_frame: LastFrame = None,
    reference_images: ReferenceImages = None,
    reference_videos: ReferenceVideos = None,
    reference_audios: ReferenceAudios = None,
    negative_prompt: NegativePrompt = None,
    watermark: Watermark = None,
    draft: Draft = None,
    webhook_url: WebhookUrl = None,
    extras: Extras = None,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="Wait for the job, showing its status live.", rich_help_panel=_WAITING
        ),
    ] = False,
    output: Annotated[
        Path | None,
        output_option("Save the video to this file (implies --wait).", rich_help_panel=_WAITING),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace the --output file if it exists (checked before the job is created).",
            rich_help_panel=_WAITING,
        ),
    ] = False,
    no_verify: Annotated[bool, in_panel(NoVerifyOption, _WAITING)] = False,
    timeout: Annotated[float | None, in_panel(TimeoutOption, _WAITING)] = None,
) -> None:
    """Create a video job; with --wait, watch it to the end; with --output, save the video.

    Try it offline: seedance create --simulated --prompt "a cat cooking pasta" --output cat.mp4
    """
    given = locals()
    # The request's fields are the options named after them (lists become tuples).
    fields = {
        field.name: tuple(given[field.name] or ()) if field.name.startswith("reference_")
        else given[field.name]
        for field in attrs.fields(VideoRequest)
        if field.name != "extras"
    }  # fmt: skip

    def action(session: Session) -> None:
        fields["extras"] = _extras(extras or ())
        # Before anything is uploaded or paid for: a video that could not be saved is lost.
        _check_output(session, output, overwrite=overwrite)
        session.verify = not no_verify
        job = _submit(session, _prepare(session, fields))
        if not (wait or output):
            _created(session, job)
            return
        _follow(session, job, output, timeout)

    run(common, action)


def _prepare(session: Session, fields: dict[str, Any]) -> VideoRequest:
    """The request to send: checked whole (every problem at once) before any file is uploaded,
    then with each local file replaced by its hosted URL."""
    local = _local_files(fields, session.provider)
    caps = provider_capabilities(session.provider)
    caps.check(VideoRequest(**_with_placeholders(fields, local)))
    if local:
        fields = {**fields, **_upload(session, fields, local)}
    return VideoRequest(**fields)


def _submit(session: Session, request: VideoRequest) -> Job:
    session.stage = "submit"
    job = session.client.submit(request)
    session.job_id = job.id
    session.stage = ""
    session.saved()
    return job


def _follow(session: Session, job: Job, output: Path | None, timeout: float | None) -> None:
    """Wait for *job* with its live status, then save its video to *output* (if given)."""
    session.output = output
    if not session.common.json:
        model_name = f", {job.model}" if job.model else ""
        session.err.print(
            f"Created {job.provider} job [bold]{job.id}[/bold] ({job.status.value}{model_name})"
        )
    job = _wait(session, job, timeout)
    if output is not None:
        _download(session, job, output)
    _finished(session, job, output)


def _extras(items: tuple[str, ...] | list[str]) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise CliError(
                f"--extra {item!r} is not KEY=JSON; e.g. --extra service_tier='\"flex\"'",
                field="--extra", value=item, allowed="KEY=JSON",
            )  # fmt: skip
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
                    f"{option} {item!r} is neither a URL (http(s)://, data:) nor an existing file",
                    field=option, value=item, allowed="an http(s):// or data: URL, or a file",
                )  # fmt: skip
            local.setdefault(name, []).append(path)
    for name in ("reference_videos", "reference_audios"):
        for item in fields[name]:
            if not _is_url(item):
                raise CliError(
                    f"{OPTION_OF[name]} {item!r} is not a URL; {OPTION_OF[name]} takes an"
                    " http(s):// URL (only images can be uploaded)",
                    field=OPTION_OF[name], value=item, allowed="an http(s):// URL",
                )  # fmt: skip
    if local and "upload" not in provider_capabilities(provider).operations:
        name, paths = next(iter(local.items()))
        able = [p for p in provider_names() if "upload" in adapter(p).capabilities.operations]
        raise CliError(
            f"{OPTION_OF[name]} {str(paths[0])!r} is a local file, but {provider} cannot host"
            f" uploads; pass an http(s) URL instead, or use a provider that can: {', '.join(able)}",
            field=OPTION_OF[name], value=str(paths[0]), allowed="an http(s):// URL",
        )  # fmt: skip
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
            uploaded = session.client.genray.upload(path)
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
