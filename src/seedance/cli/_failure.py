"""How a command fails: one message (a line, or a list for a request with several problems) on
stderr, or with ``--json`` one object on stdout, and the exit code of the error's class::

    {"error": {"kind": "invalid_request", "message": "...", "field": "--duration", "value": 99,
               "allowed": "4 to 15", "exit_code": 2, "job_id": null, "problems": [...]}}
"""

from __future__ import annotations

import dataclasses
import json
import shlex
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from .. import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DownloadError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobFailedError,
    MissingAPIKeyError,
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
from ..adapters import adapter
from ..redaction import redact, redact_url, redact_value

if TYPE_CHECKING:
    from ._session import Session

__all__ = ["CliError", "ExitCode", "Failure", "describe", "fail", "key_message"]


class ExitCode(IntEnum):
    """The exit codes of every command (``batch`` included), one meaning each."""

    SUCCESS = 0
    UNEXPECTED = 1
    """An unexpected error; for ``batch``: a request did not end downloaded."""
    INVALID = 2
    API_KEY = 3
    AUTHENTICATION = 4
    CREDITS = 5
    RATE_LIMITED = 6
    NOT_FOUND = 7
    JOB_FAILED = 8
    WAIT_TIMEOUT = 9
    CONNECTION = 10
    SERVER = 11
    DOWNLOAD = 12
    INTERRUPTED = 130

    @property
    def meaning(self) -> str:
        """What the code says, as the help's epilog lists it."""
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.SUCCESS: "success",
    ExitCode.UNEXPECTED: "unexpected error (batch: a request did not end downloaded)",
    ExitCode.INVALID: "invalid or unsupported request",
    ExitCode.API_KEY: "missing or unusable API key",
    ExitCode.AUTHENTICATION: "authentication or permission",
    ExitCode.CREDITS: "insufficient credits",
    ExitCode.RATE_LIMITED: "rate limited",
    ExitCode.NOT_FOUND: "not found",
    ExitCode.JOB_FAILED: "job failed",
    ExitCode.WAIT_TIMEOUT: "wait timed out",
    ExitCode.CONNECTION: "connection error or timeout",
    ExitCode.SERVER: "server error or other API error",
    ExitCode.DOWNLOAD: "download error",
    ExitCode.INTERRUPTED: "interrupted",
}

# Exit code -> the error's kind in JSON (a few classes refine it, see `_kind`).
KINDS: dict[int, str] = {
    ExitCode.UNEXPECTED: "unexpected", ExitCode.INVALID: "invalid_request",
    ExitCode.API_KEY: "api_key", ExitCode.AUTHENTICATION: "authentication",
    ExitCode.CREDITS: "insufficient_credits", ExitCode.RATE_LIMITED: "rate_limited",
    ExitCode.NOT_FOUND: "not_found", ExitCode.JOB_FAILED: "job_failed",
    ExitCode.WAIT_TIMEOUT: "wait_timeout", ExitCode.CONNECTION: "connection",
    ExitCode.SERVER: "server", ExitCode.DOWNLOAD: "download",
    ExitCode.INTERRUPTED: "interrupted",
}  # fmt: skip


def _option(field: str | None) -> str | None:
    """The option that sets a request field, if one does."""
    # Imported here: `_options` takes its exit codes from this module.
    from ._options import OPTION_OF

    return OPTION_OF.get(field or "")


class CliError(Exception):
    """An error the CLI itself detects: a message and an exit code, and where it can tell, the
    option, its value and what is allowed."""

    def __init__(
        self,
        message: str,
        code: int = ExitCode.INVALID,
        *,
        kind: str | None = None,
        field: str | None = None,
        value: Any = None,
        allowed: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind
        self.field = field
        self.value = value
        self.allowed = allowed


@dataclass
class Failure:
    """An error as the command reports it."""

    code: int
    message: str
    kind: str = ""
    field: str | None = None
    value: Any = None
    allowed: str | None = None
    job_id: str | None = None
    problems: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        body = {
            "kind": self.kind or KINDS.get(self.code, "error"),
            "message": redact(self.message),
            "field": self.field,
            "value": redact_value(self.value),
            "allowed": self.allowed,
            "exit_code": int(self.code),
            "job_id": self.job_id,
        }
        if self.problems:
            body["problems"] = redact_value(self.problems)
        return {"error": body}


def fail(failure: Failure, *, json_output: bool) -> NoReturn:
    """Report *failure* (stderr, or stdout as JSON) and exit with its code."""
    if json_output:
        typer.echo(json.dumps(failure.as_dict(), indent=2, default=str))
        raise typer.Exit(failure.code)
    message = failure.message
    prefix = "" if message.startswith("interrupted") else "error: "
    if len(failure.problems) > 1:
        items = "".join(f"\n  {problem['text']}" for problem in failure.problems)
        head = " ".join(message.splitlines())
        # Redacted once more: a message built from an exception the package did not raise.
        typer.echo(redact(f"{prefix}{head}{items}"), err=True)
        raise typer.Exit(failure.code)
    typer.echo(redact(prefix + " ".join(message.splitlines())), err=True)
    raise typer.Exit(failure.code)


def cli_failure(error: CliError) -> Failure:
    return Failure(
        error.code, str(error), error.kind or "", error.field, error.value, error.allowed
    )


# --- error messages -----------------------------------------------------------------------------
def describe(error: SeedanceError, session: Session) -> Failure:
    """The `Failure` of a `SeedanceError`: exit code, message, and what it is about."""
    code, message = _describe(error, session)
    failure = Failure(code, message, _kind(error, code), job_id=session.job_id)
    if isinstance(error, InvalidRequestError | UnsupportedError) and code == ExitCode.INVALID:
        failure.field = _option(error.field) or error.field
        problems = error.problems or ()
        # An unsupported field's value and what is allowed instead live in its problem.
        first = problems[0] if problems and problems[0].field == error.field else None
        if isinstance(error, InvalidRequestError):
            failure.value, failure.allowed = error.value, error.allowed
        elif first is not None:
            failure.value, failure.allowed = first.value, first.allowed
        failure.problems = [
            {"field": _option(p.field) or p.field, "value": p.value, "allowed": p.allowed,
             "text": _problem_text(p.field, p.value, p.allowed)}
            for p in problems
        ]  # fmt: skip
        if len(problems) > 1:
            on = error.provider or session.provider
            failure.message = (
                f"{len(problems)} problems with the request on {on} (nothing was sent)."
                f" See `seedance providers {on}`"
            )
    if isinstance(error, JobFailedError):
        failure.job_id = error.job.id
    elif isinstance(error, WaitTimeoutError):
        failure.job_id = error.job_id
    return failure


def _kind(error: SeedanceError, code: int) -> str:
    if isinstance(error, UnsupportedError):
        return "unsupported"
    if isinstance(error, MissingAPIKeyError):
        return "missing_api_key"
    if isinstance(error, PermissionDeniedError):
        return "permission_denied"
    return KINDS.get(code, "error")


def _problem_text(field: str, value: Any, allowed: str) -> str:
    name = _option(field) or f"the request field {field}"
    if allowed.startswith("not supported"):
        return f"{name} is {allowed}"
    if value is None:
        return f"{name} is required; allowed: {allowed.removeprefix('required: ')}"
    return f"{name} {value!r} is not allowed; allowed: {allowed}"


def _describe(error: SeedanceError, session: Session) -> tuple[ExitCode, str]:
    provider = session.provider
    env = " or ".join(adapter(provider).api_key_env)
    if isinstance(error, MissingAPIKeyError):
        return ExitCode.API_KEY, (
            f"no API key for {provider}: set {env} or pass --api-key"
            " (or add --simulated to try it offline, with no key)"
        )
    if isinstance(error, InvalidRequestError):
        unusable = key_message(error, provider)
        if unusable is not None:
            return ExitCode.API_KEY, unusable
        return ExitCode.INVALID, _invalid(error, provider)
    if isinstance(error, UnsupportedError):
        what = (_option(error.field) or error.what) if error.field else error.what
        on = f"{error.provider} ({error.model})" if error.model else error.provider
        hint = f"; {str(error).split('; ', 1)[1]}" if "; " in str(error) else ""
        advice = f"; drop {what}" if error.field else ""
        return (
            ExitCode.INVALID,
            f"{on} does not support {what}{hint}{advice}. See `seedance providers`",
        )
    if isinstance(error, RequestError):
        return ExitCode.INVALID, str(error)
    if isinstance(error, JobFailedError):
        job = error.job
        reason = f": {job.error.message}" if job.error else ""
        code = f" (code {job.error.code})" if job.error and job.error.code else ""
        return ExitCode.JOB_FAILED, (
            f"{job.provider} job {job.id} {job.status.value}{reason}{code};"
            " change the prompt or inputs and create a new job"
        )
    if isinstance(error, WaitTimeoutError):
        last = f" (last seen {error.last.status.value})" if error.last else ""
        resume = session.resume() or session.hint(f"wait {shlex.quote(error.job_id)}")
        return ExitCode.WAIT_TIMEOUT, (
            f"{error.provider} job {error.job_id} did not finish within {error.timeout:g}s{last};"
            f" it goes on: resume with `{resume}`"
        )
    if isinstance(error, DownloadError):
        retry = session.resume() if session.stage == "download" else None
        again = f"; job {session.job_id} is not lost: retry with `{retry}`" if retry else ""
        return ExitCode.DOWNLOAD, f"download failed: {error}{again}"
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
        return ExitCode.CONNECTION, message
    if isinstance(error, APIError):
        return _api_error(error, session)
    if isinstance(error, ResponseError):
        return (
            ExitCode.SERVER,
            f"{error}; the provider's API may have changed: report it with --verbose output",
        )
    return ExitCode.SERVER, str(error)


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
    name = _option(error.field) or f"the request field {error.field}"
    on = error.provider or provider
    see = f"See `seedance providers --provider {on}`"
    if error.value is None:
        allowed = error.allowed.removeprefix("required: ")
        return f"{name} is required on {on}; allowed: {allowed}. {see}"
    return f"{name} {error.value!r} is not allowed on {on}; allowed: {error.allowed}. {see}"


def _api_error(error: APIError, session: Session) -> tuple[ExitCode, str]:
    provider = error.provider
    said = f"{error.status_code}: {error.message}"
    if error.code:
        said += f", code {error.code}"
    if error.request_id:
        said += f", request {error.request_id}"
    env = " or ".join(adapter(provider).api_key_env)
    if isinstance(error, AuthenticationError):
        return (
            ExitCode.AUTHENTICATION,
            f"{provider} rejected the API key ({said}); check --api-key or {env}",
        )
    if isinstance(error, PermissionDeniedError):
        return (
            ExitCode.AUTHENTICATION,
            f"{provider} refused this for the key ({said}); check the account's plan",
        )
    if isinstance(error, InsufficientCreditsError):
        return (
            ExitCode.CREDITS,
            f"{provider}: not enough credits ({said}); top up, or ask for a shorter video",
        )
    if isinstance(error, RateLimitError):
        after = f"retry in {error.retry_after:g}s" if error.retry_after else "retry later"
        return ExitCode.RATE_LIMITED, f"{provider} rate limit ({said}); {after}"
    if isinstance(error, NotFoundError):
        what = session.subject or (f"job {session.job_id}" if session.job_id else "such resource")
        return ExitCode.NOT_FOUND, f"{provider} has no {what} ({said}); check the id and --provider"
    if isinstance(error, BadRequestError | UnprocessableEntityError | ConflictError):
        return ExitCode.INVALID, f"{provider} refused the request ({said})"
    may_exist = " (the job may have been created: check before creating it again)"
    if not (session.stage == "submit" and error.may_have_been_accepted):
        may_exist = ""
    if isinstance(error, ServerError):
        return ExitCode.SERVER, f"{provider} failed ({said}); try again later{may_exist}"
    return ExitCode.SERVER, f"{provider} answered {said}{may_exist}"
