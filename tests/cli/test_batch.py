"""``seedance batch``: input checking, limits and pacing, the manifest and resuming, against
in-process simulators (on a manual clock the batch's own sleeps move, or a fast real one)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from seedance import AsyncSeedanceClient, PollingPolicy, VideoRequest
from seedance._mp4 import mp4_problem
from seedance.cli import Runtime, app
from seedance.cli._batch import (
    BATCH_RETRY,
    Batch,
    Limits,
    Pacer,
    Problem,
    Timebase,
    batch_polling,
    documented_limits,
    prepare,
    summary,
)
from seedance.cli._batch_files import digest
from seedance.cli._manifest import FILENAME, Manifest, ManifestBusyError
from seedance.testing import Fault, ManualClock, Simulator
from seedance.testing._simulator import SAMPLE_MP4


# --- helpers ------------------------------------------------------------------------------------
def manual(clock: ManualClock) -> Timebase:
    """The batch's sleeps move the simulator's clock: no real waiting, the same time for both."""

    async def sleep(seconds: float) -> None:
        clock.advance(seconds)
        await asyncio.sleep(0)

    return Timebase(clock.now, sleep)


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch) -> Simulator:
    """Genray (2 jobs at once, 10 requests/min per key) on a manual clock."""
    simulator = Simulator("genray")
    clock = simulator.clock
    assert isinstance(clock, ManualClock)
    return simulator


def write_jobs(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    )
    return path


SIRAY = {"duration": 5, "aspect_ratio": "16:9", "resolution": "720p",
         "reference_images": ["https://example.com/a.png"]}  # fmt: skip
"""What Siray requires of every request."""


def prompts(count: int, **fields: Any) -> list[dict[str, Any]]:
    return [
        {"id": f"clip-{n}", "prompt": f"shot {n} of a lighthouse", **fields} for n in range(count)
    ]


@dataclass
class Run:
    batch: Batch
    problems: list[Problem]
    report: dict[str, Any]
    log: list[str]

    def states(self) -> dict[str, str]:
        return {entry["id"]: entry["state"] for entry in self.report["requests"]}

    def by_line(self) -> dict[int, str]:
        return {entry["line"]: entry["state"] for entry in self.report["requests"]}


def run(
    sim: Simulator,
    out: Path,
    jobs: Path,
    *,
    concurrency: int = 4,
    resubmit_unknown: bool = False,
    timeout: float = 3600.0,
    api_key: str = "sk_simulator",
    polling: PollingPolicy | None = None,
    overwrite: bool = False,
) -> Run:
    """One batch run, as the command runs it, against *sim* on its manual clock."""
    log: list[str] = []
    assert isinstance(sim.clock, ManualClock)
    timebase = manual(sim.clock)

    async def main(manifest: Manifest, ids: frozenset[str]) -> Batch:
        # The command's client: on the batch's clock, with the batch's polling, over an httpx
        # client the batch paces and closes.
        http = sim.async_http_client()
        policy = batch_polling(sim.provider, polling)
        client = AsyncSeedanceClient(
            sim.provider, api_key=api_key, http_client=http, retry=BATCH_RETRY,
            clock=timebase.clock(), polling=policy,
        )  # fmt: skip
        batch = Batch(
            client, manifest, timebase, http, concurrency=concurrency, timeout=timeout,
            log=log.append, overwrite=overwrite, only=ids, polling=policy,
        )  # fmt: skip
        try:
            await batch.run()
        finally:
            await batch.aclose()
        return batch

    with Manifest(out) as manifest:
        prepared = prepare(
            manifest, jobs, sim.provider, resubmit_unknown=resubmit_unknown, say=log.append
        )
        batch = asyncio.run(main(manifest, prepared.ids))
        report = summary(manifest, prepared.problems, prepared.ids)
    return Run(batch, prepared.problems, report, log)


def assert_complete_mp4(path: Path) -> None:
    """A whole MP4 as the simulator serves it (the sample, rewritten to the job's format)."""
    data = path.read_bytes()
    assert data[4:8] == b"ftyp"
    assert len(data) == len(SAMPLE_MP4)
    assert mp4_problem(path) is None


def max_overlap(sim: Simulator) -> int:
    """The most jobs the simulator ever had queued or running at once."""
    events = sorted(
        [(job.created, 1) for job in sim.jobs.values()]
        + [(job.finished_at(), -1) for job in sim.jobs.values()]
    )
    running = peak = 0
    for _, step in events:
        running += step
        peak = max(peak, running)
    return peak


# --- the happy path -----------------------------------------------------------------------------
def test_every_request_ends_as_a_complete_file(sim: Simulator, tmp_path: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(5, duration=5))
    result = run(sim, tmp_path / "out", jobs)
    assert result.report["ok"] is True
    assert result.report["counts"] == {"downloaded": 5}
    assert sim.counters["creates_accepted"] == 5
    assert result.batch.pacer.rate_limited == 0
    for n in range(5):
        assert_complete_mp4(tmp_path / "out" / f"clip-{n}.mp4")
    assert not list((tmp_path / "out").glob("*.part"))


def test_the_command_runs_on_its_embedded_simulator(tmp_path: Path) -> None:
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [{"id": "cat", "prompt": "a cat cooking pasta"}, {"prompt": "a dog surfing"}],
    )
    out = tmp_path / "out"
    args = ["batch", str(jobs), "--provider", "modelark", "--out", str(out), "--simulated"]
    result = CliRunner().invoke(app, [*args, "--speed", "500", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["counts"] == {"downloaded": 2}
    assert [(entry["line"], entry["id"]) for entry in report["requests"]] == [(1, "cat"), (2, "2")]
    assert report["pacing"]["concurrency"] == 4
    assert report["pacing"]["rate_limited"] == 0
    assert_complete_mp4(out / "cat.mp4")
    assert_complete_mp4(out / "2.mp4")
    assert (out / FILENAME).is_file()


def test_simulated_jobs_are_the_other_commands_jobs(tmp_path: Path) -> None:
    """batch --simulated keeps its jobs in the state file, as every --simulated command does: a
    later `seedance status JOB --simulated` sees a job the batch created."""
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "cat", "prompt": "a cat"}])
    fast = Runtime(speed=500.0)
    args = ["batch", str(jobs), "-p", "genray", "-o", str(tmp_path / "out"), "--simulated"]
    result = CliRunner().invoke(app, [*args, "--json"], obj=fast)
    assert result.exit_code == 0, result.output
    job_id = json.loads(result.stdout)["requests"][0]["job_id"]
    status = CliRunner().invoke(app, ["status", job_id, "--simulated", "--json"], obj=fast)
    assert status.exit_code == 0, status.output
    assert json.loads(status.stdout)["status"] == "succeeded"


def test_the_table_reports_every_request(tmp_path: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "cat", "prompt": "a cat"}, "{oops"])
    out = tmp_path / "out"
    args = ["batch", str(jobs), "-p", "genray", "-o", str(out), "--simulated", "--speed", "500"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1  # line 2 was not sent
    assert "line 2: invalid: not valid JSON" in result.stdout
    assert "2 requests: 1 downloaded, 1 invalid" in result.stdout
    assert "cat.mp4" in result.stdout


# --- bad lines ----------------------------------------------------------------------------------
def test_bad_lines_are_reported_by_line_number_and_the_rest_runs(
    sim: Simulator, tmp_path: Path
) -> None:
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"id": "a", "prompt": "fine"},
            "not json at all",
            {"id": "b", "prompt": "typo", "durration": 5},
            {"id": "c", "prompt": "too long", "duration": 99},
            "",
            '["a list"]',
            {"id": "../etc/passwd", "prompt": "escape"},
            {"id": "a", "prompt": "the same id again"},
            {"prompt": "   "},
            {"id": "d", "prompt": "genray has no resolution field", "resolution": "720p"},
            {"id": "e", "prompt": "fine too", "aspect_ratio": "9:16"},
        ],
    )
    result = run(sim, tmp_path / "out", jobs)
    problems = {problem.line: problem.message for problem in result.problems}
    assert sorted(problems) == [2, 3, 4, 6, 7, 8, 9, 10]
    assert problems[2].startswith("not valid JSON")
    assert "unknown field 'durration' (did you mean 'duration'?)" in problems[3]
    assert "duration=99 is not allowed; allowed: 4 to 15" in problems[4]
    assert "not a JSON object" in problems[6]
    assert "cannot name a file" in problems[7]
    assert "already used on line 1" in problems[8]
    assert "prompt" in problems[9]
    assert "resolution" in problems[10]
    assert f"line 3: invalid: {problems[3]}" in result.log
    assert result.by_line() == {1: "downloaded", 11: "downloaded"} | dict.fromkeys(
        problems, "invalid"
    )
    assert [entry["id"] for entry in result.report["requests"]] == [
        "a", None, "b", "c", None, None, "a", "9", "d", "e",
    ]  # fmt: skip
    assert result.report["counts"] == {"downloaded": 2, "invalid": 8}
    assert result.report["ok"] is False
    assert sim.counters["creates_accepted"] == 2


def test_a_recorded_id_whose_request_changed_is_not_sent(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(sim, out, write_jobs(tmp_path / "jobs.jsonl", [{"id": "a", "prompt": "first"}]))
    changed = write_jobs(tmp_path / "jobs.jsonl", [{"id": "a", "prompt": "second"}])
    result = run(sim, out, changed)
    assert [problem.line for problem in result.problems] == [1]
    assert "recorded with another request" in result.problems[0].message
    assert sim.counters["creates_accepted"] == 1


def test_a_request_the_provider_rejected_can_be_corrected(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sim.faults.add(Fault("status", operation="create_video", status=422))
    first = run(sim, out, write_jobs(tmp_path / "jobs.jsonl", [{"id": "a", "prompt": "first"}]))
    assert first.states() == {"a": "failed"}
    assert first.report["requests"][0]["error"].startswith("rejected: genray answered 422")
    again = run(sim, out, write_jobs(tmp_path / "jobs.jsonl", [{"id": "a", "prompt": "first"}]))
    assert again.states() == {"a": "failed"}  # the same request is not sent again
    fixed = run(sim, out, write_jobs(tmp_path / "jobs.jsonl", [{"id": "a", "prompt": "fixed"}]))
    assert "line 1 (a): changed since the last run; it will be sent" in fixed.log
    assert fixed.states() == {"a": "downloaded"}
    assert sim.counters["creates_accepted"] == 1


# --- limits and pacing --------------------------------------------------------------------------
# Genray's own example polls every 5 s: 12 requests/min for one job, over the Standard plan's 10.
EAGER = PollingPolicy(initial=5.0, maximum=5.0)


@pytest.mark.parametrize("polling", [None, EAGER], ids=["adapter-polling", "5s-polling"])
def test_genray_runs_two_jobs_at_once_within_ten_requests_a_minute(
    sim: Simulator, tmp_path: Path, polling: PollingPolicy | None
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(12))
    result = run(sim, tmp_path / "out", jobs, concurrency=8, polling=polling)
    capped = "genray: --concurrency 8 capped at 2 (the key's standard plan, per its account);"
    assert f"{capped} at most 10 requests/min, status polls included" in result.log
    assert result.batch.capped == 2
    assert result.batch.peak == 2
    assert max_overlap(sim) <= 2
    # The simulator enforces 10 requests/min and 2 jobs per key: not one 429 was needed.
    assert result.batch.pacer.rate_limited == 0
    assert result.report["counts"] == {"downloaded": 12}
    assert sim.counters["creates_accepted"] == 12


def test_without_pacing_the_same_batch_meets_429s(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control of the test above: the pacer is what keeps the provider from refusing."""

    async def no_account(self: Batch) -> None:
        self.limits = Limits(concurrent_jobs=2)
        self.pacer.per_minute = None

    monkeypatch.setattr(Batch, "_read_limits", no_account)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(12))
    result = run(sim, tmp_path / "out", jobs, polling=EAGER)
    assert result.batch.pacer.rate_limited > 0
    # ... which the batch survives: a 429 means "not accepted", so the create is sent again.
    assert result.report["counts"] == {"downloaded": 12}
    assert sim.counters["creates_accepted"] == 12


def test_modelark_caps_at_120_queued_tasks(tmp_path: Path) -> None:
    source = "at most 120 queued tasks per account"
    assert documented_limits("modelark") == Limits(120, None, source)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    result = run(Simulator("modelark"), tmp_path / "out", jobs, concurrency=500)
    assert f"modelark: --concurrency 500 capped at 120 ({source})" in result.log
    assert result.batch.capped == 120
    assert result.report["counts"] == {"downloaded": 3}


def test_a_provider_without_documented_limits_runs_as_asked(tmp_path: Path) -> None:
    sim = Simulator("siray")
    assert documented_limits("siray") == Limits()
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(4, **SIRAY))
    result = run(sim, tmp_path / "out", jobs, concurrency=3)
    assert "siray: concurrency 3 (no documented limit)" in result.log
    assert result.batch.peak == 3
    assert result.report["counts"] == {"downloaded": 4}


def test_genray_limits_come_from_the_spec_when_the_account_does_not_say() -> None:
    limits = documented_limits("genray")
    assert (limits.concurrent_jobs, limits.requests_per_minute) == (2, 10)
    assert limits.source == "the standard plan's limits per key"


def test_the_pacer_keeps_every_minute_under_the_limit_and_pauses_after_a_429() -> None:
    from seedance import RateLimitError

    clock = ManualClock()
    pacer = Pacer(manual(clock), per_minute=10)
    sent: list[float] = []

    async def main() -> None:
        for _ in range(35):
            stamp = await pacer.acquire()
            sent.append(clock.now())
            clock.advance(0.5)  # the answer takes half a second
            pacer.done(stamp)
        stamp = await pacer.acquire()
        limited = RateLimitError("slow down", retry_after=30, provider="genray", status_code=429)
        pacer.done(stamp, limited)
        before = clock.now()
        pacer.done(await pacer.acquire())
        assert clock.now() >= before + 30

    asyncio.run(main())
    for start in sent:
        assert sum(1 for moment in sent if start <= moment < start + 60) <= 10
    assert pacer.rate_limited == 1


def test_a_429_on_a_create_is_not_a_failure(sim: Simulator, tmp_path: Path) -> None:
    sim.faults.add(Fault("status", operation="create_video", status=429, retry_after=7, times=2))
    result = run(sim, tmp_path / "out", write_jobs(tmp_path / "jobs.jsonl", prompts(1)))
    assert result.states() == {"clip-0": "downloaded"}
    assert result.batch.pacer.rate_limited == 2
    assert sim.counters["creates_accepted"] == 1


def test_a_key_the_provider_refuses_stops_the_run_before_any_create(tmp_path: Path) -> None:
    sim = Simulator("genray", api_keys=("sk_good",))
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    result = run(sim, tmp_path / "out", jobs, api_key="sk_bad")
    assert any(line.startswith("stopping: genray answered 401") for line in result.log)
    assert result.states() == dict.fromkeys(["clip-0", "clip-1", "clip-2"], "pending")
    assert sim.counters["creates_accepted"] == 0
    assert sim.counters["requests.create_video"] == 0


# --- resuming -----------------------------------------------------------------------------------
def test_a_run_resumes_from_whatever_state_a_crash_left(sim: Simulator, tmp_path: Path) -> None:
    """Rows left in every state by a crash; the next run finishes what it safely can."""
    out = tmp_path / "out"
    names = ["pending", "submitting", "unknown", "submitted", "succeeded", "renamed", "missing",
             "done", "failed", "foreign"]  # fmt: skip
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": name, "prompt": name} for name in names])
    finished = ("succeeded", "renamed", "missing", "done", "foreign")

    async def start_jobs() -> dict[str, Any]:
        async with sim.async_client() as client:
            done = {
                name: await client.submit(VideoRequest(prompt=name))
                for name in (*finished, "failed")
            }
            sim.clock.advance(61)  # type: ignore[attr-defined]
            sim.run_seconds = 300  # still running when the batch starts again
            return done | {"submitted": await client.submit(VideoRequest(prompt="submitted"))}

    sim.rate_limits = False  # an earlier run, not paced by this one
    started = asyncio.run(start_jobs())
    sim.rate_limits = True
    # What the earlier run wrote: "renamed" was moved into place (and recorded before that),
    # the run died before marking it downloaded; "missing" was deleted since.
    for name in ("renamed", "done", "missing"):
        (out / f"{name}.mp4").parent.mkdir(exist_ok=True)
        (out / f"{name}.mp4").write_bytes(SAMPLE_MP4)
    records = {name: digest(out / f"{name}.mp4") for name in ("renamed", "done", "missing")}
    (out / "missing.mp4").unlink()
    (out / "foreign.mp4").write_bytes(b"the user's own file")  # not the batch's: left alone
    with Manifest(out) as manifest:
        prepare(manifest, jobs, "genray", say=lambda line: None)
        manifest.update("submitting", "submitting")
        manifest.update("unknown", "unknown", error="may have been accepted: reset")
        manifest.update("submitted", "submitted", job_id=started["submitted"].id)
        for name in finished:
            url = sim.video_url(sim.jobs[started[name].id])
            state = "downloaded" if name in ("missing", "done") else "succeeded"
            manifest.update(
                name, state, job_id=started[name].id, video_url=url, file=records.get(name)
            )
        manifest.update("failed", "failed", job_id=started["failed"].id, error="job failed: no")
    (out / ".succeeded.mp4.x1y2z3w4.part").write_bytes(SAMPLE_MP4[:100])  # killed mid-download
    (out / ".succeeded.mp4.download").write_bytes(SAMPLE_MP4)  # killed before it was recorded
    (out / "..succeeded.mp4.download.abcd1234.part").write_bytes(b"")  # ...or while it was written
    creates, downloads = sim.counters["creates_accepted"], sim.counters["downloads"]

    result = run(sim, out, jobs)

    assert result.states() == {
        "pending": "downloaded", "submitting": "unknown", "unknown": "unknown",
        "submitted": "downloaded", "succeeded": "downloaded", "renamed": "downloaded",
        "missing": "downloaded", "done": "downloaded", "failed": "failed",
        "foreign": "succeeded",
    }  # fmt: skip
    assert sim.counters["creates_accepted"] == creates + 1  # "pending" only
    assert sim.counters["downloads"] == downloads + 4  # pending, submitted, succeeded, missing
    assert "line 2 (submitting): the last run stopped during its create call: unknown" in result.log
    unknown = next(entry for entry in result.report["requests"] if entry["id"] == "submitting")
    assert unknown["line"] == 2
    assert "may have been accepted" in unknown["error"]
    assert "--resubmit-unknown" in unknown["error"]
    foreign = next(entry for entry in result.report["requests"] if entry["id"] == "foreign")
    assert foreign["error"].startswith(f"not downloaded: {out / 'foreign.mp4'} exists and was not")
    assert (out / "foreign.mp4").read_bytes() == b"the user's own file"
    for name in names:
        if result.states()[name] == "downloaded":
            assert_complete_mp4(out / f"{name}.mp4")
    assert not list(out.glob("*.part"))
    assert not list(out.glob("*.download"))
    with Manifest(out) as manifest:
        assert manifest.get("submitted").job_id == started["submitted"].id  # type: ignore[union-attr]
        for row in manifest.rows():
            if row.state == "downloaded":
                assert row.file == digest(out / f"{row.id}.mp4")


def test_a_create_cut_off_is_unknown_and_resent_only_when_asked(
    sim: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    # The connection drops after the provider accepted the first create: a job exists, no id.
    sim.faults.add(Fault("reset_after", operation="create_video"))
    first = run(sim, out, jobs)
    assert first.states() == {"clip-0": "unknown", "clip-1": "downloaded"}
    assert sim.counters["creates_accepted"] == 2

    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "unknown", "clip-1": "downloaded"}
    assert sim.counters["creates_accepted"] == 2  # nothing was sent

    resent = run(sim, out, jobs, resubmit_unknown=True)
    assert resent.states() == {"clip-0": "downloaded", "clip-1": "downloaded"}
    assert sim.counters["creates_accepted"] == 3  # the one explicitly asked for
    assert "line 1 (clip-0)" not in "".join(line for line in resent.log if "unknown" in line)


def test_a_job_still_running_at_the_timeout_is_waited_on_by_the_next_run(
    sim: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    first = run(sim, out, jobs, timeout=10)
    assert first.states() == {"clip-0": "submitted"}
    second = run(sim, out, jobs)
    assert second.states() == {"clip-0": "downloaded"}
    assert "line 1 (clip-0): waiting on job" in "\n".join(second.log)
    assert sim.counters["creates_accepted"] == 1


def test_a_failed_job_is_reported_and_not_sent_again(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "x", "prompt": "simulate:fail no GPUs"}])
    first = run(sim, out, jobs)
    assert first.report["requests"][0]["error"] == "job failed: no GPUs"
    run(sim, out, jobs)
    assert sim.counters["creates_accepted"] == 1


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with Manifest(tmp_path) as manifest, pytest.raises(ManifestBusyError):
        Manifest(tmp_path)
    assert manifest.path == tmp_path / FILENAME


def test_a_folder_belongs_to_one_provider(tmp_path: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1, **SIRAY))
    out = str(tmp_path / "out")
    runner = CliRunner()
    fast = Runtime(speed=500.0)
    first = runner.invoke(
        app, ["batch", str(jobs), "-p", "siray", "-o", out, "--simulated"], obj=fast
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        app, ["batch", str(jobs), "-p", "genray", "-o", out, "--simulated"], obj=fast
    )
    assert second.exit_code == 2
    assert "belongs to another batch (provider siray, now genray)" in second.output


def test_a_missing_key_is_one_line_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GENRAY_API_KEY", raising=False)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    result = CliRunner().invoke(app, ["batch", str(jobs), "-p", "genray", "-o", str(tmp_path)])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [  # the other commands' message
        "error: no API key for genray: set GENRAY_API_KEY or pass --api-key"
        " (or add --simulated to try it offline, with no key)"
    ]
