"""``nox -s check``: regenerate everything into a temporary tree and name every difference.

One problem per difference: a file missing, extra or different (with a unified diff, bounded in
length), an input changed since its client was generated (compared by digest with what the
client's provenance recorded), a version that does not cover the changes since the recorded one,
and a name the facade or a simulator uses that the spec or the package no longer has.
"""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

from building import DRIFT_REPORT, build
from changelog import CHANGELOG
from generation import digest, read_provenance
from project import ROOT, PipelineError, Provider, discover_providers
from versions import Verdict

__all__ = ["DIFF_LINES_PER_FILE", "DIFF_LINES_TOTAL", "check", "unified_diff"]

DIFF_LINES_PER_FILE = 40
DIFF_LINES_TOTAL = 400
_CHANGES_SHOWN = 12


def check(root: Path = ROOT) -> list[str]:
    """Regenerate everything into a temporary tree; return one problem per difference."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="seedance-check-") as temporary:
        fresh = Path(temporary)
        try:
            outcomes = build(fresh, root=root)
        except PipelineError as error:
            return [str(error)]
        providers = [outcome.spec.provider for outcome in outcomes]
        for outcome in outcomes:
            problems += _provenance_problems(outcome.spec.provider, fresh, root)
            problems += outcome.problems
            if outcome.verdict is not None and outcome.verdict.pending:
                problems.append(_pending(outcome.verdict))
        expected = _outputs(fresh, providers)
        committed = _outputs(root, discover_providers(root))
        for path in sorted(expected - committed):
            problems.append(f"{path}: missing (run `nox -s generate` and commit it)")
        for path in sorted(committed - expected):
            problems.append(f"{path}: extra, the pipeline does not produce it (delete it)")
        budget = DIFF_LINES_TOTAL
        for path in sorted(expected & committed):
            old, new = (root / path).read_bytes(), (fresh / path).read_bytes()
            if old == new:
                continue
            lines = unified_diff(old, new, str(path), min(DIFF_LINES_PER_FILE, budget))
            budget = max(0, budget - len(lines))
            text = f"{path}: differs from what the pipeline produces (run `nox -s generate`)"
            problems.append("\n".join([text, *(f"    {line}" for line in lines)]))
    return problems


def unified_diff(old: bytes, new: bytes, name: str, limit: int) -> list[str]:
    """At most *limit* lines of the unified diff from the committed file to the fresh one."""
    before = old.decode("utf-8", "replace").splitlines()
    after = new.decode("utf-8", "replace").splitlines()
    lines = list(
        difflib.unified_diff(
            before, after, f"committed: {name}", f"pipeline: {name}", n=2, lineterm=""
        )
    )
    if len(lines) <= limit:
        return lines
    shown = lines[:limit]
    return [*shown, f"... {len(lines) - limit} more diff line(s)"]


def _pending(verdict: Verdict) -> str:
    changes = sorted(verdict.changes, key=lambda change: change.level != "breaking")
    lines = [f"    {change.line()}" for change in changes[:_CHANGES_SHOWN]]
    if len(changes) > _CHANGES_SHOWN:
        lines.append(
            f"    ... {len(changes) - _CHANGES_SHOWN} more in {verdict.provider.changes_report}"
        )
    return "\n".join([verdict.headline(), *lines])


def _outputs(base: Path, providers: list[Provider]) -> set[Path]:
    paths = {provider.curated for provider in providers if (base / provider.curated).is_file()}
    for single in (DRIFT_REPORT, Path(CHANGELOG)):
        if (base / single).is_file():
            paths.add(single)
    for provider in providers:
        for path in (provider.changes_record, provider.changes_report):
            if (base / path).is_file():
                paths.add(path)
    for folder in sorted((base / "generated").glob("*")):
        if folder.is_dir():
            paths |= {
                path.relative_to(base)
                for path in folder.rglob("*")
                if path.is_file() and "__pycache__" not in path.parts
            }
    return paths


def _provenance_problems(provider: Provider, fresh: Path, root: Path) -> list[str]:
    """Each input and template whose digest differs from what the committed provenance recorded,
    and a curated spec edited by hand (its committed file against its recorded digest)."""
    committed = read_provenance(provider, root)
    if not committed:
        return []
    current = read_provenance(provider, fresh)
    problems = []
    since = f"since {provider.client} was generated (run `nox -s generate` and commit the result)"
    for section in ("inputs", "templates"):
        before, after = committed.get(section, {}), current.get(section, {})
        for path in sorted(before.keys() | after.keys()):
            if path not in before:
                problems.append(f"{path}: new {since}")
            elif path not in after:
                problems.append(f"{path}: removed {since}")
            elif before[path] != after[path]:
                problems.append(f"{path}: changed {since}")
    recorded = committed.get("curated_spec", {}).get(str(provider.curated))
    on_disk = root / provider.curated
    if recorded is not None and on_disk.is_file() and digest(on_disk) != recorded:
        problems.append(
            f"{provider.curated}: edited since {provider.client} was generated: the pipeline"
            " writes it (edit the upstream or the overlay instead)"
        )
    if committed.get("generator") != current.get("generator"):
        problems.append(
            f"{provider.client}/provenance.json: generated by {committed.get('generator')},"
            f" the pinned generator is {current.get('generator')}"
        )
    return problems
