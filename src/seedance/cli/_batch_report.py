"""The report of ``seedance batch``: per-request states as a table or as JSON."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..redaction import redact
from ._batch_input import Problem
from ._manifest import Manifest

__all__ = ["summary"]


# --- the report ---------------------------------------------------------------------------------
_REASONS = {
    "pending": "not sent yet; run the batch again",
    "submitted": "the job is still running; run the batch again to wait on it",
    "succeeded": "not downloaded yet; run the batch again",
}


def summary(
    manifest: Manifest, problems: list[Problem], ids: frozenset[str] | None = None
) -> dict[str, Any]:
    """Counts per state and one entry per request of the jobs file (its *ids*; invalid lines
    included), by line; the manifest's rows of lines the file no longer has are ``earlier``."""
    entries: list[dict[str, Any]] = []
    earlier: list[dict[str, Any]] = []
    for row in manifest.rows():
        state = "unknown" if row.state == "submitting" else row.state
        # Redacted again: a manifest written by an older version stored errors as they came.
        error = redact(row.error) if row.error else _REASONS.get(state)
        if state == "unknown":
            error = f"{error}; --resubmit-unknown sends it again"
        entry = {
            "line": row.line,
            "id": row.id,
            "state": state,
            "job_id": row.job_id,
            "file": str(manifest.folder / f"{row.id}.mp4") if state == "downloaded" else None,
            "error": None if state == "downloaded" else error,
        }
        if ids is None or row.id in ids:
            entries.append(entry)
        else:
            # Its line number is that of a file that has changed since: it is not reported as
            # the current line of that number.
            entry["line"] = None
            entry["error"] = "not in the jobs file any more: left as it is"
            earlier.append(entry)
    entries += [
        {"line": p.line, "id": p.id, "state": "invalid", "job_id": None, "file": None,
         "error": p.message}
        for p in problems
    ]  # fmt: skip
    entries.sort(key=lambda entry: (entry["line"], entry["id"] or ""))
    counts = Counter(entry["state"] for entry in entries)
    return {
        "manifest": str(manifest.path),
        "ok": all(entry["state"] == "downloaded" for entry in entries),
        "counts": dict(sorted(counts.items())),
        "requests": entries,
        "earlier": earlier,
    }


def print_table(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)
    table = Table(title=f"seedance batch: {report['manifest']}", title_justify="left")
    table.add_column("line", justify="right")
    table.add_column("id", overflow="fold")
    table.add_column("state", no_wrap=True)
    table.add_column("job", overflow="fold")
    table.add_column("file or reason", overflow="fold", ratio=1)
    styles = {"downloaded": "green", "failed": "red", "invalid": "red", "unknown": "yellow"}
    for entry in report["requests"]:
        table.add_row(
            str(entry["line"]),
            Text(entry["id"] or ""),
            Text(entry["state"], style=styles.get(entry["state"], "cyan")),
            Text(entry["job_id"] or ""),
            Text(entry["file"] or entry["error"] or ""),
        )
    console.print(table)
    counts = ", ".join(f"{count} {state}" for state, count in report["counts"].items())
    total = len(report["requests"])
    console.print(f"{total} request{'s' if total != 1 else ''}: {counts}", markup=False)
    earlier = report.get("earlier") or []
    if earlier:
        states = ", ".join(f"{e['id']} ({e['state']})" for e in earlier)
        console.print(
            f"{len(earlier)} earlier request(s) in the manifest, not in the jobs file (left as"
            f" they are): {states}",
            markup=False,
        )
