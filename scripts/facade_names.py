"""Check every name the facade takes from a curated spec or a generated package, by reading it.

Nothing is imported: an adapter that reads a field the spec no longer has would raise ``KeyError``
as soon as ``seedance`` is imported. Instead each adapter (the module defining the class the
provider's registered unit names, `project.registered_part`: ``adapters/<provider>.py``, a
package's ``__init__.py``, or a module within another provider's package) is parsed and every name
it uses is checked against the freshly generated spec and package:

- what it imports from the generated package (modules, classes, operations);
- what it reads from the curated spec (``scripts/spec_reads.py``);
- the body fields its ``create_body`` sends (the values of its ``names`` mapping, the keys of the
  body it returns), against the create operation's request schema;
- the fields it reads from generated models: ``to_job(parsed)`` gets a 2xx model of its create or
  status operation; ``isinstance`` narrows it, ``X.from_dict(...)`` and annotations name a model,
  and a field's annotation gives the model of what it reads next (``parsed.data.task_id``). A
  field must exist on every model the value may be (``getattr(value, "x", default)``: on one).

The simulator's names (handlers, parameters, body fields) are in ``scripts/simulator_names.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from package_index import FieldType, PackageIndex, annotation_type
from project import Provider, registered_part
from spec_reads import Scope, check_read, spec_reads

__all__ = ["adapter_problems", "request_fields"]

_MODEL_API = frozenset({"to_dict", "from_dict", "additional_properties", "additional_keys"})


@dataclass(frozen=True)
class _Value:
    """What a name holds: one of these models (``every``: all of them must have a field read)."""

    type: FieldType
    every: bool = True


def adapter_problems(
    provider: Provider, document: Any, index: PackageIndex, root: Path
) -> list[str]:
    """One line per name adapter *provider* uses that the spec or the package no longer has."""
    found = registered_part(provider.name, "adapter", root)
    if found is None:
        return []
    where = str(found[0].relative_to(root))
    tree = ast.parse(found[0].read_text(encoding="utf-8"))
    who = f"adapter {provider.name}"
    problems = []
    imported = _imports(tree, index.package)
    for line, module, name in imported:
        if not index.defines(module, name):
            source = f"{index.package}.{module}" if module else index.package
            problems.append(
                f"{where}:{line}: {who} imports {name} from {source}, which the generated"
                " package no longer has"
            )
    scope = Scope(tree)
    for read in spec_reads(tree, scope):
        missing = check_read(document, read)
        if missing is not None:
            problems.append(
                f"{where}:{read.line}: {who} uses {missing} (spec.{read.describe()}), which"
                f" {provider.curated} no longer has"
            )
    operation = scope.attributes.get("create_operation")
    fields, schema_name = (
        request_fields(document, operation) if isinstance(operation, str) else (None, "")
    )
    for line, name in _sent_fields(tree, scope):
        if fields is not None and name not in fields:
            problems.append(
                f"{where}:{line}: {who} sends field {name!r} (create_body), which {schema_name} in"
                f" {provider.curated} no longer has"
            )
    models = {name for _, module, name in imported if module == "models"}
    operations = {name: module for _, module, name in imported if module.startswith("api.")}
    problems += [
        f"{where}:{line}: {who} {text}"
        for line, text in _ModelReads(index, models, operations, scope).run(tree)
    ]
    return problems


def request_fields(document: Any, operation_id: str) -> tuple[set[str] | None, str]:
    """The top-level fields of an operation's JSON request body, and the schema's name."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    for item in (document.get("paths") or {}).values():
        for operation in item.values() if isinstance(item, dict) else ():
            if not isinstance(operation, dict) or operation.get("operationId") != operation_id:
                continue
            content = (operation.get("requestBody") or {}).get("content") or {}
            schema = (content.get("application/json") or {}).get("schema") or {}
            name = f"the {operation_id} request body"
            if isinstance(schema.get("$ref"), str):
                name = schema["$ref"].rsplit("/", 1)[1]
                schema = schemas.get(name, {})
            parts = [schema, *schema.get("allOf", [])]
            if not any("properties" in part for part in parts):
                return None, name
            return {key for part in parts for key in part.get("properties") or {}}, name
    return None, ""


def _imports(tree: ast.Module, package: str) -> list[tuple[int, str, str]]:
    """(line, module below the package, name) of every ``from <package>... import name``."""
    found = []
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and (node.module == package or node.module.startswith(package + "."))
        ):
            module = node.module[len(package) + 1 :]
            found += [(node.lineno, module, alias.name) for alias in node.names]
    return found


def _sent_fields(tree: ast.Module, scope: Scope) -> Iterator[tuple[int, str]]:
    """The body fields ``create_body`` sends: values of its name mappings (a local or module
    mapping whose name says ``names``), constant keys of the dict it returns and of subscript
    assignments to the name it returns."""
    for function in ast.walk(tree):
        if not (isinstance(function, ast.FunctionDef) and function.name == "create_body"):
            continue
        returned = {
            node.value.id
            for node in ast.walk(function)
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Name)
        }
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if any("names" in name.lower() for name in names):
                    yield from _constants(node.value.values)
            elif isinstance(node, ast.Name) and "names" in node.id.lower():
                mapping = scope.constants.get(node.id)
                if isinstance(mapping, dict):
                    yield from (
                        (node.lineno, value) for value in mapping.values() if isinstance(value, str)
                    )
            elif isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
                yield from _constants([key for key in node.value.keys if key is not None])
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in returned
            ):
                yield from _constants([node.slice])


def _constants(nodes: list[ast.expr]) -> Iterator[tuple[int, str]]:
    for node in nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


class _ModelReads:
    """Follow generated models through each function, in statement order."""

    def __init__(
        self, index: PackageIndex, models: set[str], operations: dict[str, str], scope: Scope
    ) -> None:
        self.index = index
        self.models = models
        self.scope = scope
        self.problems: list[tuple[int, str]] = []
        self.parsed: _Value | None = None  # to_job's argument: see _resolve_pairs
        every_response = frozenset(
            name for operation in operations for name in index.responses(operation)
        )
        self.any_parsed = _Value(FieldType(every_response), every=False)

    def run(self, tree: ast.Module) -> list[tuple[int, str]]:
        self._resolve_pairs(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self._body(node.body, self._parameters(node))
        return self.problems

    def _resolve_pairs(self, tree: ast.Module) -> None:
        """``create_with = (operation, Model)`` and ``get_with = (operation, "param")``."""
        found: frozenset[str] = frozenset()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                first = node.value.elts[0] if node.value.elts else None
                if {"create_with", "get_with"} & set(names) and isinstance(first, ast.Name):
                    found |= self.index.responses(first.id)
        if found:
            self.parsed = _Value(FieldType(found))

    def _parameters(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, _Value]:
        env: dict[str, _Value] = {}
        for argument in function.args.args + function.args.kwonlyargs:
            typed = annotation_type(argument.annotation, self.models)
            if typed.classes:
                env[argument.arg] = _Value(typed)
            elif argument.arg == "parsed":
                chosen = self.parsed if function.name == "to_job" else self.any_parsed
                if chosen is not None and chosen.type.classes:
                    env[argument.arg] = chosen
        return env

    def _body(self, statements: list[ast.stmt], env: dict[str, _Value]) -> None:
        for statement in statements:
            self._statement(statement, env)

    def _statement(self, node: ast.stmt, env: dict[str, _Value]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return  # analysed on its own
        if isinstance(node, ast.If):
            self._reads(node.test, env)
            narrowed = self._isinstance(node.test, env)
            inner = dict(env)
            if narrowed:
                inner[narrowed[0]] = _Value(FieldType(frozenset({narrowed[1]})))
            self._body(node.body, inner)
            otherwise = dict(env)
            if narrowed:  # the else branch, and what follows a branch that returns, is the rest
                name, model = narrowed
                rest = env[name].type.classes - {model}
                otherwise[name] = _Value(FieldType(rest), env[name].every)
            self._body(node.orelse, otherwise)
            if narrowed and node.body and isinstance(node.body[-1], ast.Return | ast.Raise):
                env.update(otherwise)
            return
        if isinstance(node, ast.Assign):
            self._reads(node.value, env)
            value = self._type(node.value, env)
            for target in node.targets:
                if isinstance(target, ast.Name):
                    if value is None:
                        env.pop(target.id, None)
                    else:
                        env[target.id] = value
            return
        if isinstance(node, ast.For):
            self._reads(node.iter, env)
            element = self._type(node.iter, env)
            if isinstance(node.target, ast.Name):
                if element is not None and element.type.is_list:
                    env[node.target.id] = _Value(FieldType(element.type.classes), element.every)
                else:
                    env.pop(node.target.id, None)
            self._body(node.body, env)
            self._body(node.orelse, env)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self._reads(child, env)
            elif isinstance(child, ast.stmt):
                self._statement(child, env)
            elif isinstance(child, ast.excepthandler | ast.withitem | ast.match_case):
                for part in ast.iter_child_nodes(child):
                    if isinstance(part, ast.stmt):
                        self._statement(part, env)
                    elif isinstance(part, ast.expr):
                        self._reads(part, env)

    def _isinstance(self, test: ast.expr, env: dict[str, _Value]) -> tuple[str, str] | None:
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
            and len(test.args) == 2
            and isinstance(test.args[0], ast.Name)
            and test.args[0].id in env
            and isinstance(test.args[1], ast.Name)
            and test.args[1].id in self.models
        ):
            return test.args[0].id, test.args[1].id
        return None

    def _type(self, node: ast.expr, env: dict[str, _Value]) -> _Value | None:
        if isinstance(node, ast.Name):
            return env.get(node.id)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "drop_unset"
        ):
            return self._type(node.args[0], env) if node.args else None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if (
                node.func.attr == "from_dict"
                and isinstance(owner, ast.Name)
                and owner.id in self.models
            ):
                return _Value(FieldType(frozenset({owner.id})))
            return None
        if isinstance(node, ast.Subscript):
            inner = self._type(node.value, env)
            if inner is not None and inner.type.is_list:
                return _Value(FieldType(inner.type.classes), inner.every)
            return None
        if isinstance(node, ast.Attribute):
            owner_type = self._type(node.value, env)
            if owner_type is None or owner_type.type.is_list:
                return None
            fields = [
                self.index.classes.get(model, {}).get(node.attr)
                for model in owner_type.type.classes
            ]
            known = [field for field in fields if field is not None and field.classes]
            if not known:
                return None
            classes = frozenset(name for field in known for name in field.classes)
            return _Value(
                FieldType(classes, any(field.is_list for field in known)), owner_type.every
            )
        return None

    def _reads(self, node: ast.expr, env: dict[str, _Value]) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Load):
                self._check(sub.value, sub.attr, sub.lineno, env, optional=False)
            elif (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Name)
                and sub.func.id == "getattr"
                and len(sub.args) >= 2
                and isinstance(sub.args[1], ast.Constant)
                and isinstance(sub.args[1].value, str)
            ):
                self._check(sub.args[0], sub.args[1].value, sub.lineno, env, optional=True)

    def _check(
        self, owner: ast.expr, name: str, line: int, env: dict[str, _Value], *, optional: bool
    ) -> None:
        value = self._type(owner, env)
        if value is None or value.type.is_list or name in _MODEL_API:
            return
        models = sorted(value.type.classes)
        lacking = [model for model in models if name not in self.index.classes.get(model, {})]
        if not lacking:
            return
        if optional or not value.every:
            if len(lacking) == len(models):
                self.problems.append(
                    (line, f"reads field {name!r}, which none of {', '.join(models)} has any more")
                )
            return
        text = f"reads field {name!r} of {', '.join(lacking)}, which the generated model no"
        self.problems.append((line, text + " longer has"))
