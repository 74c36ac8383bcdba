"""Run the pinned openapi-python-client on a curated spec, and record the client's provenance."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from project import CuratedSpec, PipelineError, Provider, dump_yaml, load_yaml

__all__ = [
    "FORMATTER_VERSION",
    "GENERATOR",
    "GENERATOR_VERSION",
    "PROVENANCE",
    "SHIPPED_SPEC",
    "TEMPLATES",
    "digest",
    "generate_client",
    "generate_from_document",
    "generate_package",
    "package_digest",
    "read_provenance",
    "require_tool_versions",
]

GENERATOR = "openapi-python-client"
# The committed clients are byte-for-byte what this version (and this ruff) produce.
GENERATOR_VERSION = "0.29.1"
FORMATTER_VERSION = "0.17.5"
PROVENANCE = "provenance.json"
SHIPPED_SPEC = "openapi.json"
# Overrides of the generator's own templates (no secrets in the client's repr, a __version__).
TEMPLATES = Path("scripts/templates")
_VERSION_LINE = re.compile(rb"^__version__ = .*$", re.MULTILINE)


def require_tool_versions() -> None:
    installed = {name: metadata.version(name) for name in (GENERATOR, "ruff")}
    wanted = {GENERATOR: GENERATOR_VERSION, "ruff": FORMATTER_VERSION}
    for name, version in wanted.items():
        if installed[name] != version:
            raise PipelineError(
                f"{name} {installed[name]} is installed but the pipeline is pinned to {version}:"
                " run it through nox, which installs the pinned versions"
            )


def generate_client(spec: CuratedSpec, version: str, out: Path, root: Path) -> None:
    """Generate *spec*'s client package under *out* with its shipped spec and provenance."""
    provider = spec.provider
    target = out / provider.client
    generate_package(out / provider.curated, target, root / provider.generator_config, root)
    curated = load_yaml(out / provider.curated)
    (target / SHIPPED_SPEC).write_text(json.dumps(curated, indent=1) + "\n", encoding="utf-8")
    record = {
        "provider": provider.name,
        "package": provider.package,
        "version": version,
        "generator": f"{GENERATOR} {GENERATOR_VERSION}",
        "formatter": f"ruff {FORMATTER_VERSION}",
        "inputs": {str(path): digest(root / path) for path in provider.inputs},
        "curated_spec": {str(provider.curated): digest(out / provider.curated)},
        "templates": {
            str(path.relative_to(root)): digest(path)
            for path in sorted((root / TEMPLATES).glob("*.jinja"))
        },
        # What each overlay action selected (scripts/targets.py): the next generation must
        # select it again, or say why not.
        "overlay_selections": {step.key: step.selected for step in spec.actions},
    }
    (target / PROVENANCE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def generate_package(spec_path: Path, target: Path, config: Path, root: Path) -> None:
    """Run the generator: the package for the spec at *spec_path* into *target*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    executable = Path(sys.executable).parent / GENERATOR
    command = [
        str(executable if executable.exists() else GENERATOR),
        "generate",
        "--path", str(spec_path),
        "--config", str(config),
        "--custom-template-path", str(root / TEMPLATES),
        "--meta", "none",
        "--output-path", str(target),
        "--overwrite",
        "--fail-on-warning",
    ]  # fmt: skip
    # The generator's post hooks run `ruff` from PATH: make it this environment's pinned ruff.
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if completed.returncode != 0:
        raise PipelineError(
            f"{spec_path}: {GENERATOR} failed\n{completed.stdout}\n{completed.stderr}"
        )
    shutil.rmtree(target / "__pycache__", ignore_errors=True)
    (target / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")


def generate_from_document(document: Any, target: Path, provider: Provider, root: Path) -> None:
    """Generate the package of a spec held in memory (an earlier version's, to compare with)."""
    spec_path = target.parent / f"{provider.name}.openapi.yaml"
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    spec_path.write_text(dump_yaml(document), encoding="utf-8")
    generate_package(spec_path, target, root / provider.generator_config, root)


def read_provenance(provider: Provider, base: Path) -> dict[str, Any]:
    """The provenance record of the client under *base* ({} when there is none)."""
    path = base / provider.client / PROVENANCE
    if not path.is_file():
        return {}
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def digest(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def package_digest(folder: Path) -> str:
    """One digest of a generated package's code: every file but provenance.json, and without the
    ``__version__`` line (a new version alone is not a change of the code)."""
    combined = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.name == PROVENANCE:
            continue
        data = path.read_bytes()
        if path.parent == folder and path.name == "__init__.py":
            data = _VERSION_LINE.sub(b"", data)
        combined.update(path.relative_to(folder).as_posix().encode() + b"\0" + data + b"\0")
    return "sha256:" + combined.hexdigest()
