"""Contract testing against the real providers: free probes, paid runs, a validating proxy and
recorded traffic, every answer checked against the curated spec.

>>> from seedance.contract import verify
>>> result = verify("genray", api_key="sk_live_...")          # doctest: +SKIP
>>> result.exit_code(), [f.kind for f in result.findings]      # doctest: +SKIP

Needs the ``testing`` extra (jsonschema, starlette, uvicorn for the proxy).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._check import SpecChecker
from ._findings import KINDS, Exchange, Finding
from ._verify import (
    EXIT_DRIFT,
    Probe,
    VerifyResult,
    exchange_of,
    findings_json,
    probes,
    provider_base_url,
    provider_key,
    verify,
)  # fmt: skip

if TYPE_CHECKING:
    from ._cassettes import Recorder
    from ._proxy import ValidatingProxy

__all__ = [
    "EXIT_DRIFT", "KINDS", "Exchange", "Finding", "Probe", "Recorder", "SpecChecker",
    "ValidatingProxy", "VerifyResult", "exchange_of", "findings_json", "probes",
    "provider_base_url", "provider_key", "verify",
]  # fmt: skip

# Loaded on first use: the proxy needs starlette (and uvicorn to serve it), cassettes PyYAML.
_LAZY = {"Recorder": "._cassettes", "ValidatingProxy": "._proxy"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name], __name__), name)
