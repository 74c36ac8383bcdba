"""The preparation of a ``seedance batch`` run: the jobs file's valid lines recorded in the
manifest as pending before anything is sent, and what an interrupted run left settled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._batch_fetch import who
from ._batch_input import Problem, read_requests
from ._manifest import Manifest

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """What `prepare` found in the jobs file."""

    problems: list[Problem]
    """The lines that will not be sent."""
    ids: frozenset[str]
    """The ids of the file's valid lines: the run and its report are about these alone (the
    manifest may hold rows of lines an earlier version of the file had)."""


def prepare(
    manifest: Manifest,
    jobs_file: Path,
    provider: str,
    *,
    resubmit_unknown: bool = False,
    say: Callable[[str], None] = print,
) -> Prepared:
    """Record every new valid line as pending (before anything is sent) and settle what an
    interrupted run left behind; return the lines that will not be sent and the file's ids.

    Raises `ManifestError` before anything is recorded when the manifest holds a row no run
    leaves (edited or damaged)."""
    manifest.check()
    entries, problems = read_requests(jobs_file, provider)
    ids = frozenset(entry.id for entry in entries)
    fresh = []
    for entry in entries:
        row = manifest.get(entry.id)
        other = None if row is not None else manifest.get_folded(entry.id)
        if other is not None:
            message = (
                f"id {entry.id!r} differs from id {other.id!r}, recorded by an earlier run (line"
                f" {other.line}), only by case: both would write the same file on macOS and"
                " Windows; give it another id"
            )
            problems.append(Problem(entry.line, entry.id, message))
        elif row is None or row.request == entry.request:
            fresh.append((entry.line, entry.id, entry.request))
        elif manifest.revise(entry.id, entry.line, entry.request):
            say(f"line {entry.line} ({entry.id}): changed since the last run; it will be sent")
        else:
            message = (
                f"id {entry.id!r} is recorded with another request (from line {row.line}) that"
                f" has or may have a job ({row.state}); give this request a new id"
            )
            problems.append(Problem(entry.line, entry.id, message))
    manifest.record(fresh)
    for problem in sorted(problems, key=lambda problem: problem.line):
        say(f"line {problem.line}: invalid: {problem.message}")
    for row in manifest.recover(resubmit_unknown=resubmit_unknown):
        if row.id in ids:
            outcome = "sending it again (--resubmit-unknown)" if resubmit_unknown else "unknown"
            say(f"{who(row)}: the last run stopped during its create call: {outcome}")
    rows = manifest.rows()
    states = Counter(row.state for row in rows if row.id in ids)
    counts = ", ".join(f"{n} {state}" for state, n in sorted(states.items())) or "no requests"
    earlier = sum(row.id not in ids for row in rows)
    others = f" ({earlier} earlier request(s) not in {jobs_file.name}: left as they are)"
    say(f"{manifest.path}: {counts}{others if earlier else ''}")
    return Prepared(problems, ids)
