"""The ``seedance`` command's application and its ``simulate`` command.

The application takes ``--version`` and the shell completion options (``--install-completion``,
``--show-completion``), and with ``--json`` reports even a usage error (an unknown option, a
missing value) as ``{"error": {...}}`` on stdout, with the usual exit code 2.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from .. import __version__
from ..adapters import provider_names
from ..redaction import key_problem
from ._runtime import Runtime, enter

__all__ = ["app", "main"]


class _Group(TyperGroup):
    """The command group: with --json anywhere, usage errors are JSON too; a flag's help shows
    no type label."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _unlabel_flags(command.get_params(ctx))
        return command

    def get_params(self, ctx: Any) -> Any:
        return _unlabel_flags(super().get_params(ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        if "--json" not in argv:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(argv, prog_name, complete_var, False, **extra)
        except TyperException as error:  # typer's usage errors (it carries its own click)
            if isinstance(error, typer.Exit | typer.Abort) or not hasattr(error, "exit_code"):
                raise
            typer.echo(json.dumps(_usage_error(error), indent=2))
            sys.exit(error.exit_code)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def _unlabel_flags(params: list[Any]) -> list[Any]:
    """*params*, each flag (``--help`` included) given an empty metavar: typer >= 0.28 labels a
    flag ``<bool>`` in --help unless it has one, and a flag takes no value to name (typer 0.27
    showed none)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


def _usage_error(error: Any) -> dict[str, Any]:
    """A click usage error in the shape of every other JSON error."""
    param = getattr(error, "param", None)
    field = getattr(error, "option_name", None) or (param.opts[0] if param is not None else None)
    if param is not None and not param.opts[0].startswith("-"):
        field = (param.metavar or param.name or "").upper() or field
    body = {
        "kind": "usage", "message": error.format_message(), "field": field, "value": None,
        "allowed": None, "exit_code": error.exit_code, "job_id": None,
    }  # fmt: skip
    return {"error": body}


app = typer.Typer(
    name="seedance",
    help="Seedance video generation from the command line, on any provider or offline.",
    no_args_is_help=True,
    cls=_Group,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"seedance {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Seedance video generation from the command line, on any provider or offline."""
    # The world the commands run on: the invocation's `Runtime` (``obj=``), for its lifetime.
    context.call_on_close(enter(context.find_object(Runtime)))


@app.command()
def simulate(
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            "-p",
            metavar="PROVIDER",
            help="Provider to serve (repeatable; default: all).",
        ),
    ] = None,
    port: Annotated[
        int,
        typer.Option("--port", metavar="PORT", help="Port on 127.0.0.1 (default: a free one)."),
    ] = 0,
    speed: Annotated[
        float,
        typer.Option("--speed", metavar="FACTOR", help="Clock speed: 10 runs jobs 10x faster."),
    ] = 1.0,
    run_seconds: Annotated[
        float, typer.Option("--run-seconds", metavar="SECONDS", help="How long each job runs.")
    ] = 20.0,
    queue_seconds: Annotated[
        float,
        typer.Option("--queue-seconds", metavar="SECONDS", help="How long each job is queued."),
    ] = 2.0,
    fault_rate: Annotated[
        float,
        typer.Option(
            "--fault-rate", metavar="SHARE", help="Share of requests given a random fault (0-1)."
        ),
    ] = 0.0,
    seed: Annotated[
        int, typer.Option("--seed", metavar="SEED", help="Seed of the random faults.")
    ] = 0,
    api_key: Annotated[
        list[str] | None,
        typer.Option(
            "--api-key",
            metavar="KEY",
            help="A key to let in (repeatable); any other gets the provider's 401."
            " Default: any key in the provider's scheme.",
        ),
    ] = None,
    drift: Annotated[
        list[str] | None,
        typer.Option(
            "--drift",
            metavar="KIND",
            help="Answer with this drift from the spec (repeatable): extra-field, unknown-status,"
            " missing-field, wrong-type, renamed-field, undocumented-status, html-error.",
        ),
    ] = None,
) -> None:
    """Serve provider simulators on 127.0.0.1 until interrupted (Ctrl-C)."""
    try:
        from ..testing import Faults, RealClock, Simulator, SimulatorServer
    except ImportError as error:
        typer.echo(
            f"error: the simulator needs its extra: pip install 'seedance[testing]' ({error})",
            err=True,
        )
        raise typer.Exit(2) from None
    names = provider or list(provider_names())
    unknown = sorted(set(names) - set(provider_names()))
    if unknown:
        allowed = ", ".join(provider_names())
        typer.echo(f"error: --provider {unknown[0]!r} is not one of: {allowed}", err=True)
        raise typer.Exit(2)
    for number, key in enumerate(api_key or (), start=1):
        problem = key_problem(key) if key else "is empty"
        if problem:
            # The key itself is never printed: which one, and what is wrong with it.
            typer.echo(f"error: --api-key number {number} {problem}", err=True)
            raise typer.Exit(2)
    from ..testing import DRIFT_KINDS

    for kind in drift or ():
        if kind not in DRIFT_KINDS:
            typer.echo(f"error: --drift {kind!r} is not one of: {', '.join(DRIFT_KINDS)}", err=True)
            raise typer.Exit(2)
    clock = RealClock(speed)
    simulators = [
        Simulator(
            name, clock=clock, queue_seconds=queue_seconds, run_seconds=run_seconds,
            faults=Faults(rate=fault_rate, seed=seed), api_keys=api_key or None,
            drift=drift or (),
        )
        for name in names
    ]  # fmt: skip
    with SimulatorServer(simulators, port=port) as server:
        for line in _banner(server, keys=bool(api_key), speed=speed):
            typer.echo(line)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            typer.echo("stopped")


def _banner(server: Any, *, keys: bool, speed: float) -> list[str]:
    """What `simulate` prints once serving: each provider's base URL first (one ``name: url``
    line each, which scripts read), then its state endpoint and an ``export`` line that points
    the library and the command at it. A key given with --api-key is never printed."""
    from ..adapters import adapter
    from ..testing import STATE_PATH

    names = list(server.simulators)
    lines = [f"{name}: {server.base_url(name)}" for name in names]
    root = server.root(names[0]) if len(names) == 1 else server.root("<provider>")
    lines.append(f"State (counters, jobs): GET {root}{STATE_PATH}")
    exports = []
    for name in names:
        exports.append(f"{name.upper()}_BASE_URL={server.base_url(name)}")
        if not keys:  # any bearer key is let in: a ready one
            exports.append(f"{adapter(name).api_key_env[0]}=sk_simulator")
    lines.append("export " + " ".join(exports))
    if keys:
        env = ", ".join(adapter(name).api_key_env[0] for name in names)
        lines.append(f"and set {env} to one of the --api-key keys (any other gets 401)")
    lines.append(f"Serving (clock x{speed:g}); Ctrl-C stops.")
    return lines


def main() -> None:
    app()
