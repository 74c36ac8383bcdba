"""``seedance verify`` and ``seedance proxy``: contract tests against the real providers."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import InvalidRequestError, MissingAPIKeyError
from ..adapters import adapter, provider_names
from ..redaction import redact, register_secret
from ._app import app
from ._failure import Failure
from ._failure import fail as emit
from ._options import DEFAULT_PROVIDER, ApiKeyOption, BaseUrlOption, ProviderOption

__all__ = ["proxy", "verify"]

_PANEL = "Contract tests"
VERIFY_EPILOG = (
    "Exit codes: 0 conforms, 13 drift (an answer departs from the curated spec; --strict: a"
    " warning too), 2 invalid options, 3 missing or unusable key, 4 key refused, 5 insufficient"
    " credits (--spend), 10 connection error."
)
RecordOption = Annotated[
    Path | None,
    typer.Option(
        "--record",
        metavar="FOLDER",
        help="Save every exchange, scrubbed, as a cassette in this folder.",
    ),
]


class _Invocation:
    json = False
    """`verify --json`: errors are ``{"error": ...}`` on stdout, as every command's."""


def _fail(message: str, code: int) -> typer.Exit:
    if _Invocation.json:
        emit(Failure(code, message, field=None), json_output=True)
    typer.echo(f"error: {redact(message)}", err=True)
    return typer.Exit(code)


def _contract() -> Any:
    try:
        from .. import contract
    except ImportError as error:
        raise _fail(
            f"contract testing needs `pip install seedance[testing]` ({error})", 2
        ) from None
    return contract


def _check_provider(provider: str) -> None:
    if provider not in provider_names():
        raise _fail(f"--provider {provider!r} is not one of: {', '.join(provider_names())}", 2)


def _key(provider: str, given: str | None) -> str:
    try:
        return str(_contract().provider_key(provider, given))
    except (MissingAPIKeyError, InvalidRequestError) as error:
        raise _fail(str(error), 3) from None


@app.command(rich_help_panel=_PANEL, epilog=VERIFY_EPILOG)
def verify(
    provider: ProviderOption = DEFAULT_PROVIDER,
    api_key: ApiKeyOption = None,
    base_url: BaseUrlOption = None,
    spend: Annotated[
        int,
        typer.Option(
            "--spend",
            min=0,
            metavar="N",
            help="Also run up to N real (paid) jobs, the cheapest the spec allows.",
        ),
    ] = 0,
    json_output: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    report: Annotated[
        Path | None,
        typer.Option("--report", metavar="FILE", help="Write a markdown report to this file."),
    ] = None,
    record: RecordOption = None,
    strict: Annotated[
        bool, typer.Option(help="Warnings (undeclared fields) count as drift.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", help="Seconds for each free request.")
    ] = 30.0,
    spend_timeout: Annotated[
        float,
        typer.Option("--spend-timeout", metavar="SECONDS", help="Seconds a paid job may take."),
    ] = 900.0,
) -> None:
    """Check a provider against its curated spec; spends nothing unless --spend N."""
    _Invocation.json = json_output
    _check_provider(provider)
    contract = _contract()
    from ..contract import report as reports

    key = _key(provider, api_key)
    try:
        contract.provider_base_url(provider, base_url)
    except InvalidRequestError as error:
        raise _fail(str(error), 2) from None
    recorder = None
    if record is not None:
        from ..contract import Recorder

        recorder = Recorder(record, provider)
    result = contract.verify(
        provider, api_key=key, base_url=base_url, spend=spend, timeout=timeout,
        spend_timeout=spend_timeout, on_exchange=recorder.add if recorder else None,
    )  # fmt: skip
    if recorder is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        saved = recorder.save(f"{provider}-verify-{stamp}")
        typer.echo(f"recorded {len(recorder.exchanges)} exchanges in {saved}", err=True)
    if report is not None:
        report.write_text(reports.markdown(result), encoding="utf-8")
    if json_output:
        typer.echo(json.dumps(contract.findings_json(result), indent=2))
    else:
        typer.echo(reports.table(result))
    raise typer.Exit(result.exit_code(strict=strict))


@app.command(rich_help_panel=_PANEL)
def proxy(
    provider: ProviderOption = DEFAULT_PROVIDER,
    port: Annotated[
        int, typer.Option("--port", metavar="PORT", help="Port to listen on (default: a free one).")
    ] = 0,
    upstream: Annotated[
        str | None,
        typer.Option(
            "--upstream", metavar="URL", help="Where to forward (default: the spec's server)."
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="HOST",
            help="Address to listen on; anything but loopback needs --public.",
        ),
    ] = "127.0.0.1",
    public: Annotated[bool, typer.Option(help="Allow a non-loopback --host.")] = False,
    violations: Annotated[
        Path | None,
        typer.Option(
            "--violations",
            metavar="FILE",
            help="Write violations as JSON lines here (default: stderr).",
        ),
    ] = None,
    record: RecordOption = None,
) -> None:
    """Serve a validating reverse proxy: every exchange is checked against the curated spec."""
    _Invocation.json = False
    _check_provider(provider)
    _contract()
    import uvicorn

    from ..contract import ValidatingProxy

    if host not in ("127.0.0.1", "localhost", "::1") and not public:
        raise _fail(f"--host {host} is not loopback: pass --public to expose the proxy", 2)
    spec = adapter(provider).spec
    try:
        target = _contract().provider_base_url(provider, upstream)
    except InvalidRequestError as error:
        raise _fail(str(error), 2) from None
    for env in adapter(provider).api_key_env:
        if os.environ.get(env):
            register_secret(os.environ[env])
    recorder = None
    if record is not None:
        from ..contract import Recorder

        recorder = Recorder(record, provider)
    sink = violations.open("a", encoding="utf-8") if violations else sys.stderr
    app_ = ValidatingProxy(
        spec, target, violations=sink, on_exchange=recorder.add if recorder else None
    )
    server = uvicorn.Server(
        uvicorn.Config(app_, host=host, port=port, log_level="warning", lifespan="off")
    )
    typer.echo(f"{provider}: proxying http://{host}:{port or '<free port>'} -> {target}", err=True)
    started = time.monotonic()
    # uvicorn re-raises SIGTERM once it has shut down: as a KeyboardInterrupt, the summary is
    # still written (a CI job's `timeout` or `kill` ends the proxy like Ctrl-C does).
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            server.run()
    finally:
        summary = app_.summary() | {"seconds": round(time.monotonic() - started, 1)}
        typer.echo(json.dumps({"summary": summary}), err=True)
        if recorder is not None and recorder.exchanges:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            typer.echo(f"recorded in {recorder.save(f'{provider}-proxy-{stamp}')}", err=True)
        if violations:
            sink.close()
    raise typer.Exit(13 if summary["errors"] else 0)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
