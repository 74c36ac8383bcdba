"""Every CLI test keeps its simulated jobs (``--simulated``'s state file) in its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedance.cli._simulated import STATE_DIR_ENV


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not the user's cache folder: a test's simulated jobs are its own (a subprocess is given
    the variable by its test)."""
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
