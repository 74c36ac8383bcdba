"""API keys, base URLs and logging with secrets redacted."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from ._errors import RequestError

__all__ = ["MissingAPIKeyError", "Secret", "logger", "resolve_api_key", "resolve_base_url"]

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
    """Replace every registered secret in a record's message and arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


_REDACT = _RedactSecrets()
logger.addFilter(_REDACT)


def resolve_api_key(provider: str, given: str | None, env_names: tuple[str, ...]) -> Secret:
    """The key passed in, or the first of *env_names* set in the environment."""
    value = given or next((os.environ[name] for name in env_names if os.environ.get(name)), None)
    if not value:
        names = " or ".join(env_names)
        raise MissingAPIKeyError(f"{provider}: no API key; set {names} or pass api_key=...")
    _REDACT.secrets.add(value)
    return Secret(value)


def resolve_base_url(provider: str, given: str | None, default: str) -> str:
    """The base URL passed in, else ``<PROVIDER>_BASE_URL``, else the provider's documented one."""
    url = given or os.environ.get(f"{provider.upper()}_BASE_URL") or default
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        from ._errors import InvalidRequestError

        raise InvalidRequestError("base_url", url, "an http(s) URL", provider=provider)
    return url.rstrip("/")


def same_origin(url: str, base_url: str) -> bool:
    """Whether *url* is on the API host itself (the only host that may see the API key)."""
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)
