"""No silent loss in overlays: every union member, and every node an action selected last time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from targets import lost, selection_keys

from overlay import UnmatchedTargetError, apply_overlay
from pipeline import PipelineError, build, dump_yaml


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.1.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


DOCUMENT: dict[str, Any] = {
    "paths": {
        "/a": {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path"},
                    {"name": "fields", "in": "query"},
                ],
                "responses": {"200": {}, "default": {}},
            }
        },
        "/b": {"post": {"responses": {"200": {}, "default": {}}}},
    },
    "components": {
        "schemas": {
            "Request": {
                "properties": {
                    "images": {"type": "array", "items": {}},
                    "videos": {"type": "array", "items": {}},
                    "audios": {"type": "array", "items": {}},
                },
                "required": ["images"],
            }
        }
    },
}
UNION = "$.components.schemas.Request.properties['images','videos','audios'].items"


def test_every_member_of_a_union_must_select_a_node() -> None:
    renamed: Any = json.loads(json.dumps(DOCUMENT))
    properties = renamed["components"]["schemas"]["Request"]["properties"]
    properties["audio_urls"] = properties.pop("audios")
    action = {"target": UNION, "description": "URIs", "update": {"format": "uri"}}

    apply_overlay(DOCUMENT, overlay(action))  # all three members select their items
    with pytest.raises(UnmatchedTargetError) as caught:
        apply_overlay(renamed, overlay(action), previous=DOCUMENT)

    message = str(caught.value)
    assert "action 0" in message
    assert "member 'audios'" in message
    assert "$.components.schemas.Request.properties has nothing at ['audios']" in message
    assert "new there since the last generation: audio_urls" in message
    assert "the upstream changed under this action" in message


def test_each_member_of_crossed_unions_is_accounted_for() -> None:
    target = "$.components.schemas.Request.properties['images','videos']['type','items']"
    apply_overlay(DOCUMENT, overlay({"target": target, "remove": True}))
    crossed = "$.components.schemas.Request.properties['images','videos']['type','minItems']"
    with pytest.raises(UnmatchedTargetError, match=r"member 'minItems'"):
        apply_overlay(DOCUMENT, overlay({"target": crossed, "remove": True}))


def test_selections_are_recorded_by_stable_locations() -> None:
    actions: list[dict[str, Any]] = [
        {"target": "$.paths['/a'].get.parameters[?@.name == 'fields']", "update": {"x": 1}},
        {"target": "$.components.schemas.Request.required[?@ == 'images']", "remove": True},
        {"target": "$.paths.*.*.responses.default", "remove": True},
    ]
    _, applied = apply_overlay(DOCUMENT, overlay(*actions))
    assert applied[0].selected == [
        "$.paths['/a'].get.parameters[?@.name == 'fields' && @.in == 'query']"
    ]
    assert applied[1].selected == ["$.components.schemas.Request.required[?@ == 'images']"]
    assert applied[2].selected == [
        "$.paths['/a'].get.responses.default",
        "$.paths['/b'].post.responses.default",
    ]


def test_a_node_selected_last_time_and_not_now_is_lost_and_an_insertion_is_not() -> None:
    actions: list[dict[str, Any]] = [
        {"target": "$.paths.*.*.responses.default", "remove": True},
        {"target": "$.paths.*.get.parameters[?@.in == 'query']", "update": {"x": 1}},
    ]
    _, before = apply_overlay(DOCUMENT, overlay(*actions))
    recorded = {step.key: step.selected for step in before}
    changed: Any = json.loads(json.dumps(DOCUMENT))
    del changed["paths"]["/b"]["post"]["responses"]["default"]
    changed["paths"]["/a"]["get"]["parameters"].insert(0, {"name": "new", "in": "header"})
    _, after = apply_overlay(changed, overlay(*actions))

    assert lost(recorded, after[0].key, after[0].selected) == [
        "$.paths['/b'].post.responses.default"
    ]
    assert lost(recorded, after[1].key, after[1].selected) == []


def test_repeated_targets_get_their_own_record_keys() -> None:
    assert selection_keys(["$", "$.a", "$", "$"]) == ["$", "$.a", "$ #2", "$ #3"]


def _project(root: Path, upstream: dict[str, Any], actions: list[dict[str, Any]]) -> None:
    (root / "specs" / "demo").mkdir(parents=True)
    (root / "overlays").mkdir()
    (root / "specs" / "demo" / "upstream.yaml").write_text(dump_yaml(upstream), encoding="utf-8")
    (root / "overlays" / "demo.yaml").write_text(dump_yaml(overlay(*actions)), encoding="utf-8")
    config = "package_name_override: seedance_demo\npackage_version_override: '1.0.0'\n"
    (root / "specs" / "demo" / "generator.yaml").write_text(config, encoding="utf-8")
    registry = (
        '[project]\nname = "demo"\n[project.entry-points."seedance.providers"]\ndemo = "x:DEMO"\n'
    )
    (root / "pyproject.toml").write_text(registry, encoding="utf-8")


def test_a_lost_node_fails_the_pipeline_naming_the_action_until_it_is_accepted(
    tmp_path: Path,
) -> None:
    action = {
        "target": "$.paths.*.*.responses.default",
        "description": "Removes the generic error",
        "remove": True,
    }
    _project(tmp_path, DOCUMENT, [action])
    (outcome,) = build(tmp_path, clients=False, root=tmp_path)
    record = {"overlay_selections": {step.key: step.selected for step in outcome.spec.actions}}
    client = tmp_path / "generated" / "seedance_demo"
    client.mkdir(parents=True)
    (client / "provenance.json").write_text(json.dumps(record), encoding="utf-8")
    changed: Any = json.loads(json.dumps(DOCUMENT))
    del changed["paths"]["/b"]["post"]["responses"]["default"]
    upstream = tmp_path / "specs" / "demo" / "upstream.yaml"
    upstream.write_text(dump_yaml(changed), encoding="utf-8")

    with pytest.raises(PipelineError) as caught:
        build(tmp_path, clients=False, root=tmp_path)

    message = str(caught.value)
    assert message.startswith(
        "overlays/demo.yaml: action 0 (target '$.paths.*.*.responses.default'):"
        " Removes the generic error no longer selects $.paths['/b'].post.responses.default,"
        " which it selected when generated/seedance_demo was generated"
        " (specs/demo/upstream.yaml has no such node now)"
    )
    assert "its row in docs/drift.md, would disappear" in message
    assert "--accept-lost-targets" in message
    (accepted,) = build(tmp_path, clients=False, root=tmp_path, accept_lost=True)
    assert len(accepted.spec.lost) == 1
