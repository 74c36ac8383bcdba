"""API keys, base URLs and logging with secrets redacted."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from ._errors import InvalidRequestError, RequestError
from ._redact import redact, register_secret

__all__ = [
    "MissingAPIKeyError", "Secret", "key_problem", "logger", "resolve_api_key", "resolve_base_url",
]  # fmt: skip

logger = logging.getLogger("seedance")


class MissingAPIKeyError(RequestError):
    """No API key was given and none is in the environment."""


class Secret:
    """A string that never shows itself in a repr, a str or a log line.

    >>> Secret("sk_live_abc")
    Secret('***')
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class _RedactSecrets(logging.Filter):
    """Remove every registered secret and signed query string from a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


_REDACT = _RedactSecrets()
logger.addFilter(_REDACT)


def resolve_api_key(provider: str, given: str | None, env_names: tuple[str, ...]) -> Secret:
    """The key passed in, or the first of *env_names* set in the environment."""
    source = "api_key"
    value = given
    if not value:
        source = next((name for name in env_names if os.environ.get(name)), "")
        value = os.environ.get(source) if source else None
    if not value:
        names = " or ".join(env_names)
        raise MissingAPIKeyError(f"{provider}: no API key; set {names} or pass api_key=...")
    register_secret(value)
    problem = key_problem(value)
    if problem:
        # The key itself is never printed: only where it came from and what is wrong with it.
        raise InvalidRequestError(
            source, MASK_VALUE, f"a key of visible ASCII characters only; this one {problem}",
            provider=provider,
        )  # fmt: skip
    return Secret(value)


class _Masked:
    """Stands for a key in an `InvalidRequestError` (its repr shows no character of it)."""

    def __repr__(self) -> str:
        return "'***'"


MASK_VALUE = _Masked()


def key_problem(value: str) -> str | None:
    r"""What makes *value* unusable as an HTTP header value, described without showing it.

    >>> key_problem("sk_live_abc\r")
    'ends with a carriage return (\\r): a Windows line ending from a .env file?'
    """
    if value.endswith("\r") or value.endswith("\r\n"):
        return "ends with a carriage return (\\r): a Windows line ending from a .env file?"
    if value != value.strip():
        return "starts or ends with whitespace"
    for index, char in enumerate(value):
        if not char.isascii():
            return f"has a non-ASCII character at position {index + 1}"
        if not char.isprintable() or char.isspace():
            return f"has a control or space character ({char!r}) at position {index + 1}"
    return None


def resolve_base_url(provider: str, given: str | None, default: str) -> str:
    """The base URL passed in, else ``<PROVIDER>_BASE_URL``, else the provider's documented one."""
    url = given or os.environ.get(f"{provider.upper()}_BASE_URL") or default
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidRequestError("base_url", url, "an http(s) URL", provider=provider)
    return url.rstrip("/")


def same_origin(url: str, base_url: str) -> bool:
    """Whether *url* is on the API host itself (the only host that may see the API key)."""
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)
