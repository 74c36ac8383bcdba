"""Classify every change between two curated specs: breaking, additive or documentation only.

oasdiff, the maintained OpenAPI diff, is a Go program and does not install with pip on a fresh
machine; this is a small diff of our own, its rules tested in ``tests/pipeline/test_specdiff.py``.
Operations are matched by ``operationId`` (the generated module's name), parameters by name and
place, responses by status, named components by name; each named schema is compared once, in the
direction(s) the operations use it (``scripts/schemadiff.py`` has the schema rules).

| change | level |
| --- | --- |
| operation, parameter, response, media type, named schema or server removed | breaking |
| operation renamed (operationId) or moved to another tag (module), path or method | breaking |
| new required parameter or request body; parameter or body becomes required | breaking |
| security, parameter style, an unknown keyword changed | breaking |
| operation, optional parameter, response, media type, named schema, server added | additive |
| parameter or body no longer required; a vendor extension (``x-``) changed | additive |
| info, tags, summaries, descriptions, examples, ``x-evidence`` changed | documentation |
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemadiff import (
    BOTH,
    REQUEST,
    RESPONSE,
    Change,
    Direction,
    compare_schema,
    is_documentation,
)

__all__ = ["diff_specs", "schema_directions"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_Operation = tuple[str, str, dict[str, Any], bool]  # method, path, operation, is a webhook


def diff_specs(old: Any, new: Any) -> list[Change]:
    """Every change from curated spec *old* to *new*, in document order."""
    changes = _top(old, new)
    before, after = _operations(old), _operations(new)
    renamed = _renamed_operations(before, after)
    for key in before:
        if key in after:
            changes += _operation(key, before[key], after[key], old, new)
        elif key in renamed:
            method, path, _, _ = before[key]
            changes.append(
                Change(
                    "breaking",
                    key,
                    f"operation renamed to {renamed[key]} ({method.upper()} {path}): its module"
                    " and functions have the new name",
                )
            )
            changes += _operation(renamed[key], before[key], after[renamed[key]], old, new)
        else:
            method, path, _, _ = before[key]
            changes.append(Change("breaking", key, f"operation removed ({method.upper()} {path})"))
    for key in after:
        if key not in before and key not in renamed.values():
            method, path, _, _ = after[key]
            changes.append(Change("additive", key, f"operation added ({method.upper()} {path})"))
    changes += _components(old, new)
    return changes


def schema_directions(spec: Any) -> dict[str, Direction]:
    """Named schema -> the directions the operations use it in (sent, read or both)."""
    found: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    pending: list[tuple[Any, str]] = []
    for _, _, operation, webhook in _operations(spec).values():
        # A webhook is sent to the client: its parameters and body are read, not sent.
        sent = "response" if webhook else "request"
        pending += [(parameter, sent) for parameter in operation.get("parameters", [])]
        pending.append((operation.get("requestBody"), sent))
        if not webhook:
            pending.append((operation.get("responses"), "response"))
    while pending:
        node, side = pending.pop()
        for ref in _refs(node):
            if (ref, side) in seen:
                continue
            seen.add((ref, side))
            if ref.startswith("#/components/schemas/"):
                found.setdefault(ref.rsplit("/", 1)[1], set()).add(side)
            pending.append((_resolve(spec, ref), side))
    return {name: frozenset(sides) for name, sides in found.items()}


def _top(old: Any, new: Any) -> list[Change]:
    changes = []
    for key in sorted((old.keys() | new.keys()) - {"paths", "webhooks", "components"}):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        if key == "servers":
            urls_before = [server.get("url") for server in was or []]
            urls_after = [server.get("url") for server in now or []]
            for url in urls_before:
                if url not in urls_after:
                    changes.append(Change("breaking", "servers", f"server {url} removed"))
            for url in urls_after:
                if url not in urls_before:
                    changes.append(Change("additive", "servers", f"server {url} added"))
            if urls_before == urls_after:
                changes.append(Change("documentation", "servers", "server descriptions changed"))
        elif key in ("info", "tags", "openapi", "externalDocs") or is_documentation(key):
            changes.append(Change("documentation", key, f"{key} changed"))
        elif key.startswith("x-"):
            changes.append(Change("additive", key, "vendor extension changed"))
        else:
            changes.append(Change("breaking", key, f"{key} changed"))
    return changes


def _operations(spec: Any) -> dict[str, _Operation]:
    found: dict[str, _Operation] = {}
    for section, webhook in (("paths", False), ("webhooks", True)):
        for path, item in (spec.get(section) or {}).items():
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                operation = {**operation, "parameters": [*shared, *operation.get("parameters", [])]}
                name = operation.get("operationId") or f"{method.upper()} {path}"
                key = f"webhook {path}" if webhook else name
                found[key] = (method, path, operation, webhook)
    return found


def _renamed_operations(
    before: dict[str, _Operation], after: dict[str, _Operation]
) -> dict[str, str]:
    """Removed operation -> the added one at the same method and path (a new operationId)."""
    places = {
        (method, path): key for key, (method, path, _, _) in after.items() if key not in before
    }
    return {
        key: places[(method, path)]
        for key, (method, path, _, _) in before.items()
        if key not in after and (method, path) in places
    }


def _operation(
    key: str, old: _Operation, new: _Operation, spec_old: Any, spec_new: Any
) -> list[Change]:
    (method_old, path_old, before, webhook), (method_new, path_new, after, _) = old, new
    changes = []
    if (method_old, path_old) != (method_new, path_new):
        changes.append(
            Change(
                "breaking",
                key,
                f"now {method_new.upper()} {path_new} (was {method_old.upper()} {path_old})",
            )
        )
    tag_before, tag_after = (before.get("tags") or [None])[0], (after.get("tags") or [None])[0]
    if tag_before != tag_after:
        changes.append(Change("breaking", key, f"moved from api.{tag_before} to api.{tag_after}"))
    changes += _parameters(key, before, after, spec_old, spec_new, webhook)
    body_side = RESPONSE if webhook else REQUEST
    changes += _body(
        key, before.get("requestBody"), after.get("requestBody"), spec_old, spec_new, body_side
    )
    changes += _responses(
        key, before.get("responses") or {}, after.get("responses") or {}, spec_old, spec_new
    )
    handled = {"parameters", "requestBody", "responses", "tags", "operationId"}
    changes += _other_keys(key, before, after, handled)
    return changes


def _parameters(
    key: str, old: dict[str, Any], new: dict[str, Any], spec_old: Any, spec_new: Any, webhook: bool
) -> list[Change]:
    before = _by_place(old["parameters"], spec_old)
    after = _by_place(new["parameters"], spec_new)
    side = RESPONSE if webhook else REQUEST
    changes = []
    for place, parameter in before.items():
        where = f"{key}: parameter {place[1]} ({place[0]})"
        if place not in after:
            changes.append(Change("breaking", where, "parameter removed"))
            continue
        now = after[place]
        if bool(now.get("required")) != bool(parameter.get("required")):
            level = "breaking" if now.get("required") else "additive"
            state = "now required" if now.get("required") else "no longer required"
            changes.append(Change(level, where, state))
        changes += compare_schema(parameter.get("schema", {}), now.get("schema", {}), where, side)
        changes += _other_keys(where, parameter, now, {"schema", "required", "name", "in"})
    for place, parameter in after.items():
        if place not in before:
            where = f"{key}: parameter {place[1]} ({place[0]})"
            required = bool(parameter.get("required"))
            what = "new required parameter" if required else "new optional parameter"
            changes.append(Change("breaking" if required else "additive", where, what))
    return changes


def _body(
    key: str, old: Any, new: Any, spec_old: Any, spec_new: Any, side: Direction
) -> list[Change]:
    where = f"{key}: request body"
    if old is None and new is None:
        return []
    if old is None:
        required = bool(_deref(spec_new, new).get("required"))
        return [Change("breaking" if required else "additive", where, "request body added")]
    if new is None:
        return [Change("breaking", where, "request body removed")]
    if "$ref" in old or "$ref" in new:
        if old.get("$ref") == new.get("$ref"):
            return []
        return [Change("breaking", where, f"now {new.get('$ref')} (was {old.get('$ref')})")]
    changes = []
    if bool(old.get("required")) != bool(new.get("required")):
        level = "breaking" if new.get("required") else "additive"
        changes.append(
            Change(level, where, "now required" if new.get("required") else "now optional")
        )
    return changes + _content(where, old, new, side)


def _responses(
    key: str, old: dict[str, Any], new: dict[str, Any], spec_old: Any, spec_new: Any
) -> list[Change]:
    changes = []
    for status in old:
        where = f"{key}: response {status}"
        if status not in new:
            changes.append(Change("breaking", where, "response removed"))
        elif "$ref" in old[status] or "$ref" in new[status]:
            if old[status].get("$ref") != new[status].get("$ref"):
                what = f"now {new[status].get('$ref')} (was {old[status].get('$ref')})"
                changes.append(Change("breaking", where, what))
        else:
            changes += _content(where, old[status], new[status], RESPONSE)
    for status in new:
        if status not in old:
            what = "response added (the parsed result may now be its model)"
            changes.append(Change("additive", f"{key}: response {status}", what))
    return changes


def _content(where: str, old: dict[str, Any], new: dict[str, Any], side: Direction) -> list[Change]:
    before, after = old.get("content") or {}, new.get("content") or {}
    changes = []
    for media in before:
        if media not in after:
            changes.append(Change("breaking", where, f"media type {media} removed"))
        else:
            changes += compare_schema(
                before[media].get("schema", {}),
                after[media].get("schema", {}),
                f"{where} ({media})",
                side,
            )
            changes += _other_keys(f"{where} ({media})", before[media], after[media], {"schema"})
    for media in after:
        if media not in before:
            changes.append(Change("additive", where, f"media type {media} added"))
    changes += _other_keys(where, old, new, {"content", "required"})
    return changes


def _components(old: Any, new: Any) -> list[Change]:
    changes = []
    directions = schema_directions(old)
    for name, sides in schema_directions(new).items():
        directions[name] = directions.get(name, frozenset()) | sides
    sections = {
        "schemas": None,
        "responses": RESPONSE,
        "parameters": REQUEST,
        "requestBodies": REQUEST,
        "headers": RESPONSE,
    }
    for section, side in sections.items():
        before = (old.get("components") or {}).get(section) or {}
        after = (new.get("components") or {}).get(section) or {}
        for name in before:
            where = name if section == "schemas" else f"components.{section}.{name}"
            if name not in after:
                what = (
                    "schema removed (its model class goes)" if section == "schemas" else "removed"
                )
                changes.append(Change("breaking", where, what))
            elif section == "schemas":
                changes += compare_schema(
                    before[name], after[name], where, directions.get(name) or BOTH
                )
            elif section in ("responses", "requestBodies"):
                changes += _content(where, before[name], after[name], side or BOTH)
            else:
                changes += compare_schema(
                    before[name].get("schema", {}),
                    after[name].get("schema", {}),
                    where,
                    side or BOTH,
                )
                changes += _other_keys(where, before[name], after[name], {"schema"})
        for name in after:
            if name not in before:
                where = name if section == "schemas" else f"components.{section}.{name}"
                what = "schema added (a new model class)" if section == "schemas" else "added"
                changes.append(Change("additive", where, what))
    for section in ("securitySchemes",):
        before = (old.get("components") or {}).get(section) or {}
        after = (new.get("components") or {}).get(section) or {}
        for name in before.keys() | after.keys():
            if before.get(name) != after.get(name):
                level = "additive" if name not in before else "breaking"
                changes.append(
                    Change(level, f"components.{section}.{name}", "security scheme changed")
                )
    return changes


def _other_keys(
    where: str, old: dict[str, Any], new: dict[str, Any], handled: set[str]
) -> list[Change]:
    docs, changes = [], []
    for key in sorted((old.keys() | new.keys()) - handled):
        if old.get(key) == new.get(key):
            continue
        if is_documentation(key):
            docs.append(key)
        elif key.startswith("x-") or key == "callbacks":
            changes.append(Change("additive", where, f"{key} changed"))
        else:
            changes.append(Change("breaking", where, f"{key} changed"))
    if docs:
        changes.insert(0, Change("documentation", where, f"{', '.join(docs)} changed"))
    return changes


def _by_place(parameters: list[Any], spec: Any) -> dict[tuple[str, str], dict[str, Any]]:
    found = {}
    for parameter in parameters:
        resolved = _deref(spec, parameter)
        found[(str(resolved.get("in")), str(resolved.get("name")))] = resolved
    return found


def _deref(spec: Any, node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        node = _resolve(spec, node["$ref"])
    return node if isinstance(node, dict) else {}


def _resolve(spec: Any, ref: str) -> Any:
    node = spec
    for part in ref.removeprefix("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)
