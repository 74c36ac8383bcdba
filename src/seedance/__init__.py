"""Typed, contract-tested clients for ByteDance Seedance video generation APIs.

The typed client of each provider is generated from its curated OpenAPI spec
(``specs/<provider>/openapi.yaml``) and ships beside this package as ``seedance_<provider>``::

    from seedance_genray import AuthenticatedClient
    from seedance_genray.api.videos import create_video

    client = AuthenticatedClient(base_url="https://genray.ai", token="sk_live_...")

The provider-neutral facade will live in this package.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
