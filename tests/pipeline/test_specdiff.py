"""The spec diff's rules: every kind of change, in each direction, gets its documented level."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from schemadiff import BOTH, REQUEST, RESPONSE, Change, Direction, compare_schema, highest
from specdiff import diff_specs, schema_directions

from pipeline import ROOT, load_yaml

OBJECT: dict[str, Any] = {
    "type": "object",
    "required": ["prompt"],
    "properties": {
        "prompt": {"type": "string", "description": "What to film."},
        "duration": {"type": "integer", "minimum": 4, "maximum": 15},
        "ratio": {"type": "string", "enum": ["16:9", "9:16"]},
        "urls": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
    },
}


def changed(edit: Any) -> dict[str, Any]:
    schema = copy.deepcopy(OBJECT)
    edit(schema)
    return schema


def props(schema: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = schema["properties"]
    return result


# (name, edit, direction, level, words in the sentence)
RULES: list[tuple[str, Any, Direction, str, str]] = [
    (
        "new optional field",
        lambda s: props(s).update(seed={"type": "integer"}),
        BOTH,
        "additive",
        "new optional field",
    ),
    (
        "new required field, sent",
        lambda s: (props(s).update(seed={"type": "integer"}), s["required"].append("seed")),
        REQUEST,
        "breaking",
        "new required field",
    ),
    (
        "new required field, read",
        lambda s: (props(s).update(seed={"type": "integer"}), s["required"].append("seed")),
        RESPONSE,
        "additive",
        "always present",
    ),
    ("field removed", lambda s: props(s).pop("duration"), RESPONSE, "breaking", "field removed"),
    (
        "field renamed",
        lambda s: props(s).update(seconds=props(s).pop("duration")),
        REQUEST,
        "breaking",
        "renamed to 'seconds'?",
    ),
    (
        "field becomes required, sent",
        lambda s: s["required"].append("duration"),
        REQUEST,
        "breaking",
        "now required",
    ),
    (
        "field becomes required, read",
        lambda s: s["required"].append("duration"),
        RESPONSE,
        "additive",
        "now required",
    ),
    (
        "field no longer required, read",
        lambda s: s["required"].remove("prompt"),
        RESPONSE,
        "breaking",
        "no longer required",
    ),
    (
        "field no longer required, sent",
        lambda s: s["required"].remove("prompt"),
        REQUEST,
        "additive",
        "no longer required",
    ),
    (
        "enum value removed",
        lambda s: props(s)["ratio"]["enum"].remove("9:16"),
        REQUEST,
        "breaking",
        'enum value "9:16" removed',
    ),
    (
        "enum value removed, read",
        lambda s: props(s)["ratio"]["enum"].remove("9:16"),
        RESPONSE,
        "breaking",
        "removed",
    ),
    (
        "enum value added",
        lambda s: props(s)["ratio"]["enum"].append("1:1"),
        RESPONSE,
        "additive",
        "exhaustive match",
    ),
    (
        "type widened, sent",
        lambda s: props(s)["duration"].update(type=["integer", "string"]),
        REQUEST,
        "additive",
        "type string now allowed",
    ),
    (
        "type widened, read",
        lambda s: props(s)["duration"].update(type=["integer", "string"]),
        RESPONSE,
        "breaking",
        "type string now allowed",
    ),
    (
        "now nullable, read",
        lambda s: props(s)["prompt"].update(type=["string", "null"]),
        RESPONSE,
        "breaking",
        "type null now allowed",
    ),
    (
        "type narrowed",
        lambda s: props(s)["duration"].update(type="null"),
        REQUEST,
        "breaking",
        "type integer no longer allowed",
    ),
    (
        "bound tightened, sent",
        lambda s: props(s)["duration"].update(maximum=10),
        REQUEST,
        "breaking",
        "maximum now 10 (was 15)",
    ),
    (
        "bound tightened, read",
        lambda s: props(s)["duration"].update(maximum=10),
        RESPONSE,
        "additive",
        "maximum now 10",
    ),
    (
        "bound relaxed",
        lambda s: props(s)["duration"].update(minimum=1),
        REQUEST,
        "additive",
        "minimum now 1 (was 4)",
    ),
    (
        "bound removed",
        lambda s: props(s)["urls"].pop("maxItems"),
        REQUEST,
        "additive",
        "maxItems 3 removed",
    ),
    (
        "pattern added",
        lambda s: props(s)["prompt"].update(pattern="^a"),
        REQUEST,
        "breaking",
        "pattern now",
    ),
    (
        "item type changed",
        lambda s: props(s)["urls"]["items"].update(type="integer"),
        REQUEST,
        "breaking",
        "type string no longer allowed",
    ),
    (
        "default changed",
        lambda s: props(s)["duration"].update(default=5),
        REQUEST,
        "breaking",
        "default now 5",
    ),
    (
        "rule added",
        lambda s: s.update({"not": {"required": ["duration", "urls"]}}),
        REQUEST,
        "breaking",
        "rule 'not' added",
    ),
    (
        "vendor extension",
        lambda s: props(s)["duration"].update({"x-unit": "s"}),
        REQUEST,
        "additive",
        "vendor extension x-unit",
    ),
    (
        "description",
        lambda s: props(s)["prompt"].update(description="What to film, in words."),
        BOTH,
        "documentation",
        "description changed",
    ),
    (
        "evidence marker",
        lambda s: props(s)["prompt"].update({"x-evidence": "sdk"}),
        BOTH,
        "documentation",
        "x-evidence changed",
    ),
]


@pytest.mark.parametrize(
    ("edit", "direction", "level", "words"),
    [rule[1:] for rule in RULES],
    ids=[rule[0] for rule in RULES],
)
def test_each_schema_change_gets_its_level(
    edit: Any, direction: Direction, level: str, words: str
) -> None:
    changes = compare_schema(OBJECT, changed(edit), "Request", direction)
    assert highest(changes) == level, changes
    assert any(words in change.what for change in changes if change.level == level), changes


def test_the_same_schema_has_no_change() -> None:
    assert compare_schema(OBJECT, copy.deepcopy(OBJECT), "Request", BOTH) == []


def test_a_shared_schema_takes_the_stricter_level_of_its_two_directions() -> None:
    widened = changed(lambda s: props(s)["duration"].update(maximum=30))
    tightened = changed(lambda s: props(s)["duration"].update(maximum=10))
    assert highest(compare_schema(OBJECT, widened, "S", BOTH)) == "additive"
    assert highest(compare_schema(OBJECT, tightened, "S", BOTH)) == "breaking"


def test_union_branches_are_matched_by_reference() -> None:
    old = {"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]}
    new = {"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/A"}]}
    assert compare_schema(old, new, "S", BOTH) == []
    added = {"anyOf": [*old["anyOf"], {"$ref": "#/components/schemas/B"}]}
    (change,) = compare_schema(old, added, "S", RESPONSE)
    assert change.level == "breaking"
    assert "#/components/schemas/B added" in change.what
    (change,) = compare_schema(old, added, "S", REQUEST)
    assert change.level == "additive"


def spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/videos": {
                "post": {
                    "operationId": "create_video",
                    "tags": ["videos"],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Request"}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        }
                    },
                }
            },
            "/videos/{id}": {
                "get": {
                    "operationId": "get_video",
                    "tags": ["videos"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Request": copy.deepcopy(OBJECT),
                "Job": {
                    "type": "object",
                    "required": ["id", "status"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"$ref": "#/components/schemas/Status"},
                    },
                },
                "Status": {"type": "string", "enum": ["queued", "done"]},
            }
        },
    }


def diff(edit: Any) -> list[Change]:
    old = spec()
    new = spec()
    edit(new)
    return diff_specs(old, new)


def test_directions_follow_the_references_from_each_operation() -> None:
    directions = schema_directions(spec())
    assert directions == {"Request": REQUEST, "Job": RESPONSE, "Status": RESPONSE}


def test_an_operation_removed_added_renamed_or_moved() -> None:
    (removed,) = diff(lambda s: s["paths"].pop("/videos/{id}"))
    assert removed == Change("breaking", "get_video", "operation removed (GET /videos/{id})")
    new_operation = copy.deepcopy(spec()["paths"]["/videos/{id}"]["get"])
    new_operation["operationId"] = "list_videos"
    (added,) = diff(lambda s: s["paths"].update({"/videos/list": {"get": new_operation}}))
    assert added == Change("additive", "list_videos", "operation added (GET /videos/list)")
    (renamed,) = diff(lambda s: s["paths"]["/videos/{id}"]["get"].update(operationId="fetch"))
    assert renamed.level == "breaking"
    assert "renamed to fetch" in renamed.what
    (moved,) = diff(lambda s: s["paths"]["/videos/{id}"]["get"].update(tags=["jobs"]))
    assert moved == Change("breaking", "get_video", "moved from api.videos to api.jobs")


def test_parameters_responses_and_bodies() -> None:
    optional = {"name": "fields", "in": "query", "schema": {"type": "string"}}
    (change,) = diff(lambda s: s["paths"]["/videos/{id}"]["get"]["parameters"].append(optional))
    assert change.level == "additive"
    assert change.what == "new optional parameter"
    required = {**optional, "required": True}
    (change,) = diff(lambda s: s["paths"]["/videos/{id}"]["get"]["parameters"].append(required))
    assert change == Change(
        "breaking", "get_video: parameter fields (query)", "new required parameter"
    )
    (change,) = diff(lambda s: s["paths"]["/videos/{id}"]["get"]["responses"].pop("200"))
    assert change == Change("breaking", "get_video: response 200", "response removed")
    error = {"description": "not found"}
    (change,) = diff(
        lambda s: s["paths"]["/videos/{id}"]["get"]["responses"].update({"404": error})
    )
    assert change.level == "additive"
    (change,) = diff(lambda s: s["paths"]["/videos"]["post"].pop("requestBody"))
    assert change == Change("breaking", "create_video: request body", "request body removed")


def test_a_response_enum_value_added_is_additive_and_says_why_it_may_still_matter() -> None:
    (change,) = diff(lambda s: s["components"]["schemas"]["Status"]["enum"].append("failed"))
    assert change.level == "additive"
    assert change.where == "Status"
    assert "exhaustive match" in change.what


def test_named_schemas_removed_and_added() -> None:
    changes = diff(lambda s: s["components"]["schemas"].update(Extra={"type": "object"}))
    assert changes == [Change("additive", "Extra", "schema added (a new model class)")]


def test_documentation_only() -> None:
    changes = diff(lambda s: s["info"].update(description="Now documented."))
    assert changes == [Change("documentation", "info", "info changed")]
    changes = diff(lambda s: s["paths"]["/videos"]["post"].update(summary="Create"))
    assert changes == [Change("documentation", "create_video", "summary changed")]


def test_every_committed_spec_against_itself_has_no_change(provider: Any) -> None:
    document = load_yaml(ROOT / provider.curated)
    assert diff_specs(document, copy.deepcopy(document)) == []
