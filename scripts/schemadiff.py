"""Classify the changes between two versions of one JSON Schema (an OpenAPI 3.1 schema object).

Every change is one `Change`: its level, where it is, and a sentence. The level depends on the
change and on the *direction* of the schema: a request schema is what a client sends (request
bodies, parameters), a response schema is what it reads (responses, webhook payloads); a schema
used both ways takes the stricter level.

- **Type-level** changes alter the generated Python types: ``type``, ``enum``, ``const``,
  ``format`` (where the generator maps it: dates, binary, uuid), ``$ref``, ``anyOf``/``oneOf``
  branches, ``discriminator``, properties and ``required``.
- **Constraint-level** changes alter only what is valid: bounds, lengths, ``pattern``, other
  formats, ``allOf``, conditionals (``if``/``then``/``not``...), ``additionalProperties``.

| change | request | response |
| --- | --- | --- |
| narrowed type (a type, a branch or an enum value removed, a const added) | breaking | breaking |
| widened type (a type or branch added, now nullable) | additive | breaking |
| enum value added (an exhaustive match needs a new case) | additive | additive |
| narrowed constraint (a bound tightened, a pattern added) | breaking | additive |
| widened constraint (a bound relaxed or removed) | additive | additive |
| field removed (or renamed) | breaking | breaking |
| new required field / field becomes required | breaking | additive |
| new optional field | additive | additive |
| field no longer required | additive | breaking |
| default, readOnly/writeOnly, an unknown keyword changed | breaking | breaking |
| vendor extension (``x-``) changed | additive | additive |
| description, title, examples, ``x-evidence`` changed | documentation | documentation |
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LEVELS",
    "Change",
    "Direction",
    "compare_schema",
    "highest",
    "is_documentation",
    "without_documentation",
]

LEVELS = ("documentation", "additive", "breaking")
Direction = frozenset[str]
"""``request`` (the client sends it), ``response`` (the client reads it), or both."""
REQUEST: Direction = frozenset({"request"})
RESPONSE: Direction = frozenset({"response"})
BOTH: Direction = frozenset({"request", "response"})

DOCUMENTATION = frozenset(
    {
        "description", "summary", "title", "example", "examples", "$comment", "externalDocs",
        "x-evidence", "x-evidence-source", "deprecated", "xml",
    }
)  # fmt: skip
_LOWER = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains")
_UPPER = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains")
_TYPED_FORMATS = frozenset({"date", "date-time", "binary", "uuid"})
_OPAQUE = (
    "if", "then", "else", "not", "dependentRequired", "dependentSchemas", "propertyNames",
    "patternProperties", "contains", "unevaluatedProperties", "unevaluatedItems", "multipleOf",
    "uniqueItems", "contentEncoding", "contentMediaType",
)  # fmt: skip
_HANDLED = frozenset(
    {
        "$ref", "type", "enum", "const", "format", "pattern", "default", "readOnly", "writeOnly",
        "properties", "required", "items", "prefixItems", "additionalProperties", "anyOf",
        "oneOf", "allOf", "discriminator", *_LOWER, *_UPPER, *_OPAQUE,
    }
)  # fmt: skip


@dataclass(frozen=True, order=True)
class Change:
    """One classified change: ``breaking``, ``additive`` or ``documentation``."""

    level: str
    where: str
    what: str

    def line(self) -> str:
        return f"{self.level}: {self.where}: {self.what}"


def highest(changes: Iterable[Change]) -> str | None:
    """The highest level among *changes* (None when there are none)."""
    levels = [LEVELS.index(change.level) for change in changes]
    return LEVELS[max(levels)] if levels else None


def is_documentation(key: str) -> bool:
    return key in DOCUMENTATION


def without_documentation(node: Any) -> Any:
    """*node* without its documentation keywords, at every depth (to compare meanings)."""
    if isinstance(node, dict):
        return {k: without_documentation(v) for k, v in node.items() if k not in DOCUMENTATION}
    if isinstance(node, list):
        return [without_documentation(item) for item in node]
    return node


def compare_schema(old: Any, new: Any, where: str, direction: Direction) -> list[Change]:
    """Every change from schema *old* to schema *new* at *where* (named schemas behind a ``$ref``
    are compared once, on their own; here only the reference is)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        if old == new:
            return []
        return [_narrow(where, "the schema changed", direction, "type")]
    return _Comparison(where, direction).run(old, new)


def _level(direction: Direction, kind: str, sense: str) -> str:
    """The level of a narrowing or widening of *kind* (``type`` or ``constraint``)."""
    levels = []
    for side in direction:
        if sense == "narrow":
            levels.append("breaking" if side == "request" or kind == "type" else "additive")
        else:
            levels.append("breaking" if side == "response" and kind == "type" else "additive")
    return max(levels, key=LEVELS.index)


def _narrow(where: str, what: str, direction: Direction, kind: str) -> Change:
    return Change(_level(direction, kind, "narrow"), where, what)


def _widen(where: str, what: str, direction: Direction, kind: str) -> Change:
    return Change(_level(direction, kind, "widen"), where, what)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _types(schema: dict[str, Any]) -> set[str]:
    value = schema.get("type")
    return set(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()


class _Comparison:
    def __init__(self, where: str, direction: Direction) -> None:
        self.where = where
        self.direction = direction
        self.changes: list[Change] = []

    def narrow(self, what: str, kind: str, where: str | None = None) -> None:
        self.changes.append(_narrow(where or self.where, what, self.direction, kind))

    def widen(self, what: str, kind: str, where: str | None = None) -> None:
        self.changes.append(_widen(where or self.where, what, self.direction, kind))

    def add(self, level: str, what: str, where: str | None = None) -> None:
        self.changes.append(Change(level, where or self.where, what))

    def run(self, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
        if old.get("$ref") != new.get("$ref"):
            was, now = old.get("$ref", "an inline schema"), new.get("$ref", "an inline schema")
            self.narrow(f"now {now} instead of {was}", "type")
        self._types(old, new)
        self._enum(old, new)
        self._bounds(old, new)
        self._properties(old, new)
        self._branches(old, new)
        self._rest(old, new)
        documented = sorted(k for k in old.keys() | new.keys() if k in DOCUMENTATION)
        changed_docs = [key for key in documented if old.get(key) != new.get(key)]
        if changed_docs:
            self.add("documentation", f"{', '.join(changed_docs)} changed")
        return self.changes

    def _types(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        before, after = _types(old), _types(new)
        if before and after and before != after:
            if before - after:
                self.narrow(f"type {' | '.join(sorted(before - after))} no longer allowed", "type")
            if after - before:
                self.widen(f"type {' | '.join(sorted(after - before))} now allowed", "type")
        elif before != after:  # a type constraint appeared or went away
            if after:
                self.narrow(f"now restricted to type {' | '.join(sorted(after))}", "type")
            else:
                self.widen(f"no longer restricted to type {' | '.join(sorted(before))}", "type")
        if old.get("const", _MISSING) != new.get("const", _MISSING):
            if "const" in new:
                self.narrow(f"now the constant {_show(new['const'])}", "type")
            else:
                self.widen(f"no longer the constant {_show(old['const'])}", "type")
        formats = (old.get("format"), new.get("format"))
        if formats[0] != formats[1]:
            kind = "type" if set(formats) & _TYPED_FORMATS else "constraint"
            if formats[1] is None:
                self.widen(f"format {formats[0]} no longer required", kind)
            else:
                self.narrow(f"format now {formats[1]} (was {formats[0] or 'none'})", kind)

    def _enum(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if "enum" not in old and "enum" not in new:
            return
        if "enum" not in new:
            self.widen("no longer limited to an enumeration", "type")
            return
        if "enum" not in old:
            self.narrow(f"now limited to {_show(new['enum'])}", "type")
            return
        removed = [value for value in old["enum"] if value not in new["enum"]]
        added = [value for value in new["enum"] if value not in old["enum"]]
        for value in removed:
            self.narrow(f"enum value {_show(value)} removed", "type")
        for value in added:
            self.add(
                "additive",
                f"enum value {_show(value)} added (an exhaustive match on these values needs a"
                " new case)",
            )

    def _bounds(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for keys, lower in ((_LOWER, True), (_UPPER, False)):
            for key in keys:
                was, now = old.get(key), new.get(key)
                if was == now:
                    continue
                if now is None:
                    self.widen(f"{key} {_show(was)} removed", "constraint")
                elif was is None or (now > was if lower else now < was):
                    self.narrow(f"{key} now {_show(now)} (was {_show(was)})", "constraint")
                else:
                    self.widen(f"{key} now {_show(now)} (was {_show(was)})", "constraint")
        if old.get("pattern") != new.get("pattern"):
            if "pattern" in new:
                self.narrow(f"pattern now {_show(new['pattern'])}", "constraint")
            else:
                self.widen(f"pattern {_show(old['pattern'])} removed", "constraint")

    def _properties(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        before, after = old.get("properties") or {}, new.get("properties") or {}
        needed_before, needed_after = set(old.get("required", [])), set(new.get("required", []))
        removed = [name for name in before if name not in after]
        added = [name for name in after if name not in before]
        renamed = _renames(removed, added, before, after)
        for name in removed:
            target = renamed.get(name)
            what = f"field removed (renamed to {target!r}?)" if target else "field removed"
            self.add("breaking", what, f"{self.where}.{name}")
        for name in added:
            where = f"{self.where}.{name}"
            if name in needed_after and "request" in self.direction:
                self.add("breaking", "new required field", where)
            elif name in needed_after:
                self.add("additive", "new field, always present", where)
            else:
                self.add("additive", "new optional field", where)
        for name in before.keys() & after.keys():
            self.changes += compare_schema(
                before[name], after[name], f"{self.where}.{name}", self.direction
            )
        for name in sorted((needed_after - needed_before) & before.keys() & after.keys()):
            where = f"{self.where}.{name}"
            self.add(_requirement_level(self.direction, True), "field is now required", where)
        for name in sorted((needed_before - needed_after) & after.keys()):
            where = f"{self.where}.{name}"
            self.add(_requirement_level(self.direction, False), "field no longer required", where)
        for name in sorted((needed_after - needed_before) - after.keys()):
            self.narrow(f"now requires {name!r}", "constraint")

    def _branches(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for key, kind in (("anyOf", "type"), ("oneOf", "type"), ("allOf", "constraint")):
            before, after = old.get(key) or [], new.get(key) or []
            if before == after:
                continue
            # allOf: one member more is one constraint more (narrower); anyOf/oneOf: one branch more
            # is one more thing allowed (wider).
            more, fewer = (self.narrow, self.widen) if key == "allOf" else (self.widen, self.narrow)
            pairs, gone, extra = _match_branches(before, after)
            for index in gone:
                fewer(f"{key} member {_brief(before[index])} removed", kind)
            for index in extra:
                more(f"{key} member {_brief(after[index])} added", kind)
            for left, right in pairs:
                self.changes += compare_schema(
                    before[left], after[right], f"{self.where}({key}[{right}])", self.direction
                )

    def _rest(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for key in ("items", "additionalProperties"):
            was, now = old.get(key, _MISSING), new.get(key, _MISSING)
            if was == now:
                continue
            if isinstance(was, dict) and isinstance(now, dict):
                self.changes += compare_schema(was, now, f"{self.where}[]", self.direction)
            elif now is _MISSING or now is True:
                self.widen(f"{key} no longer restricted", "constraint")
            else:
                self.narrow(f"{key} now {_brief(now)}", "constraint")
        for key in _OPAQUE:
            was, now = old.get(key, _MISSING), new.get(key, _MISSING)
            if without_documentation(was) == without_documentation(now):
                continue
            if now is _MISSING:
                self.widen(f"rule {key!r} removed", "constraint")
            else:
                self.narrow(
                    f"rule {key!r} {'added' if was is _MISSING else 'changed'}", "constraint"
                )
        for key in ("default", "readOnly", "writeOnly", "discriminator"):
            if old.get(key, _MISSING) != new.get(key, _MISSING):
                shown = _show(new[key]) if key in new else "none"
                self.add("breaking", f"{key} now {shown} (was {_show(old.get(key))})")
        for key in sorted((old.keys() | new.keys()) - _HANDLED - DOCUMENTATION):
            if old.get(key, _MISSING) == new.get(key, _MISSING):
                continue
            if key.startswith("x-"):
                self.add("additive", f"vendor extension {key} changed")
            else:
                self.add("breaking", f"keyword {key!r} changed")


_MISSING: Any = object()


def _requirement_level(direction: Direction, now_required: bool) -> str:
    """A field becoming required breaks senders; one becoming optional breaks readers."""
    side = "request" if now_required else "response"
    return "breaking" if side in direction else "additive"


def _renames(
    removed: list[str], added: list[str], before: dict[str, Any], after: dict[str, Any]
) -> dict[str, str]:
    """Removed field -> an added field with the same schema (documentation aside)."""
    found: dict[str, str] = {}
    for name in removed:
        same = [
            other
            for other in added
            if other not in found.values()
            and without_documentation(after[other]) == without_documentation(before[name])
        ]
        if same:
            found[name] = same[0]
    return found


def _match_branches(
    before: list[Any], after: list[Any]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of branches to compare (same ``$ref``, else same meaning, else same position among
    the inline ones), and the removed and added ones."""
    pairs: list[tuple[int, int]] = []
    left, right = list(range(len(before))), list(range(len(after)))
    for test in (_ref, lambda node: _key(without_documentation(node))):
        for i in list(left):
            for j in right:
                if test(before[i]) is not None and test(before[i]) == test(after[j]):
                    pairs.append((i, j))
                    left.remove(i)
                    right.remove(j)
                    break
    inline_left = [i for i in left if _ref(before[i]) is None]
    inline_right = [j for j in right if _ref(after[j]) is None]
    for i, j in zip(inline_left, inline_right, strict=False):
        pairs.append((i, j))
        left.remove(i)
        right.remove(j)
    return pairs, left, right


def _ref(node: Any) -> str | None:
    return node.get("$ref") if isinstance(node, dict) else None


def _key(node: Any) -> str:
    return json.dumps(node, sort_keys=True)


def _brief(node: Any, limit: int = 80) -> str:
    text = _ref(node) or _show(without_documentation(node))
    return text if len(text) <= limit else text[: limit - 1] + "…"
