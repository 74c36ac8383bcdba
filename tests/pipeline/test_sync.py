"""The committed specs, clients, provenance and drift report are exactly what the pipeline makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

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
    for folder in ("specs", "overlays", "generated", "docs"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )


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


def test_provenance_pins_the_inputs_and_the_generator(provider: Provider) -> None:
    record = json.loads((ROOT / provider.client / "provenance.json").read_text(encoding="utf-8"))
    assert record["generator"] == f"openapi-python-client {GENERATOR_VERSION}"
    assert set(record["inputs"]) == {str(path) for path in provider.inputs}
    assert set(record["curated_spec"]) == {str(provider.curated)}
