"""Provider adapters: one per registered provider (`seedance.registry`).

A provider's unit names its adapter, a subclass of `Adapter` (seedance's own live in
``seedance.adapters.<provider>`` as ``ADAPTER``); it is imported when first used.

>>> adapter("genray").name
'genray'
"""

from __future__ import annotations

from functools import cache

from .. import registry
from .._spec import CuratedSpec
from ..registry import Provider, RegistrationError
from ._base import Adapter, Call

# CuratedSpec: what `Adapter.spec` is, for adapters outside this package.
__all__ = ["Adapter", "Call", "CuratedSpec", "adapter", "provider_names"]


def provider_names() -> tuple[str, ...]:
    """Every registered provider, sorted."""
    return registry.names()


def adapter(provider: str) -> Adapter:
    """The (shared, stateless) adapter of *provider*; `InvalidRequestError` naming the
    registered providers when it is not one."""
    return _instance(registry.provider(provider))


@cache
def _instance(unit: Provider) -> Adapter:
    # Keyed by the unit, not its name: a unit registered again (tests) gets its own adapter.
    cls = unit.load_adapter()
    if not (isinstance(cls, type) and issubclass(cls, Adapter)):
        raise RegistrationError(
            f"provider {unit.name!r} ({registry.origin(unit.name)}): its adapter {unit.adapter!r}"
            f" is {cls!r}, not a subclass of seedance.adapters.Adapter"
        )
    instance = cls()
    if instance.name != unit.name:
        raise RegistrationError(
            f"provider {unit.name!r} ({registry.origin(unit.name)}): its adapter {unit.adapter!r}"
            f" is named {instance.name!r}"
        )
    return instance
