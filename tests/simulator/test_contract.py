"""The shared contract suite: every provider's adapter against its simulator, end to end.

Each provider runs the same behaviours (fsspec's ``tests/abstract`` style) with only its profile
(tests/facade/profiles) and its capabilities telling them apart; each runs sync and async.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import attrs
import pytest

import seedance
from seedance import (
    APIConnectionError,
    AuthenticationError,
    JobFailedError,
    JobStatus,
    NotFoundError,
)
from seedance._mp4 import mp4_problem
from seedance.testing import FAIL_MARKER, Fault, Simulator, mp4_format
from seedance.testing._simulator import SAMPLE_MP4

from .conftest import Connect, profile_of


def _create_operation(simulator: Simulator) -> str:
    return seedance.adapters.adapter(simulator.provider).create_operation


def _get_operation(simulator: Simulator) -> str:
    module = seedance.adapters.adapter(simulator.provider).get_with[0]
    return module.__name__.rsplit(".", 1)[-1]


def test_generate_then_download(
    provider: str, simulator: Simulator, connect: Connect, tmp_path: Path
) -> None:
    client = connect()
    updates: list[seedance.Job] = []
    job = client.generate(profile_of(provider).request, timeout=600, on_update=updates.append)
    assert job.status is JobStatus.SUCCEEDED
    assert updates[0].status in (JobStatus.QUEUED, JobStatus.RUNNING)
    path = client.download(job, tmp_path / "video.mp4")
    assert path.read_bytes() == simulator.video(job.id) != SAMPLE_MP4
    assert mp4_problem(path) is None
    # The video is as long as the request asked (the provider's default when it did not).
    request = profile_of(provider).request
    assert mp4_format(path.read_bytes()).duration == (request.duration or 5)
    assert simulator.counters["creates_accepted"] == 1


def test_a_failed_job_raises_with_the_providers_reason(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    request = attrs.evolve(profile_of(provider).request, prompt=f"x {FAIL_MARKER}: out of llamas")
    with pytest.raises(JobFailedError) as raised:
        connect().generate(request, timeout=600)
    assert raised.value.job.status is JobStatus.FAILED
    assert "out of llamas" in str(raised.value)


def test_an_unknown_job_is_not_found(provider: str, connect: Connect) -> None:
    well_formed_but_unknown = profile_of(provider).created_id
    with pytest.raises(NotFoundError):
        connect().get(well_formed_but_unknown)


def test_a_wrong_key_is_an_authentication_error(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    simulator.api_keys = ("sk_the_right_one",)
    with pytest.raises(AuthenticationError):
        connect(api_key="sk_a_wrong_one").get(profile_of(provider).created_id)


def test_cancel_where_the_provider_can(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    client = connect()
    job = client.submit(profile_of(provider).request)
    if "cancel" not in seedance.capabilities(provider).operations:
        with pytest.raises(seedance.UnsupportedError):
            client.cancel(job)
        return
    client.cancel(job)
    cancelled = client.get(job)
    assert cancelled.status is profile_of(provider).cancelled_status
    if cancelled.status is JobStatus.FAILED:  # a provider without a cancelled status says why
        assert cancelled.error is not None


# --- faults: nothing lost, nothing duplicated ------------------------------------------------
def test_a_reset_before_the_create_is_read_is_retried_once(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    create = _create_operation(simulator)
    simulator.faults.add(Fault("reset_before", operation=create))
    job = connect().submit(profile_of(provider).request)
    assert job.id in simulator.jobs
    assert simulator.counters[f"requests.{create}"] == 2
    assert simulator.counters["creates_accepted"] == 1


def test_a_reset_after_the_create_was_processed_is_not_retried(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    create = _create_operation(simulator)
    simulator.faults.add(Fault("reset_after", operation=create))
    with pytest.raises(APIConnectionError) as raised:
        connect().submit(profile_of(provider).request)
    assert raised.value.may_have_been_accepted
    assert simulator.counters[f"requests.{create}"] == 1, "no second, paid, job"
    assert simulator.counters["creates_accepted"] == 1


def test_a_rate_limited_create_is_retried_after_retry_after(
    provider: str, simulator: Simulator, connect: Connect
) -> None:
    create = _create_operation(simulator)
    simulator.faults.add(Fault("status", operation=create, status=429, retry_after=3))
    before = simulator.clock.now()
    connect().submit(profile_of(provider).request)
    assert simulator.counters["creates_accepted"] == 1
    assert simulator.clock.now() - before >= 3


@pytest.mark.parametrize(
    "fault",
    [
        Fault("status", status=503, times=2),
        Fault("status", status=502),
        Fault("html_error"),
        Fault("malformed_json"),
        Fault("reset_after", times=2),
        Fault("truncate"),
    ],
    ids=["503-twice", "502", "html-502", "malformed-json", "reset-twice", "truncated-body"],
)
def test_polls_survive_transient_faults(
    provider: str, simulator: Simulator, connect: Connect, fault: Fault
) -> None:
    client = connect()
    job = client.submit(profile_of(provider).request)
    planned = dataclasses.replace(fault, operation=_get_operation(simulator))
    simulator.faults.add(planned)
    assert client.wait(job, timeout=600).status is JobStatus.SUCCEEDED
    assert simulator.faults.injected[fault.kind] >= 1
    assert simulator.counters["creates_accepted"] == 1


def test_a_truncated_download_is_resumed(
    provider: str, simulator: Simulator, connect: Connect, tmp_path: Path
) -> None:
    client = connect()
    job = client.generate(profile_of(provider).request, timeout=600)
    simulator.faults.add(Fault("truncate", operation="download"))
    path = client.download(job, tmp_path / "video.mp4")
    assert path.read_bytes() == simulator.video(job.id)
    assert simulator.counters["downloads"] == 2
