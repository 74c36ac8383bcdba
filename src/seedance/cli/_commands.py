"""The job commands status, wait, download and cancel (``providers`` is in ``_providers``,
``create`` in ``_create``; the provider extras, Genray ``upload``, ``account`` and ``upscale`` and
ModelArk ``list``, are in ``_extras``).

Every command takes ``--provider/-p``, ``--api-key`` (else the provider's environment variable,
e.g. ``GENRAY_API_KEY``), ``--base-url``, ``--json`` (the result as JSON on stdout, nothing
decorative), ``--simulated`` (an in-process simulator of the provider instead of the network: no
key, no network; its jobs outlive the process, see ``_simulated``) and ``--verbose`` (the
``seedance`` log on stderr, API keys redacted): `_options.job_command` adds them to each.

Errors print one line on stderr (what went wrong, which option or value, what is allowed, what to
do; a request with several problems lists them all), or with ``--json`` one ``{"error": {"kind",
"message", "field", "value", "allowed", "exit_code", "job_id"}}`` object on stdout, and exit with
the code of their class, never with a traceback. A job id is checked before any network call:

====  ==========================================================================================
code  meaning
====  ==========================================================================================
0     success
1     unexpected error (a bug: ``--verbose`` shows the traceback)
2     invalid or unsupported request: a usage error, a blank or malformed job id, a value the
      provider or model does not accept, an operation the provider does not offer, a local file
      where a URL is needed, an output file that exists (without ``--overwrite``) or a folder
      that takes no file, a destructive action without --yes, or the provider's 400 / 409 / 422
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

import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import Job, JobFailedError, JobStatus
from . import _create, _output, _providers
from ._app import app
from ._options import (
    JOB_PANEL,
    Common,
    JobIdArgument,
    NoVerifyOption,
    OverwriteOption,
    TimeoutOption,
    YesOption,
    job_command,
    output_option,
)
from ._session import (
    CliError,
    Session,
    _check_output,
    _download,
    _finished,
    _require,
    _wait,
    check_job_id,
    run,
)

__all__ = ["cancel", "download", "status", "wait"]
del _create, _providers  # imported first: their commands come first in --help


@job_command(app, rich_help_panel=JOB_PANEL)
def status(common: Common, job_id: JobIdArgument) -> None:
    """A job's current state."""

    def action(session: Session) -> None:
        check_job_id(session, job_id)
        session.job_id = job_id
        job = session.client.get(job_id)
        _finished(session, job, None)

    run(common, action)


@job_command(app, rich_help_panel=JOB_PANEL)
def wait(
    common: Common,
    job_id: JobIdArgument,
    output: Annotated[Path | None, output_option("Save the video to this file.")] = None,
    overwrite: OverwriteOption = False,
    no_verify: NoVerifyOption = False,
    timeout: TimeoutOption = None,
) -> None:
    """Wait for a job to finish, showing its status live; with --output, save the video."""

    def action(session: Session) -> None:
        check_job_id(session, job_id)
        _check_output(session, output, overwrite=overwrite)
        session.verify = not no_verify
        session.output = output
        job = _wait(session, job_id, timeout)
        if output is not None:
            _download(session, job, output)
        _finished(session, job, output)

    run(common, action)


@job_command(app, rich_help_panel=JOB_PANEL)
def download(
    common: Common,
    job_id: JobIdArgument,
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="Deprecated: use --output FILE.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path | None, output_option("Where to save the video.")] = None,
    overwrite: OverwriteOption = False,
    no_verify: NoVerifyOption = False,
) -> None:
    """Save a finished job's video: seedance download JOB_ID -o video.mp4."""

    def action(session: Session) -> None:
        check_job_id(session, job_id)
        target = _target(session, file, output)
        _check_output(session, target, overwrite=overwrite)
        session.verify = not no_verify
        session.job_id = job_id
        session.output = target
        job = session.client.get(job_id)
        if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
            progress = "" if job.progress is None else f", {job.progress * 100:.0f}%"
            raise CliError(
                f"{common.provider} job {job_id} is {job.status.value}{progress}: nothing to"
                f" download yet; wait for it with `{session.hint(f'wait {job_id}')} --output"
                f" {target}`",
                code=12, kind="not_ready",
            )  # fmt: skip
        if job.status is not JobStatus.SUCCEEDED:
            raise JobFailedError(job)
        _download(session, job, target)
        _finished(session, job, target)

    run(common, action)


def _target(session: Session, file: Path | None, output: Path | None) -> Path:
    """--output, or the old positional FILE (still taken, with a note on stderr)."""
    if file is not None and output is not None:
        raise CliError(
            f"FILE {file} and --output {output} both given; pass only --output", field="FILE",
            value=str(file), allowed="--output FILE alone",
        )  # fmt: skip
    if file is not None:
        if not session.common.json:
            session.err.print(
                f"note: `download JOB_ID FILE` is deprecated; use `download JOB_ID -o {file}`",
                highlight=False, markup=False,
            )  # fmt: skip
        return file
    if output is None:
        raise CliError(
            "no file to save the video to: pass --output FILE (-o FILE)", field="--output",
            allowed="a file path",
        )  # fmt: skip
    return output


@job_command(app, rich_help_panel=JOB_PANEL)
def cancel(
    common: Common,
    job_id: JobIdArgument,
    delete: Annotated[
        bool,
        typer.Option(
            "--delete",
            help="If the job has finished, delete its record (ModelArk; the video is lost).",
        ),
    ] = False,
    yes: YesOption = False,
) -> None:
    """Cancel a queued job; a finished job's record is deleted only with --delete (ModelArk).

    Deleting asks for confirmation on a terminal; elsewhere it needs --yes.
    """

    def action(session: Session) -> None:
        check_job_id(session, job_id)
        _require(session, "cancel", "cancel a job")
        session.job_id = job_id
        before = session.client.get(job_id)
        if before.status.is_terminal:
            _delete(session, before, delete=delete, yes=yes)
            return
        session.client.cancel(job_id)
        after = session.client.get(job_id)
        if common.json:
            _output.print_json(session.out, _output.job_dict(after))
        else:
            session.out.print(
                f"Cancelled {common.provider} job {job_id}: now {after.status.value}."
            )

    run(common, action)


def _delete(session: Session, job: Job, *, delete: bool, yes: bool) -> None:
    """Delete a finished job's record, only when asked and confirmed: it cannot be undone."""
    what = f"{session.provider} job {job.id} has already {job.status.value}"
    if not delete:
        raise CliError(
            f"{what}: there is nothing to cancel. Cancelling a finished job deletes its record"
            f" (and its video); to do that, pass --delete: `{session.hint(f'cancel {job.id}')}"
            " --delete`",
            kind="already_finished", field="--delete", value=False, allowed="--delete",
        )  # fmt: skip
    if not yes:
        if session.common.json or not sys.stdin.isatty():
            raise CliError(
                f"{what}; deleting its record cannot be undone: pass --yes to confirm",
                kind="confirmation_required", field="--yes", value=False, allowed="--yes",
            )  # fmt: skip
        if not typer.confirm(f"{what}. Delete its record (and its video)?", err=True):
            raise CliError("not deleted", code=1, kind="declined")
    session.client.cancel(job.id)
    if session.common.json:
        _output.print_json(session.out, {**_output.job_dict(job), "deleted": True})
    else:
        session.out.print(
            f"Deleted the record of {session.provider} job {job.id} ({job.status.value})."
        )
