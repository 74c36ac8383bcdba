"""Polling decisions (seedance._polling): when the next status request of a job is due."""

from __future__ import annotations

import importlib
import itertools
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedance import InvalidRequestError, Job, JobStatus, PollingPolicy, VideoRequest
from seedance._polling import WINDOW, Pacer, RequestBudget
from seedance.adapters import adapter
from seedance.testing import ManualClock, Simulator

ISSUE_PROVIDERS = ("siray", "siraya", "genray", "anyfast", "modelark")


def _most_in_a_minute(times: list[float]) -> int:
    ordered = sorted(times)
    return max(
        (
            sum(1 for t in ordered[i:] if t < start + WINDOW - 1e-9)
            for i, start in enumerate(ordered)
        ),
        default=0,
    )


# --- the public constructor and the plain schedule ------------------------------------------------
def test_the_plain_schedule_is_unchanged() -> None:
    policy = PollingPolicy(initial=2.0, maximum=5.0, multiplier=2.0)
    assert [policy.interval(poll) for poll in (1, 2, 3, 4)] == [2.0, 4.0, 5.0, 5.0]
    assert PollingPolicy(initial=3, maximum=3).multiplier == 1.5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"initial": 0}, "initial"),
        ({"initial": -1.0}, "initial"),
        ({"maximum": float("inf")}, "maximum"),
        ({"initial": 10.0, "maximum": 5.0}, "maximum"),
        ({"multiplier": 0.5}, "multiplier"),
        ({"floor": 0.0}, "floor"),
        ({"floor": 60.0}, "floor"),
        ({"growth": float("nan")}, "growth"),
        ({"shortest_job": -3.0}, "shortest_job"),
        ({"requests_per_minute": 0}, "requests_per_minute"),
        ({"requests_per_minute": 2.5}, "requests_per_minute"),
        ({"requests_per_minute": True}, "requests_per_minute"),
    ],
)
def test_bad_values_are_refused_naming_the_field(changes: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"initial": 5.0, "maximum": 30.0, **changes}
    with pytest.raises(InvalidRequestError) as caught:
        PollingPolicy(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert field in str(caught.value)


# --- the decisions -----------------------------------------------------------------------------
def test_no_poll_right_after_the_create_nor_before_the_shortest_job() -> None:
    policy = PollingPolicy(initial=10.0, maximum=30.0)
    assert policy.delay(0, age=0.0) == 10.0
    assert policy.delay(0, age=4.0) == 6.0
    assert policy.delay(0, age=25.0) == 0.0  # waited long enough already
    assert policy.delay(0, age=None) == 0.0  # a job of unknown age (a resumed wait): poll now
    genray = PollingPolicy(initial=12.0, maximum=20.0, floor=6.0, shortest_job=30.0)
    assert genray.delay(0, age=0.5) == 29.5


def test_constant_at_the_floor_then_a_share_of_the_age_up_to_the_maximum() -> None:
    policy = PollingPolicy(initial=10.0, maximum=30.0, growth=0.1)
    assert {policy.delay(poll, age=10.0 * poll) for poll in range(1, 11)} == {10.0}
    assert policy.delay(12, age=150.0) == pytest.approx(15.0)
    assert policy.delay(30, age=1000.0) == 30.0
    # Without ``growth``, the plain schedule's multiplier sets it: 1.5 -> half the age.
    assert PollingPolicy(initial=2.0, maximum=60.0).delay(5, age=40.0) == pytest.approx(20.0)


def test_a_poll_is_aimed_just_after_the_end_the_progress_predicts() -> None:
    policy = PollingPolicy(initial=10.0, maximum=30.0, growth=0.1)
    # 30% at 20 s, 60% at 40 s: the end is due at ~73 s; the plain waits would poll at 50, 60, 70
    # and 80 s (7 s late); two waits of ~16.9 s land one 0.9 s after it.
    wait = policy.delay(3, age=40.0, progress=0.6, seen=(20.0, 0.3))
    end = 40.0 + (1 - 0.6) / (0.3 / 20.0)
    assert 10.0 <= wait <= 20.0
    landings = [40.0 + wait * k for k in (1, 2)]
    assert any(end <= at <= end * 1.03 for at in landings)
    # Never sooner than the floor, however close the end.
    assert policy.delay(5, age=60.0, progress=0.99, seen=(50.0, 0.8)) == 10.0
    # Progress that says nothing (none, 0, 1, going backwards) leaves the plain wait.
    for progress, seen in [(None, None), (0.0, None), (1.0, (10.0, 0.5)), (0.2, (30.0, 0.5))]:
        assert policy.delay(5, age=40.0, progress=progress, seen=seen) == 10.0


def test_an_aimed_wait_never_passes_the_maximum() -> None:
    policy = PollingPolicy(initial=3.0, maximum=5.0, growth=0.1)
    # The end is 8 s away: two waits of 4.08 s (3-5 s, as Siray asks), not one of 8.
    wait = policy.delay(4, age=20.0, progress=0.5, seen=(10.0, 0.25))
    assert 3.0 <= wait <= 5.0


@settings(max_examples=300, deadline=None)
@given(
    poll=st.integers(0, 50),
    age=st.none() | st.floats(0, 10_000),
    progress=st.none() | st.floats(0, 1),
    seen=st.none() | st.tuples(st.floats(0, 10_000), st.floats(0, 1)),
    floor=st.floats(0.5, 20),
    extra=st.floats(0, 40),
)
def test_every_wait_after_a_poll_is_between_the_floor_and_the_maximum(
    poll: int,
    age: float | None,
    progress: float | None,
    seen: tuple[float, float] | None,
    floor: float,
    extra: float,
) -> None:
    policy = PollingPolicy(initial=floor, maximum=floor + extra, growth=0.1)
    wait = policy.delay(poll, age=age, progress=progress, seen=seen)
    if poll == 0:
        assert 0.0 <= wait <= floor
    else:
        assert floor - 1e-9 <= wait <= floor + extra + 1e-9


# --- the request budget ------------------------------------------------------------------------
def test_the_budget_keeps_every_minute_within_the_limit() -> None:
    budget = RequestBudget(10)
    slots = [budget.reserve(0.0) for _ in range(25)]
    assert slots[:10] == [0.0] * 10
    assert slots[10:20] == [60.0] * 10
    assert _most_in_a_minute(slots) == 10


@settings(max_examples=200, deadline=None)
@given(
    per_minute=st.integers(1, 12),
    asks=st.lists(st.tuples(st.booleans(), st.floats(0, 300)), min_size=1, max_size=60),
)
def test_no_sixty_seconds_ever_hold_more_than_the_limit(
    per_minute: int, asks: list[tuple[bool, float]]
) -> None:
    budget = RequestBudget(per_minute)
    taken: list[float] = []
    now = 0.0
    for planned, wait in sorted(asks, key=lambda ask: ask[1]):
        now = max(now, wait / 2)  # time moves on; requests are planned at or after it
        if planned:
            at = budget.reserve(now + wait)
            assert at >= now + wait
        else:
            taken_now = [t for t in taken if t > now - WINDOW]
            if len(taken_now) >= per_minute:
                continue  # a create the caller could not have sent without a 429
            at = now
            budget.record(at)
        taken.append(at)
    assert _most_in_a_minute(taken) <= max(per_minute, 1)


def test_threads_share_one_budget() -> None:
    budget = RequestBudget(10)
    slots: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(10):
            at = budget.reserve(5.0)
            with lock:
                slots.append(at)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(slots) == 40
    assert _most_in_a_minute(slots) == 10


# --- a client's pacer --------------------------------------------------------------------------
def _job(job_id: str, progress: float | None = None) -> Job:
    return Job(id=job_id, provider="genray", status=JobStatus.RUNNING, progress=progress)


def test_two_genray_jobs_share_the_keys_ten_requests_a_minute() -> None:
    clock = ManualClock()
    pacer = Pacer(adapter("genray").polling, clock)
    requests: list[float] = []
    due: dict[str, float] = {}
    for job_id in ("a", "b"):
        pacer.submitted(job_id)
        requests.append(clock.now())
        due[job_id] = clock.now() + pacer.delay(job_id, 0, None)
    assert set(due.values()) == {30.0}  # "Generation takes 30-120 seconds"
    polls = dict.fromkeys(due, 0)
    for _ in range(60):
        job_id = min(due, key=due.__getitem__)
        clock.advance(due[job_id] - clock.now())
        requests.append(clock.now())
        polls[job_id] += 1
        due[job_id] = clock.now() + pacer.delay(job_id, polls[job_id], _job(job_id))
    assert _most_in_a_minute(requests) == 10
    # One job alone may use the whole budget: every 6 s (the spec's x-polling-interval-seconds).
    alone = Pacer(adapter("genray").polling, ManualClock())
    alone.submitted("c")
    alone.delay("c", 0)
    assert [alone.delay("c", poll, _job("c")) for poll in (1, 2, 3)] == [6.0, 6.0, 6.0]


def test_a_job_the_pacer_did_not_see_submitted_is_polled_at_once() -> None:
    clock = ManualClock(start=100.0)
    pacer = Pacer(PollingPolicy(initial=10.0, maximum=30.0, growth=0.1), clock)
    assert pacer.delay("resumed", 0, None) == 0.0
    assert pacer.delay("resumed", 1, _job("resumed")) == 10.0


@pytest.mark.parametrize("provider", ISSUE_PROVIDERS)
def test_each_providers_default_keeps_its_documented_pace(provider: str) -> None:
    policy = adapter(provider).polling
    provider_adapter = adapter(provider)
    operation = provider_adapter.get_with[0].__name__.rsplit(".", 1)[-1]
    documented = provider_adapter.spec.polling_interval(operation)
    if "min" in documented:
        assert policy.fastest >= float(documented["min"])
        assert policy.initial >= float(documented["min"])
    if "max" in documented:
        assert policy.maximum <= float(documented["max"])


@pytest.mark.parametrize("provider", ISSUE_PROVIDERS)
def test_a_paced_wait_on_the_simulator_finds_the_end_within_a_tenth_of_a_two_minute_job(
    provider: str,
) -> None:
    """The loop a client's wait runs with a pacer, against the provider's simulator."""
    clock = ManualClock()
    simulator = Simulator(provider, clock=clock, queue_seconds=2.0, run_seconds=113.0)
    pacer = Pacer(adapter(provider).polling, clock)
    with simulator.client(clock=clock) as client:
        job = client.submit(_request(provider))
        pacer.submitted(job.id)
        submitted = clock.now()
        polls: list[float] = []
        for poll in itertools.count():
            clock.advance(pacer.delay(job.id, poll, job))
            polls.append(clock.now())
            job = client.get(job.id)
            if job.status.is_terminal:
                break
    assert job.status is JobStatus.SUCCEEDED
    assert polls[0] - submitted >= adapter(provider).polling.fastest  # none right after create
    assert clock.now() - (submitted + 115.0) <= 11.5  # within 10% of the job


def _request(provider: str) -> VideoRequest:
    request: VideoRequest = importlib.import_module(f"facade.profiles.{provider}").PROFILE.request
    return request
