"""``seedance batch`` when the world is not as it should be: creates whose outcome is unknown,
files in the output folder the batch did not write (or that changed since), a full disk, a
manifest edited by hand or left by an older version, and errors nobody expected."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.test_batch import prompts, run, write_jobs
from seedance import DownloadError
from seedance._async_client import AsyncSeedanceClient
from seedance._mp4 import mp4_problem
from seedance.cli import app
from seedance.cli._batch_files import FileRecord, Verdict, digest, inspect, place
from seedance.cli._manifest import FILENAME, Manifest
from seedance.testing import Fault, ManualClock, Simulator
from seedance.testing._simulator import SAMPLE_MP4

ORIGINAL_DOWNLOAD = AsyncSeedanceClient.download
USER_FILE = b"the user's own video, not the batch's"


def assert_whole(path: Path) -> None:
    """A whole MP4 as the simulator serves it (the sample, rewritten to the job's format)."""
    assert path.read_bytes()[4:8] == b"ftyp"
    assert mp4_problem(path) is None


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch) -> Simulator:
    """Genray on a manual clock (as in test_batch)."""
    simulator = Simulator("genray")
    clock = simulator.clock
    assert isinstance(clock, ManualClock)
    return simulator


def batch_command(jobs: Path, out: Path, *extra: str) -> list[str]:
    """`seedance batch` on its embedded simulator, fast."""
    return ["batch", str(jobs), "-p", "genray", "-o", str(out), "--simulated", "--speed", "2000",
            *extra]  # fmt: skip


def one_line(result: Any) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    line: str = lines[0]
    return line


def entry(report: dict[str, Any], request_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in report["requests"] if e["id"] == request_id)
    return found


# --- creates whose outcome is unknown -----------------------------------------------------------
@pytest.mark.parametrize("status", [303, 307, 502])
def test_a_create_answered_with_a_redirect_or_a_502_is_unknown_and_not_resent(
    sim: Simulator, tmp_path: Path, status: int
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    sim.faults.add(Fault("status", operation="create_video", status=status))
    first = run(sim, out, jobs)
    assert first.states() == {"clip-0": "unknown", "clip-1": "downloaded"}
    error = entry(first.report, "clip-0")["error"]
    assert error.startswith(f"may have been accepted: genray answered {status}")
    assert "--resubmit-unknown sends it again" in error
    sent = sim.counters["requests.create_video"]

    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "unknown", "clip-1": "downloaded"}
    assert sim.counters["requests.create_video"] == sent  # nothing was sent again

    resent = run(sim, out, jobs, resubmit_unknown=True)
    assert resent.states() == {"clip-0": "downloaded", "clip-1": "downloaded"}


# --- files the batch did not write --------------------------------------------------------------
def test_a_file_the_batch_did_not_write_is_reported_and_its_request_not_sent(
    sim: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "clip-0.mp4").write_bytes(USER_FILE)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))

    first = run(sim, out, jobs)
    assert first.states() == {"clip-0": "pending", "clip-1": "downloaded"}
    message = f"{out / 'clip-0.mp4'} exists and was not written by this batch; it is left alone"
    assert f"line 1 (clip-0): {message}: move it away, or pass --overwrite to replace it" in (
        first.log
    )
    assert entry(first.report, "clip-0")["error"].startswith(f"not sent: {message}")
    assert sim.counters["creates_accepted"] == 1  # no video was paid for that could not be saved
    assert (out / "clip-0.mp4").read_bytes() == USER_FILE
    assert first.report["ok"] is False

    replaced = run(sim, out, jobs, overwrite=True)
    assert replaced.states() == {"clip-0": "downloaded", "clip-1": "downloaded"}
    assert_whole(out / "clip-0.mp4")
    assert sim.counters["creates_accepted"] == 2


def test_a_file_already_there_for_a_finished_job_is_not_taken_as_its_video(
    sim: Simulator, tmp_path: Path
) -> None:
    """A job succeeded, the run stopped before its download, and a file of that name appeared:
    not the video the batch paid for, so not "downloaded"."""
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    first = run(sim, out, jobs, timeout=60)
    assert first.states() == {"clip-0": "downloaded"}
    (out / "clip-0.mp4").unlink()
    with Manifest(out) as manifest:
        manifest.update("clip-0", "succeeded", file=None)
    (out / "clip-0.mp4").write_bytes(SAMPLE_MP4)  # the same bytes, but nobody recorded them
    downloads = sim.counters["downloads"]

    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "succeeded"}
    assert "exists and was not written by this batch" in entry(again.report, "clip-0")["error"]
    assert sim.counters["downloads"] == downloads
    assert sim.counters["requests"] > 0  # the run itself went on (its account call)


@pytest.mark.parametrize("change", ["longer", "same-size"])
def test_a_downloaded_file_that_changed_is_reported_and_kept(
    sim: Simulator, tmp_path: Path, change: str
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    assert run(sim, out, jobs).states() == {"clip-0": "downloaded"}
    video = out / "clip-0.mp4"
    edited = SAMPLE_MP4 + b"x" if change == "longer" else b"X" + SAMPLE_MP4[1:]
    video.write_bytes(edited)
    downloads = sim.counters["downloads"]

    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "succeeded"}
    error = entry(again.report, "clip-0")["error"]
    assert error.startswith(f"not downloaded: {video} changed since this batch wrote it;")
    assert "--overwrite" in error
    assert video.read_bytes() == edited
    assert sim.counters["downloads"] == downloads

    replaced = run(sim, out, jobs, overwrite=True)
    assert replaced.states() == {"clip-0": "downloaded"}
    assert_whole(video)
    assert video.read_bytes() != edited
    assert sim.counters["creates_accepted"] == 1


def test_a_file_touched_but_unchanged_is_still_the_batchs(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    run(sim, out, jobs)
    os.utime(out / "clip-0.mp4", ns=(1, 1))  # new mtime: the content is hashed again
    downloads = sim.counters["downloads"]
    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "downloaded"}
    assert sim.counters["downloads"] == downloads


def test_a_file_that_appears_during_the_download_is_not_overwritten(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    async def download(self: AsyncSeedanceClient, job: Any, path: Any, **options: Any) -> Path:
        result = await ORIGINAL_DOWNLOAD(self, job, path, **options)
        (out / "clip-0.mp4").write_bytes(USER_FILE)  # someone saves a file there meanwhile
        return result

    monkeypatch.setattr(AsyncSeedanceClient, "download", download)
    result = run(sim, out, write_jobs(tmp_path / "jobs.jsonl", prompts(1)))
    assert result.states() == {"clip-0": "succeeded"}
    assert "exists and was not written by this batch" in entry(result.report, "clip-0")["error"]
    assert (out / "clip-0.mp4").read_bytes() == USER_FILE
    assert sorted(path.name for path in out.iterdir()) == [FILENAME, "clip-0.mp4"]
    with Manifest(out) as manifest:
        row = manifest.get("clip-0")
        assert row is not None
        assert row.file is None


def test_place_never_replaces_a_file_without_overwrite(tmp_path: Path) -> None:
    staged, target = tmp_path / ".v.mp4.download", tmp_path / "v.mp4"
    staged.write_bytes(b"new")
    target.write_bytes(b"old")
    assert place(staged, target, overwrite=False) is False
    assert target.read_bytes() == b"old"
    assert not staged.exists()
    staged.write_bytes(b"new")
    assert place(staged, target, overwrite=True) is True
    assert target.read_bytes() == b"new"
    assert not staged.exists()


def test_inspect_compares_size_mtime_and_content(tmp_path: Path) -> None:
    path = tmp_path / "v.mp4"
    assert inspect(path, None) is Verdict.MISSING
    path.write_bytes(b"video")
    assert inspect(path, None) is Verdict.FOREIGN
    record = digest(path)
    assert record == FileRecord(5, record.sha256, path.stat().st_mtime_ns)
    assert inspect(path, record) is Verdict.OURS
    path.write_bytes(b"Video")
    os.utime(path, ns=(record.mtime_ns + 1, record.mtime_ns + 1))
    assert inspect(path, record) is Verdict.CHANGED


# --- ids ----------------------------------------------------------------------------------------
def test_ids_that_differ_only_by_case_are_rejected_by_line(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [{"id": "Clip1", "prompt": "a"}, {"id": "clip1", "prompt": "b"}],
    )
    first = run(sim, out, jobs)
    problems = {problem.line: problem.message for problem in first.problems}
    assert problems == {
        2: "id 'clip1' differs from id 'Clip1' (line 1) only by case: both would write the same"
        " file on macOS and Windows; give it another id"
    }
    assert first.by_line() == {1: "downloaded", 2: "invalid"}

    # An id an earlier run recorded counts too, even when it is no longer in the file.
    later = run(sim, out, write_jobs(tmp_path / "jobs.jsonl", [{"id": "CLIP1", "prompt": "c"}]))
    assert [problem.line for problem in later.problems] == [1]
    assert "differs from id 'Clip1', recorded by an earlier run (line 1), only by case" in (
        later.problems[0].message
    )
    assert sim.counters["creates_accepted"] == 1


# --- the manifest -------------------------------------------------------------------------------
def _raw(out: Path) -> sqlite3.Connection:
    return sqlite3.connect(out / FILENAME, isolation_level=None)


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE requests SET state = 'submitted'", "is 'submitted' without a job id"),
        (
            "UPDATE requests SET state = 'downloaded', job_id = 'j', video_url = 'https://x/v'",
            "is 'downloaded' without a record of its file (size and SHA-256)",
        ),
        ("UPDATE requests SET state = 'succeeded', job_id = 'j'", "is 'succeeded' without a video"),
        ("UPDATE requests SET state = 'paused'", "has the unknown state 'paused' (known: pending,"),
        ("UPDATE requests SET request = 'not json'", "has a request that is not a JSON object"),
        ("UPDATE requests SET id = '../escape'", "has an id that cannot name a file"),
    ],
    ids=[
        "submitted-no-job",
        "downloaded-no-record",
        "succeeded-no-url",
        "unknown-state",
        "bad-request",
        "bad-id",
    ],
)
def test_an_impossible_manifest_state_is_one_line_naming_the_row(
    tmp_path: Path, sql: str, problem: str
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "cat", "prompt": "a cat"}])
    with Manifest(out) as manifest:
        manifest.record([(1, "cat", '{"prompt":"a cat"}')])
    with _raw(out) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")  # as a hand edit would
        db.execute(sql)
    result = CliRunner().invoke(app, batch_command(jobs, out))
    assert result.exit_code == 2, result.output
    line = one_line(result)
    row = "'../escape'" if "escape" in sql else "'cat'"
    assert line.startswith(f"error: {out / FILENAME}: the row of id {row} (line 1) {problem}")
    assert line.endswith("the manifest was edited or damaged: correct or delete that row (or use"
                         " another --out), then run again")  # fmt: skip


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE requests (
    id TEXT PRIMARY KEY, line INTEGER NOT NULL, request TEXT NOT NULL, state TEXT NOT NULL,
    job_id TEXT, video_url TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL, updated_at REAL NOT NULL
);
INSERT INTO meta VALUES ('schema_version', '1'), ('provider', 'genray'), ('simulated', 'false');
"""


def test_a_schema_1_manifest_is_migrated_and_keeps_working(sim: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    with _raw(out) as db:
        db.executescript(V1_SCHEMA)
        for n, state in enumerate(["downloaded", "downloaded", "pending"]):
            request = json.dumps({"prompt": f"shot {n} of a lighthouse"}, separators=(",", ":"))
            url = "https://files.seedance-simulator.test/files/none.mp4"
            db.execute(
                "INSERT INTO requests (id, line, request, state, job_id, video_url, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
                (f"clip-{n}", n + 1, request, state, "job" if state != "pending" else None, url),
            )
    (out / "clip-0.mp4").write_bytes(SAMPLE_MP4)  # what the schema-1 run wrote; clip-1's is gone

    with Manifest(out) as manifest:
        assert manifest.meta("schema_version") == "2"
        rows = {row.id: row for row in manifest.rows()}
    assert rows["clip-0"].state == "downloaded"
    assert rows["clip-0"].file == digest(out / "clip-0.mp4")
    assert rows["clip-1"].state == "succeeded"  # its file is missing: to be downloaded again
    assert rows["clip-2"].state == "pending"

    downloads = sim.counters["downloads"]
    result = run(sim, out, jobs)
    assert set(result.states().values()) == {"downloaded"}
    assert sim.counters["downloads"] == downloads + 2  # clip-1 again, clip-2
    assert sim.counters["creates_accepted"] == 1  # clip-2


def test_a_manifest_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Manifest(out):
        pass
    with _raw(out) as db:
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    result = CliRunner().invoke(app, batch_command(jobs, out))
    assert result.exit_code == 2
    assert one_line(result) == (
        f"error: {out / FILENAME} was written by a newer seedance (manifest schema 3; this"
        " version reads up to 2): upgrade seedance, or use another --out"
    )


# --- a full disk, and the unexpected ------------------------------------------------------------
@pytest.fixture
def disk_full_once(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first download meets a full disk, as the client reports it."""
    calls: list[str] = []

    async def download(self: AsyncSeedanceClient, job: Any, path: Any, **options: Any) -> Path:
        calls.append(str(path))
        if len(calls) == 1:
            cause = OSError(errno.ENOSPC, "No space left on device")
            raise DownloadError(f"cannot write {path}: No space left on device") from cause
        return await ORIGINAL_DOWNLOAD(self, job, path, **options)

    monkeypatch.setattr(AsyncSeedanceClient, "download", download)
    return calls


def test_a_full_disk_stops_new_jobs_and_the_run_resumes_later(
    sim: Simulator, tmp_path: Path, disk_full_once: list[str]
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(4))
    first = run(sim, out, jobs, concurrency=1)
    states = first.states()
    assert states["clip-0"] == "succeeded"
    assert entry(first.report, "clip-0")["error"].startswith("download failed: cannot write")
    # clip-1 was already under way (its download then succeeded); nothing was sent after.
    assert states["clip-1"] == "downloaded"
    assert states["clip-2"] == states["clip-3"] == "pending"
    assert entry(first.report, "clip-2")["error"].startswith("not sent: the disk is full")
    assert any(line.startswith("sending no new requests: the disk is full") for line in first.log)
    assert sim.counters["creates_accepted"] == 2
    assert not list(out.glob(".*.download*"))

    again = run(sim, out, jobs)  # space was freed
    assert set(again.states().values()) == {"downloaded"}
    assert sim.counters["creates_accepted"] == 4


def test_disk_full_in_the_command_is_a_report_and_exit_1(
    tmp_path: Path, disk_full_once: list[str]
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    result = CliRunner().invoke(app, batch_command(jobs, tmp_path / "out", "--json"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert report["requests"][0]["state"] == "succeeded"
    assert report["requests"][0]["error"].startswith("download failed: cannot write")
    assert report["held"].startswith("the disk is full")


def test_an_unexpected_error_is_one_line_per_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def download(self: AsyncSeedanceClient, job: Any, path: Any, **options: Any) -> Path:
        if "clip-1" in str(path):
            raise RuntimeError("a bug\nover two lines")
        return await ORIGINAL_DOWNLOAD(self, job, path, **options)

    monkeypatch.setattr(AsyncSeedanceClient, "download", download)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, batch_command(jobs, out, "--json"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "ExceptionGroup" not in result.output
    assert "line 2 (clip-1): unexpected error: RuntimeError: a bug over two lines" in result.stderr
    report = json.loads(result.stdout)
    assert [e["state"] for e in report["requests"]] == ["downloaded", "succeeded", "downloaded"]
    assert report["unexpected_errors"] == ["unexpected error: RuntimeError: a bug over two lines"]
    # The manifest is consistent: the next run downloads what is missing, sends nothing again.
    monkeypatch.setattr(AsyncSeedanceClient, "download", ORIGINAL_DOWNLOAD)
    again = CliRunner().invoke(app, batch_command(jobs, out, "--json"))
    assert again.exit_code == 0, again.output


def test_an_unexpected_error_during_a_create_leaves_it_unknown(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def submit(self: AsyncSeedanceClient, request: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(AsyncSeedanceClient, "submit", submit)
    result = run(sim, tmp_path / "out", write_jobs(tmp_path / "jobs.jsonl", prompts(1)))
    assert result.states() == {"clip-0": "unknown"}
    assert entry(result.report, "clip-0")["error"] == (
        "unexpected error: RuntimeError: boom (during the create call: it may have been"
        " accepted); --resubmit-unknown sends it again"
    )
    assert result.batch.unexpected == ["unexpected error: RuntimeError: boom"]


def test_a_manifest_that_cannot_record_a_download_stays_consistent(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up under the manifest right after the video was moved into place: the
    next run finds the file as recorded and takes it as downloaded, without fetching it again."""
    update = Manifest.update
    failed: list[str] = []

    def full(self: Manifest, request_id: str, state: str, **fields: Any) -> Any:
        if state == "downloaded" and not failed:
            failed.append(request_id)
            raise sqlite3.OperationalError("database or disk is full")
        if failed and fields.get("error", "").startswith("unexpected error"):
            raise sqlite3.OperationalError("database or disk is full")
        return update(self, request_id, state, **fields)

    monkeypatch.setattr(Manifest, "update", full)
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    first = run(sim, out, jobs)
    assert first.states() == {"clip-0": "succeeded"}
    assert any(
        "unexpected error: OperationalError: database or disk is full (not recorded in the"
        " manifest: database or disk is full)" in line
        for line in first.log
    )
    monkeypatch.setattr(Manifest, "update", update)
    downloads = sim.counters["downloads"]
    again = run(sim, out, jobs)
    assert again.states() == {"clip-0": "downloaded"}
    assert sim.counters["downloads"] == downloads


def test_no_verify_reaches_the_download(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    async def download(self: AsyncSeedanceClient, job: Any, path: Any, **options: Any) -> Path:
        seen.append(options.get("verify"))
        return await ORIGINAL_DOWNLOAD(self, job, path, **options)

    monkeypatch.setattr(AsyncSeedanceClient, "download", download)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    result = CliRunner().invoke(app, batch_command(jobs, tmp_path / "out", "--no-verify"))
    assert result.exit_code == 0, result.output
    assert seen == [False]
