"""`seedance.registry`: names, run-time registration, and broken registrations failing loudly
with the entry point named."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import seedance
from seedance import registry
from seedance.adapters import adapter
from seedance.registry import Provider, RegistrationError


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """A folder on sys.path where a test installs distributions (a dist-info per package)."""
    sys.path.insert(0, str(tmp_path))
    registry.reload()
    yield tmp_path
    sys.path.remove(str(tmp_path))
    registry.reload()


def install(site: Path, distribution: str, entry_points: str, module: str = "") -> None:
    """Write a minimal installed distribution: its metadata, entry points and one module."""
    info = site / f"{distribution}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{registry.GROUP}]\n{entry_points}\n")
    if module:
        (site / f"{distribution}.py").write_text(module)


def test_an_unknown_provider_is_refused_naming_the_registered_ones() -> None:
    with pytest.raises(seedance.InvalidRequestError) as caught:
        seedance.SeedanceClient("nope", api_key="sk_test")
    assert caught.value.field == "provider"
    assert str(caught.value).endswith("allowed: one of " + ", ".join(registry.names()))


def test_a_unit_registered_at_run_time_is_a_provider_until_unregistered() -> None:
    unit = Provider(name="ghost", adapter="seedance_ghost.adapter:ADAPTER")
    registry.register(unit)
    try:
        assert "ghost" in seedance.providers()
        assert registry.origin("ghost") == "registered at run time"
        with pytest.raises(RegistrationError, match="already registered"):
            registry.register(unit)
        # Its adapter's module is missing: the client says which provider and which path.
        with pytest.raises(RegistrationError) as caught:
            seedance.SeedanceClient("ghost", api_key="sk_test")
        message = str(caught.value)
        assert "provider 'ghost' (registered at run time)" in message
        assert "'seedance_ghost.adapter:ADAPTER' cannot be loaded: ModuleNotFoundError" in message
    finally:
        registry.unregister("ghost")
    assert "ghost" not in seedance.providers()
    with pytest.raises(RegistrationError, match="not registered at run time"):
        registry.unregister("genray")


def test_replacing_a_provider_needs_saying_so_and_gets_its_own_adapter() -> None:
    genray = registry.provider("genray")
    with pytest.raises(RegistrationError, match="replace=True"):
        registry.register(genray)
    broken = Provider(name="genray", adapter="seedance.adapters.genray:NOT_THERE")
    registry.register(broken, replace=True)
    try:
        with pytest.raises(RegistrationError, match="AttributeError"):
            adapter("genray")
    finally:
        registry.unregister("genray")
    assert registry.provider("genray") == genray
    assert adapter("genray").name == "genray"


def test_an_entry_point_whose_module_is_missing_fails_naming_it(site: Path) -> None:
    install(site, "seedance_gone", "gone = seedance_gone_module:PROVIDER")
    with pytest.raises(RegistrationError) as caught:
        registry.providers()
    message = str(caught.value)
    assert "entry point 'gone' = 'seedance_gone_module:PROVIDER'" in message
    assert "(seedance_gone 1.0)" in message
    assert "ModuleNotFoundError" in message


def test_an_entry_point_that_is_not_a_unit_or_misnamed_fails_naming_it(site: Path) -> None:
    install(site, "seedance_odd", "odd = seedance_odd:PROVIDER", "PROVIDER = 'odd'\n")
    with pytest.raises(RegistrationError, match=r"'odd' = 'seedance_odd:PROVIDER'.*not a seedance"):
        registry.providers()


def test_an_entry_point_naming_another_provider_fails(site: Path) -> None:
    module = (
        "from seedance.registry import Provider\n"
        "PROVIDER = Provider(name='other', adapter='seedance_misnamed:ADAPTER')\n"
    )
    install(site, "seedance_misnamed", "misnamed = seedance_misnamed:PROVIDER", module)
    with pytest.raises(RegistrationError, match="names a provider 'other', not 'misnamed'"):
        registry.providers()


def test_two_distributions_registering_one_name_fail_naming_both(site: Path) -> None:
    module = (
        "from seedance.registry import Provider\n"
        "PROVIDER = Provider(name='twice', adapter='x:ADAPTER')\n"
    )
    install(site, "seedance_first", "twice = seedance_first:PROVIDER", module)
    install(site, "seedance_second", "twice = seedance_second:PROVIDER", module)
    with pytest.raises(RegistrationError, match="registers 'twice' again") as caught:
        registry.providers()
    assert "seedance_first 1.0" in str(caught.value)
    assert "seedance_second 1.0" in str(caught.value)


def test_a_unit_checks_its_fields() -> None:
    with pytest.raises(ValueError, match=r"Provider\.name='Acme'"):
        Provider(name="Acme", adapter="a:B")
    with pytest.raises(ValueError, match=r"Provider\.shape='a\.b': expected 'module:ATTRIBUTE'"):
        Provider(name="acme", adapter="a:B", shape="a.b")
    with pytest.raises(TypeError, match=r"takes a seedance\.registry\.Provider"):
        registry.register("acme")  # type: ignore[arg-type]
    with pytest.raises(RegistrationError, match=r"'acme' .* has no shape"):
        Provider(name="acme", adapter="a:B").load_shape()
