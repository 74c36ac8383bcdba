"""The project's providers and the files that make up each one (shared by every pipeline step)."""

from __future__ import annotations

import ast
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from overlay import AppliedAction

__all__ = [
    "ROOT",
    "CuratedSpec",
    "PipelineError",
    "Provider",
    "discover_providers",
    "dump_yaml",
    "extended_provider",
    "load_yaml",
    "package_version",
    "registered_part",
    "registered_specs",
]

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class PipelineError(Exception):
    """A pipeline step failed; the message says which file and what to do."""


@dataclass(frozen=True)
class Provider:
    """The files that make up one provider, relative to the project root.

    A provider whose overlay ``extends`` another provider's curated spec (Volcengine Ark extends
    BytePlus ModelArk's: the same API) has that provider as its *base*: its upstream is the base's
    ``openapi.yaml``, curated first, and it has no ``upstream.yaml`` of its own.
    """

    name: str
    package: str
    base: str | None = None

    @property
    def upstream(self) -> Path:
        if self.base is not None:
            return Path("specs", self.base, "openapi.yaml")
        return Path("specs", self.name, "upstream.yaml")

    @property
    def overlay(self) -> Path:
        return Path("overlays", f"{self.name}.yaml")

    @property
    def curated(self) -> Path:
        return Path("specs", self.name, "openapi.yaml")

    @property
    def generator_config(self) -> Path:
        return Path("specs", self.name, "generator.yaml")

    @property
    def source(self) -> Path:
        """Where the provider publishes a machine-readable document, if it does."""
        return Path("specs", self.name, "source.yaml")

    @property
    def client(self) -> Path:
        return Path("generated", self.package)

    @property
    def changes_record(self) -> Path:
        """The versions of the client, each with its changes, and the spec of the latest."""
        return Path("docs", "changes", f"{self.name}.json")

    @property
    def changes_report(self) -> Path:
        return Path("docs", "changes", f"{self.name}.md")

    @property
    def inputs(self) -> tuple[Path, ...]:
        return (self.upstream, self.overlay, self.generator_config)


@dataclass(frozen=True)
class CuratedSpec:
    """A provider's upstream document, its curated spec, and what each overlay action did.

    ``lost`` names every node an action selected when the client was last generated and no longer
    selects (``scripts/targets.py``).
    """

    provider: Provider
    upstream: Any
    curated: Any
    actions: list[AppliedAction]
    lost: list[str] = field(default_factory=list)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes a `PipelineError` naming the file and line."""
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise PipelineError(f"{path}: not valid YAML: {error}") from error


def dump_yaml(document: Any) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


REGISTRY = '[project.entry-points."seedance.providers"]'


def registered_specs(root: Path = ROOT) -> dict[str, Path]:
    """A project's providers and their spec folders: the names its pyproject.toml registers
    (`seedance.registry` reads the same table), each built from ``specs/<name>/``.

    Read from pyproject.toml, not by importing ``seedance``: the pipeline must run when the facade
    does not import (a regeneration it has yet to catch up with). tests/registry/ checks that each
    registered unit names this folder.
    """
    # A copy of the tree without its own pyproject.toml (the sync check's) is this project's.
    pyproject = (
        root / "pyproject.toml" if (root / "pyproject.toml").is_file() else ROOT / "pyproject.toml"
    )
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    names = project.get("entry-points", {}).get("seedance.providers", {})
    return {name: Path("specs", name) for name in sorted(names)}


def discover_providers(root: Path = ROOT, only: str | None = None) -> list[Provider]:
    """Every registered provider (`registered_specs`), or just *only*, its files read under *root*
    (this checkout or a copy of it), each after the provider whose curated spec it extends. A spec
    folder of a provider nobody registered is an error."""
    registered = registered_specs(root)
    for upstream in sorted((root / "specs").glob("*/upstream.yaml")):
        if upstream.parent.name not in registered:
            raise PipelineError(
                f"{upstream.relative_to(root)}: provider {upstream.parent.name!r} is not"
                f" registered; add it to {REGISTRY} in pyproject.toml (see README.md)"
            )
    bases = {name: extended_provider(name, root, registered) for name in registered}
    providers = []
    for name in _dependency_order(bases):
        if only is not None and name != only:
            continue
        folder = registered[name]
        if bases[name] is None and not (root / folder / "upstream.yaml").is_file():
            raise PipelineError(
                f"{folder / 'upstream.yaml'} is missing: {name!r} is registered in {REGISTRY}"
            )
        config_path = root / folder / "generator.yaml"
        if not config_path.is_file():
            raise PipelineError(f"{config_path.relative_to(root)} is missing")
        config = load_yaml(config_path) or {}
        package = config.get("package_name_override")
        if not isinstance(package, str) or not package.isidentifier():
            raise PipelineError(
                f"{config_path.relative_to(root)}: 'package_name_override' must name the package"
            )
        providers.append(Provider(name, package, bases[name]))
    return providers


def extended_provider(name: str, root: Path, registered: dict[str, Path]) -> str | None:
    """The provider whose curated spec (``specs/<base>/openapi.yaml``) the overlay of *name*
    ``extends``, or None when it extends the provider's own ``upstream.yaml`` (or nothing)."""
    overlay = Path("overlays", f"{name}.yaml")
    if not (root / overlay).is_file():
        return None
    extends = (load_yaml(root / overlay) or {}).get("extends")
    if not isinstance(extends, str) or "://" in extends:
        return None
    target = Path(os.path.normpath(overlay.parent / extends))
    if target.name != "openapi.yaml" or target.parent.parent != Path("specs"):
        return None
    base = target.parent.name
    if base == name or base not in registered:
        raise PipelineError(
            f"{overlay}: 'extends: {extends}' names the curated spec of {base!r}, which is"
            + (" its own output" if base == name else f" not a provider registered in {REGISTRY}")
        )
    return base


def _dependency_order(bases: dict[str, str | None]) -> list[str]:
    """The names sorted, each provider moved after the one it extends; a cycle is an error."""
    ordered: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in ordered:
            return
        if name in path:
            cycle = " -> ".join((*path[path.index(name) :], name))
            raise PipelineError(f"overlays extend each other's curated specs in a cycle: {cycle}")
        base = bases.get(name)
        if base is not None:
            visit(base, (*path, name))
        ordered.append(name)

    for name in sorted(bases):
        visit(name, ())
    return ordered


def package_version(provider: Provider, root: Path = ROOT) -> str:
    """The client package's version: ``package_version_override`` of its generator.yaml."""
    config = load_yaml(root / provider.generator_config) or {}
    version = config.get("package_version_override")
    if not isinstance(version, str) or not VERSION.match(version):
        raise PipelineError(
            f"{provider.generator_config}: 'package_version_override' must give the version of"
            f" {provider.package} as MAJOR.MINOR.PATCH (quoted), got {version!r}"
        )
    return version


_SOURCE = Path("src")


def registered_part(name: str, part: str, root: Path) -> tuple[Path, str] | None:
    """The file under *root* that defines the *part* (``"adapter"``, ``"shape"``) of registered
    provider *name*, and the name it has there; None for a part outside this tree.

    The unit is read as `seedance.registry` reads a checkout's (its pyproject.toml's
    ``seedance.providers`` table, see `registered_specs`), without importing seedance: the
    module the entry point names is run on its own, with `seedance.registry.Provider` recording
    its arguments (``seedance._providers.builtin`` lays out seedance's own). A name the part's
    module takes from a module of its package (``from .volcengine import VOLCENGINE_ADAPTER``)
    is followed there.
    """
    # As `project.registered_specs`: a copy of the tree without its own pyproject.toml is this
    # project's.
    pyproject = (
        root / "pyproject.toml" if (root / "pyproject.toml").is_file() else ROOT / "pyproject.toml"
    )
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    entry = project.get("entry-points", {}).get("seedance.providers", {}).get(name)
    if entry is None:
        return None
    module, _, attribute = entry.partition(":")
    # A copy of the tree with only the code the checks read (the scenarios') is this project's.
    found = _module_file(root, module) or _module_file(ROOT, module)
    if found is None:
        return None
    # Run without its imports (but `from __future__`): the table needs none but `Provider`.
    body = [
        node
        for node in ast.parse(found.read_text(encoding="utf-8")).body
        if not isinstance(node, ast.Import)
        and not (isinstance(node, ast.ImportFrom) and node.module != "__future__")
    ]
    namespace: dict[str, Any] = {"Provider": SimpleNamespace, "__name__": module}
    exec(compile(ast.Module(body, []), str(found), "exec"), namespace)
    unit = namespace.get(attribute)
    where = getattr(unit, part, None)
    if not isinstance(where, str):
        return None
    module, _, attribute = where.partition(":")
    path = _module_file(root, module)
    while path is not None:
        source = _relative_source(path, attribute)
        if source is None:
            return path, attribute
        path = source
    return None


def _module_file(root: Path, module: str) -> Path | None:
    base = root / _SOURCE / module.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _relative_source(path: Path, name: str) -> Path | None:
    """The module file *path* takes *name* from by ``from .module import name``, if it does."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.level > 0
            and node.module
            and any(alias.name == name and alias.asname is None for alias in node.names)
        ):
            package = path.parent
            for _ in range(node.level - 1):
                package = package.parent
            base = package / node.module.replace(".", "/")
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file():
                    return candidate
    return None
