"""How often to ask a provider whether a job has finished: decisions, not sleeps.

`PollingPolicy` decides how long to wait before the next status request from what is known of the
job: how many polls were made, its age (seconds since it was submitted), and the progress the
provider reports, if any. The rules, each there to find the end sooner without a request the
provider does not allow or that cannot succeed:

- no poll right after the create, nor before the provider's documented shortest job
  (``shortest_job``): such a poll can only answer "not yet";
- constant intervals at the provider's ``floor`` (the fastest it allows) for the first minutes,
  then each wait ``growth`` times the job's age (at 0.1: a finished job is seen at most 10% of
  its age late), never longer than ``maximum``;
- with progress, the polls are spaced so that one lands just after the estimated end (never
  sooner than the floor after the last one);
- a `RequestBudget` (``requests_per_minute``, per key) shared by every job of a client: a poll
  waits for a free slot, so two jobs share what one alone may use.

`Pacer` is what a client holds: the policy, the budget and its clock, and what it knows of each
job it submitted. The decisions themselves take times as arguments and read no clock.
"""

from __future__ import annotations

import bisect
import math
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import InvalidRequestError

if TYPE_CHECKING:
    from ._clock import Clock

__all__ = ["Pacer", "PollingPolicy", "RequestBudget"]

WINDOW = 60.0
# A poll aimed at the estimated end lands this share of the job's estimated length after it:
# progress is reported in whole percent, and a poll that lands just before the end costs a whole
# floor interval more.
AIM_MARGIN = 0.02
# Jobs a pacer remembers (submit time, last progress); the oldest are forgotten first.
MAX_TRACKED = 10_000


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise InvalidRequestError(attribute.name, value, "a finite number above 0")


def _optional_positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _positive(instance, attribute, value)


def _not_negative(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise InvalidRequestError(attribute.name, value, "a finite number of seconds, 0 or more")


def _at_least_one(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value < math.inf:
        raise InvalidRequestError(attribute.name, value, "a finite number, 1 or more")


def _budget(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidRequestError(attribute.name, value, "a whole number of requests, 1 or more")


@attrs.frozen(kw_only=True)
class PollingPolicy:
    """Status polling: how long to wait before each status request of a job.

    ``interval(poll)`` is the plain schedule (``initial``, growing by ``multiplier`` up to
    ``maximum``); ``delay(...)`` the full one: first poll no sooner than ``floor`` (or
    ``shortest_job``) after the submit, constant at ``floor`` while ``growth * age`` is shorter,
    polls aimed at the end the reported progress predicts, and a per-key request budget
    (``requests_per_minute``) applied by the client's `Pacer`. Each provider's defaults follow
    its documentation (``seedance.adapter(name).polling``).

    >>> policy = PollingPolicy(initial=10.0, maximum=30.0, growth=0.1)
    >>> policy.delay(0, age=0.2)  # right after the submit: the first poll waits for the floor
    9.8
    >>> policy.delay(3, age=30.0), round(policy.delay(12, age=200.0), 3)  # floor, then 10% of age
    (10.0, 20.0)

    Half done at 40 s, a quarter at 30 s: the end is due at 60 s, so two waits of 10.6 s land a
    poll just after it (where the plain schedule would poll at 50, 60 and 70 s):

    >>> policy.delay(4, age=40.0, progress=0.5, seen=(30.0, 0.25))
    10.6
    """

    initial: float = attrs.field(validator=_positive)
    maximum: float = attrs.field(validator=_positive)
    multiplier: float = attrs.field(default=1.5, validator=_at_least_one)
    floor: float | None = attrs.field(default=None, validator=_optional_positive)
    """The shortest wait between two polls of a job the provider allows; ``initial`` if None."""
    shortest_job: float = attrs.field(default=0.0, validator=_not_negative)
    """The provider's documented shortest job, in seconds: no poll is made before it."""
    growth: float | None = attrs.field(default=None, validator=_optional_positive)
    """Past the floor, each wait is this share of the job's age (``multiplier - 1`` if None: the
    plain schedule's growth, measured in time)."""
    requests_per_minute: int | None = attrs.field(default=None, validator=_budget)
    """The provider's request limit per key (status polls and creates), shared by every job of a
    client; None when the provider documents none."""

    def __attrs_post_init__(self) -> None:
        if self.maximum < self.initial:
            raise InvalidRequestError(
                "maximum", self.maximum, f"at least initial ({self.initial:g} s)"
            )
        if self.floor is not None and self.floor > self.maximum:
            raise InvalidRequestError("floor", self.floor, f"at most maximum ({self.maximum:g} s)")

    @property
    def fastest(self) -> float:
        """The shortest wait between two polls (``floor``, else ``initial``)."""
        return self.initial if self.floor is None else self.floor

    def interval(self, poll: int) -> float:
        """Seconds to wait after poll number *poll* (1 = the first), by the plain schedule."""
        return min(self.maximum, self.initial * self.multiplier ** (poll - 1))

    def delay(
        self,
        poll: int,
        *,
        age: float | None,
        progress: float | None = None,
        seen: tuple[float, float] | None = None,
    ) -> float:
        """Seconds to wait before the next status request of a job.

        *poll*: the polls made so far (0: before the first); *age*: seconds since the job was
        submitted (None when unknown: a wait resumed from an id polls at once); *progress*: the
        completion the last poll reported (0.0-1.0), and *seen* an earlier ``(age, progress)``
        of the same job, from which its pace is estimated.
        """
        fastest = self.fastest
        if poll <= 0:
            if age is None:
                return 0.0
            return max(0.0, max(fastest, self.shortest_job) - age)
        known_age = max(0.0, age or 0.0)
        growth = self.multiplier - 1.0 if self.growth is None else self.growth
        scheduled = min(self.maximum, max(fastest, growth * known_age))
        remaining = _remaining(known_age, progress, seen)
        if remaining is None:
            return scheduled
        target = remaining + AIM_MARGIN * (known_age + remaining)
        if target <= fastest:
            return fastest
        # Spread the time to the end over equal waits no longer than the schedule's, so that a
        # poll lands at the end; when the schedule is at the floor, fewer waits of up to twice
        # the floor (never past ``maximum``).
        wait = target / math.ceil(target / scheduled)
        if wait < fastest:
            wait = target / math.floor(target / fastest)
        return wait if wait <= self.maximum else scheduled


def _remaining(
    age: float, progress: float | None, seen: tuple[float, float] | None
) -> float | None:
    """Seconds to the end the progress predicts: from its pace since *seen*, else since submit."""
    if progress is None or not 0.0 < progress < 1.0:
        return None
    if seen is not None:
        if progress <= seen[1] or age <= seen[0]:
            return None  # stalled or gone back: nothing to predict from
        pace = (progress - seen[1]) / (age - seen[0])
    elif age > 0:
        # One report: counting from the submit (a queue included) predicts a later end.
        pace = progress / age
    else:
        return None
    if not 0.0 < pace < math.inf:
        return None
    remaining = (1.0 - progress) / pace
    return remaining if remaining < math.inf else None


class RequestBudget:
    """At most *per_minute* requests in any 60 s: the slots a key's requests take, past and planned.

    Thread-safe; times are the caller's clock's (`Pacer` passes its clock's ``monotonic``).

    >>> budget = RequestBudget(2)
    >>> budget.reserve(0.0), budget.reserve(0.0), budget.reserve(5.0)
    (0.0, 0.0, 60.0)
    """

    def __init__(self, per_minute: int) -> None:
        if isinstance(per_minute, bool) or not isinstance(per_minute, int) or per_minute < 1:
            raise InvalidRequestError(
                "requests_per_minute", per_minute, "a whole number of requests, 1 or more"
            )
        self.per_minute = per_minute
        self._times: list[float] = []
        self._lock = threading.Lock()

    def reserve(self, earliest: float) -> float:
        """Take the first slot at or after *earliest* that keeps every 60 s within the limit."""
        with self._lock:
            cut = bisect.bisect_right(self._times, earliest - WINDOW)
            del self._times[:cut]
            at = earliest
            while not self._fits(at):
                at = min(t + WINDOW for t in self._times if t + WINDOW > at)
            bisect.insort(self._times, at)
            return at

    def record(self, at: float) -> None:
        """A request made at *at* that was not planned (a create): it takes a slot all the same."""
        with self._lock:
            bisect.insort(self._times, at)

    def _fits(self, at: float) -> bool:
        # Every run of per_minute + 1 consecutive requests, *at* among them, must span 60 s.
        times = self._times
        index = bisect.bisect_right(times, at)
        merged = [*times[max(0, index - self.per_minute) : index], at]
        merged += times[index : index + self.per_minute]
        size = self.per_minute + 1
        return all(
            merged[start + size - 1] - merged[start] >= WINDOW - 1e-9
            for start in range(len(merged) - size + 1)
        )


class Pacer:
    """A client's polling: its policy, its key's `RequestBudget`, and what it knows of its jobs.

    The client tells it of each job it submits (`submitted`) and asks it how long to wait before
    each poll (`delay`); both are safe from several threads. Jobs it did not see submitted (a
    wait resumed from an id) count their age from their first `delay`.

    >>> from seedance.testing import ManualClock
    >>> pacer = Pacer(PollingPolicy(initial=6.0, maximum=20.0, requests_per_minute=10),
    ...               ManualClock())
    >>> pacer.submitted("a"); pacer.submitted("b")
    >>> pacer.delay("a", 0), pacer.delay("b", 0)
    (6.0, 6.0)
    """

    def __init__(self, policy: PollingPolicy, clock: Clock) -> None:
        self.policy = policy
        self.clock = clock
        per_minute = policy.requests_per_minute
        self.budget = None if per_minute is None else RequestBudget(per_minute)
        self._lock = threading.Lock()
        # job id -> [submitted at (None: not seen), first seen at, last (age, progress) or None]
        self._jobs: OrderedDict[str, list[Any]] = OrderedDict()

    def submitted(self, job_id: str) -> None:
        """A create of this client was answered with *job_id*, now."""
        now = self.clock.monotonic()
        with self._lock:
            self._track(job_id, [now, now, None])
        if self.budget is not None:
            self.budget.record(now)

    def delay(self, job_id: str, poll: int, job: Any = None) -> float:
        """Seconds to wait before the next status request of *job_id*.

        *poll*: the polls of this wait so far (0: before its first); *job*: the last `Job`
        known (its ``progress`` aims the next poll). The request's slot in the key's budget is
        taken now, so that the other jobs of the client plan around it.
        """
        now = self.clock.monotonic()
        with self._lock:
            state = self._jobs.get(job_id)
            if state is None:
                state = self._track(job_id, [None, now, None])
            submitted, first_seen, seen = state
            age = now - (submitted if submitted is not None else first_seen)
            progress = getattr(job, "progress", None)
            wait = self.policy.delay(
                poll, age=None if poll == 0 and submitted is None else age,
                progress=progress, seen=seen,
            )  # fmt: skip
            if progress is not None and poll > 0:
                state[2] = (age, progress)
        if self.budget is None:
            return wait
        return self.budget.reserve(now + wait) - now

    def _track(self, job_id: str, state: list[Any]) -> list[Any]:
        self._jobs[job_id] = state
        self._jobs.move_to_end(job_id)
        while len(self._jobs) > MAX_TRACKED:
            self._jobs.popitem(last=False)
        return state
