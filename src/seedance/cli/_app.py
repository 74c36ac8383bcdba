"""The ``seedance`` command's application and its ``simulate`` command."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from .._config import key_problem
from ..adapters import provider_names

__all__ = ["app", "main"]

app = typer.Typer(
    name="seedance",
    help="Seedance video generation from the command line, on any provider or offline.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Seedance video generation from the command line, on any provider or offline."""


@app.command()
def simulate(
    provider: Annotated[
        list[str] | None,
        typer.Option("--provider", "-p", help="Provider to serve (repeatable; default: all)."),
    ] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (default: a free one).")] = 0,
    speed: Annotated[float, typer.Option(help="Clock speed: 10 runs jobs 10x faster.")] = 1.0,
    run_seconds: Annotated[float, typer.Option(help="How long each job runs.")] = 20.0,
    queue_seconds: Annotated[float, typer.Option(help="How long each job is queued.")] = 2.0,
    fault_rate: Annotated[
        float, typer.Option(help="Share of requests given a random fault.")
    ] = 0.0,
    seed: Annotated[int, typer.Option(help="Seed of the random faults.")] = 0,
    api_key: Annotated[
        list[str] | None,
        typer.Option(
            "--api-key",
            help="A key to let in (repeatable); any other gets the provider's 401."
            " Default: any bearer key.",
        ),
    ] = None,
    drift: Annotated[
        list[str] | None,
        typer.Option(
            help="Answer with this drift from the spec (repeatable): extra-field, unknown-status,"
            " missing-field, wrong-type, renamed-field, undocumented-status, html-error.",
        ),
    ] = None,
) -> None:
    """Serve provider simulators on 127.0.0.1 until interrupted (Ctrl-C)."""
    try:
        from ..testing import Faults, RealClock, Simulator
        from ..testing._server import SimulatorServer
    except ImportError as error:
        typer.echo(
            f"error: the simulator needs `pip install seedance[testing]` ({error})", err=True
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
    from ..testing._drift import DRIFT_KINDS

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
        for simulator in simulators:
            typer.echo(f"{simulator.provider}: {server.base_url(simulator.provider)}")
        typer.echo("Serving; Ctrl-C stops.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            typer.echo("stopped")


def main() -> None:
    app()
