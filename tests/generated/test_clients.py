"""What every generated client package offers its users."""

from __future__ import annotations

import importlib
import json

from pipeline import ROOT, Provider
from support.openapi import curated


def test_the_client_repr_never_shows_the_token(provider: Provider) -> None:
    package = importlib.import_module(provider.package)
    client = package.AuthenticatedClient(base_url="https://example.com", token="sk_live_SECRET")
    client.get_httpx_client()  # puts the Authorization header into the client's headers
    assert "SECRET" not in repr(client)
    assert "SECRET" not in repr(client.with_headers({"X-Trace": "1"}))


def test_the_package_ships_its_curated_spec(provider: Provider) -> None:
    shipped = json.loads((ROOT / provider.client / "openapi.json").read_text(encoding="utf-8"))
    assert shipped == curated(provider)
