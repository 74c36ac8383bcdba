"""Versions that mean something: each client package's version follows what changed.

``docs/changes/<provider>.json`` is the record of a client package: every version with its
changes, and the curated spec of the latest version (the baseline every later change is measured
against). On each generation the curated spec and the package's public Python surface are compared
with that baseline and every change is classified (``scripts/specdiff.py``,
``scripts/surface.py``). The version the package must take follows from the highest level:

- breaking: the next major version (1.4.2 -> 2.0.0);
- additive: the next minor version (1.4.2 -> 1.5.0);
- documentation only: the next patch version (1.4.2 -> 1.4.3).

The version itself is ``package_version_override`` in ``specs/<provider>/generator.yaml``, set by
the maintainer. When it is at least the version required (and above the recorded one), the
generation records a new version: its changes, its date, and the new baseline. Until then the
change is *pending*: ``docs/changes/<provider>.md`` shows it under "Unreleased" with the version
required, and ``nox -s check`` fails naming it. A recorded version is final: a later change takes a
later version, so set the version once the change is complete.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from project import VERSION, PipelineError, Provider
from schemadiff import LEVELS, Change, highest

__all__ = [
    "Record",
    "Verdict",
    "judge",
    "load_record",
    "required_version",
]


@dataclass
class Record:
    """What ``docs/changes/<provider>.json`` holds."""

    package: str
    version: str
    spec: Any
    spec_digest: str
    history: list[dict[str, Any]] = field(default_factory=list)
    package_digest: str = ""
    """The generated code of this version (`generation.package_digest`)."""

    def to_json(self) -> str:
        data = {
            "package": self.package,
            "version": self.version,
            "history": self.history,
            "package_digest": self.package_digest,
            "spec_digest": self.spec_digest,
            "spec": self.spec,
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


@dataclass
class Verdict:
    """The changes since the recorded version, and what they mean for the version."""

    provider: Provider
    recorded: str
    configured: str
    changes: list[Change]
    required: str
    recorded_now: bool = False
    """True when this generation recorded a new version."""
    initial: bool = False
    """True when that version is the package's first."""

    @property
    def level(self) -> str | None:
        return highest(self.changes)

    @property
    def pending(self) -> bool:
        """Changed since the recorded version without a version that covers the change."""
        return bool(self.changes) and not self.recorded_now

    def headline(self) -> str:
        package = self.provider.package
        if self.recorded_now and self.initial:
            return f"{package} {self.configured}: the first recorded version"
        if self.recorded_now:
            was = f" (was {self.recorded})" if self.recorded != self.configured else ""
            return f"{package} {self.configured}{was}: {self.level or 'no change'}, recorded"
        if not self.changes:
            return f"{package} {self.configured}: no change since {self.recorded}"
        says = f", not {self.configured}," if self.configured != self.recorded else ""
        return (
            f"{package}: {self.level} changes since {self.recorded}: it must take version"
            f" {self.required}{says} (set package_version_override: '{self.required}' in"
            f" {self.provider.generator_config}, then `nox -s generate`)"
        )


def load_record(provider: Provider, root: Path) -> Record | None:
    path = root / provider.changes_record
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Record(
            data["package"],
            data["version"],
            data["spec"],
            data["spec_digest"],
            data["history"],
            data.get("package_digest", ""),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise PipelineError(f"{provider.changes_record}: not a changes record ({error})") from error


def required_version(version: str, level: str | None) -> str:
    """The lowest version after *version* that a change of *level* allows."""
    major, minor, patch = _parts(version)
    if level == "breaking":
        return f"{major + 1}.0.0"
    if level == "additive":
        return f"{major}.{minor + 1}.0"
    if level == "documentation":
        return f"{major}.{minor}.{patch + 1}"
    return version


def judge(
    provider: Provider,
    record: Record | None,
    configured: str,
    spec: Any,
    spec_digest: str,
    changes: list[Change],
    summary: str,
    package_digest: str = "",
) -> tuple[Record, Verdict]:
    """Compare the configured version with the recorded one and the changes between them.

    Returns the record to write (with a new version when the configured one covers the changes)
    and the verdict. A package without a record starts one at its configured version.
    """
    if record is None:
        entry = _entry(configured, "initial", [], summary)
        new = Record(provider.package, configured, spec, spec_digest, [entry], package_digest)
        verdict = Verdict(provider, configured, configured, [], configured, True, initial=True)
        return new, verdict
    if _parts(configured) < _parts(record.version):
        raise PipelineError(
            f"{provider.generator_config}: package_version_override {configured} is lower than"
            f" {record.version}, the version recorded in {provider.changes_record}"
        )
    level = highest(changes)
    required = required_version(record.version, level)
    verdict = Verdict(provider, record.version, configured, changes, required)
    bumped = _parts(configured) > _parts(record.version)
    if bumped and _parts(configured) >= _parts(required):
        entry = _entry(configured, level or "no change", changes, summary)
        history = [entry, *record.history]
        verdict.recorded_now = True
        new = Record(provider.package, configured, spec, spec_digest, history, package_digest)
        return new, verdict
    return record, verdict


def _entry(version: str, level: str, changes: list[Change], summary: str) -> dict[str, Any]:
    return {
        "version": version,
        "date": datetime.date.today().isoformat(),
        "level": level,
        "summary": summary,
        "changes": [
            {"level": change.level, "where": change.where, "what": change.what}
            for change in sorted(changes, key=lambda change: -LEVELS.index(change.level))
        ],
    }


def _parts(version: str) -> tuple[int, int, int]:
    match = VERSION.match(version)
    if match is None:
        raise PipelineError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = (int(group) for group in match.groups())
    return major, minor, patch
