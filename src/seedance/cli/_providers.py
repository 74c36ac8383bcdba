"""``seedance providers``: what each provider and model accepts, from an overview of every
provider (a line each) down to one model's fields; ``--json`` is always the complete matrix of
what was asked for (`seedance.ProviderCapabilities.as_dict`)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from .. import ModelCapabilities, ProviderCapabilities
from .. import capabilities as provider_capabilities
from ..adapters import adapter, provider_names
from . import _output
from ._app import app
from ._options import (
    DEFAULT_PROVIDER,
    EPILOG,
    JOB_PANEL,
    OPTION_OF,
    PROVIDERS,
    JsonOption,
    VerboseOption,
)
from ._session import CliError, Common, Session, run

__all__ = ["providers"]


@app.command(rich_help_panel=JOB_PANEL, epilog=EPILOG)
def providers(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[PROVIDER]", help=f"Only this provider: {PROVIDERS}.", show_default=False
        ),
    ] = None,
    provider: Annotated[
        str | None,
        typer.Option("--provider", "-p", metavar="PROVIDER", help="Same as PROVIDER."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", metavar="MODEL", help="Only this model (of PROVIDER, default genray)."
        ),
    ] = None,
    json_output: JsonOption = False,
    simulated: Annotated[
        bool, typer.Option("--simulated", help="Accepted for symmetry: the matrix is local.")
    ] = False,
    verbose: VerboseOption = False,
) -> None:
    """What each provider and model accepts (required fields marked !), and its operations.

    seedance providers: one line per provider; seedance providers genray: its models;
    seedance providers siray --model seedance-2.0: one model's fields.
    """
    chosen = name or provider
    if name and provider and name != provider:
        chosen = "/".join((name, provider))  # reported below as not a provider
    common = Common(chosen or DEFAULT_PROVIDER, json=json_output, verbose=verbose)

    def action(session: Session) -> None:
        if model is not None:
            caps = provider_capabilities(common.provider)
            if model not in caps.models:
                raise CliError(
                    f"--model {model!r} is not a model of {caps.provider}; one of:"
                    f" {', '.join(caps.models)}",
                    field="--model", value=model, allowed=", ".join(caps.models),
                )  # fmt: skip
            _one_model(session, caps, caps.models[model])
            return
        names = [common.provider] if chosen else list(provider_names())
        matrix = [provider_capabilities(each) for each in names]
        if json_output:
            _output.print_json(session.out, [caps.as_dict() for caps in matrix])
        elif chosen:
            _one_provider(session, matrix[0])
        else:
            session.out.print(_overview(matrix))

    run(common, action)


def _overview(matrix: list[ProviderCapabilities]) -> Table:
    table = Table(
        title="Seedance providers (! required besides --prompt; details: seedance providers NAME)",
        title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
    )  # fmt: skip
    for column in ("provider", "models", "default model *", "durations", "requires", "key"):
        table.add_column(column, overflow="fold")
    table.add_column("operations", overflow="fold", ratio=1)
    for caps in matrix:
        models = list(caps.models.values())
        durations = sorted({d for m in models for d in m.durations or ()})
        lengths = [d for d in durations if d > 0]
        span = f"{lengths[0]}-{lengths[-1]}s" if lengths else "any"
        if len(lengths) < len(durations):
            span += " or auto"
        # What every model requires; where models differ, their own view says which.
        always = set.intersection(*(set(m.required) for m in models)) if models else set()
        required = [_option_name(f) for f in sorted(always)]
        if any(set(m.required) - always for m in models):
            required.append("(more per model)")
        table.add_row(
            caps.provider,
            str(len(models)) + ("+" if caps.accepts_unknown_models else ""),
            caps.default_model + " *",
            span,
            " ".join(name if name.startswith("(") else f"!{name}" for name in required) or "—",
            " or ".join(adapter(caps.provider).api_key_env),
            " ".join(sorted(caps.operations)) or "—",
        )
    return table


def _one_provider(session: Session, caps: ProviderCapabilities) -> None:
    out = session.out
    chosen = adapter(caps.provider)
    out.print(f"[bold]{caps.provider}[/bold]  {chosen.base_url}", highlight=False)
    out.print(f"  key:        {' or '.join(chosen.api_key_env)} (or --api-key)", highlight=False)
    out.print(f"  operations: {' '.join(sorted(caps.operations)) or '—'}", highlight=False)
    if caps.accepts_unknown_models:
        out.print("  other model ids pass through, held to what some listed model allows")
    out.print(model_table(caps, width=out.width))
    models = list(caps.models.values())
    always = set.intersection(*(set(m.required) for m in models)) if models else set()
    if always:
        names = ", ".join(_option_name(f) for f in sorted(always))
        out.print(f"[bold]Required[/bold] on every request besides --prompt: {names}")
    for model in models:
        if set(model.required) - always:
            names = ", ".join(_option_name(f) for f in model.required)
            out.print(f"[bold]Required[/bold] by {model.model}: {names}", highlight=False)


def _one_model(session: Session, caps: ProviderCapabilities, model: ModelCapabilities) -> None:
    if session.common.json:
        _output.print_json(session.out, {"provider": caps.provider, **model.as_dict()})
        return
    out = session.out
    default = " (default)" if model.model == caps.default_model else ""
    out.print(f"[bold]{caps.provider} {model.model}[/bold]{default}", highlight=False)
    for field, allowed in _model_fields(model):
        mark = "!" if field in model.required else " "
        out.print(f" {mark} {_option_name(field):<18} {allowed}", highlight=False, markup=False)
    if model.notes:
        out.print(f"  notes: {model.notes}", highlight=False, markup=False)
    out.print("  (! required; —: not accepted)", highlight=False, markup=False)


def _model_fields(model: ModelCapabilities) -> list[tuple[str, str]]:
    def values(items: tuple[Any, ...] | None, unit: str = "") -> str:
        if items is None:
            return "—"
        return values_text(items, unit=unit) if items else "any"

    def flag(value: bool) -> str:
        return "yes" if value else "—"

    def up_to(count: int) -> str:
        return f"up to {count}" if count else "—"

    seed = f"{model.seed[0]} to {model.seed[1]}" if model.seed else "—"
    return [
        ("prompt", "text"),
        ("duration", values(model.durations, "s")),
        ("resolution", values(model.resolutions)),
        ("aspect_ratio", values(model.aspect_ratios)),
        ("seed", seed),
        ("first_frame", flag(model.first_frame)),
        ("last_frame", flag(model.last_frame)),
        ("reference_images", up_to(model.max_reference_images)),
        ("reference_videos", up_to(model.max_reference_videos)),
        ("reference_audios", up_to(model.max_reference_audios)),
        ("generate_audio", flag(model.generate_audio)),
        ("negative_prompt", flag(model.negative_prompt)),
        ("watermark", flag(model.watermark)),
        ("draft", flag(model.draft)),
        ("webhook_url", flag(model.webhook_url)),
    ]


def _option_name(field: str) -> str:
    return OPTION_OF.get(field, field)


def model_table(caps: ProviderCapabilities, *, width: int = 80) -> Table:
    """One row per model of *caps*: what each accepts (``—``: not accepted, ``!``: required).

    Model ids stay whole on a console *width* of 130 columns or more.
    """
    table = Table(
        title="Models (* default; ! required; — not accepted; any: undocumented values)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column("model", overflow="fold", no_wrap=width >= 130)
    # The lists wrap at a few values a line, leaving the width to the model ids.
    for name, most in (
        ("durations", 9),
        ("resolutions", 11),
        ("ratios", 14),
        ("references", 11),
        ("frames", 10),
        ("audio", 5),
    ):
        table.add_column(name, overflow="fold", max_width=most)
    for name, model in caps.models.items():
        table.add_row(
            name + (" *" if name == caps.default_model else ""),
            _mark("duration", model, values_text(model.durations, unit="s")),
            _mark("resolution", model, values_text(model.resolutions)),
            _mark("aspect_ratio", model, values_text(model.aspect_ratios)),
            _mark("reference_images", model, _references(model)),
            _mark("first_frame", model, _frames(model)),
            "yes" if model.generate_audio else "—",
        )
    if caps.accepts_unknown_models:
        table.add_row("[dim](other model ids pass through)[/dim]", *[""] * 6)
    return table


def _mark(field: str, model: ModelCapabilities, text: str) -> str:
    return f"!{text}" if field in model.required else text


def values_text(values: tuple[Any, ...] | None, *, unit: str = "") -> str:
    """Allowed values in short: ``4-15s``, ``480p 720p``, ``any`` (undocumented), ``—`` (none)."""
    if values is None:
        return "—"
    if not values:
        return "any"
    # A negative duration is no length: the provider's "pick one" (Replicate's -1).
    auto = [value for value in values if unit == "s" and isinstance(value, int) and value < 0]
    values = tuple(value for value in values if value not in auto)
    suffix = "".join(f" {value} (auto)" for value in auto)
    if all(isinstance(value, int) for value in values) and len(values) > 2:
        ordered = sorted(values)
        if ordered == list(range(ordered[0], ordered[-1] + 1)):
            return f"{ordered[0]}-{ordered[-1]}{unit}{suffix}"
    return " ".join(f"{value}{unit}" for value in values) + suffix


def _references(model: ModelCapabilities) -> str:
    parts = [
        f"{count} {kind}"
        for kind, count in (
            ("img", model.max_reference_images),
            ("vid", model.max_reference_videos),
            ("aud", model.max_reference_audios),
        )
        if count
    ]
    return " ".join(parts) or "—"


def _frames(model: ModelCapabilities) -> str:
    frames = [name for name, on in (("first", model.first_frame), ("last", model.last_frame)) if on]
    return "+".join(frames) or "—"
