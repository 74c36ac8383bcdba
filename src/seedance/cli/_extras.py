"""The provider extras: Genray's upload, account and upscale; ModelArk's list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from . import _output
from ._app import app
from ._options import EXTRAS_PANEL, Common, job_command
from ._session import CliError, Session, _require, run


# --- provider extras ----------------------------------------------------------------------------
@job_command(app, rich_help_panel=EXTRAS_PANEL)
def upload(
    common: Common,
    file: Annotated[Path, typer.Argument(help="The image to host.", exists=False, dir_okay=False)],
) -> None:
    """Genray: host an image; prints its URL, for --first-frame or --reference-image."""

    def action(session: Session) -> None:
        _require(session, "upload", "host an uploaded file")
        if not file.is_file():
            raise CliError(f"{file}: no such file")
        _print_record(session, session.client.genray.upload(file).to_dict())

    run(common, action)


@job_command(app, rich_help_panel=EXTRAS_PANEL)
def account(common: Common) -> None:
    """Genray: the plan, credits and API limits of the key's account."""

    def action(session: Session) -> None:
        _require(session, "account", "show an account")
        _print_record(session, session.client.genray.account().to_dict())

    run(common, action)


@job_command(app, rich_help_panel=EXTRAS_PANEL)
def upscale(
    common: Common,
    video_id: Annotated[
        int,
        typer.Argument(
            help="The numeric generation id from the Genray account (not the job id); with"
            " --simulated, N is the Nth simulated Genray job.",
            min=1,
        ),
    ],
) -> None:
    """Genray: upscale a finished video 2x (720p to 1440p)."""

    def action(session: Session) -> None:
        _require(session, "upscale", "upscale a video")
        session.subject = f"video {video_id}"
        record = session.client.genray.upscale(video_id).to_dict()
        _print_record(session, record, f"Upscaling {common.provider} video {video_id}:")

    run(common, action)


@job_command(app, "list", provider="modelark", rich_help_panel=EXTRAS_PANEL)
def list_jobs(
    common: Common,
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
) -> None:
    """ModelArk: the account's jobs, newest first."""

    def action(session: Session) -> None:
        _require(session, "list", "list jobs")
        given = {"page_num": page, "page_size": page_size, "status": status, "model": model}
        filters: Any = {name: value for name, value in given.items() if value is not None}
        jobs = session.client.modelark.list_jobs(**filters)
        if common.json:
            _output.print_json(session.out, [_output.job_dict(job) for job in jobs])
        elif not jobs:
            session.out.print(f"No {common.provider} jobs" + (f" {status}." if status else "."))
        else:
            session.out.print(_output.jobs_table(jobs))

    run(common, action)


def _print_record(session: Session, record: dict[str, Any], heading: str | None = None) -> None:
    """*record* as JSON with --json, else a line a field under *heading*."""
    if session.common.json:
        _output.print_json(session.out, record)
        return
    if heading is not None:
        session.out.print(heading)
    _output.print_lines(session.out, _output.record_lines(record))
