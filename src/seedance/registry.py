"""The provider registry: each provider is one registered `Provider` unit.

A package registers a provider under the entry-point group ``seedance.providers``; the name is the
provider's, the value a `Provider` naming where its parts live (imported only when used, so
``import seedance`` stays light)::

    # the provider package's pyproject.toml
    [project.entry-points."seedance.providers"]
    acme = "seedance_acme:PROVIDER"

    # seedance_acme/__init__.py
    PROVIDER = Provider(name="acme", adapter="seedance_acme.adapter:AcmeAdapter",
                        shape="seedance_acme.simulator:SHAPE")

Seedance's own providers are registered the same way, in its pyproject.toml. When ``seedance`` is
imported from a source checkout (``src/seedance`` beside its ``pyproject.toml``), that checkout's
table is read instead of the installed package metadata, which an uninstalled checkout lacks and
an editable install may hold in an older state; other packages' entry points are read from their
metadata as always. Tests may also `register` a unit at run time.

>>> "genray" in providers()
True
>>> provider("genray").adapter
'seedance.adapters.genray:ADAPTER'
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import InvalidRequestError, SeedanceError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from .adapters._base import Adapter
    from .testing.providers import ProviderShape

__all__ = [
    "GROUP",
    "Provider",
    "RegistrationError",
    "names",
    "origin",
    "provider",
    "providers",
    "register",
    "reload",
    "unregister",
]

GROUP = "seedance.providers"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PATH = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$")


class RegistrationError(SeedanceError):
    """A provider's registration is broken: the message names the entry point (or the run-time
    registration) and the part that could not be loaded."""


def _import_path(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _PATH.match(value):
        raise ValueError(f"Provider.{attribute.name}={value!r}: expected 'module:ATTRIBUTE'")


def _provider_name(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _NAME.match(value):
        raise ValueError(f"Provider.name={value!r}: expected lowercase letters, digits and '_'")


@attrs.frozen(kw_only=True)
class Provider:
    """One provider: its name and where each of its parts lives.

    ``adapter``, ``shape`` and ``profile`` are ``"module:attribute"`` paths, imported on first
    use. ``spec`` is the provider's folder of specs (``upstream.yaml``, ``generator.yaml``)
    relative to the project that builds its client; only seedance's own providers, built by its
    pipeline from a source checkout, have one.

    >>> Provider(name="acme", adapter="seedance_acme.adapter:AcmeAdapter").shape is None
    True
    """

    name: str = attrs.field(validator=_provider_name)
    adapter: str = attrs.field(validator=_import_path)
    """The `seedance.adapters.Adapter` subclass."""
    shape: str | None = attrs.field(default=None, validator=_import_path)
    """The simulator's `ProviderShape` subclass (``seedance.testing``)."""
    profile: str | None = attrs.field(default=None, validator=_import_path)
    """The provider's documented cases, as this project's facade test suites read them."""
    spec: str | None = None
    """Folder of ``upstream.yaml`` and ``generator.yaml``, relative to the project root."""

    @property
    def generator_config(self) -> str | None:
        """The openapi-python-client configuration of the provider's generated client."""
        return None if self.spec is None else f"{self.spec}/generator.yaml"

    def load_adapter(self) -> type[Adapter]:
        """The adapter class (imports its module and the generated client it uses)."""
        loaded: type[Adapter] = self._load("adapter", self.adapter)
        return loaded

    def load_shape(self) -> type[ProviderShape]:
        """The simulator's shape class; `RegistrationError` if the provider has none."""
        shape: type[ProviderShape] = self._load("shape", self.shape)
        return shape

    def load_profile(self) -> Any:
        """The provider's test profile; `RegistrationError` if it has none. Its type is the test
        suite's own (this project's ``tests/facade/profiles``), unknown to the package."""
        return self._load("profile", self.profile)

    def _load(self, part: str, path: str | None) -> Any:
        if path is None:
            raise RegistrationError(f"provider {self.name!r} ({origin(self.name)}) has no {part}")
        module, _, attribute = path.partition(":")
        try:
            value: Any = importlib.import_module(module)
            for name in attribute.split("."):
                value = getattr(value, name)
        except (ImportError, AttributeError) as error:
            raise RegistrationError(
                f"provider {self.name!r} ({origin(self.name)}): its {part} {path!r} cannot be"
                f" loaded: {type(error).__name__}: {error}"
            ) from error
        return value


_lock = threading.RLock()
_loaded: dict[str, tuple[Provider, str]] | None = None
_runtime: dict[str, Provider] = {}


def providers() -> Mapping[str, Provider]:
    """Every registered provider by name, sorted (read once, then kept)."""
    with _lock:
        global _loaded
        if _loaded is None:
            _loaded = _load_entry_points()
        merged = dict(_loaded)
        merged.update((name, (unit, "registered at run time")) for name, unit in _runtime.items())
        return MappingProxyType({name: merged[name][0] for name in sorted(merged)})


def names() -> tuple[str, ...]:
    """The registered providers' names, sorted."""
    return tuple(providers())


def provider(name: str) -> Provider:
    """The registered provider *name*; `InvalidRequestError` listing the known names if none."""
    found = providers().get(name)
    if found is None:
        raise InvalidRequestError("provider", name, "one of " + (", ".join(names()) or "(none)"))
    return found


def origin(name: str) -> str:
    """Where provider *name* was registered: its entry point and distribution, or run time."""
    with _lock:
        if name in _runtime:
            return "registered at run time"
        if _loaded is not None and name in _loaded:
            return _loaded[name][1]
    return "not registered"


def register(unit: Provider, *, replace: bool = False) -> Provider:
    """Register *unit* for this process (tests, notebooks); an existing name needs *replace*.

    >>> unit = register(Provider(name="acme", adapter="seedance_acme.adapter:AcmeAdapter"))
    >>> "acme" in names(), unregister("acme"), "acme" in names()
    (True, None, False)
    """
    if not isinstance(unit, Provider):
        raise TypeError(f"register() takes a seedance.registry.Provider, got {unit!r}")
    with _lock:
        if not replace and unit.name in providers():
            raise RegistrationError(
                f"provider {unit.name!r} is already registered ({origin(unit.name)});"
                " pass replace=True to replace it"
            )
        _runtime[unit.name] = unit
    return unit


def unregister(name: str) -> None:
    """Forget a provider `register` added (entry points stay: uninstall their package)."""
    with _lock:
        if name not in _runtime:
            raise RegistrationError(f"provider {name!r} was not registered at run time")
        del _runtime[name]


def reload() -> None:
    """Read the entry points again (after installing or removing a provider package)."""
    global _loaded
    with _lock:
        _loaded = None


def _load_entry_points() -> dict[str, tuple[Provider, str]]:
    found: dict[str, tuple[Provider, str]] = {}
    for point in _entry_points():
        where = _describe(point)
        try:
            unit = point.load()
        except Exception as error:  # whatever importing the provider's package raised
            raise RegistrationError(
                f"{where} cannot be loaded: {type(error).__name__}: {error}"
            ) from error
        if not isinstance(unit, Provider):
            raise RegistrationError(f"{where} is {unit!r}, not a seedance.registry.Provider")
        if unit.name != point.name:
            raise RegistrationError(f"{where} names a provider {unit.name!r}, not {point.name!r}")
        if point.name in found:
            first = found[point.name][1]
            raise RegistrationError(f"{where} registers {point.name!r} again, after {first}")
        found[point.name] = (unit, where)
    return found


def _entry_points() -> list[EntryPoint]:
    # On first use: importlib.metadata costs more than the rest of `import seedance` together.
    from importlib.metadata import entry_points

    points = list(entry_points(group=GROUP))
    checkout = _checkout_entry_points()
    if checkout is not None:
        # This checkout's own table replaces whatever seedance metadata is installed (none, or an
        # editable install's copy from an older pyproject.toml): it describes the code running.
        points = [point for point in points if not _is_seedance(point)] + checkout
    return points


def _checkout_entry_points() -> list[EntryPoint] | None:
    """The ``seedance.providers`` table of the checkout this module runs from, if it does."""
    import tomllib
    from importlib.metadata import EntryPoint

    package = Path(__file__).resolve().parent
    pyproject = package.parent.parent / "pyproject.toml"
    if package.parent.name != "src" or not pyproject.is_file():
        return None
    project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    if project.get("name") != "seedance":
        return None
    table = project.get("entry-points", {}).get(GROUP, {})
    return [EntryPoint(name, value, GROUP) for name, value in table.items()]


def _is_seedance(point: EntryPoint) -> bool:
    dist = point.dist
    return dist is not None and dist.name.lower() == "seedance"


def _describe(point: EntryPoint) -> str:
    dist = point.dist
    source = f"{dist.name} {dist.version}" if dist is not None else "this checkout's pyproject.toml"
    return f"entry point {point.name!r} = {point.value!r} in group {GROUP!r} ({source})"
