"""The spec pipeline: upstream -> overlay -> curated spec -> generated client, and its checks.

Every provider is a folder ``specs/<provider>/`` holding ``upstream.yaml`` and ``generator.yaml``,
plus ``overlays/<provider>.yaml``. The pipeline writes ``specs/<provider>/openapi.yaml``, the
client package ``generated/<package>/`` (with ``provenance.json`` and a copy of the curated spec as
``openapi.json``, which the facade validates requests against at run time) and ``docs/drift.md``.

Usage::

    python scripts/pipeline.py specs      # curated specs only
    python scripts/pipeline.py generate   # curated specs, clients, provenance, drift report
    python scripts/pipeline.py check      # regenerate into a temporary tree and compare
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from drift import render_drift_report
from overlay import AppliedAction, OverlayError, apply_overlay

__all__ = [
    "GENERATOR_VERSION",
    "ROOT",
    "CuratedSpec",
    "Provider",
    "build",
    "check",
    "curate",
    "discover_providers",
    "dump_yaml",
    "load_yaml",
]

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = "openapi-python-client"
# The committed clients are byte-for-byte what this version (and this ruff) produce.
GENERATOR_VERSION = "0.29.1"
FORMATTER_VERSION = "0.17.5"
PROVENANCE = "provenance.json"
SHIPPED_SPEC = "openapi.json"
DRIFT_REPORT = Path("docs/drift.md")
# Overrides of the generator's own templates (for example: no secrets in the client's repr).
TEMPLATES = Path("scripts/templates")


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
    def client(self) -> Path:
        return Path("generated", self.package)

    @property
    def inputs(self) -> tuple[Path, ...]:
        return (self.upstream, self.overlay, self.generator_config)


@dataclass(frozen=True)
class CuratedSpec:
    """A provider's upstream document, its curated spec, and what each overlay action did."""

    provider: Provider
    upstream: Any
    curated: Any
    actions: list[AppliedAction]


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


def curate(provider: Provider, root: Path = ROOT) -> CuratedSpec:
    """Apply the provider's overlay to its upstream document."""
    upstream = load_yaml(root / provider.upstream)
    try:
        curated, actions = apply_overlay(upstream, load_yaml(root / provider.overlay))
    except OverlayError as error:
        raise PipelineError(f"{provider.overlay}: {error}") from error
    return CuratedSpec(provider, upstream, curated, actions)


def build(
    out: Path, *, clients: bool = True, only: str | None = None, root: Path = ROOT
) -> list[CuratedSpec]:
    """Write curated specs (and, with *clients*, clients and drift report) under *out*.

    With *only*, just that provider's spec and client are written; the drift report, which covers
    every provider, is left alone.
    """
    providers = discover_providers(root, only)
    if not providers:
        raise PipelineError(f"no provider {only!r}: expected specs/{only}/upstream.yaml")
    specs = [curate(provider, root) for provider in providers]
    for spec in specs:
        target = out / spec.provider.curated
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(spec.curated), encoding="utf-8")
    if clients:
        _require_tool_versions()
        for spec in specs:
            _generate_client(spec.provider, out, root)
        if only is not None:
            return specs
        report = out / DRIFT_REPORT
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(render_drift_report(specs), encoding="utf-8")
    return specs


def check(root: Path = ROOT) -> list[str]:
    """Regenerate everything into a temporary tree; return one line per difference with *root*."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="seedance-check-") as temporary:
        fresh = Path(temporary)
        try:
            specs = build(fresh, root=root)
        except PipelineError as error:
            return [str(error)]
        for spec in specs:
            problems += _provenance_problems(spec.provider, fresh, root)
        expected = _outputs(fresh, [spec.provider for spec in specs])
        committed = _outputs(root, discover_providers(root))
        for path in sorted(expected - committed):
            problems.append(f"{path}: missing (run `nox -s generate` and commit it)")
        for path in sorted(committed - expected):
            problems.append(f"{path}: extra, the pipeline does not produce it (delete it)")
        for path in sorted(expected & committed):
            if not filecmp.cmp(fresh / path, root / path, shallow=False):
                problems.append(f"{path}: differs from what the pipeline produces")
    return problems


def _outputs(base: Path, providers: list[Provider]) -> set[Path]:
    paths = {provider.curated for provider in providers if (base / provider.curated).is_file()}
    if (base / DRIFT_REPORT).is_file():
        paths.add(DRIFT_REPORT)
    for folder in sorted((base / "generated").glob("*")):
        if folder.is_dir():
            paths |= {
                path.relative_to(base)
                for path in folder.rglob("*")
                if path.is_file() and "__pycache__" not in path.parts
            }
    return paths


def _provenance_problems(provider: Provider, fresh: Path, root: Path) -> list[str]:
    committed_path = root / provider.client / PROVENANCE
    if not committed_path.is_file():
        return []
    committed = json.loads(committed_path.read_text(encoding="utf-8"))
    current = json.loads((fresh / provider.client / PROVENANCE).read_text(encoding="utf-8"))
    problems = []
    for section in ("inputs", "curated_spec", "templates"):
        for path, digest in current[section].items():
            if committed.get(section, {}).get(path) != digest:
                problems.append(
                    f"{path}: changed since {provider.client} was generated"
                    " (run `nox -s generate` and commit the result)"
                )
    if committed.get("generator") != current["generator"]:
        problems.append(
            f"{provider.client}/{PROVENANCE}: generated by {committed.get('generator')},"
            f" the pinned generator is {current['generator']}"
        )
    return problems


def _require_tool_versions() -> None:
    installed = {name: metadata.version(name) for name in (GENERATOR, "ruff")}
    wanted = {GENERATOR: GENERATOR_VERSION, "ruff": FORMATTER_VERSION}
    for name, version in wanted.items():
        if installed[name] != version:
            raise PipelineError(
                f"{name} {installed[name]} is installed but the pipeline is pinned to {version}:"
                " run it through nox, which installs the pinned versions"
            )


def _generate_client(provider: Provider, out: Path, root: Path) -> None:
    target = out / provider.client
    target.parent.mkdir(parents=True, exist_ok=True)
    executable = Path(sys.executable).parent / GENERATOR
    command = [
        str(executable if executable.exists() else GENERATOR),
        "generate",
        "--path", str(out / provider.curated),
        "--config", str(root / provider.generator_config),
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
            f"{provider.curated}: {GENERATOR} failed\n{completed.stdout}\n{completed.stderr}"
        )
    shutil.rmtree(target / "__pycache__", ignore_errors=True)
    (target / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    curated = load_yaml(out / provider.curated)
    (target / SHIPPED_SPEC).write_text(json.dumps(curated, indent=1) + "\n", encoding="utf-8")
    (target / PROVENANCE).write_text(_provenance(provider, out, root), encoding="utf-8")


def _provenance(provider: Provider, out: Path, root: Path) -> str:
    record = {
        "provider": provider.name,
        "generator": f"{GENERATOR} {GENERATOR_VERSION}",
        "formatter": f"ruff {FORMATTER_VERSION}",
        "inputs": {str(path): _digest(root / path) for path in provider.inputs},
        "curated_spec": {str(provider.curated): _digest(out / provider.curated)},
        "templates": {
            str(path.relative_to(root)): _digest(path)
            for path in sorted((root / TEMPLATES).glob("*.jinja"))
        },
    }
    return json.dumps(record, indent=2) + "\n"


def _digest(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("step", choices=["specs", "generate", "check"])
    parser.add_argument("--provider", help="only this provider (specs and generate)")
    args = parser.parse_args(argv)
    try:
        if args.step == "check":
            problems = check()
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print(f"out of sync: {len(problems)} problem(s)", file=sys.stderr)
                return 1
            print("in sync: curated specs, generated clients, provenance and drift report")
            return 0
        specs = build(ROOT, clients=args.step == "generate", only=args.provider)
    except PipelineError as error:
        print(error, file=sys.stderr)
        return 1
    for spec in specs:
        print(
            f"{spec.provider.name}: {len(spec.actions)} overlay actions -> {spec.provider.curated}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
