"""A client library for accessing fal queue API: the Seedance endpoints"""

from .client import AuthenticatedClient, Client

__version__ = "1.0.0"
"""This package's version (``package_version_override`` in its generator.yaml): a breaking change
to its spec or Python surface takes a new major version, an additive one a new minor version."""

__all__ = (
    "AuthenticatedClient",
    "Client",
)
