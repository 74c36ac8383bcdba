"""The committed specs, clients, provenance and drift report are exactly what the pipeline makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from checking import unified_diff
from project import package_version

from pipeline import (
    GENERATOR_VERSION,
    ROOT,
    Provider,
    check,
    discover_providers,
    dump_yaml,
    load_yaml,
)

pytestmark = pytest.mark.slow


def test_everything_committed_is_in_sync() -> None:
    problems = check()
    assert not problems, "\n".join(problems)


def _copy_project(target: Path) -> None:
    for folder in ("specs", "overlays", "generated", "docs", "scripts/templates"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "CHANGELOG.md", target / "CHANGELOG.md")


def test_a_one_character_edit_anywhere_is_caught_and_named(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    first, second = discover_providers(tmp_path)[:2]
    overlay = tmp_path / first.overlay
    text = overlay.read_text(encoding="utf-8")
    at = text.index(" the ", text.index("actions:")) + 3  # "the" becomes "thy" in a description
    overlay.write_text(text[:at] + "y" + text[at + 1 :], encoding="utf-8")
    hand_edited = tmp_path / second.client / "client.py"
    hand_edited.write_text(hand_edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    (tmp_path / second.client / "stray.py").write_text("", encoding="utf-8")

    report = "\n".join(check(root=tmp_path))

    assert f"{first.overlay}: changed since {first.client} was generated" in report
    assert f"{second.client}/client.py: differs" in report
    assert f"{second.client}/stray.py: extra" in report
    # each difference is shown, as a unified diff from the committed file to the pipeline's
    assert f"    --- committed: {second.client}/client.py" in report
    assert "    -# edited" in report
    # no input is said to have changed unless it did
    changed = [line for line in report.splitlines() if "changed since" in line]
    assert changed == [
        f"{first.overlay}: changed since {first.client} was generated (run `nox -s generate`"
        " and commit the result)"
    ]


def test_an_overlay_that_is_no_longer_yaml_is_named(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    provider = discover_providers(tmp_path)[0]
    overlay = tmp_path / provider.overlay
    overlay.write_text(overlay.read_text(encoding="utf-8") + "  - target: [\n", encoding="utf-8")

    (problem,) = check(root=tmp_path)

    assert str(overlay) in problem
    assert "not valid YAML" in problem


def test_an_overlay_action_that_no_longer_matches_is_named(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    provider = discover_providers(tmp_path)[0]
    upstream = tmp_path / provider.upstream
    document = load_yaml(upstream)
    document.pop("paths")
    upstream.write_text(dump_yaml(document), encoding="utf-8")

    (problem,) = check(root=tmp_path)

    assert problem.startswith(f"{provider.overlay}: action ")
    assert "selects nothing" in problem


def test_provenance_pins_the_inputs_the_generator_the_version_and_the_selections(
    provider: Provider,
) -> None:
    record = json.loads((ROOT / provider.client / "provenance.json").read_text(encoding="utf-8"))
    assert record["generator"] == f"openapi-python-client {GENERATOR_VERSION}"
    assert set(record["inputs"]) == {str(path) for path in provider.inputs}
    assert set(record["curated_spec"]) == {str(provider.curated)}
    assert record["version"] == package_version(provider)
    init = (ROOT / provider.client / "__init__.py").read_text(encoding="utf-8")
    assert f'__version__ = "{record["version"]}"' in init
    overlay = load_yaml(ROOT / provider.overlay)
    assert len(record["overlay_selections"]) == len(overlay["actions"])
    assert all(record["overlay_selections"].values()), "every action selected something"


def test_the_recorded_version_is_the_configured_one(provider: Provider) -> None:
    changes = json.loads((ROOT / provider.changes_record).read_text(encoding="utf-8"))
    assert changes["version"] == package_version(provider)
    assert changes["package"] == provider.package
    assert changes["history"][0]["version"] == changes["version"]


def test_a_diff_is_bounded_in_length() -> None:
    old = "".join(f"line {number}\n" for number in range(500)).encode()
    new = old.replace(b"line", b"LINE")
    lines = unified_diff(old, new, "big.txt", 40)
    assert len(lines) == 41
    assert lines[0] == "--- committed: big.txt"
    assert lines[-1] == "... 963 more diff line(s)"
    assert unified_diff(b"a\n", b"b\n", "small.txt", 40)[-2:] == ["-a", "+b"]
