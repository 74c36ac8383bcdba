"""What must never be shown: API keys, and the query strings that sign download URLs.

Every key the package is given is registered here; `redact` removes registered keys and signed
query strings from any text before it becomes a message, a log line or a stored error, and
`redact_value` does the same inside parsed JSON bodies attached to errors.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["MASK", "redact", "redact_url", "redact_value", "register_secret"]

MASK = "***"
# A URL's query string (where signatures and tokens live): everything after '?' up to a space,
# quote, bracket or fragment, leaving punctuation that ends a sentence ("...?sig=1: failed").
_URL_QUERY = re.compile(
    r"""(\bhttps?://[^\s"'<>?#]*)\?[^\s"'<>#]*?(?=[.,:;)\]]*(?:[\s"'<>#]|$))""", re.IGNORECASE
)
# Shorter values are not keys (tests use "sk"): masking them would garble ordinary words.
MIN_SECRET_LENGTH = 8
_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()


def register_secret(value: str) -> None:
    """Never show *value* again, in any message of this process."""
    global _secrets
    if len(value) >= MIN_SECRET_LENGTH:
        with _lock:
            _secrets = _secrets | {value}


def redact(text: str) -> str:
    """*text* without registered secrets and without URL query strings.

    >>> redact("GET https://cdn.example/v.mp4?X-Signature=abc: failed")
    'GET https://cdn.example/v.mp4?***: failed'
    """
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    if "?" in text:
        text = _URL_QUERY.sub(rf"\1?{MASK}", text)
    return text


def redact_url(url: str) -> str:
    """A URL fit to show: no query string, no user info.

    >>> redact_url("https://user:pw@cdn.example/v.mp4?sig=1")
    'https://cdn.example/v.mp4?***'
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port is not None:
            host = f"{host}:{parts.port}"
    except ValueError:
        return redact(url)
    shown = redact(urlunsplit((parts.scheme, host, parts.path, "", "")))
    return f"{shown}?{MASK}" if parts.query else shown


def redact_value(value: Any, _depth: int = 0) -> Any:
    """A parsed JSON value with every string redacted (containers copied, depth bounded)."""
    if isinstance(value, str):
        return redact(value)
    if _depth > 64:
        return MASK
    if isinstance(value, dict):
        return {redact(str(k)): redact_value(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(item, _depth + 1) for item in value]
    return value
