"""Ship every generated client package in the wheel beside the facade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class GeneratedPackagesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        generated = Path(self.root) / "generated"
        for package in sorted(generated.glob("*/__init__.py")):
            name = package.parent.name
            build_data["force_include"][str(package.parent)] = name
