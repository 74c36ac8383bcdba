"""The wall-clock deadline of the request in progress, kept in a context variable.

`request_deadline` sets it around one attempt (or a download's); the network streams of the
client's own pools (`seedance._pools`) clip every connect, read and write to what is left of it.
"""

from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar

__all__ = ["clip", "request_deadline"]

_END: ContextVar[float | None] = ContextVar("seedance_request_end", default=None)


def request_deadline(end: float | None) -> contextlib.AbstractContextManager[None]:
    """Reads and writes on a bounded pool inside this block end by ``time.monotonic() == end``."""
    return _RequestDeadline(end)


class _RequestDeadline:
    __slots__ = ("_end", "_token")

    def __init__(self, end: float | None) -> None:
        self._end = end

    def __enter__(self) -> None:
        self._token = _END.set(self._end)

    def __exit__(self, *exc_info: object) -> None:
        _END.reset(self._token)


def clip(timeout: float | None, error: type[Exception]) -> float | None:
    """*timeout* cut to what is left of the deadline; *error* when nothing is left."""
    end = _END.get()
    if end is None:
        return timeout
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise error("the request's total deadline passed")
    return remaining if timeout is None else min(timeout, remaining)
