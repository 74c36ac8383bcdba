"""The project's providers and the files that make up each one (shared by every pipeline step)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
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
    "load_yaml",
    "package_version",
]

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class PipelineError(Exception):
    """A pipeline step failed; the message says which file and what to do."""


@dataclass(frozen=True)
class Provider:
    """The files that make up one provider, relative to the project root."""

    name: str
    package: str

    @property
    def upstream(self) -> Path:
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


def discover_providers(root: Path = ROOT, only: str | None = None) -> list[Provider]:
    """Every folder under ``specs/`` with an upstream document is a provider (or just *only*)."""
    providers = []
    for upstream in sorted((root / "specs").glob("*/upstream.yaml")):
        name = upstream.parent.name
        if only is not None and name != only:
            continue
        config_path = root / "specs" / name / "generator.yaml"
        if not config_path.is_file():
            raise PipelineError(f"{config_path.relative_to(root)} is missing")
        config = load_yaml(config_path) or {}
        package = config.get("package_name_override")
        if not isinstance(package, str) or not package.isidentifier():
            raise PipelineError(
                f"{config_path.relative_to(root)}: 'package_name_override' must name the package"
            )
        providers.append(Provider(name, package))
    return providers


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
