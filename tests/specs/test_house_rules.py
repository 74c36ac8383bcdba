"""Every curated spec is valid OpenAPI 3.1 and follows the house rules of docs/CURATING.md."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from pipeline import ROOT, Provider, curate, dump_yaml, load_yaml
from support.openapi import curated, operations, resolve, validator

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
    "null": type(None),
}
# Where a key names a map of things rather than a schema keyword.
MAPS = {"properties", "patternProperties", "$defs", "schemas", "paths", "webhooks", "responses",
        "headers", "content", "parameters", "securitySchemes", "requestBodies", "links",
        "callbacks",
        "encoding", "mapping", "x-rate-limits"}  # fmt: skip


def test_curated_spec_is_committed_as_the_overlay_produces_it(provider: Provider) -> None:
    assert (ROOT / provider.curated).read_text(encoding="utf-8") == dump_yaml(
        curate(provider).curated
    )


def test_curated_spec_is_valid_openapi_3_1(provider: Provider) -> None:
    document = curated(provider)
    assert document["openapi"].startswith("3.1.")
    validate(document)


def test_every_operation_has_an_id_a_summary_a_tag_and_an_error_response(
    provider: Provider,
) -> None:
    seen: set[str] = set()
    for operation in operations(curated(provider)):
        where = f"{operation.method.upper()} {operation.path}"
        assert SNAKE_CASE.match(operation.operation_id), f"{where}: operationId must be snake_case"
        assert operation.operation_id not in seen, f"{where}: duplicate operationId"
        seen.add(operation.operation_id)
        assert operation.definition.get("summary"), f"{where}: no summary"
        assert len(operation.definition.get("tags", [])) == 1, f"{where}: needs exactly one tag"
        if not operation.is_webhook:
            codes = set(operation.definition.get("responses", {}))
            errors = {code for code in codes if code == "default" or str(code)[0] in "45"}
            assert errors, f"{where}: no documented error response"


def test_every_server_is_https(provider: Provider) -> None:
    document = curated(provider)
    servers = list(document.get("servers", []))
    for operation in operations(document):
        servers += operation.definition.get("servers", [])
    assert servers, "no server"
    for server in servers:
        assert server["url"].startswith("https://"), server["url"]


def test_every_request_and_response_body_is_a_named_schema(provider: Provider) -> None:
    for operation in operations(curated(provider)):
        bodies = [operation.definition.get("requestBody", {})]
        bodies += [
            resolve(curated(provider), response["$ref"]) if "$ref" in response else response
            for response in operation.definition.get("responses", {}).values()
        ]
        for body in bodies:
            for media_type, content in body.get("content", {}).items():
                schema = content.get("schema", {})
                assert "$ref" in schema or schema.get("type") not in ("object", None), (
                    f"{operation.operation_id} {media_type}: the body should be a named schema"
                )


def _schemas_with_enum(node: Any, pointer: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield pointer, node
        for key, value in node.items():
            yield from _schemas_with_enum(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _schemas_with_enum(item, f"{pointer}/{index}")


def test_every_enum_value_matches_its_declared_type(provider: Provider) -> None:
    for pointer, schema in _schemas_with_enum(curated(provider)):
        declared = schema.get("type")
        if declared is None:
            continue
        allowed = tuple(
            TYPES[name] for name in ([declared] if isinstance(declared, str) else declared)
        )
        for value in schema["enum"]:
            mismatch = not isinstance(value, allowed) or (
                isinstance(value, bool) and bool not in allowed
            )
            assert not mismatch, f"{pointer}: enum value {value!r} is not {declared}"


def _examples(node: Any, pointer: str = "#", parent: str = "") -> Iterator[tuple[str, str, Any]]:
    """(where, schema pointer, example value) for every example in the document."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _examples(item, f"{pointer}/{index}", "")
        return
    if not isinstance(node, dict):
        return
    if parent not in MAPS:
        if "schema" in node:  # a media type, parameter or header
            schema_pointer = f"{pointer}/schema"
            if "example" in node:
                yield f"{pointer}/example", schema_pointer, node["example"]
            for name, example in (node.get("examples") or {}).items():
                if isinstance(example, dict) and "value" in example:
                    yield f"{pointer}/examples/{name}", schema_pointer, example["value"]
        elif any(
            key in node
            for key in ("type", "properties", "$ref", "oneOf", "anyOf", "allOf", "enum", "const")
        ):
            if "example" in node:
                yield f"{pointer}/example", pointer, node["example"]
            if isinstance(node.get("examples"), list):
                for index, value in enumerate(node["examples"]):
                    yield f"{pointer}/examples/{index}", pointer, value
    for key, value in node.items():
        if key in ("example", "examples", "default", "const", "enum"):
            continue
        escaped = key.replace("~", "~0").replace("/", "~1")
        yield from _examples(value, f"{pointer}/{escaped}", key)


def test_every_example_validates_against_its_schema(provider: Provider) -> None:
    document = curated(provider)
    found = list(_examples(document))
    assert found, "a curated spec should show at least one example"
    failures = []
    for where, schema_pointer, value in found:
        for error in validator(document, schema_pointer).iter_errors(value):
            failures.append(
                f"{where}: {error.message} (at {'/'.join(map(str, error.absolute_path))})"
            )
    assert not failures, "\n".join(failures)


def test_every_overlay_action_cites_its_evidence(provider: Provider) -> None:
    citation = re.compile(
        r"\d{3}_[0-9a-f]{16}\.txt|provider-notes\.md|CURATING\.md|inferred|inference"
    )
    overlay = load_yaml(ROOT / provider.overlay)
    uncited = [
        f"{provider.overlay} action {index} (target {action['target']}) cites no evidence"
        for index, action in enumerate(overlay["actions"])
        if not citation.search(action.get("description", ""))
    ]
    assert not uncited, "\n".join(uncited)


def test_facts_from_outside_provider_docs_are_marked(provider: Provider) -> None:
    """Every x-evidence marker uses one of the documented strengths."""
    strengths = {"provider-page", "sdk", "third-party", "inferred"}
    markers = [value for _, value in _find_key(curated(provider), "x-evidence")]
    for value in markers:
        assert value in strengths, f"x-evidence {value!r} is not one of {sorted(strengths)}"


def _find_key(node: Any, wanted: str, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == wanted:
                yield pointer, value
            yield from _find_key(value, wanted, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _find_key(item, wanted, f"{pointer}/{index}")


@pytest.mark.parametrize("name", ["siray"])
def test_siray_upstream_is_the_published_document_verbatim(name: str) -> None:
    from conftest import shared_path

    text = shared_path("provider-docs", "001_770f5d9742c28aab.txt").read_text(encoding="utf-8")
    published = text.split("````yaml", 1)[1].split("\n", 1)[1].split("````", 1)[0]
    assert (ROOT / "specs" / name / "upstream.yaml").read_text(encoding="utf-8") == published
