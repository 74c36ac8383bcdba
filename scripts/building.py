"""Build: curate each provider's spec, generate its client, judge every change since its recorded
version, check the names the facade uses, and write the drift and change reports."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from changelog import CHANGELOG, changelog_section, printed_report, render_changes, replace_section
from facade_names import adapter_problems
from generation import (
    digest,
    generate_client,
    generate_from_document,
    package_digest,
    read_provenance,
    require_tool_versions,
)
from package_index import PackageIndex
from project import (
    ROOT,
    CuratedSpec,
    PipelineError,
    Provider,
    discover_providers,
    dump_yaml,
    load_yaml,
    package_version,
)
from schemadiff import Change
from simulator_names import simulator_problems
from specdiff import diff_specs
from targets import lost as lost_nodes
from versions import Record, Verdict, judge, load_record

from drift import render_drift_report
from overlay import OverlayError, apply_overlay

__all__ = ["ACCEPT_LOST", "DRIFT_REPORT", "Outcome", "build", "curate", "report"]

_CODE_ONLY = (
    "the generated code changed, not its spec nor its public surface (the generator, its"
    " templates or its configuration changed): at least a patch version"
)

DRIFT_REPORT = Path("docs/drift.md")
ACCEPT_LOST = "--accept-lost-targets"


@dataclass
class Outcome:
    """What one generation did for one provider."""

    spec: CuratedSpec
    record: Record | None = None
    verdict: Verdict | None = None
    problems: list[str] = field(default_factory=list)
    """Names the facade or the simulator uses that the new spec or package no longer has."""


def curate(
    provider: Provider,
    root: Path = ROOT,
    *,
    recorded: dict[str, list[str]] | None = None,
    previous: Any = None,
    upstream: Any = None,
) -> CuratedSpec:
    """Apply the provider's overlay to its upstream document.

    *recorded* is what each action selected last time (``overlay_selections`` of the client's
    provenance): every node selected then and not now is listed in ``CuratedSpec.lost``.
    *upstream*, when given, is the document to start from instead of ``provider.upstream`` on
    disk: the base provider's spec as this run curated it (``Provider.base``).
    """
    if upstream is None:
        upstream = load_yaml(root / provider.upstream)
    try:
        curated, actions = apply_overlay(
            upstream, load_yaml(root / provider.overlay), previous=previous
        )
    except OverlayError as error:
        raise PipelineError(f"{provider.overlay}: {error}") from error
    lost = [
        f"{provider.overlay}: {step.describe()} no longer selects {node}, which it selected when"
        f" {provider.client} was generated ({_upstream_has(upstream, node, provider)}): its"
        " correction, and its row in docs/drift.md, would disappear"
        for step in actions
        for node in lost_nodes(recorded or {}, step.key, step.selected)
    ]
    return CuratedSpec(provider, upstream, curated, actions, lost)


def build(
    out: Path,
    *,
    clients: bool = True,
    only: str | None = None,
    root: Path = ROOT,
    accept_lost: bool = False,
) -> list[Outcome]:
    """Write curated specs (and, with *clients*, clients, drift report and change reports) under
    *out*, reading inputs and the previous generation's records from *root*.

    With *only*, just that provider's spec, client and change report are written; the drift
    report and CHANGELOG.md, which cover every provider, are left alone.
    """
    providers = discover_providers(root, only)
    if not providers:
        raise PipelineError(f"no provider {only!r}: expected specs/{only}/upstream.yaml")
    outcomes = []
    curated: dict[str, Any] = {}  # a provider extending another's spec starts from this run's
    for provider in providers:
        previous = root / provider.curated
        spec = curate(
            provider,
            root,
            recorded=read_provenance(provider, root).get("overlay_selections", {}),
            previous=load_yaml(previous) if previous.is_file() else None,
            upstream=curated.get(provider.base) if provider.base is not None else None,
        )
        curated[provider.name] = spec.curated
        outcomes.append(Outcome(spec))
    lost = [line for outcome in outcomes for line in outcome.spec.lost]
    if lost and not accept_lost:
        raise PipelineError(
            "\n".join(lost)
            + "\nFix the overlay (or the upstream), or, if the upstream dropped what these"
            f" actions corrected on purpose, accept it: `nox -s generate -- {ACCEPT_LOST}`"
        )
    for outcome in outcomes:
        target = out / outcome.spec.provider.curated
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(outcome.spec.curated), encoding="utf-8")
    if not clients:
        return outcomes
    require_tool_versions()
    versions = {
        outcome.spec.provider: package_version(outcome.spec.provider, root) for outcome in outcomes
    }
    with tempfile.TemporaryDirectory(prefix="seedance-baseline-") as scratch:
        baselines = {
            outcome.spec.provider: _committed_baseline(outcome.spec.provider, root)
            for outcome in outcomes
        }  # read before the clients are (re)written: *out* may be *root*
        for outcome in outcomes:
            generate_client(outcome.spec, versions[outcome.spec.provider], out, root)
        for outcome in outcomes:
            provider = outcome.spec.provider
            _judge(outcome, versions[provider], baselines[provider], out, root, Path(scratch))
            document = load_yaml(out / provider.curated)
            index = PackageIndex(provider.package, out / "generated")
            outcome.problems = adapter_problems(provider, document, index, root)
            outcome.problems += simulator_problems(provider, document, root)
    if only is None:
        report = out / DRIFT_REPORT
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(
            render_drift_report([outcome.spec for outcome in outcomes]), encoding="utf-8"
        )
        _write_changelog(outcomes, out, root)
    return outcomes


def _committed_baseline(provider: Provider, root: Path) -> Any:
    """The committed client's public surface, when its code is the recorded version's (else None:
    it was generated since, and the recorded version's spec is generated again to compare)."""
    from surface import load_surface  # griffe: not in the consumer test environments

    record = load_record(provider, root)
    folder = root / provider.client
    if record is None or not folder.is_dir() or package_digest(folder) != record.package_digest:
        return None
    return load_surface(provider.package, root / "generated")


def _judge(
    outcome: Outcome, version: str, baseline: Any, out: Path, root: Path, scratch: Path
) -> None:
    """Classify every change since the recorded version; write the record and the report."""
    from surface import diff_surfaces, load_surface

    provider = outcome.spec.provider
    record = load_record(provider, root)
    document = json.loads((out / provider.client / "openapi.json").read_text(encoding="utf-8"))
    spec_digest = digest(out / provider.curated)
    code = package_digest(out / provider.client)
    changes: list[Change] = []
    if record is not None:
        if record.spec_digest != spec_digest:
            changes += diff_specs(record.spec, document)
        if baseline is None and record.spec_digest != spec_digest:
            folder = scratch / provider.name
            generate_from_document(record.spec, folder / provider.package, provider, root)
            baseline = load_surface(provider.package, folder)
        if baseline is not None:
            changes += diff_surfaces(baseline, load_surface(provider.package, out / "generated"))
        if not changes and code != record.package_digest:
            changes.append(Change("documentation", provider.package, _CODE_ONLY))
    operations = sum(
        1 for item in (document.get("paths") or {}).values() for key in item if key != "parameters"
    )
    schemas = len((document.get("components") or {}).get("schemas") or {})
    summary = (
        _summary(changes)
        if record is not None
        else (f"The first recorded version: {operations} operations, {schemas} schemas.")
    )
    outcome.record, outcome.verdict = judge(
        provider, record, version, document, spec_digest, changes, summary, code
    )
    (out / provider.changes_record).parent.mkdir(parents=True, exist_ok=True)
    (out / provider.changes_record).write_text(outcome.record.to_json(), encoding="utf-8")
    (out / provider.changes_report).write_text(
        render_changes(outcome.record, outcome.verdict), encoding="utf-8"
    )


def _summary(changes: list[Change]) -> str:
    counts = {
        level: sum(1 for change in changes if change.level == level)
        for level in ("breaking", "additive", "documentation")
    }
    parts = [f"{count} {level}" for level, count in counts.items() if count]
    return ("Changes: " + ", ".join(parts) + ".") if parts else ""


def _write_changelog(outcomes: list[Outcome], out: Path, root: Path) -> None:
    records = [
        (outcome.record, outcome.verdict)
        for outcome in outcomes
        if outcome.record is not None and outcome.verdict is not None
    ]
    existing = root / CHANGELOG
    text = existing.read_text(encoding="utf-8") if existing.is_file() else ""
    (out / CHANGELOG).write_text(
        replace_section(text, changelog_section(records)), encoding="utf-8"
    )


def _upstream_has(upstream: Any, node: str, provider: Provider) -> str:
    from jsonpath import JSONPathEnvironment, JSONPathError

    try:
        found = bool(JSONPathEnvironment(strict=True).findall(node, upstream))
    except JSONPathError:
        found = False
    if found:
        return f"{provider.upstream} still has it: the target no longer matches it"
    return f"{provider.upstream} has no such node now"


def report(outcomes: list[Outcome]) -> str:
    verdicts = [outcome.verdict for outcome in outcomes if outcome.verdict is not None]
    accepted = {
        outcome.spec.provider.name: [f"accepted: {line}" for line in outcome.spec.lost]
        for outcome in outcomes
    }
    return printed_report(verdicts, accepted)
