"""What keeps secrets out of messages, logs and files: the functions the package itself uses,
for programs (and the ``seedance`` command) that print or store what it returns.

>>> from seedance.redaction import redact, redact_url, register_secret
>>> register_secret("sk_live_EXAMPLE_not_a_key")
>>> redact("rejected key sk_live_EXAMPLE_not_a_key")
'rejected key ***'
>>> redact_url("https://cdn.example.com/v.mp4?X-Amz-Signature=abc")
'https://cdn.example.com/v.mp4?***'
"""

from __future__ import annotations

import logging

from ._config import _REDACT, key_problem
from ._redact import MASK, redact, redact_url, redact_value, register_secret

__all__ = [
    "MASK",
    "REDACTING_FILTER",
    "key_problem",
    "redact",
    "redact_url",
    "redact_value",
    "register_secret",
]

REDACTING_FILTER: logging.Filter = _REDACT
"""A `logging.Filter` that redacts every registered secret from a record (add it to a handler)."""
