"""Ship each registered provider's generated client package in the wheel beside the facade.

The providers are pyproject.toml's ``[project.entry-points."seedance.providers"]`` table (the
registry, `seedance.registry`); each one's package is the ``generated/`` folder whose
``provenance.json`` names it. A registered provider without a generated package, or a generated
package no provider is registered for, stops the build naming it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GROUP = "seedance.providers"


class GeneratedPackagesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        registered = set(self.metadata.core.entry_points.get(GROUP, {}))
        for name, package in sorted(generated_packages(Path(self.root)).items()):
            if name not in registered:
                raise RuntimeError(
                    f"generated/{package.name} is the client of {name!r}, which is not registered:"
                    f' add it to [project.entry-points."{GROUP}"] in pyproject.toml'
                )
            build_data["force_include"][str(package)] = package.name
            registered.discard(name)
        if registered:
            raise RuntimeError(
                f'[project.entry-points."{GROUP}"] registers {", ".join(sorted(registered))}'
                " without a generated client in generated/ (run `nox -s generate`)"
            )


def generated_packages(root: Path) -> dict[str, Path]:
    """Each generated client package by the provider its ``provenance.json`` names."""
    found: dict[str, Path] = {}
    for provenance in sorted((root / "generated").glob("*/provenance.json")):
        provider = json.loads(provenance.read_text(encoding="utf-8"))["provider"]
        found[provider] = provenance.parent
    return found
