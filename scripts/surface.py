"""Compare the public Python surface of two builds of a generated client package, with griffe.

griffe's API check (`griffe.find_breaking_changes`) names what breaks code importing the package:
removed modules, classes, attributes and functions, removed or moved parameters, new required
parameters, changed defaults. Added public objects are additive. A changed annotation is listed
too (griffe does not judge annotations): the spec changes say whether it breaks (a response field
that now takes a string breaks readers; a request field that does, only widens).

Both packages are read statically (nothing is imported), each in a modules collection of its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe
from schemadiff import Change

__all__ = ["diff_surfaces", "load_surface"]

_MODEL_MODULE = re.compile(r"^(\w+)\.models\.[a-z0-9_]+\.([A-Z]\w*)")
# An attribute whose value is expected to change between versions.
_IGNORED = frozenset({"__version__"})


def load_surface(package: str, folder: Path) -> griffe.Object:
    """The package *package* found in *folder*, as griffe sees it (static analysis only)."""
    logging.getLogger("griffe").setLevel(logging.ERROR)
    loaded = griffe.load(
        package,
        search_paths=[str(folder)],
        allow_inspection=False,
        resolve_aliases=True,
        modules_collection=griffe.ModulesCollection(),
        lines_collection=griffe.LinesCollection(),
        store_source=False,
    )
    if loaded.is_alias:  # pragma: no cover - a package is never an alias
        raise TypeError(f"{package} is an alias")
    assert isinstance(loaded, griffe.Object)
    return loaded


def diff_surfaces(old: griffe.Object, new: griffe.Object) -> list[Change]:
    """Breaking changes (griffe's check), then added objects and changed annotations."""
    changes = [
        Change("breaking", _name(breakage.obj.path, old.path), _explain(breakage))
        for breakage in griffe.find_breaking_changes(old, new)
        if breakage.obj.name not in _IGNORED
    ]
    for path, kind in _added(old, new):
        changes.append(Change("additive", _name(path, old.path), f"new public {kind}"))
    for path, was, now in _annotations(old, new):
        what = f"annotation now `{now}` (was `{was}`)"
        changes.append(Change("additive", _name(path, old.path), what))
    return changes


def _explain(breakage: griffe.Breakage) -> str:
    text = breakage.kind.value.lower()
    old, new = _value(breakage.old_value), _value(breakage.new_value)
    if breakage.kind in (griffe.BreakageKind.OBJECT_REMOVED,):
        return text
    if breakage.kind is griffe.BreakageKind.PARAMETER_ADDED_REQUIRED:
        return f"{text}: {new}"
    details = f" ({breakage.details})" if breakage.details else ""
    if old and new:
        return f"{text}: {old} -> {new}{details}"
    return f"{text}: {old or new}{details}"


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, griffe.Parameter):
        shown = value.name
        if value.default is not None:
            shown += f"={value.default}"
        return shown
    return str(value)


def _public_members(obj: griffe.Object) -> Iterator[tuple[str, griffe.Object | griffe.Alias]]:
    for name, member in obj.members.items():
        if name in _IGNORED or not member.is_public:
            continue
        yield name, member


def _added(old: griffe.Object, new: griffe.Object) -> Iterator[tuple[str, str]]:
    """Public objects of *new* that *old* lacks (not their members: a new class is one line)."""
    old_members = dict(_public_members(old))
    for name, member in _public_members(new):
        if name not in old_members:
            yield member.path, member.kind.value
            continue
        before = old_members[name]
        if member.is_alias or before.is_alias:
            continue
        if (member.is_module or member.is_class) and before.kind == member.kind:
            assert isinstance(member, griffe.Object)
            assert isinstance(before, griffe.Object)
            yield from _added(before, member)


def _annotations(old: griffe.Object, new: griffe.Object) -> Iterator[tuple[str, str, str]]:
    """(path, old, new) for every attribute annotation, parameter annotation and return
    annotation that changed between two versions of the same public object."""
    old_members = dict(_public_members(old))
    for name, member in _public_members(new):
        before = old_members.get(name)
        if before is None or member.is_alias or before.is_alias or before.kind != member.kind:
            continue
        assert isinstance(member, griffe.Object)
        assert isinstance(before, griffe.Object)
        if member.is_module or member.is_class:
            yield from _annotations(before, member)
        elif isinstance(member, griffe.Attribute) and isinstance(before, griffe.Attribute):
            if str(before.annotation) != str(member.annotation):
                yield member.path, str(before.annotation), str(member.annotation)
        elif isinstance(member, griffe.Function) and isinstance(before, griffe.Function):
            if str(before.returns) != str(member.returns):
                yield f"{member.path}()", str(before.returns), str(member.returns)
            was = {parameter.name: parameter for parameter in before.parameters}
            for parameter in member.parameters:
                previous = was.get(parameter.name)
                if previous is not None and str(previous.annotation) != str(parameter.annotation):
                    where = f"{member.path}({parameter.name})"
                    yield where, str(previous.annotation), str(parameter.annotation)


def _name(path: str, package: str) -> str:
    """A griffe path as code importing the package writes it: a model by the name its
    ``models`` package exports (``models.VideoJob``, not ``models.video_job.VideoJob``)."""
    path = path if path.startswith(package) else f"{package}.{path}"
    return _MODEL_MODULE.sub(r"\1.models.\2", path)
