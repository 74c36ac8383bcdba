"""``python -m benchmarks [--quick] [--only NAME ...] [--out FILE]``: run the benchmarks.

Each module ``benchmarks/bench_<name>.py`` defines ``run(quick: bool) -> dict`` returning its
measurements (plain JSON values). Results are printed and written to ``--out`` (JSON), so that
BENCHMARKS.md can quote them with the command that produced them. ``--quick`` is a smoke run
small enough for CI; the full run is what BENCHMARKS.md reports.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import time
from pathlib import Path
from typing import Any


def discover() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        module.name.removeprefix("bench_")
        for module in pkgutil.iter_modules([str(here)])
        if module.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names to run")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args(argv)
    names = args.only or discover()
    results: dict[str, Any] = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "quick": args.quick,
    }
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        result = module.run(quick=args.quick)
        result["wall_seconds"] = round(time.perf_counter() - started, 2)
        results[name] = result
        print(json.dumps(result, indent=2), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
