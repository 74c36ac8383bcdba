"""The README's main job as a new user runs it: one real process, no key, no network."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline import ROOT

KEY_VARIABLES = ("GENRAY_API_KEY", "SEEDANCE_STATE_DIR")


def test_create_simulated_wait_output_writes_a_valid_mp4(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in KEY_VARIABLES}
    env["PYTHONPATH"] = os.pathsep.join(str(ROOT / part) for part in ("src", "generated"))
    env["SEEDANCE_STATE_DIR"] = str(tmp_path / "state")
    video = tmp_path / "cat.mp4"
    done = subprocess.run(
        [
            sys.executable, "-m", "seedance", "create", "--simulated",
            "--prompt", "a cat cooking pasta", "--wait", "--output", str(video),
        ],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert video.read_bytes()[4:8] == b"ftyp"
    assert "Created genray job" in done.stderr
    assert "succeeded" in done.stderr  # the wait's final status line
    assert f"saved     {video}" in done.stdout
    assert (tmp_path / "state" / "simulator-genray.json").is_file()
