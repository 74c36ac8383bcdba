"""What ``import seedance`` loads: a sync program never pays for asyncio (issue 12, item 3)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import seedance


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return done.stdout.strip()


def test_import_seedance_leaves_asyncio_unloaded() -> None:
    code = "import sys, seedance; print(sorted(m for m in sys.modules if m.startswith('asyncio')))"
    assert _fresh(code) == "[]"


def test_import_seedance_loads_no_provider_client() -> None:
    """A provider's generated client (and its extension) loads with the first client of it."""
    code = (
        "import sys, seedance; print(sorted(m for m in sys.modules"
        " if m.startswith('seedance_') or m == 'seedance._extensions'))"
    )
    assert _fresh(code) == "[]"
    code = (
        "import sys, seedance;"
        " seedance.SeedanceClient('genray', api_key='sk_live_EXAMPLE_key').genray;"
        " print('seedance_genray' in sys.modules, 'seedance_fal' in sys.modules)"
    )
    assert _fresh(code) == "True False"


def test_the_async_client_loads_on_first_use() -> None:
    code = (
        "import sys, seedance; before = 'seedance._async_client' in sys.modules;"
        " from seedance import AsyncSeedanceClient;"
        " print(before, AsyncSeedanceClient.__module__, 'asyncio' in sys.modules)"
    )
    assert _fresh(code) == "False seedance._async_client True"


def test_the_lazy_name_is_public_api_like_the_others() -> None:
    from seedance._async_client import AsyncSeedanceClient

    assert seedance.AsyncSeedanceClient is AsyncSeedanceClient
    assert "AsyncSeedanceClient" in seedance.__all__
    assert "AsyncSeedanceClient" in dir(seedance)
    with pytest.raises(AttributeError, match="NoSuchThing"):
        _ = seedance.NoSuchThing
