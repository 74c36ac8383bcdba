"""Versions that mean something: the bump each level requires, when a version is recorded, and
how the change reports show it."""

from __future__ import annotations

import pytest
from changelog import changelog_section, render_changes, replace_section
from schemadiff import Change
from versions import Record, judge, required_version

from pipeline import PipelineError, Provider

GENRAY = Provider("genray", "seedance_genray")
BREAKING = Change("breaking", "CreateVideoRequest.reference_audios", "field removed")
ADDITIVE = Change("additive", "VideoStatus", 'enum value "cancelled" added')
DOCS = Change("documentation", "info", "info changed")


@pytest.mark.parametrize(
    ("level", "version"),
    [("breaking", "2.0.0"), ("additive", "1.5.0"), ("documentation", "1.4.3"), (None, "1.4.2")],
)
def test_each_level_requires_its_bump(level: str | None, version: str) -> None:
    assert required_version("1.4.2", level) == version


def _record(version: str = "1.0.0") -> Record:
    entry = {
        "version": version,
        "date": "2026-01-01",
        "level": "initial",
        "summary": "",
        "changes": [],
    }
    return Record("seedance_genray", version, {"openapi": "3.1.0"}, "sha256:old", [entry])


def test_a_package_without_a_record_starts_one_at_its_version() -> None:
    record, verdict = judge(GENRAY, None, "1.0.0", {}, "sha256:new", [], "first")
    assert record.version == "1.0.0"
    assert record.history[0]["level"] == "initial"
    assert verdict.recorded_now
    assert not verdict.pending


def test_a_change_without_a_bump_is_pending_and_says_which_version() -> None:
    record, verdict = judge(GENRAY, _record(), "1.0.0", {}, "sha256:new", [BREAKING, ADDITIVE], "")
    assert record == _record(), "nothing is recorded"
    assert verdict.pending
    assert verdict.level == "breaking"
    assert verdict.required == "2.0.0"
    assert verdict.headline() == (
        "seedance_genray: breaking changes since 1.0.0: it must take version 2.0.0 (set"
        " package_version_override: '2.0.0' in specs/genray/generator.yaml, then"
        " `nox -s generate`)"
    )


def test_a_bump_of_the_wrong_kind_is_still_pending() -> None:
    _, verdict = judge(GENRAY, _record(), "1.1.0", {}, "sha256:new", [BREAKING], "")
    assert verdict.pending
    assert "must take version 2.0.0, not 1.1.0," in verdict.headline()
    _, verdict = judge(GENRAY, _record(), "1.0.1", {}, "sha256:new", [ADDITIVE], "")
    assert verdict.pending
    assert verdict.required == "1.1.0"


@pytest.mark.parametrize(
    ("changes", "version"),
    [([BREAKING], "2.0.0"), ([ADDITIVE], "1.1.0"), ([ADDITIVE], "2.0.0"), ([DOCS], "1.0.1")],
)
def test_a_sufficient_bump_records_a_new_version(changes: list[Change], version: str) -> None:
    record, verdict = judge(GENRAY, _record(), version, {"new": 1}, "sha256:new", changes, "s")
    assert verdict.recorded_now
    assert not verdict.pending
    assert record.version == version
    assert record.spec == {"new": 1}
    assert record.spec_digest == "sha256:new"
    assert [entry["version"] for entry in record.history] == [version, "1.0.0"]
    assert record.history[0]["changes"][0]["where"] == changes[0].where


def test_a_version_lower_than_the_recorded_one_is_an_error() -> None:
    with pytest.raises(PipelineError, match=r"lower than 1\.2\.0"):
        judge(GENRAY, _record("1.2.0"), "1.1.0", {}, "sha256:x", [], "")


def test_the_reports_show_the_pending_change_and_the_history() -> None:
    record, verdict = judge(GENRAY, _record(), "1.0.0", {}, "sha256:new", [BREAKING, ADDITIVE], "")
    report = render_changes(record, verdict)
    assert "## Unreleased: must be 2.0.0 (breaking)" in report
    assert "- spec `CreateVideoRequest.reference_audios`: field removed" in report
    assert "### Additive (a minor version)" in report
    assert report.index("## Unreleased") < report.index("## 1.0.0 (2026-01-01, initial)")
    section = changelog_section([(record, verdict)])
    assert "**unreleased breaking changes: must be 2.0.0**" in section
    assert "- breaking: spec `CreateVideoRequest.reference_audios`: field removed" in section


def test_the_changelog_section_replaces_only_its_own_lines() -> None:
    record, verdict = judge(GENRAY, _record(), "1.0.0", {}, "sha256:old", [], "")
    section = changelog_section([(record, verdict)])
    text = "# Changelog\n\nHand-written notes.\n\n" + section + "\n\n## 0.1.0\n\n- more notes\n"
    again = replace_section(text, section.replace("1.0.0", "1.0.0 "))
    assert again.startswith("# Changelog\n\nHand-written notes.\n\n")
    assert again.endswith("\n\n## 0.1.0\n\n- more notes\n")
    assert replace_section("", section).count(section) == 1
