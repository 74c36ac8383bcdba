"""Apply OpenAPI Overlay documents (1.0 and 1.1) to an OpenAPI description.

Targets are RFC 9535 JSONPath queries, evaluated by python-jsonpath in strict mode. Every action
must select at least one node, and every member of a union in its target (``['x','y']``) must
select one: an unmatched target or member means the upstream changed under the overlay, and a
person has to look, so it is an error that names the action and the member. What each action
selected is returned (``AppliedAction.selected``, stable locations) so that the pipeline can
compare it with what it selected last time (``scripts/targets.py``).

Merge rules (``update`` and ``copy``): objects merge recursively, arrays concatenate, anything else
is replaced. When the target itself is an array, an Overlay 1.0 update appends its value as one
entry, while 1.1 concatenates an array value and appends anything else.

Usage: ``python scripts/overlay.py OPENAPI OVERLAY [-o OUTPUT]``
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonpath import JSONPathEnvironment, JSONPathError
from targets import Location, missing_members, selection_keys, stable_location

__all__ = [
    "AppliedAction",
    "InvalidOverlayError",
    "Location",
    "OverlayError",
    "UnmatchedTargetError",
    "apply_overlay",
    "check_overlay",
    "format_location",
]

_JSONPATH = JSONPathEnvironment(strict=True)
_VERSION = re.compile(r"^1\.[01]\.\d+$")
_ACTION_FIELDS = {"target", "description", "update", "remove"}
_ACTION_FIELDS_1_1 = _ACTION_FIELDS | {"copy"}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class OverlayError(Exception):
    """An overlay could not be applied."""


class InvalidOverlayError(OverlayError):
    """The overlay document does not follow the Overlay specification."""


class UnmatchedTargetError(OverlayError):
    """An action's target selected no node in the document."""


@dataclass
class AppliedAction:
    """What one action did: its position, its definition, the locations it touched and what
    stood at each location just before it ran."""

    index: int
    action: dict[str, Any]
    locations: list[Location] = field(default_factory=list)
    before: list[Any] = field(default_factory=list)
    key: str = ""
    """The action's key in the record of selections: its target (``#2``... when repeated)."""
    selected: list[str] = field(default_factory=list)
    """The selected nodes as stable locations (array elements by name or value)."""

    @property
    def kind(self) -> str:
        if self.action.get("remove") is True:
            return "remove"
        return "copy" if "copy" in self.action else "update"

    def describe(self) -> str:
        """Name the action the way a person would look for it in the overlay file."""
        text = f"action {self.index} (target {self.action.get('target')!r})"
        description = self.action.get("description")
        if isinstance(description, str) and description:
            first_line = description.strip().splitlines()[0]
            text += f": {first_line[:100]}"
        return text


def check_overlay(overlay: Any) -> None:
    """Raise `InvalidOverlayError` naming the first place where *overlay* breaks the specification.

    The rules are those of the Overlay 1.0 and 1.1 JSON Schemas: required fields and their types,
    the version pattern, unique actions, targets beginning with ``$``, and no unknown fields apart
    from ``x-`` extensions.
    """
    if not isinstance(overlay, dict):
        raise InvalidOverlayError("an overlay document must be a mapping")
    version = overlay.get("overlay")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise InvalidOverlayError(
            f"'overlay' must be a version string 1.0.x or 1.1.x, got {version!r}"
        )
    is_1_1 = version.startswith("1.1.")
    _reject_unknown(overlay, {"overlay", "info", "extends", "actions"}, "the overlay")
    info = overlay.get("info")
    if not isinstance(info, dict):
        raise InvalidOverlayError("'info' is required and must be a mapping")
    info_fields = {"title", "version", "description"} if is_1_1 else {"title", "version"}
    _reject_unknown(info, info_fields, "'info'")
    for name in ("title", "version"):
        if not isinstance(info.get(name), str):
            raise InvalidOverlayError(f"'info.{name}' is required and must be a string")
    if "description" in info and not isinstance(info["description"], str):
        raise InvalidOverlayError("'info.description' must be a string")
    if "extends" in overlay and not isinstance(overlay["extends"], str):
        raise InvalidOverlayError("'extends' must be a string (a URI reference)")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise InvalidOverlayError("'actions' is required and must be a non-empty list")
    seen: list[Any] = []
    for index, action in enumerate(actions):
        where = f"action {index}"
        if not isinstance(action, dict):
            raise InvalidOverlayError(f"{where} must be a mapping")
        _reject_unknown(action, _ACTION_FIELDS_1_1 if is_1_1 else _ACTION_FIELDS, where)
        target = action.get("target")
        if not isinstance(target, str) or not target.startswith("$"):
            raise InvalidOverlayError(
                f"{where}: 'target' is required and must be a JSONPath starting with '$'"
            )
        for name, kind in (("description", str), ("copy", str), ("remove", bool)):
            if name in action and not isinstance(action[name], kind):
                raise InvalidOverlayError(f"{where}: '{name}' must be a {kind.__name__}")
        if action in seen:
            raise InvalidOverlayError(
                f"{where} repeats action {seen.index(action)}: actions must be unique"
            )
        seen.append(action)


def apply_overlay(
    document: Any, overlay: Any, *, previous: Any = None
) -> tuple[Any, list[AppliedAction]]:
    """Return a new document with *overlay* applied to *document*, and what each action did.

    The input is left untouched. Raises `InvalidOverlayError` for a malformed overlay or a target
    that is not valid RFC 9535 JSONPath, `UnmatchedTargetError` when a target or a member of one of
    its unions selects nothing, and `OverlayError` when an action cannot be carried out (for
    example removing the root). *previous*, the result of an earlier application (the committed
    curated spec), only makes the messages more precise: it names keys that are new since then.

    >>> doc, _ = apply_overlay({"info": {"title": "A"}},
    ...     {"overlay": "1.1.0", "info": {"title": "t", "version": "1"},
    ...      "actions": [{"target": "$.info", "update": {"version": "2"}}]})
    >>> doc
    {'info': {'title': 'A', 'version': '2'}}
    """
    check_overlay(overlay)
    is_1_1 = overlay["overlay"].startswith("1.1.")
    result = copy.deepcopy(document)
    applied: list[AppliedAction] = []
    keys = selection_keys(action["target"] for action in overlay["actions"])
    for index, action in enumerate(overlay["actions"]):
        step = AppliedAction(index, action, key=keys[index])
        step.locations = _select(result, action["target"], step)
        if not step.locations:
            raise UnmatchedTargetError(f"{step.describe()} selects nothing in the document")
        gaps = missing_members(_JSONPATH, action["target"], result, previous)
        if gaps:
            raise UnmatchedTargetError(f"{step.describe()}: " + "; ".join(gaps))
        step.selected = [stable_location(result, location) for location in step.locations]
        step.before = [copy.deepcopy(_node(result, location)) for location in step.locations]
        if step.kind == "remove":
            result = _remove(result, step)
        else:
            value = _copy_source(result, step) if step.kind == "copy" else action.get("update")
            for location in step.locations:
                result = _update(result, location, value, is_1_1, step)
        applied.append(step)
    return result, applied


def format_location(location: Location) -> str:
    """Write a location as a normalized JSONPath, dotted where the names allow it."""
    parts = ["$"]
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            parts.append(f".{part}")
        else:
            parts.append("[" + json.dumps(part).replace("'", "\\'").replace('"', "'") + "]")
    return "".join(parts)


def _reject_unknown(mapping: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in mapping:
        if key not in allowed and not str(key).startswith("x-"):
            raise InvalidOverlayError(f"{where} has an unknown field {key!r}")


def _select(document: Any, query: str, step: AppliedAction) -> list[Location]:
    try:
        return [tuple(match.parts) for match in _JSONPATH.finditer(query, document)]
    except JSONPathError as error:
        raise InvalidOverlayError(
            f"{step.describe()}: invalid RFC 9535 JSONPath: {error}"
        ) from error


def _copy_source(document: Any, step: AppliedAction) -> Any:
    sources = _select(document, step.action["copy"], step)
    if len(sources) != 1:
        raise OverlayError(
            f"{step.describe()}: 'copy' must select exactly one node, it selects {len(sources)}"
        )
    return copy.deepcopy(_node(document, sources[0]))


def _node(document: Any, location: Location) -> Any:
    node = document
    for part in location:
        node = node[part]
    return node


def _remove(document: Any, step: AppliedAction) -> Any:
    if () in step.locations:
        raise OverlayError(f"{step.describe()}: the document root cannot be removed")

    def order(location: Location) -> tuple[int, list[tuple[int, Any]]]:
        # Deepest first, then later array indices first, so no removal shifts another's location.
        return len(location), [(isinstance(part, int), part) for part in location]

    for location in sorted(step.locations, key=order, reverse=True):
        parent = _node(document, location[:-1])
        del parent[location[-1]]
    return document


def _update(
    document: Any, location: Location, value: Any, is_1_1: bool, step: AppliedAction
) -> Any:
    node = _node(document, location)
    if isinstance(node, dict):
        if not isinstance(value, dict):
            raise OverlayError(f"{step.describe()}: an object target needs an object to merge")
        merged = _merge(node, value)
    elif isinstance(node, list):
        if is_1_1 and isinstance(value, list):
            node.extend(copy.deepcopy(value))
        else:
            node.append(copy.deepcopy(value))
        merged = node
    elif isinstance(value, dict | list):
        raise OverlayError(
            f"{step.describe()}: a primitive target can only be replaced by a primitive"
        )
    else:
        merged = value
    if not location:
        return merged
    _node(document, location[:-1])[location[-1]] = merged
    return document


def _merge(target: Any, value: Any) -> Any:
    if isinstance(target, dict) and isinstance(value, dict):
        for key, item in value.items():
            target[key] = _merge(target[key], item) if key in target else copy.deepcopy(item)
        return target
    if isinstance(target, list) and isinstance(value, list):
        target.extend(copy.deepcopy(value))
        return target
    return copy.deepcopy(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Apply an OpenAPI Overlay to an OpenAPI document.")
    parser.add_argument("openapi", type=Path)
    parser.add_argument("overlay", type=Path)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    args = parser.parse_args(argv)
    document = yaml.safe_load(args.openapi.read_text(encoding="utf-8"))
    overlay = yaml.safe_load(args.overlay.read_text(encoding="utf-8"))
    try:
        result, _ = apply_overlay(document, overlay)
    except OverlayError as error:
        print(f"{args.overlay}: {error}", file=sys.stderr)
        return 1
    text = yaml.safe_dump(result, sort_keys=False, allow_unicode=True)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
