"""Provider adapters: one module per provider, found by name, one registry.

A module ``seedance.adapters.<provider>`` defines ``ADAPTER``, a subclass of `Adapter`. Adding a
provider adds a module here; nothing else in the package needs to change.
"""

from __future__ import annotations

import importlib
from functools import cache

from .._errors import InvalidRequestError
from ._base import Adapter, Call

__all__ = ["Adapter", "Call", "adapter", "provider_names"]


@cache
def provider_names() -> tuple[str, ...]:
    """Every provider with an adapter module, sorted."""
    import pkgutil  # on first use: `import seedance` stays light

    return tuple(
        sorted(
            module.name
            for module in pkgutil.iter_modules(__path__)
            if not module.name.startswith("_")
        )
    )


@cache
def adapter(provider: str) -> Adapter:
    """The (shared, stateless) adapter of *provider*."""
    if provider not in provider_names():
        raise InvalidRequestError("provider", provider, "one of " + ", ".join(provider_names()))
    module = importlib.import_module(f"{__name__}.{provider}")
    instance: Adapter = module.ADAPTER()
    return instance
