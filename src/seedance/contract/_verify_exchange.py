"""An `Exchange` from an httpx response."""

from __future__ import annotations

import httpx

from ._findings import Exchange

__all__ = ["exchange_of"]


def exchange_of(response: httpx.Response, *, operation: str = "", probe: str = "") -> Exchange:
    """An `Exchange` from a read httpx response (its request included)."""
    request = response.request
    try:
        sent = request.content
    except httpx.RequestNotRead:
        sent = b""
    try:
        received = response.content
    except httpx.ResponseNotRead:
        received = b""
    return Exchange(
        request.method, str(request.url), dict(request.headers), sent, response.status_code,
        dict(response.headers), received, operation=operation, probe=probe,
    )  # fmt: skip
