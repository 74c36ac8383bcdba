"""Seedance's own providers, each registered in pyproject.toml exactly as an outside package
registers one (entry-point group ``seedance.providers``, see `seedance.registry`).

A new provider here is one line below and one line in pyproject.toml::

    [project.entry-points."seedance.providers"]
    genray = "seedance._providers:GENRAY"
"""

from __future__ import annotations

from .registry import Provider

__all__ = [
    "ANYFAST",
    "FAL",
    "GENRAY",
    "MODELARK",
    "REPLICATE",
    "SIRAY",
    "SIRAYA",
    "VOLCENGINE",
    "builtin",
]


def builtin(name: str, *, within: str | None = None) -> Provider:
    """The unit of a provider laid out as this project lays them out: adapter, simulator shape,
    facade test profile and specs each in their folder, under the provider's name.

    A provider serving another's API *within* that provider's modules (adapters stand alone: one
    may not import another) has its adapter and shape there, named after it, and its own profile
    and specs (its overlay extends the other's curated spec, see scripts/project.py).

    >>> builtin("genray").shape
    'seedance.testing.providers.genray:SHAPE'
    >>> builtin("volcengine", within="modelark").adapter
    'seedance.adapters.modelark:VOLCENGINE_ADAPTER'
    """
    module, prefix = (name, "") if within is None else (within, f"{name.upper()}_")
    return Provider(
        name=name,
        adapter=f"seedance.adapters.{module}:{prefix}ADAPTER",
        shape=f"seedance.testing.providers.{module}:{prefix}SHAPE",
        # tests/ is on the path of this project's test suites only; nothing else loads profiles.
        profile=f"facade.profiles.{name}:PROFILE",
        spec=f"specs/{name}",
    )


ANYFAST = builtin("anyfast")
GENRAY = builtin("genray")
MODELARK = builtin("modelark")
SIRAY = builtin("siray")
SIRAYA = builtin("siraya")
FAL = builtin("fal")
REPLICATE = builtin("replicate")
# Volcengine Ark: BytePlus ModelArk's API with its own servers, model ids and key. Its adapter
# extends ModelArk's from a module of that package (seedance.adapters.modelark.volcengine).
VOLCENGINE = builtin("volcengine", within="modelark")
