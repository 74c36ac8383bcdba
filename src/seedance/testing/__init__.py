"""Offline stand-ins for the providers: simulators that speak each curated spec.

>>> from seedance.testing import Simulator
>>> sim = Simulator("genray")
>>> client = sim.client()            # a SeedanceClient talking to the simulator in-process

See `Simulator` for the job life cycle, `Fault` for injected failures, `SimulatorServer` to
serve simulators over HTTP (``seedance simulate``), `Simulator.state` (``GET /_simulator/state``)
for what a simulator did, `video_for` for the MP4s it serves.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._clock import Clock, ManualClock, RealClock
from ._faults import Fault, Faults
from ._jobs import FAIL_MARKER, SimJob

if TYPE_CHECKING:
    from ._drift import DRIFT_KINDS
    from ._pipeline import STATE_PATH
    from ._server import SimulatorServer
    from ._simulator import Simulator, WebhookDelivery
    from ._videos import VideoFormat, mp4_format, video_for

__all__ = [
    "DRIFT_KINDS",
    "FAIL_MARKER",
    "STATE_PATH",
    "Clock",
    "Fault",
    "Faults",
    "ManualClock",
    "RealClock",
    "SimJob",
    "Simulator",
    "SimulatorServer",
    "VideoFormat",
    "WebhookDelivery",
    "mp4_format",
    "video_for",
]

INSTALL_HINT = "the seedance simulator needs its packages: pip install 'seedance[testing]'"
# The simulator needs the `testing` extra (starlette, openapi-core, ...); the pytest plugin lives
# in this package and is loaded by every pytest run where seedance is installed, so nothing here
# may import those packages until the simulator itself is asked for.
_LAZY = {
    "Simulator": "._simulator",
    "WebhookDelivery": "._simulator",
    "SimulatorServer": "._server",
    "STATE_PATH": "._pipeline",
    "DRIFT_KINDS": "._drift",
    # No extra needed, but loaded on first use all the same: the plugin reads nothing it needs not.
    "VideoFormat": "._videos",
    "mp4_format": "._videos",
    "video_for": "._videos",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = importlib.import_module(_LAZY[name], __name__)
    except ImportError as error:
        raise ImportError(f"{INSTALL_HINT} ({error})") from error
    return getattr(module, name)
