"""Find, by reading an adapter's source, what it reads from its curated spec, and check it.

The adapters read the curated spec through `seedance._spec.CuratedSpec`:
``spec.enum("CreateVideoRequest", "model")``, ``spec.max_items(..., "reference_audios")``,
``spec.schema(_REQUEST)["then"]["properties"]``, ``curated_spec(...).polling_interval("get_task")``,
``_SPEC.document["servers"][0]["url"]``. Every such call whose arguments are literals (or module
and class constants) is evaluated here the way `CuratedSpec` evaluates it, subscripts included, so
that a name the spec no longer has is reported with its line instead of raising `KeyError` when
``seedance`` is imported. ``.get(...)`` reads are optional by design and end a chain.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Scope", "SpecRead", "check_read", "spec_reads"]

SPEC_METHODS = frozenset(
    {"schema", "property_schema", "enum", "bounds", "max_items", "operation", "polling_interval"}
)
_UNKNOWN = object()


@dataclass(frozen=True)
class SpecRead:
    """One read: a `CuratedSpec` method (or ``document``), its arguments, then subscripts."""

    line: int
    method: str
    args: tuple[Any, ...]
    keys: tuple[Any, ...] = ()

    def describe(self) -> str:
        call = f"{self.method}({', '.join(repr(arg) for arg in self.args)})"
        return call + "".join(f"[{key!r}]" for key in self.keys)


class Scope:
    """The constants of a module and of its classes, by name (what arguments may refer to)."""

    def __init__(self, tree: ast.Module) -> None:
        self.constants: dict[str, Any] = {}
        self.attributes: dict[str, Any] = {}
        for node in tree.body:
            self._bind(node, self.constants)
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    self._bind(item, self.attributes)

    @staticmethod
    def _bind(node: ast.stmt, into: dict[str, Any]) -> None:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and value is not None:
            with contextlib.suppress(ValueError, TypeError, SyntaxError, RecursionError):
                into[target.id] = ast.literal_eval(value)

    def value(self, node: ast.expr) -> Any:
        """A literal, a module constant or a ``self.<class constant>``; else unknown."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id, _UNKNOWN)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")
        ):
            return self.attributes.get(node.attr, _UNKNOWN)
        return _UNKNOWN


def spec_reads(tree: ast.Module, scope: Scope) -> Iterator[SpecRead]:
    """Every statically known read of the curated spec in *tree*."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    holders = _spec_holders(tree)
    bindings: dict[str, SpecRead | None] = {}
    for node in ast.walk(tree):
        start = _start(node, holders, scope)
        if start is None:
            continue
        read, top = _extend(start, node, parents, scope)
        yield read
        parent = parents.get(top)
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
            target = parent.targets[0]
            if isinstance(target, ast.Name):
                seen = bindings.get(target.id, read)
                bindings[target.id] = read if seen == read else None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            bound = bindings.get(node.id)
            if bound is None:
                continue
            read, _ = _extend(
                SpecRead(node.lineno, bound.method, bound.args, bound.keys), node, parents, scope
            )
            if read.keys != bound.keys:
                yield read


def check_read(document: Any, read: SpecRead) -> str | None:
    """None when *document* has what *read* reads, else the missing part in words."""
    node, problem = _evaluate(document, read.method, read.args)
    if problem is not None:
        return problem
    for index, key in enumerate(read.keys):
        inside = (isinstance(node, dict) and key in node) or (
            isinstance(node, list) and isinstance(key, int) and -len(node) <= key < len(node)
        )
        if not inside:
            path = "".join(f"[{k!r}]" for k in read.keys[: index + 1])
            return f"{read.method}({', '.join(map(repr, read.args))}){path}"
        node = node[key]
    return None


def _evaluate(document: Any, method: str, args: tuple[Any, ...]) -> tuple[Any, str | None]:
    schemas = (document.get("components") or {}).get("schemas") or {}
    if method == "document":
        return document, None
    if method in ("operation", "polling_interval"):
        for item in (document.get("paths") or {}).values():
            for operation in item.values() if isinstance(item, dict) else ():
                if isinstance(operation, dict) and operation.get("operationId") == args[0]:
                    if method == "operation":
                        return operation, None
                    return operation.get("x-polling-interval-seconds", {}), None
        return None, f"operation {args[0]!r}"
    if args[0] not in schemas:
        return None, f"schema {args[0]!r}"
    node = schemas[args[0]]
    if method == "schema":
        return node, None
    prop = (node.get("properties") or {}).get(args[1]) if isinstance(node, dict) else None
    if not isinstance(prop, dict):
        return None, f"field {args[1]!r} of {args[0]}"
    if isinstance(prop.get("$ref"), str):
        prop = schemas.get(prop["$ref"].rsplit("/", 1)[1], {})
    wanted = {"enum": ("enum",), "bounds": ("minimum", "maximum"), "max_items": ("maxItems",)}
    missing = [key for key in wanted.get(method, ()) if key not in prop]
    if missing:
        return None, f"{' and '.join(missing)} of field {args[1]!r} of {args[0]}"
    return prop, None


def _spec_holders(tree: ast.Module) -> set[str]:
    """Module names bound to ``curated_spec(...)``: they hold a spec."""
    return {
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and _is_curated_spec_call(node.value)
    }


def _is_curated_spec_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "curated_spec"
    )


def _is_spec(node: ast.expr, holders: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "spec" or node.id in holders
    if isinstance(node, ast.Attribute):
        return node.attr == "spec" and isinstance(node.value, ast.Name) and node.value.id == "self"
    return _is_curated_spec_call(node)


def _start(node: ast.AST, holders: set[str], scope: Scope) -> SpecRead | None:
    if (
        isinstance(node, ast.Attribute)
        and node.attr == "document"
        and _is_spec(node.value, holders)
    ):
        return SpecRead(node.lineno, "document", ())
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if node.func.attr not in SPEC_METHODS or not _is_spec(node.func.value, holders):
        return None
    args = tuple(scope.value(arg) for arg in node.args)
    if not args or any(arg is _UNKNOWN for arg in args):
        return None
    return SpecRead(node.lineno, node.func.attr, args)


def _extend(
    read: SpecRead, node: ast.AST, parents: dict[ast.AST, ast.AST], scope: Scope
) -> tuple[SpecRead, ast.AST]:
    """*read* followed by the literal subscripts applied to *node*."""
    keys = list(read.keys)
    while True:
        parent = parents.get(node)
        if not (isinstance(parent, ast.Subscript) and parent.value is node):
            break
        key = scope.value(parent.slice)
        if key is _UNKNOWN or not isinstance(parent.ctx, ast.Load):
            break
        keys.append(key)
        node = parent
    return SpecRead(read.line, read.method, read.args, tuple(keys)), node
