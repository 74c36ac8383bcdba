"""Seedance's own providers' simulator shapes, one module per provider (``SHAPE``, a
`ProviderShape` subclass). The simulator finds a provider's shape through its registered unit
(`seedance.registry.Provider.shape`), so an outside provider package ships its own."""

from ._base import ProviderShape

__all__ = ["ProviderShape"]
