"""Contract testing against the real providers: free probes, paid runs, a validating proxy and
recorded traffic, every answer checked against the curated spec.

>>> from seedance.contract import verify
>>> result = verify("genray", api_key="sk_live_...")          # doctest: +SKIP
>>> result.exit_code(), [f.kind for f in result.findings]      # doctest: +SKIP

Needs the ``testing`` extra (jsonschema, starlette, uvicorn for the proxy).
"""

from __future__ import annotations

from ._check import SpecChecker
from ._findings import KINDS, Exchange, Finding
from ._verify import EXIT_DRIFT, Probe, VerifyResult, exchange_of, findings_json, probes, verify

__all__ = [
    "EXIT_DRIFT", "KINDS", "Exchange", "Finding", "Probe", "SpecChecker", "VerifyResult",
    "exchange_of", "findings_json", "probes", "verify",
]  # fmt: skip
