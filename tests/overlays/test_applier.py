"""Overlay semantics the conformance cases leave out: errors, merging, copying, removal order."""

from __future__ import annotations

from typing import Any

import pytest

from overlay import InvalidOverlayError, OverlayError, UnmatchedTargetError, apply_overlay


def overlay(*actions: dict[str, Any], version: str = "1.1.0") -> dict[str, Any]:
    return {"overlay": version, "info": {"title": "t", "version": "1"}, "actions": list(actions)}


DOCUMENT: dict[str, Any] = {
    "info": {"title": "API", "version": "1"},
    "servers": [{"url": "https://a"}, {"url": "https://b"}],
    "components": {
        "schemas": {"A": {"type": "object", "required": ["x"], "properties": {"x": {}}}}
    },
}


def test_unmatched_target_is_an_error_naming_the_action() -> None:
    action = {
        "target": "$.components.schemas.Missing",
        "description": "Fix the Missing schema",
        "remove": True,
    }
    with pytest.raises(UnmatchedTargetError, match=r"action 0 .*Missing.*Fix the Missing schema"):
        apply_overlay(DOCUMENT, overlay(action))


def test_invalid_jsonpath_is_rejected_in_strict_mode() -> None:
    with pytest.raises(InvalidOverlayError, match="RFC 9535"):
        apply_overlay(DOCUMENT, overlay({"target": "$.servers[?@.url =~ 'a']", "remove": True}))


def test_update_merges_objects_recursively_and_concatenates_arrays() -> None:
    action = {
        "target": "$.components.schemas.A",
        "update": {"required": ["y"], "properties": {"y": {}}},
    }
    result, _ = apply_overlay(DOCUMENT, overlay(action))
    schema = result["components"]["schemas"]["A"]
    assert schema["required"] == ["x", "y"]
    assert set(schema["properties"]) == {"x", "y"}
    assert DOCUMENT["components"]["schemas"]["A"]["required"] == ["x"], "the input is not modified"


def test_update_of_an_array_target_appends_in_1_0_and_concatenates_in_1_1() -> None:
    entry = [{"url": "https://c"}]
    old, _ = apply_overlay(
        DOCUMENT, overlay({"target": "$.servers", "update": entry}, version="1.0.0")
    )
    new, _ = apply_overlay(DOCUMENT, overlay({"target": "$.servers", "update": entry}))
    assert old["servers"][-1] == entry
    assert new["servers"][-1] == {"url": "https://c"}


def test_update_replaces_a_primitive_target() -> None:
    result, _ = apply_overlay(DOCUMENT, overlay({"target": "$.info.title", "update": "New"}))
    assert result["info"]["title"] == "New"


def test_remove_of_several_array_items_removes_exactly_those() -> None:
    document = {"list": [0, 1, 2, 3, 4]}
    result, applied = apply_overlay(
        document, overlay({"target": "$.list[?@ > 0 && @ < 4]", "remove": True})
    )
    assert result["list"] == [0, 4]
    assert len(applied[0].locations) == 3


def test_remove_wins_over_update_in_the_same_action() -> None:
    action = {"target": "$.servers[0]", "update": {"url": "https://x"}, "remove": True}
    result, _ = apply_overlay(DOCUMENT, overlay(action))
    assert result["servers"] == [{"url": "https://b"}]


def test_copy_merges_the_single_source_node_into_the_target() -> None:
    actions = (
        {"target": "$.components.schemas", "update": {"B": {"description": "kept"}}},
        {"target": "$.components.schemas.B", "copy": "$.components.schemas.A"},
    )
    result, _ = apply_overlay(DOCUMENT, overlay(*actions))
    assert result["components"]["schemas"]["B"]["description"] == "kept"
    assert result["components"]["schemas"]["B"]["required"] == ["x"]


def test_copy_from_more_than_one_node_is_an_error() -> None:
    with pytest.raises(OverlayError, match="exactly one node, it selects 2"):
        apply_overlay(DOCUMENT, overlay({"target": "$.info", "copy": "$.servers[*]"}))


def test_the_root_cannot_be_removed() -> None:
    with pytest.raises(OverlayError, match="root"):
        apply_overlay(DOCUMENT, overlay({"target": "$", "remove": True}))


def test_an_object_target_needs_an_object_update() -> None:
    with pytest.raises(OverlayError, match="object to merge"):
        apply_overlay(DOCUMENT, overlay({"target": "$.info", "update": "text"}))


def test_copy_is_rejected_in_an_overlay_1_0_document() -> None:
    with pytest.raises(InvalidOverlayError, match="unknown field 'copy'"):
        apply_overlay(DOCUMENT, overlay({"target": "$.info", "copy": "$.info"}, version="1.0.0"))
