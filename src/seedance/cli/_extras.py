"""The provider extras: Genray's upload, account and upscale; ModelArk's list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..adapters import provider_names
from . import _output
from ._app import app
from ._options import (
    DEFAULT_PROVIDER,
    EPILOG,
    ApiKeyOption,
    BaseUrlOption,
    Common,
    JsonOption,
    ProviderOption,
    SimulatedOption,
    VerboseOption,
)
from ._options import EXTRAS_PANEL as _EXTRAS_PANEL
from ._session import CliError, Session, _require
from ._session import run as _run


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
        uploaded = session.client.genray.upload(file)
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
        record = session.client.genray.account().to_dict()
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
        record = session.client.genray.upscale(video_id).to_dict()
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
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only jobs in this (provider's) status, e.g. running.",
        ),
    ] = None,
    page: Annotated[
        int | None, typer.Option("--page", metavar="N", help="Page number, from 1.", min=1)
    ] = None,
    page_size: Annotated[
        int | None, typer.Option("--page-size", metavar="N", help="Jobs per page.", min=1)
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", metavar="MODEL", help="Only jobs of this model.")
    ] = None,
    provider: Annotated[
        str,
        typer.Option(
            "--provider", "-p", metavar="PROVIDER", help=f"Provider: {', '.join(provider_names())}."
        ),
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
        given = {"page_num": page, "page_size": page_size, "status": status, "model": model}
        filters: Any = {name: value for name, value in given.items() if value is not None}
        jobs = session.client.modelark.list_jobs(**filters)
        if json_output:
            _output.print_json(session.out, [_output.job_dict(job) for job in jobs])
        elif not jobs:
            session.out.print(f"No {provider} jobs" + (f" {status}." if status else "."))
        else:
            session.out.print(_output.jobs_table(jobs))

    _run(common, action)
