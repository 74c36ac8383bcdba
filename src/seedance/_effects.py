"""The I/O a shared operation asks its client for (sans-I/O), and the loop that answers it.

An operation of `seedance._core` or `seedance._download` is a generator (`Steps`): it yields an
effect, `Send` (one HTTP attempt), `Sleep`, `Listen` (webhook updates) or a download's `Fetch`,
and is resumed with the outcome, or has the effect's exception thrown in. The sync client
performs each effect with blocking calls, the async client awaits it, both in a `Runner` loop:

>>> run = Runner(core.get("task-1"))  # doctest: +SKIP
>>> while (effect := run.next()) is not None:  # doctest: +SKIP
...     run.outcome(perform(effect))  # or, when it raised, run.fail(error)
>>> run.result  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import httpx

if TYPE_CHECKING:
    from ._webhooks import JobEvents

__all__ = ["Listen", "Runner", "Send", "Sleep", "Steps"]

T = TypeVar("T")
Steps = Generator[Any, Any, T]
"""An operation: yields effects, is sent their outcomes, returns a *T*."""


@attrs.frozen
class Send:
    """One HTTP attempt: send *request*, read its whole answer by *end*; outcome: the response."""

    request: httpx.Request
    follow: bool
    """Whether redirects are followed (reads; never a create)."""
    end: float | None


@attrs.frozen
class Sleep:
    """Sleep *seconds* on the client's clock; outcome: None."""

    seconds: float


@attrs.frozen
class Listen:
    """Wait up to *seconds* for an update of *job_id* in *events*; outcome: `Job` or None."""

    events: JobEvents
    job_id: str
    seconds: float
    hold: float


class Runner(Generic[T]):
    """Drives one `Steps` generator: the shell performs each effect `next` returns and reports
    the outcome with `outcome` or `fail`; at the end `next` returns None and `result` is set."""

    __slots__ = ("_error", "_steps", "_value", "result")

    def __init__(self, steps: Steps[T]) -> None:
        self._steps = steps
        self._value: Any = None
        self._error: BaseException | None = None
        self.result: T

    def next(self) -> Any:
        """The next effect to perform, or None when the operation has returned."""
        error, self._error = self._error, None
        if isinstance(error, StopIteration):
            # Thrown in, it would become a RuntimeError (PEP 479): the operation is closed (its
            # cleanup runs) and the error reaches the caller as it was.
            self._steps.close()
            raise error
        try:
            if error is not None:
                return self._steps.throw(error)
            return self._steps.send(self._value)
        except StopIteration as stop:
            self.result = stop.value
            return None

    def outcome(self, value: Any) -> None:
        self._value = value

    def fail(self, error: BaseException) -> None:
        self._error = error
