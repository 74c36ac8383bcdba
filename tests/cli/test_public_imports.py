"""The command line is built on the public API: no private name of another package (issue 10)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import seedance.cli
from pipeline import ROOT

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("src", "generated"))}

CLI = Path(seedance.cli.__file__).parent


def _private_imports(path: Path) -> list[str]:
    """``from ..x._y import z`` / ``from .. import _z``: what reaches past another package's
    public names (a module of the CLI's own package may be private)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level == 1:
            continue
        module = node.module or ""
        if node.level == 0 and not module.startswith("seedance"):
            continue
        parts = module.split(".")
        names = [alias.name for alias in node.names if not alias.name.startswith("__")]
        if any(part.startswith("_") for part in parts) or any(n.startswith("_") for n in names):
            found.append(f"{path.name}:{node.lineno}: from {'.' * node.level}{module} import ...")
    return found


def test_the_cli_imports_no_private_name_of_another_package() -> None:
    offenders = [line for path in sorted(CLI.glob("*.py")) for line in _private_imports(path)]
    assert offenders == []


def test_the_check_sees_a_private_import(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text("from .._config import resolve_api_key\nfrom ._options import X\n")
    assert _private_imports(module) == ["sample.py:1: from .._config import ..."]


def test_the_runtime_is_public_and_needs_no_package_of_the_extra() -> None:
    """`seedance.cli.Runtime` is there without typer, click or rich (a plain install)."""
    script = (
        "import sys\n"
        "for name in ('typer', 'click', 'rich'):\n"
        "    sys.modules[name] = None  # as if not installed: importing it fails\n"
        "import seedance.cli\n"
        "print(seedance.cli.Runtime().speed, 'Runtime' in seedance.cli.__all__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=ENV, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["10.0", "True"]
