"""The bounds every call keeps whatever the server does: answer size and download size and time.

The wall time of one API request (connect, send, the whole answer) is the client's ``timeout``;
everything else is here. Each overrun raises a `LimitExceededError` naming the setting to raise.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Limits"]

MiB = 2**20
GiB = 2**30


def _positive(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not value > 0:
        raise ValueError(f"Limits.{attribute.name} must be positive, not {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Size and time bounds for API answers and downloads.

    >>> Limits(max_download_bytes=512 * 2**20).max_download_bytes
    536870912
    """

    max_response_bytes: int = attrs.field(default=16 * MiB, validator=_positive)
    """An API answer's body, counted after decompression (job JSON is a few KB)."""
    max_download_bytes: int = attrs.field(default=4 * GiB, validator=_positive)
    """A video download: refused when announced larger, stopped when it grows larger."""
    download_stall_timeout: float = attrs.field(default=60.0, validator=_positive)
    """Seconds without a single byte of the video before the attempt is given up (and resumed)."""
    download_timeout: float | None = attrs.field(default=None, validator=_positive)
    """Seconds for the whole download, resumptions included; None: no overall deadline."""
