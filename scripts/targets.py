"""Account for every node an overlay action targets, so that no correction disappears silently.

Two rules, applied whenever an overlay is applied (``scripts/overlay.py``):

1. **Unions, member by member.** In a target such as ``$.a['x','y']`` every member of every union
   (``'x'`` and ``'y'``; in ``$.a['x','y']['p','q']`` each of the four) must select at least one
   node of the result. A member that selects nothing means the upstream no longer has what the
   action was written for, even while the other members still match.
2. **Filters and wildcards, against the record.** What each action selected, node by node, is
   recorded in the client's ``provenance.json`` (``overlay_selections``). A node the action
   selected when the client was generated and no longer selects is lost: the correction (and its
   row in ``docs/drift.md``) would silently disappear. The pipeline fails naming the action and the
   node unless the maintainer accepts the loss (``generate --accept-lost-targets``), for example
   when the upstream removed an operation on purpose. New nodes are fine: a wildcard picks up a new
   operation.

Nodes are recorded by *stable* locations: an array element is named by its ``name`` (a parameter)
or by its value (an ``enum`` or ``required`` entry) rather than by its index, so that an element
inserted before it is not mistaken for a loss.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jsonpath import JSONPathEnvironment
from jsonpath.path import JSONPath
from jsonpath.segments import JSONPathSegment

__all__ = [
    "ABSENT",
    "Location",
    "lookup",
    "lost",
    "missing_members",
    "selection_keys",
    "stable_location",
]

Location = tuple[str | int, ...]
ABSENT = object()
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SCALARS = (str, int, float, bool, type(None))


def stable_location(document: Any, location: Location) -> str:
    """*location* as a JSONPath that survives insertions: array elements by name or value."""
    parts = ["$"]
    node = document
    for part in location:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            element = node[part]
            if isinstance(element, dict) and isinstance(element.get("name"), str):
                where = f" && @.in == {_quote(element['in'])}" if "in" in element else ""
                parts.append(f"[?@.name == {_quote(element['name'])}{where}]")
            elif isinstance(element, _SCALARS):
                parts.append(f"[?@ == {_quote(element)}]")
            else:
                parts.append(f"[{part}]")
        else:
            parts.append(_step(part))
        node = lookup(node, (part,))
    return "".join(parts)


def lookup(document: Any, location: Location) -> Any:
    """The node at *location*, or `ABSENT`."""
    node = document
    for part in location:
        in_object = isinstance(node, dict) and isinstance(part, str) and part in node
        in_array = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_object or in_array):
            return ABSENT
        node = node[part]
    return node


def selection_keys(targets: Iterable[str]) -> list[str]:
    """The record key of each action: its target, with ``#2``, ``#3``... for repeated targets
    (so that inserting an action elsewhere in the overlay does not shift the record)."""
    seen: Counter[str] = Counter()
    keys = []
    for target in targets:
        seen[target] += 1
        keys.append(target if seen[target] == 1 else f"{target} #{seen[target]}")
    return keys


def missing_members(
    env: JSONPathEnvironment, query: str, document: Any, previous: Any = None
) -> list[str]:
    """One sentence per union member of *query* that selects nothing in *document*.

    Each member is tried with the rest of the query unchanged (other unions whole), and the
    sentence says where the selection stops and what stands there now; *previous* (the curated
    spec of the last generation, when known) lets it name keys that are new there, the likely
    new names of a renamed field.
    """
    path = env.compile(query)
    if not isinstance(path, JSONPath):  # a compound query: no unions to account for
        return []
    segments = list(path.segments)
    problems = []
    for index, segment in enumerate(segments):
        if len(segment.selectors) < 2:
            continue
        for selector in segment.selectors:
            single = type(segment)(env=env, token=segment.token, selectors=(selector,))
            candidate = [*segments[:index], single, *segments[index + 1 :]]
            if _selects(env, candidate, document):
                continue
            gap = _gap(env, candidate, document, previous)
            problems.append(f"member {selector} of {segment} selects nothing: {gap}")
    return problems


def _selects(env: JSONPathEnvironment, segments: Sequence[JSONPathSegment], document: Any) -> bool:
    return next(iter(JSONPath(env=env, segments=segments).finditer(document)), None) is not None


def _gap(
    env: JSONPathEnvironment, segments: Sequence[JSONPathSegment], document: Any, previous: Any
) -> str:
    """Where the selection of *segments* stops: the deepest prefix that still selects a node."""
    for depth in range(len(segments) - 1, -1, -1):
        matches = list(JSONPath(env=env, segments=segments[:depth]).finditer(document))
        if not matches:
            continue
        parent: Location = tuple(matches[0].parts)
        node = matches[0].obj
        text = f"{stable_location(document, parent)} has nothing at {segments[depth]}"
        if isinstance(node, dict):
            keys = list(node)
            text += (
                f" (its keys: {', '.join(map(str, keys[:12]))}{'...' if len(keys) > 12 else ''})"
            )
            known = lookup(previous, parent) if previous is not None else ABSENT
            if isinstance(known, dict):
                new = [key for key in keys if key not in known]
                if new:
                    text += f"; new there since the last generation: {', '.join(map(str, new))}"
        return text + ": the upstream changed under this action"
    return "the document has nothing there"


def lost(recorded: Mapping[str, Sequence[str]], key: str, selected: Sequence[str]) -> list[str]:
    """The nodes recorded for the action *key* that it no longer selects."""
    now = set(selected)
    return [location for location in recorded.get(key, ()) if location not in now]


def _step(part: str | int) -> str:
    if isinstance(part, int):
        return f"[{part}]"
    return f".{part}" if _IDENTIFIER.match(part) else f"[{_quote(part)}]"


def _quote(value: Any) -> str:
    if isinstance(value, str):
        return "'" + json.dumps(value)[1:-1].replace("'", "\\'").replace('\\"', '"') + "'"
    return json.dumps(value)
