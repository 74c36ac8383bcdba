"""The ``seedance`` command (also ``python -m seedance``).

Commands live in modules that register themselves on `app`: ``_app`` (the app and ``simulate``),
``_commands`` (providers, create, status, wait, download, cancel), ``_extras`` (the provider
extras) over ``_session`` (options, errors, exit codes), and
``_batch`` (batch, which runs a ``_batch_run.Batch``), ``_contract`` (verify, proxy).
"""

from __future__ import annotations

from . import _batch, _commands, _contract, _extras
from ._app import app, main

__all__ = ["app", "main"]
del _batch, _commands, _contract, _extras
