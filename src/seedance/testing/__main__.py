"""``python -m seedance.testing``: serve provider simulators on 127.0.0.1 until interrupted."""

from __future__ import annotations

import argparse
import sys
import time

from ..adapters import provider_names
from ._clock import RealClock
from ._faults import Faults
from ._server import SimulatorServer
from ._simulator import Simulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m seedance.testing",
        description="Serve Seedance provider simulators on 127.0.0.1 (offline, spec-valid).",
    )
    parser.add_argument("--provider", choices=provider_names(), action="append",
                        help="a provider to serve (repeatable; default: all)")  # fmt: skip
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--speed", type=float, default=1.0, help="clock speed (10: 10x faster)")
    parser.add_argument("--queue-seconds", type=float, default=2.0)
    parser.add_argument("--run-seconds", type=float, default=20.0)
    parser.add_argument("--fault-rate", type=float, default=0.0, help="random faults per request")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random faults")
    args = parser.parse_args(argv)
    clock = RealClock(args.speed)
    simulators = [
        Simulator(
            provider,
            clock=clock,
            queue_seconds=args.queue_seconds,
            run_seconds=args.run_seconds,
            faults=Faults(rate=args.fault_rate, seed=args.seed),
        )
        for provider in (args.provider or provider_names())
    ]
    with SimulatorServer(simulators, port=args.port) as server:
        for simulator in simulators:
            print(f"{simulator.provider}: {server.base_url(simulator.provider)}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
