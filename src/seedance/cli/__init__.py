"""The ``seedance`` command (also ``python -m seedance``), installed by ``seedance[cli]``.

Commands live in modules that register themselves on `app`: ``_app`` (the app and ``simulate``),
``_providers``, ``_create``, ``_commands`` (status, wait, download, cancel), ``_extras`` (the
provider extras) over ``_session`` (one invocation and its steps), ``_options`` (the shared
options, exit codes) and ``_failure`` (error messages, JSON errors), and ``_batch`` (batch, which
runs a ``_batch_run.Batch``), ``_contract`` (verify, proxy). What they run on (clock, network,
simulated world) is a `Runtime`, given as the invocation's context object (``_runtime``); the
options every job command shares are added by ``_options.job_command``.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from ._runtime import Runtime  # needs no package of the extra: usable without it

__all__ = ["INSTALL_HINT", "Runtime", "app", "main"]

INSTALL_HINT = "pip install 'seedance[cli]'"
# The packages of the `cli` extra and theirs: the console script is installed without the extra
# (a wheel's scripts cannot depend on one), so a missing one must read as "install the extra".
_CLI_PACKAGES = frozenset({"typer", "click", "shellingham", "rich", "pygments", "markdown_it"})

try:
    from . import _batch, _commands, _contract, _create, _extras, _providers
    from ._app import app
except ModuleNotFoundError as error:
    if (error.name or "").partition(".")[0] not in _CLI_PACKAGES:
        raise
    _missing: str | None = error.name
else:
    _missing = None
    del _batch, _commands, _contract, _create, _extras, _providers


def _needs_extra() -> str:
    return f"seedance: the command needs its extra: {INSTALL_HINT} (no module named {_missing!r})"


def __getattr__(name: str) -> NoReturn:
    if name == "app" and _missing is not None:
        raise ImportError(_needs_extra())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Run the command; without the ``cli`` extra, say in one line what to install (exit 1)."""
    if _missing is not None:
        sys.exit(_needs_extra())
    from ._app import main as run

    run()
