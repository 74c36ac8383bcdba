"""Recorded exchanges as cassettes in vcrpy's YAML format (``version: 1``, ``interactions``),
scrubbed: no key, no cookie, no signed query string, in the request or the answer.

A cassette is evidence: ``tests/recorded/`` replays each through the facade, and an overlay
action cites one (docs/CURATING.md).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .._redact import MASK, redact, redact_url
from ._findings import Exchange

__all__ = ["Recorder", "load", "scrub_headers"]

_SECRET_HEADERS = re.compile(
    r"^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-goog-api-key)$",
    re.IGNORECASE,
)
_KEEP_RESPONSE = ("content-type", "retry-after", "content-range", "accept-ranges", "location")


def scrub_headers(
    headers: dict[str, str], *, keep: tuple[str, ...] | None = None
) -> dict[str, list[str]]:
    """Headers fit to store: secrets masked (``Bearer ***``), the rest redacted."""
    scrubbed: dict[str, list[str]] = {}
    for name, value in headers.items():
        if keep is not None and name.lower() not in keep:
            continue
        if _SECRET_HEADERS.match(name):
            scheme = value.split(" ", 1)[0] if " " in value else ""
            value = f"{scheme} {MASK}".strip()
        scrubbed[name.lower()] = [redact(value)]
    return scrubbed


def _text(body: bytes) -> str:
    try:
        return redact(body.decode("utf-8"))
    except UnicodeDecodeError:
        return f"<{len(body)} bytes, not text>"


def interaction(exchange: Exchange) -> dict[str, Any]:
    return {
        "request": {
            "method": exchange.method,
            "uri": redact_url(exchange.url),
            "headers": scrub_headers(
                exchange.request_headers, keep=("content-type", "authorization")
            ),
            "body": _text(exchange.request_body) if exchange.request_body else None,
        },
        "response": {
            "status": {"code": exchange.status, "message": ""},
            "headers": scrub_headers(exchange.response_headers, keep=_KEEP_RESPONSE),
            "body": {"string": _text(exchange.response_body)},
        },
        # Not read by vcrpy: what the exchange was for, so a person can find it again.
        "seedance": {"operation": exchange.operation, "probe": exchange.probe},
    }


class Recorder:
    """Collects exchanges; `save` writes them as one cassette per run in *folder*."""

    def __init__(self, folder: Path, provider: str) -> None:
        self.folder = folder
        self.provider = provider
        self.exchanges: list[Exchange] = []

    def add(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)

    def save(self, name: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '-', name)}.yaml"
        document = {
            "version": 1,
            "provider": self.provider,
            "interactions": [interaction(exchange) for exchange in self.exchanges],
        }
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), "utf-8")
        return path


def load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return document
