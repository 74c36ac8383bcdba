"""Helpers shared by the reliability benchmarks (concurrency, polling, soak, hostile).

Nothing here changes the package: clients are given a clock (a simulator's, or `FakeTime`) to
sleep on, as any caller can.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import math
import re
import signal
import statistics
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from seedance import SeedanceError, VideoRequest, registry
from seedance.adapters import adapter, provider_names

__all__ = [
    "PROVIDERS",
    "SAMPLE_SHA256",
    "FakeTime",
    "Hang",
    "describe_exception",
    "get_operation",
    "median",
    "peak_rss_kib",
    "peak_rss_reset",
    "profile_request",
    "rss_kib",
    "sha256",
    "watchdog",
]

PROVIDERS: tuple[str, ...] = provider_names()
SAMPLE_SHA256 = hashlib.sha256(
    Path(importlib.import_module("seedance.testing").__file__ or "")
    .with_name("sample.mp4")
    .read_bytes()
).hexdigest()


def profile_request(provider: str, **changes: Any) -> VideoRequest:
    """The documented valid request of the provider's registered test profile, with *changes*."""
    # Profiles live in tests/ (registered as ``facade.profiles.<name>``), which `python -m
    # benchmarks` from the checkout does not have on its path.
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    if tests not in sys.path:
        sys.path.append(tests)
    request: VideoRequest = registry.provider(provider).load_profile().request
    return attrs.evolve(request, **changes) if changes else request


def get_operation(provider: str) -> str:
    """The operationId of the provider's status call (the simulator counts ``requests.<op>``)."""
    operation, _ = adapter(provider).get_with
    return str(operation.__name__.rsplit(".", 1)[-1])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


# --- time -------------------------------------------------------------------------------------
class FakeTime:
    """A `seedance.Clock` that only moves when the clients sleep on it."""

    real_time = False

    def __init__(self) -> None:
        self.now = 0.0
        self.slept = 0.0

    def advance(self, seconds: float) -> None:
        seconds = max(0.0, float(seconds))
        self.now += seconds
        self.slept += seconds

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.advance(seconds)


# --- hang detection ---------------------------------------------------------------------------
class Hang(BaseException):
    """Raised into the main thread by the watchdog when a call runs past its time limit."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise `Hang` in the main thread if the block runs longer than *seconds* (SIGALRM)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- memory -----------------------------------------------------------------------------------
def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return -1


def rss_kib() -> int:
    return _status_kib("VmRSS")


def peak_rss_kib() -> int:
    return _status_kib("VmHWM")


def peak_rss_reset() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS; False if not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# --- exceptions -------------------------------------------------------------------------------
_PROJECT = re.compile(r"/(src/seedance|generated/seedance_\w+)/")
_FACADE = re.compile(r"/src/seedance/")


def _frame(frame: traceback.FrameSummary) -> str:
    name = frame.filename.split("/work/main/")[-1].split("site-packages/")[-1]
    return f"{name}:{frame.lineno} ({frame.name})"


def describe_exception(error: BaseException) -> dict[str, Any]:
    """Type, message, the innermost project frame it left through and where it started."""
    frames = traceback.extract_tb(error.__traceback__)
    project = [frame for frame in frames if _PROJECT.search(frame.filename)]
    facade = [frame for frame in frames if _FACADE.search(frame.filename)]
    return {
        "type": f"{type(error).__module__}.{type(error).__qualname__}".removeprefix("builtins."),
        "message": str(error)[:200],
        "raised_at": _frame(facade[-1]) if facade else "?",
        "via": _frame(project[-1]) if project else "?",
        "origin": _frame(frames[-1]) if frames else "?",
        "seedance_error": isinstance(error, SeedanceError),
    }
