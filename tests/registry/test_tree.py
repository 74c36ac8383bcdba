"""The registry and the tree agree: every registered provider has all its parts, and every
provider file in the tree belongs to a registered provider (`seedance.registry`)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from pipeline import ROOT, discover_providers, registered_specs
from seedance import registry
from seedance.adapters import Adapter, adapter
from seedance.testing.providers._base import ProviderShape

OWN = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "entry-points"
][registry.GROUP]
"""seedance's own registrations: name -> entry point."""

# Where a provider's files live in this tree, each named after the provider (a module may be a
# package: <name>/__init__.py). The unit's field that names the part, if it has one.
PARTS: dict[str, tuple[tuple[str, ...], str | None]] = {
    # A provider whose overlay extends another's curated spec has no upstream.yaml of its own.
    "spec folder": (("specs/*/upstream.yaml", "specs/*/generator.yaml"), "spec"),
    "overlay": (("overlays/*.yaml",), None),
    "adapter": (("src/seedance/adapters/*.py", "src/seedance/adapters/*/__init__.py"), "adapter"),
    "simulator shape": (
        ("src/seedance/testing/providers/*.py", "src/seedance/testing/providers/*/__init__.py"),
        "shape",
    ),
    "test profile": (("tests/facade/profiles/*.py",), "profile"),
    "generated client": (("generated/*/provenance.json",), None),
}


def _provider_of(path: Path) -> str:
    if path.name in ("upstream.yaml", "generator.yaml", "__init__.py"):
        return path.parent.name
    if path.name == "provenance.json":
        return str(json.loads(path.read_text(encoding="utf-8"))["provider"])
    return path.stem


def tree_files() -> list[tuple[str, str, str]]:
    """(provider, part, file) for every provider file in the tree."""
    found = [
        (_provider_of(path), part, str(path.relative_to(ROOT)))
        for part, (patterns, _) in PARTS.items()
        for pattern in patterns
        for path in sorted(ROOT.glob(pattern))
        if not (pattern.endswith("/*.py") and path.name.startswith("_"))  # _base.py, __init__.py
    ]
    return [entry for entry in found if not entry[0].startswith("_")]


def unregistered(registered: tuple[str, ...]) -> list[str]:
    """A line for each provider file in the tree whose provider is not in *registered*."""
    return [
        f"{file}: the {part} of {name!r}, which is not registered; add"
        f' `{name} = "seedance._providers:{name.upper()}"` to [project.entry-points.'
        f'"{registry.GROUP}"] in pyproject.toml and `{name.upper()} = builtin("{name}")` to'
        " src/seedance/_providers.py"
        for name, part, file in tree_files()
        if name not in registered
    ]


def test_every_provider_file_in_the_tree_is_registered() -> None:
    odd = unregistered(registry.names())
    assert not odd, "\n".join(odd)


def test_a_provider_left_out_of_the_registry_is_named_with_each_of_its_files() -> None:
    odd = unregistered(tuple(name for name in registry.names() if name != "genray"))
    assert odd == [line for line in odd if "'genray'" in line]
    files = {line.split(":", 1)[0] for line in odd}
    assert files == {
        "specs/genray/upstream.yaml",
        "specs/genray/generator.yaml",
        "overlays/genray.yaml",
        "src/seedance/adapters/genray.py",
        "src/seedance/testing/providers/genray.py",
        "tests/facade/profiles/genray.py",
        "generated/seedance_genray/provenance.json",
    }
    assert 'add `genray = "seedance._providers:GENRAY"`' in odd[0]


def within(name: str) -> str | None:
    """The provider whose modules hold *name*'s adapter and shape, when they are not its own
    (Volcengine Ark's are in ModelArk's: `seedance._providers.builtin`, ``within``)."""
    module = registry.provider(name).adapter.partition(":")[0].rsplit(".", 1)[-1]
    return None if module == name else module


def test_each_of_seedances_own_providers_has_every_part_in_the_tree() -> None:
    """Each part its unit names (an overlay and a generated client always), where this tree
    keeps it (an adapter and a shape within another provider's modules, in that one's files)."""
    present = {(name, part) for name, part, _ in tree_files()}
    holder = {"adapter", "simulator shape"}
    missing = [
        f"{name} ({OWN[name]}): no {part} ({' or '.join(patterns).replace('*', name)})"
        for name in sorted(OWN)
        for part, (patterns, field) in PARTS.items()
        if (field is None or getattr(registry.provider(name), field) is not None)
        and ((within(name) or name) if part in holder else name, part) not in present
    ]
    assert not missing, "\n".join(missing)


def test_seedances_own_providers_name_their_parts_where_the_layout_keeps_them() -> None:
    from seedance._providers import builtin

    for name in OWN:
        assert within(name) in (None, *OWN), name
        unit, laid_out = registry.provider(name), builtin(name, within=within(name))
        for field in ("adapter", "shape", "profile"):
            value = getattr(unit, field)
            assert value in (None, getattr(laid_out, field)), f"{name}.{field} = {value!r}"
        # the pipeline builds each of seedance's own providers from there (scripts/project.py)
        assert unit.spec == laid_out.spec == str(registered_specs()[name]), name
    # the checkout's table is what the running registry read
    assert "pyproject.toml" in registry.origin("genray") or "seedance 0" in registry.origin(
        "genray"
    )


@pytest.mark.parametrize("name", registry.names())
def test_every_registered_unit_loads_each_of_its_parts(name: str) -> None:
    unit = registry.provider(name)
    assert issubclass(unit.load_adapter(), Adapter)
    assert adapter(name).name == name
    if unit.shape is not None:
        assert issubclass(unit.load_shape(), ProviderShape)
    if unit.profile is not None:
        assert unit.load_profile().provider == name
    if unit.spec is not None:
        # its own upstream.yaml, or the curated spec of the provider its overlay extends
        (built,) = discover_providers(ROOT, name)
        assert (ROOT / built.upstream).is_file(), built.upstream
        assert unit.generator_config is not None
        assert (ROOT / unit.generator_config).is_file(), unit.generator_config


def test_the_pipeline_refuses_a_spec_folder_nobody_registered(tmp_path: Path) -> None:
    from pipeline import PipelineError, discover_providers

    (tmp_path / "specs" / "newcomer").mkdir(parents=True)
    (tmp_path / "specs" / "newcomer" / "upstream.yaml").write_text("openapi: 3.1.0\n")
    with pytest.raises(
        PipelineError, match=r"specs/newcomer/upstream\.yaml: provider 'newcomer' is not"
    ):
        discover_providers(tmp_path)
