"""Offline stand-ins for the providers: simulators that speak each curated spec.

>>> from seedance.testing import Simulator
>>> sim = Simulator("genray")
>>> client = sim.client()            # a SeedanceClient talking to the simulator in-process

See `Simulator` for the job life cycle, `Fault` for injected failures.
"""

from __future__ import annotations

from ._clock import Clock, ManualClock, RealClock
from ._faults import Fault, Faults
from ._jobs import FAIL_MARKER, SimJob
from ._simulator import Simulator, WebhookDelivery

__all__ = [
    "FAIL_MARKER",
    "Clock",
    "Fault",
    "Faults",
    "ManualClock",
    "RealClock",
    "SimJob",
    "Simulator",
    "WebhookDelivery",
]
