"""A run's findings as a plain-text table, a one-line verdict and a markdown report a person can
act on (`seedance verify`, the pytest plugin's summary)."""

from __future__ import annotations

from collections.abc import Iterable

from .._redact import redact
from ._findings import KINDS, Finding
from ._verify import VerifyResult

__all__ = ["markdown", "table", "verdict"]

_COLUMNS = ("severity", "kind", "operation", "field", "detail", "request")


def _rows(findings: Iterable[Finding]) -> list[tuple[str, ...]]:
    ordered = sorted(findings, key=lambda f: (f.severity != "error", f.operation, f.kind, f.field))
    return [
        (f.severity, f.kind, f.operation, f.field or "-", f.detail, f"{f.request} -> {f.status}")
        for f in ordered
    ]


def table(result: VerifyResult) -> str:
    """The verdict line, then one row per finding (secrets and signed queries removed)."""
    lines = [verdict(result)]
    rows = _rows(result.findings)
    if rows:
        widths = [min(60, max(len(r[i]) for r in [_COLUMNS, *rows])) for i in range(6)]
        for row in [_COLUMNS, *rows]:
            cells = [
                cell if len(cell) <= w else cell[: w - 1] + "~"
                for cell, w in zip(row, widths, strict=True)
            ]
            lines.append(
                "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()
            )
    if result.spend is not None:
        spend = result.spend
        lines.append(
            f"spend: {spend.attempts}/{spend.budget} creates, {len(spend.accepted)} accepted,"
            f" {spend.unknown} unknown outcome, {len(spend.downloaded)} downloaded"
        )
        lines += [f"  - {failure}" for failure in spend.failures]
    return redact("\n".join(lines))


def verdict(result: VerifyResult) -> str:
    errors = len(result.errors)
    warnings = len(result.findings) - errors
    probes = len(result.exchanges)
    head = f"{result.provider} at {result.base_url}: {probes} exchanges checked"
    if result.problem:
        return redact(f"{head}; stopped: {result.problem}")
    if errors:
        return f"{head}; DRIFT: {errors} errors, {warnings} warnings"
    return f"{head}; conforms" + (f" ({warnings} warnings)" if warnings else "")


def markdown(result: VerifyResult) -> str:
    """The report: verdict, findings table, what each kind means, and the exchanges."""
    out = [f"# seedance verify: {result.provider}", "", f"**{verdict(result)}**", ""]
    rows = _rows(result.findings)
    if rows:
        out += ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        out += ["", "## What the kinds mean", ""]
        out += [f"- `{kind}`: {KINDS[kind]}" for kind in sorted({f.kind for f in result.findings})]
        out += [
            "",
            "Fix: a provider that changed is answered by an overlay action in"
            " `specs/overlays/<provider>.yaml` citing the recorded exchange (docs/CURATING.md).",
        ]
    out += ["", "## Exchanges", ""]
    out += [
        f"- {e.probe or '-'}: `{e.shown}` -> {e.status} ({len(e.findings)} findings)"
        for e in result.exchanges
    ]
    if result.spend is not None:
        spend = result.spend
        out += ["", "## Spend", "", f"- budget {spend.budget}, creates sent {spend.attempts}"]
        out += [f"- accepted: {', '.join(spend.accepted) or 'none'}", f"- unknown: {spend.unknown}"]
        out += [f"- downloaded and verified: {len(spend.downloaded)}"]
        out += [f"- {failure}" for failure in spend.failures]
    return redact("\n".join(out) + "\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
