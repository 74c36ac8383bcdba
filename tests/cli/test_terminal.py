"""The command as a person at a terminal meets it: run as a real process on a pseudo-terminal
(stdlib `pty`), every test bounded in time. The live batch view on a terminal and the plain log
in a pipe; Ctrl-C during a wait (exit 130, naming the job and the command that resumes it)."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")

ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(str(ROOT / part) for part in ("src", "generated")),
    "COLUMNS": "120",
    "LINES": "40",
    "TERM": "xterm-256color",
}
for _name in ("NO_COLOR", "FORCE_COLOR", "CI", "GITHUB_ACTIONS"):
    ENV.pop(_name, None)  # rich would not draw live displays under these
# The child's own session, with the pseudo-terminal as its controlling terminal: Ctrl-C written
# to the terminal then reaches it as SIGINT, as at a shell.
_ON_TTY = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0);"
    " os.execv(sys.executable, [sys.executable, '-m', 'seedance', *sys.argv[1:]])"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal:
    """``python -m seedance ARGS`` on a pseudo-terminal; everything it wrote, read as it goes."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        master, slave = os.openpty()
        self.master = master
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ON_TTY, *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.raw = b""

    def read_until(self, pattern: str, timeout: float) -> str:
        """Read until *pattern* (a regex) shows in the text without escape codes."""
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            left = deadline - time.monotonic()
            assert left > 0, f"no {pattern!r} within {timeout}s in:\n{self.text[-3000:]}"
            if not self._read(min(left, 0.5)) and self.process.poll() is not None:
                assert re.search(pattern, self.text), f"exited without {pattern!r}:\n{self.text}"
        return self.text

    def finish(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self._read(0.2)
            if not got and self.process.poll() is not None:
                return self.process.returncode
        self.process.kill()
        raise AssertionError(f"still running after {timeout}s:\n{self.text[-3000:]}")

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the other end closed
            return False
        self.raw += chunk
        return bool(chunk)

    @property
    def text(self) -> str:
        return ANSI.sub("", self.raw.decode(errors="replace")).replace("\r", "\n")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self.master)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**ENV, "SEEDANCE_STATE_DIR": str(tmp_path / "state")}


def jobs_file(tmp_path: Path, count: int) -> Path:
    jobs = tmp_path / "jobs.jsonl"
    lines = [{"id": f"clip-{n}", "prompt": f"shot {n}"} for n in range(count)]
    jobs.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return jobs


def test_batch_on_a_terminal_is_a_live_view(tmp_path: Path, env: dict[str, str]) -> None:
    jobs = jobs_file(tmp_path, 3)
    out = tmp_path / "out"
    terminal = Terminal(
        "batch", str(jobs), "-p", "genray", "--simulated", "--out", str(out), env=env
    )
    try:
        terminal.read_until(r"batch .*\d/3", timeout=60)
        code = terminal.finish(timeout=120)
    finally:
        terminal.close()
    text = terminal.text
    assert code == 0, text
    # The bar, the counts by kind, the time left, then the report.
    assert "━" in text
    assert re.search(r"\d+ done · .*\d+ (running|queued)", text), text
    assert "ETA" in text
    assert re.search(r"3/3 +3 done", text), text
    assert "3 requests: 3 downloaded" in text
    assert "submitted, job" not in text  # routine events are the bar's, not a scrolling log
    assert sorted(path.name for path in out.glob("*.mp4")) == [f"clip-{n}.mp4" for n in range(3)]


def test_batch_in_a_pipe_is_the_plain_log(tmp_path: Path, env: dict[str, str]) -> None:
    jobs = jobs_file(tmp_path, 2)
    result = subprocess.run(
        [sys.executable, "-m", "seedance", "batch", str(jobs), "-p", "genray", "--simulated",
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "line 1 (clip-0): submitted, job " in result.stdout
    assert "ETA" not in result.stdout + result.stderr  # no live view
    assert "\x1b[" not in result.stdout + result.stderr


def test_ctrl_c_during_a_wait_names_the_job_and_how_to_resume(
    tmp_path: Path, env: dict[str, str]
) -> None:
    video = tmp_path / "cat.mp4"
    terminal = Terminal(
        "create", "--simulated", "--prompt", "a cat", "--output", str(video), env=env
    )
    try:
        created = terminal.read_until(r"Created genray job (\S+)", timeout=60)
        job_id = re.search(r"Created genray job (\S+)", created)[1]  # type: ignore[index]
        terminal.read_until(r"genray job (queued|running)", timeout=30)
        terminal.type(b"\x03")  # Ctrl-C, as typed
        code = terminal.finish(timeout=30)
    finally:
        terminal.close()
    assert code == 130, terminal.text
    line = next(line for line in terminal.text.splitlines() if line.startswith("interrupted"))
    assert line == (
        f"interrupted: genray job {job_id} goes on; resume with: seedance wait {job_id}"
        f" --provider genray --simulated --output {video}"
    )
    assert not video.exists()


def test_deleting_a_finished_job_asks_on_a_terminal(tmp_path: Path, env: dict[str, str]) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "seedance", *args, "-p", "modelark", "--simulated"],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip

    job_id = json.loads(run("create", "--prompt", "a cat", "--json").stdout)["id"]
    assert run("wait", job_id, "--json").returncode == 0
    declined = Terminal("cancel", job_id, "--delete", "-p", "modelark", "--simulated", env=env)
    try:
        declined.read_until(r"Delete its record \(and its video\)\? \[y/N\]", timeout=30)
        declined.type(b"n\n")
        assert declined.finish(timeout=30) == 1
    finally:
        declined.close()
    assert "not deleted" in declined.text
    assert run("status", job_id).returncode == 0  # still there
    confirmed = Terminal("cancel", job_id, "--delete", "-p", "modelark", "--simulated", env=env)
    try:
        confirmed.read_until(r"\[y/N\]", timeout=30)
        confirmed.type(b"y\n")
        assert confirmed.finish(timeout=30) == 0
    finally:
        confirmed.close()
    assert f"Deleted the record of modelark job {job_id} (succeeded)." in confirmed.text
    assert run("status", job_id).returncode == 7


def test_batch_log_on_a_terminal_is_the_plain_log(tmp_path: Path, env: dict[str, str]) -> None:
    jobs = jobs_file(tmp_path, 1)
    terminal = Terminal(
        "batch", str(jobs), "-p", "genray", "--simulated", "--out", str(tmp_path / "o"), "--log",
        env=env,
    )  # fmt: skip
    try:
        code = terminal.finish(timeout=120)
    finally:
        terminal.close()
    assert code == 0, terminal.text
    assert "line 1 (clip-0): submitted, job " in terminal.text
    assert "ETA" not in terminal.text
