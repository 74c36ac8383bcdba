"""The overlay applier against the Overlay specification's own conformance cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import SHARED, shared_path
from overlay import InvalidOverlayError, apply_overlay, check_overlay

CASES = SHARED / "overlay-spec"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _names(folder: Path, pattern: str) -> list[str]:
    return sorted(path.name for path in folder.glob(pattern)) if folder.is_dir() else []


@pytest.mark.parametrize("name", _names(CASES / "compliant-sets", "*/"))
def test_compliant_set_gives_the_expected_output(name: str) -> None:
    folder = shared_path("overlay-spec", "compliant-sets", name)
    result, applied = apply_overlay(_load(folder / "openapi.yaml"), _load(folder / "overlay.yaml"))
    assert result == _load(folder / "output.yaml")
    assert all(step.locations for step in applied)


def _documents() -> list[tuple[str, str, str]]:
    cases = []
    for version in ("v1.0", "v1.1"):
        for verdict in ("pass", "fail"):
            cases += [
                (version, verdict, name)
                for name in _names(CASES / "tests" / version / verdict, "*.yaml")
            ]
    return cases


@pytest.mark.parametrize(("version", "verdict", "name"), _documents())
def test_document_check_agrees_with_the_official_schema(
    version: str, verdict: str, name: str
) -> None:
    document = _load(shared_path("overlay-spec", "tests", version, verdict, name))
    schema = _load(shared_path("overlay-spec", "schemas", version, "schema.yaml"))
    official = Draft202012Validator(schema).is_valid(document)
    assert official == (verdict == "pass"), "the official schema disagrees with the case's folder"
    if verdict == "pass":
        check_overlay(document)
    else:
        with pytest.raises(InvalidOverlayError):
            check_overlay(document)


def test_every_case_folder_was_found() -> None:
    shared_path("overlay-spec")
    assert len(_names(CASES / "compliant-sets", "*/")) >= 8
    assert len(_documents()) >= 60
