"""What a generated client package offers, read from its source (nothing is imported): the names
each module defines, each model's fields and their model types, each operation's 2xx models."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

__all__ = ["FieldType", "PackageIndex"]


@dataclass(frozen=True)
class FieldType:
    """The model classes an annotation names, and whether it is a list of them."""

    classes: frozenset[str] = frozenset()
    is_list: bool = False


@dataclass
class PackageIndex:
    """The generated package *package* in *folder* (``folder/package/__init__.py``)."""

    package: str
    folder: Path
    _trees: dict[Path, ast.Module | None] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.folder / self.package

    def module_file(self, dotted: str) -> Path | None:
        """The file of module ``package.dotted`` (``""`` is the package), or None."""
        base = self.root.joinpath(*dotted.split(".")) if dotted else self.root
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None

    def defines(self, dotted: str, name: str) -> bool:
        """Whether ``from package.dotted import name`` works."""
        path = self.module_file(dotted)
        if path is None:
            return False
        if self.module_file(f"{dotted}.{name}" if dotted else name) is not None:
            return True
        return name in _top_level_names(self._tree(path))

    @cached_property
    def classes(self) -> dict[str, dict[str, FieldType]]:
        """Model class -> its fields (and methods, with an empty type) as the source has them."""
        trees = {path: self._tree(path) for path in sorted((self.root / "models").glob("*.py"))}
        names = {
            node.name
            for tree in trees.values()
            if tree is not None
            for node in tree.body
            if isinstance(node, ast.ClassDef)
        }
        found: dict[str, dict[str, FieldType]] = {}
        for tree in trees.values():
            for node in tree.body if tree is not None else []:
                if isinstance(node, ast.ClassDef) and not _is_enum(node):
                    found[node.name] = _fields(node, names)
        return found

    def responses(self, operation: str) -> frozenset[str]:
        """The model classes a 2xx answer of ``api.<tag>.<operation>`` parses into."""
        found: set[str] = set()
        for path in sorted((self.root / "api").glob(f"*/{operation}.py")):
            tree = self._tree(path)
            for node in ast.walk(tree) if tree is not None else []:
                if isinstance(node, ast.If) and _success_status(node.test):
                    found |= {
                        call.func.value.id
                        for call in ast.walk(node)
                        if isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "from_dict"
                        and isinstance(call.func.value, ast.Name)
                    }
        return frozenset(found)

    def _tree(self, path: Path) -> ast.Module | None:
        if path not in self._trees:
            try:
                self._trees[path] = ast.parse(path.read_text(encoding="utf-8"))
            except (OSError, SyntaxError):
                self._trees[path] = None
        return self._trees[path]


def annotation_type(node: ast.expr | None, classes: set[str] | frozenset[str]) -> FieldType:
    """The model classes an annotation names (``list[X] | Unset`` is a list of X)."""
    if node is None:
        return FieldType()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return FieldType()
    named = frozenset(
        sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name) and sub.id in classes
    )
    is_list = any(
        isinstance(sub, ast.Subscript)
        and isinstance(sub.value, ast.Name)
        and sub.value.id == "list"
        for sub in ast.walk(node)
    )
    return FieldType(named, is_list and bool(named))


def _fields(node: ast.ClassDef, classes: set[str]) -> dict[str, FieldType]:
    found: dict[str, FieldType] = {}
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            found[item.target.id] = annotation_type(item.annotation, classes)
        elif isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            found[item.name] = FieldType()
    return found


def _is_enum(node: ast.ClassDef) -> bool:
    return any(isinstance(base, ast.Name) and base.id.endswith("Enum") for base in node.bases)


def _success_status(test: ast.expr) -> bool:
    """``response.status_code == 2xx`` or ``200 <= response.status_code <= 299``."""
    if not isinstance(test, ast.Compare):
        return False
    parts = [test.left, *test.comparators]
    numbers = [part.value for part in parts if isinstance(part, ast.Constant)]
    status = any(isinstance(part, ast.Attribute) and part.attr == "status_code" for part in parts)
    return (
        status
        and bool(numbers)
        and all(isinstance(number, int) and 200 <= number < 300 for number in numbers)
    )


def _top_level_names(tree: ast.Module | None) -> set[str]:
    names: set[str] = set()
    for node in tree.body if tree is not None else []:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
    return names
