"""Helpers of the speed benchmarks (overhead, imports, download, pipeline): stdlib only.

Stdlib only because worker processes import it from other environments (the official SDK's venv).
``python -m benchmarks._support serve ...`` runs a simulator server in its own process, so that
the client being measured does not share a process (or the GIL) with the server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The official BytePlus SDK lives in its own venv, never in the project's environment. Its
# declared dependencies are incomplete: it needs these too to import.
SDK_PACKAGE = "byteplus-python-sdk-v2"
SDK_EXTRAS = ("httpx", "sniffio", "anyio", "distro", "pydantic")
SDK_VENV = Path(os.environ.get("SEEDANCE_BENCH_SDK_VENV", "/tmp/seedance-bench-ark-sdk"))


def project_env(**extra: str) -> dict[str, str]:
    """The environment of a subprocess that imports the project (``PYTHONPATH=src:generated``)."""
    paths = [str(ROOT / "src"), str(ROOT / "generated")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), **extra}


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # Another benchmark (or anything else) running beside this one shows here.
    return {"nproc": os.cpu_count(), "cpu": cpu, "loadavg_1m_at_start": os.getloadavg()[0]}


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def summary(seconds: Sequence[float], unit: float = 1e6) -> dict[str, float]:
    """Median and spread of *seconds*, in microseconds by default."""
    ordered = sorted(seconds)

    def pick(quantile: float) -> float:
        return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]

    return {
        "median": round(statistics.median(ordered) * unit, 1),
        "p10": round(pick(0.10) * unit, 1),
        "p90": round(pick(0.90) * unit, 1),
        "n": len(ordered),
    }


def ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 3) if denominator else float("nan")


def spread(values: Sequence[float], digits: int = 3) -> dict[str, float]:
    """Median, quartiles and range of per-round (or per-repetition) figures, and their count."""
    ordered = sorted(values)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else [ordered[0]] * 3
    return {
        "median": round(statistics.median(ordered), digits),
        "q1": round(quartiles[0], digits),
        "q3": round(quartiles[2], digits),
        "min": round(ordered[0], digits),
        "max": round(ordered[-1], digits),
        "n": len(ordered),
    }


def balanced_orders(count: int) -> list[list[int]]:
    """Orders of *count* variants (a Williams design) in which, over all of them, every variant
    runs at every position and right after every other variant equally often.

    A plain rotation keeps each variant's predecessor fixed (with four, raw httpx always ran right
    after the official SDK), so anything one variant leaves behind (a busier server, a core still
    busy) would always land on the same next one.
    """
    if count < 2:
        return [list(range(count))]
    base, low, high = [0], 1, count - 1
    while len(base) < count:
        base.append(low)
        low += 1
        if len(base) < count:
            base.append(high)
            high -= 1
    orders = [[(each + shift) % count for each in base] for shift in range(count)]
    if count % 2:  # an odd count needs the mirror images too to balance the predecessors
        orders += [order[::-1] for order in orders]
    return orders


# --- the official SDK's venv ------------------------------------------------------------------
def sdk_python(*, create: bool) -> tuple[Path | None, str]:
    """The official SDK's venv interpreter, creating the venv when *create* and it is missing.

    Returns (python or None, a note saying what was done or why there is none).
    """
    python = SDK_VENV / "bin" / "python"
    probe = [str(python), "-c", "import byteplussdkarkruntime"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python, f"existing venv {SDK_VENV}"
    if not create:
        return None, f"skipped: no SDK venv at {SDK_VENV} (the full run creates it)"
    started = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(SDK_VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, SDK_PACKAGE, *SDK_EXTRAS], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        stderr = getattr(error, "stderr", b"") or b""
        return None, f"skipped: could not create {SDK_VENV}: {error} {stderr.decode()[-500:]}"
    took = time.perf_counter() - started
    return python, f"created {SDK_VENV} in {took:.0f}s"


def sdk_version(python: Path) -> str:
    code = f"from importlib.metadata import version; print(version({SDK_PACKAGE!r}))"
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


# --- a simulator server in its own process ----------------------------------------------------
class SimulatorProcess:
    """``SimulatorServer`` for one provider in a child process; ``root`` and ``base_url`` once up.

    The child lives until its stdin is closed (``stop``), so it dies with this process.
    """

    def __init__(
        self,
        provider: str = "modelark",
        *,
        speed: float = 1.0,
        video_size: int | None = None,
        rate_limits: bool = False,
    ) -> None:
        self.command = [
            sys.executable, "-m", "benchmarks._support", "serve",
            "--provider", provider, "--speed", str(speed),
        ]  # fmt: skip
        if video_size is not None:
            self.command += ["--video-size", str(video_size)]
        if rate_limits:
            self.command.append("--rate-limits")
        self.process: subprocess.Popen[str] | None = None
        self.root = ""
        self.base_url = ""
        self.pid = 0

    def start(self) -> SimulatorProcess:
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=project_env(), text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError(f"the simulator server did not start: {self.command}")
        info = json.loads(line)
        self.root, self.base_url, self.pid = info["root"], info["base_url"], info["pid"]
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> SimulatorProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._support serve")
    parser.add_argument("--provider", default="modelark")
    parser.add_argument("--speed", type=float, default=1.0)
    parser.add_argument("--video-size", type=int, default=None)
    parser.add_argument("--rate-limits", action="store_true")
    args = parser.parse_args(argv)
    from seedance.testing import RealClock, Simulator
    from seedance.testing._server import SimulatorServer

    simulator = Simulator(
        args.provider,
        clock=RealClock(speed=args.speed),
        rate_limits=args.rate_limits,
        video_size=args.video_size,
    )
    server = SimulatorServer([simulator]).start()
    info = {
        "root": server.root(args.provider),
        "base_url": server.base_url(args.provider),
        "pid": os.getpid(),
    }
    print(json.dumps(info), flush=True)
    sys.stdin.read()  # until the parent closes our stdin (or dies)
    server.stop()
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["serve"]:
        sys.exit("usage: python -m benchmarks._support serve [--provider P] [--speed S] ...")
    sys.exit(_serve(sys.argv[2:]))
