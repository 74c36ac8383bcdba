"""``seedance batch`` waits as every other command does: through the client's own
`AsyncSeedanceClient.wait` (its polling policy, its pacer, its deadline), on the batch's clock,
each request a turn of the batch's pacer, ended at its next sleep when the run stops."""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

import httpx
import pytest

from cli.test_batch import prompts, run, write_jobs
from seedance import AsyncSeedanceClient
from seedance.adapters import adapter
from seedance.cli._batch import Batch
from seedance.testing import Fault, ManualClock, Simulator


@pytest.fixture
def sim() -> Simulator:
    """Genray (2 jobs at once, 10 requests/min per key) on a manual clock (as in test_batch)."""
    simulator = Simulator("genray")
    assert isinstance(simulator.clock, ManualClock)
    return simulator


def test_status_polls_go_through_the_clients_wait(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch waits as every command does: each status poll is made inside the client's
    `wait`, whose pacer saw the job submitted (no poll before Genray's 30 s shortest job), on
    the batch's clock (the simulator's here), one request at a time per turn of the batch's
    pacer (never a 429)."""
    waiting: ContextVar[str | None] = ContextVar("waiting", default=None)
    polls: list[tuple[str, float, str | None]] = []
    original_wait = AsyncSeedanceClient.wait

    async def wait(self: AsyncSeedanceClient, job: Any, **options: Any) -> Any:
        token = waiting.set(job if isinstance(job, str) else job.id)
        try:
            return await original_wait(self, job, **options)
        finally:
            waiting.reset(token)

    async def record(request: httpx.Request) -> None:
        job_id = request.url.path.rsplit("/", 1)[-1]
        if request.method == "GET" and job_id in sim.jobs:
            polls.append((job_id, sim.clock.now(), waiting.get()))

    def http_client() -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=sim.app), event_hooks={"request": [record]}
        )

    monkeypatch.setattr(AsyncSeedanceClient, "wait", wait)
    monkeypatch.setattr(sim, "async_http_client", http_client)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    result = run(sim, tmp_path / "out", jobs)

    assert result.report["counts"] == {"downloaded": 3}
    assert result.batch.pacer.rate_limited == 0
    assert {job_id for job_id, _, _ in polls} == set(sim.jobs)
    assert all(within == job_id for job_id, _, within in polls)  # each in its own job's wait
    shortest = adapter("genray").polling.shortest_job
    for job_id, job in sim.jobs.items():
        first = min(at for polled, at, _ in polls if polled == job_id)
        assert first >= job.created + shortest


def test_a_stopped_run_ends_the_clients_wait_at_its_next_sleep(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C once during a wait: the wait ends at its sleep, with no further poll; the job is
    left to the next run."""
    batches: list[Batch] = []
    original_run, original_wait = Batch.run, AsyncSeedanceClient.wait

    async def run_batch(self: Batch) -> None:
        batches.append(self)
        await original_run(self)

    async def wait(self: AsyncSeedanceClient, job: Any, **options: Any) -> Any:
        batches[0].stop("stopped by the test")
        return await original_wait(self, job, **options)

    monkeypatch.setattr(Batch, "run", run_batch)
    monkeypatch.setattr(AsyncSeedanceClient, "wait", wait)
    result = run(sim, tmp_path / "out", write_jobs(tmp_path / "jobs.jsonl", prompts(1)))
    assert result.states() == {"clip-0": "submitted"}
    assert "stopping: stopped by the test" in result.log
    assert sim.counters["requests.get_video"] == 0
    (job,) = sim.jobs.values()
    assert sim.clock.now() < job.created + 30  # it did not sleep until the first poll was due


def test_a_429_on_a_poll_pauses_the_run_and_the_wait_goes_on(
    sim: Simulator, tmp_path: Path
) -> None:
    sim.faults.add(Fault("status", operation="get_video", status=429, retry_after=7, times=2))
    result = run(sim, tmp_path / "out", write_jobs(tmp_path / "jobs.jsonl", prompts(1)))
    assert result.states() == {"clip-0": "downloaded"}
    assert result.batch.pacer.rate_limited == 2
