"""wait and generate: polling, callbacks, one deadline for polls and retries, interruption."""

from __future__ import annotations

import httpx
import pytest
import respx

from seedance import (
    Job,
    JobEvents,
    JobFailedError,
    JobStatus,
    PollingPolicy,
    RetryPolicy,
    WaitTimeoutError,
)
from support.follow_up import finished_answer

from .conftest import FakeClock, MakeClient
from .profiles._profile import Profile

POLLING = PollingPolicy(initial=2.0, maximum=5.0, multiplier=2.0)


def _by_status(profile: Profile, status: JobStatus) -> httpx.Response:
    case = next(case for case in profile.statuses if case.status is status)
    return httpx.Response(200, json=case.body)


def _get_route(profile: Profile, router: respx.MockRouter) -> respx.Route:
    method, path = profile.get
    return router.route(method=method, path=path.format(id="job-1"))


def test_wait_polls_until_done_and_reports_every_change(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = _get_route(profile, router)
    route.side_effect = [
        _by_status(profile, JobStatus.QUEUED),
        _by_status(profile, JobStatus.QUEUED),
        _by_status(profile, JobStatus.RUNNING),
        finished_answer(profile, router, "job-1"),
    ]
    updates: list[Job] = []
    client = make_client(profile.provider, polling=POLLING)

    job = client.wait("job-1", on_update=updates.append)

    assert job.status is JobStatus.SUCCEEDED
    assert job.video_url == "https://files.example.com/video.mp4"
    assert [update.status for update in updates] == [
        JobStatus.QUEUED,
        JobStatus.RUNNING,
        JobStatus.SUCCEEDED,
    ]
    # Resumed from an id: a poll at once, the floor (2 s) while the job is young, then
    # growth (multiplier - 1 = 100%) times its age: polls at 0, 2, 4 and 8 s; where the
    # provider reports progress, the last wait is aimed at the end its pace predicts.
    queued, running = updates[0].progress, updates[1].progress
    last = 4.0
    if running is not None:
        seen = None if queued is None else (2.0, queued)
        last = POLLING.delay(3, age=4.0, progress=running, seen=seen)
        assert POLLING.fastest <= last < 4.0
    assert clock.sleeps == [2.0, 2.0, last], "at the floor, then growing with the job's age"


def test_wait_raises_job_failed_with_the_providers_reason(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    _get_route(profile, router).mock(return_value=_by_status(profile, JobStatus.FAILED))
    client = make_client(profile.provider, polling=POLLING)
    with pytest.raises(JobFailedError) as raised:
        client.wait("job-1")
    assert raised.value.job.status is JobStatus.FAILED
    failed = next(case for case in profile.statuses if case.status is JobStatus.FAILED)
    if failed.error_message:
        assert failed.error_message in str(raised.value)


def test_the_deadline_bounds_polls_and_carries_the_job_id(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = _get_route(profile, router).mock(return_value=_by_status(profile, JobStatus.RUNNING))
    client = make_client(profile.provider, polling=POLLING)
    with pytest.raises(WaitTimeoutError) as raised:
        client.wait("job-1", timeout=20)
    assert raised.value.job_id == "job-1"
    assert raised.value.last is not None
    assert raised.value.last.status is JobStatus.RUNNING
    assert sum(clock.sleeps) <= 20.0
    assert route.call_count == 7  # at 0, 2, 4, 8, 13, 18 and 20 s


def test_the_deadline_also_bounds_retry_sleeps(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    _get_route(profile, router).respond(503)
    retry = RetryPolicy(max_retries=10, initial_backoff=4.0, max_backoff=4.0, jitter=0.0)
    client = make_client(profile.provider, polling=POLLING, retry=retry)
    with pytest.raises(WaitTimeoutError) as raised:
        client.wait("job-1", timeout=10)
    assert raised.value.job_id == "job-1"
    assert sum(clock.sleeps) <= 10.0


def test_generate_reports_the_job_before_waiting(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    method, path = profile.create
    status_code, body = profile.create_response
    router.route(method=method, path=path).respond(status_code, json=body)
    get_method, get_path = profile.get
    router.route(method=get_method, path=get_path.format(id=profile.created_id)).mock(
        return_value=finished_answer(profile, router, profile.created_id)
    )
    updates: list[Job] = []
    client = make_client(profile.provider, polling=POLLING)

    job = client.generate(profile.request, on_update=updates.append)

    assert job.status is JobStatus.SUCCEEDED
    assert updates[0].id == profile.created_id
    assert updates[0].status is profile.created_status


def test_an_interrupted_wait_says_which_job_to_resume(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt  # the user presses Ctrl-C while a poll is in flight

    _get_route(profile, router).mock(side_effect=interrupt)
    client = make_client(profile.provider, polling=POLLING)
    with pytest.raises(KeyboardInterrupt) as raised:
        client.wait("job-1")
    assert any("job-1" in note and "wait" in note for note in raised.value.__notes__)


def test_a_signed_webhook_ends_the_wait_without_another_poll(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    route = _get_route(profile, router).mock(return_value=_by_status(profile, JobStatus.RUNNING))
    inbox = JobEvents()
    inbox.publish(
        Job(
            id="job-1",
            provider=profile.provider,
            status=JobStatus.SUCCEEDED,
            video_url="https://v",
            signature_verified=True,
        )
    )
    updates: list[Job] = []
    client = make_client(profile.provider, polling=POLLING)

    job = client.wait("job-1", events=inbox, on_update=updates.append)

    assert job.video_url == "https://v"
    assert route.call_count == 1, "polling is only the fallback"
    assert [update.status for update in updates] == [JobStatus.RUNNING, JobStatus.SUCCEEDED]


def test_generate_polls_no_sooner_than_the_floor_after_the_submit(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    method, path = profile.create
    status_code, body = profile.create_response
    router.route(method=method, path=path).respond(status_code, json=body)
    get_method, get_path = profile.get
    route = router.route(method=get_method, path=get_path.format(id=profile.created_id))
    route.mock(return_value=finished_answer(profile, router, profile.created_id))
    polling = PollingPolicy(initial=2.0, maximum=5.0, shortest_job=30.0)
    client = make_client(profile.provider, polling=polling)

    job = client.generate(profile.request)

    if profile.created_status.is_terminal:
        return  # nothing to wait for
    assert job.status is JobStatus.SUCCEEDED
    assert clock.sleeps[0] == 30.0, "a poll before the shortest job could only say 'not yet'"
    assert route.call_count == 1


def test_one_request_budget_paces_every_job_of_a_client(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    running = _by_status(profile, JobStatus.RUNNING)
    route = _get_route(profile, router).mock(return_value=running)
    polling = PollingPolicy(initial=2.0, maximum=2.0, requests_per_minute=3)
    client = make_client(profile.provider, polling=polling)

    with pytest.raises(WaitTimeoutError):
        client.wait("job-1", timeout=59)
    with pytest.raises(WaitTimeoutError):
        client.wait("job-1", timeout=59)

    # Every 2 s would be 30 polls a minute per wait; the key allows 3 a minute in all: the
    # first wait polls at 0, 2 and 4 s, the second waits for the slots that free at 60 s.
    assert route.call_count <= 3 + 2
    assert sum(clock.sleeps) >= 59.0
