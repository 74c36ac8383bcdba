"""Check every name a provider's simulator takes from its curated spec, by reading it.

The simulator (the shape the provider's registered unit names, `project.registered_part`:
``src/seedance/testing/providers/<provider>.py``'s ``SHAPE``, or another provider's module's
``<PROVIDER>_SHAPE``) answers each operation of the curated spec with that class's method of the
same name, an ``async def op(self, context)``;
in it, ``context.path[...]``, ``context.query[...]`` and ``context.body.get(...)`` read the
operation's parameters and request body. Each operation must have its handler, each handler its
operation, and each name read must be one the operation still has.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from facade_names import request_fields
from project import Provider, registered_part

__all__ = ["simulator_problems"]

_SECTIONS = {"path": "path", "query": "query", "headers": "header"}


def simulator_problems(provider: Provider, document: Any, root: Path) -> list[str]:
    registered = registered_part(provider.name, "shape", root)
    if registered is None:
        return []
    path, shape = registered
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(root))
    who = f"simulator {provider.name}"
    methods = _methods(tree, shape)
    if methods is None:
        return []
    operations = _operations(document)
    handlers = {name: node for name, node in methods.items() if _is_handler(node)}
    problems = []
    for operation in sorted(operations.keys() - handlers.keys()):
        problems.append(
            f"{where}: {who} has no handler for operation {operation}, which {provider.curated}"
            f" has (add `async def {operation}(self, context)` to its SHAPE)"
        )
    for operation, handler in sorted(handlers.items()):
        if operation not in operations:
            problems.append(
                f"{where}:{handler.lineno}: {who} handles operation {operation}, which"
                f" {provider.curated} no longer has"
            )
    # A handler's reads belong to its operation; a helper's (``_webhook_url(self, context)``) to
    # any operation.
    for name, method in sorted(methods.items()):
        chosen = [name] if name in handlers else sorted(operations)
        if name in handlers and name not in operations:
            continue
        fields: set[str] = set()
        places: dict[str, set[str]] = {}
        open_body = False
        for operation in chosen:
            found, _ = request_fields(document, operation)
            open_body |= found is None and name in handlers
            fields |= found or set()
            for place, names in operations[operation].items():
                places.setdefault(place, set()).update(names)
        what = name if name in handlers else "any operation"
        for line, section, key in _reads(method):
            if section == "body":
                if not open_body and key not in fields:
                    problems.append(
                        f"{where}:{line}: {who} reads body field {key!r} ({what}), which the"
                        f" request body in {provider.curated} no longer has"
                    )
            elif key not in places.get(_SECTIONS[section], set()):
                problems.append(
                    f"{where}:{line}: {who} reads {_SECTIONS[section]} parameter {key!r}"
                    f" ({what}), which {provider.curated} no longer has"
                )
    return problems


def _is_handler(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return isinstance(node, ast.AsyncFunctionDef)


def _methods(
    tree: ast.Module, attribute: str
) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef] | None:
    """The methods taking a ``context`` of the module's shape class, the one *attribute* names
    (``SHAPE``), and of its bases in the module: the ``async`` ones are handlers, named after
    their operation."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    shape = next(
        (
            node.value.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == attribute for t in node.targets)
            and isinstance(node.value, ast.Name)
        ),
        None,
    )
    if shape not in classes:
        return None
    found: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    pending = [classes[str(shape)]]
    while pending:
        cls = pending.pop()
        for item in cls.body:
            if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if [argument.arg for argument in item.args.args][1:2] == ["context"]:
                found.setdefault(item.name, item)
        pending += [
            classes[base.id]
            for base in cls.bases
            if isinstance(base, ast.Name) and base.id in classes
        ]
    return found


def _operations(document: Any) -> dict[str, dict[str, set[str]]]:
    """operationId -> parameter place -> names (path-level parameters included)."""
    components = (document.get("components") or {}).get("parameters") or {}
    found: dict[str, dict[str, set[str]]] = {}
    for item in (document.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            places: dict[str, set[str]] = {}
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                if isinstance(parameter.get("$ref"), str):
                    parameter = components.get(parameter["$ref"].rsplit("/", 1)[1], {})
                places.setdefault(str(parameter.get("in")), set()).add(str(parameter.get("name")))
            found[operation["operationId"]] = places
    return found


def _reads(handler: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[int, str, str]]:
    """(line, section, name) of each ``context.<section>[name]`` or ``.get(name)``, also through
    a local alias (``query = context.query``)."""
    aliases = {
        target.id: node.value.attr
        for node in ast.walk(handler)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and _is_section(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(handler):
        if not isinstance(node, ast.expr):
            continue
        owner: ast.expr | None = None
        key: object = None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            owner, key = node.value, node.slice.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            owner, key = node.func.value, node.args[0].value
        if owner is None or not isinstance(key, str):
            continue
        if _is_section(owner):
            assert isinstance(owner, ast.Attribute)
            found.append((node.lineno, owner.attr, key))
        elif isinstance(owner, ast.Name) and owner.id in aliases:
            found.append((node.lineno, aliases[owner.id], key))
    return found


def _is_section(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr in (*_SECTIONS, "body")
        and isinstance(node.value, ast.Name)
        and node.value.id == "context"
    )
