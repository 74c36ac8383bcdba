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
        httpx.Response(200, json=profile.succeeded),
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
    assert clock.sleeps == [2.0, 4.0, 5.0], "intervals grow, capped at the maximum"


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
    assert route.call_count == 6  # at 0, 2, 6, 11, 16 and 20 s


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
    router.route(method=get_method, path=get_path.format(id=profile.created_id)).respond(
        200, json=profile.succeeded
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
