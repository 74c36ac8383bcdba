"""Fixtures shared by every suite: the project's providers and the ../shared/ evidence folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import ROOT, Provider, discover_providers
from support.counters import PROPERTY_CASES

SHARED = ROOT.parent / "shared"
PROVIDERS = discover_providers()


def shared_path(*parts: str) -> Path:
    """A file or folder under ../shared/: a failure in CI when missing, a skip elsewhere."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: the tests read the evidence in ../shared/"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(params=PROVIDERS, ids=[provider.name for provider in PROVIDERS])
def provider(request: pytest.FixtureRequest) -> Provider:
    """Each registered provider with a spec folder (seedance.registry), as the pipeline sees it."""
    assert isinstance(request.param, Provider)
    return request.param


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how many generated bodies each round-trip property test ran."""
    if PROPERTY_CASES:
        terminalreporter.section("round-trip property cases")
        for name, count in sorted(PROPERTY_CASES.items()):
            terminalreporter.write_line(f"{name}: {count}")
        terminalreporter.write_line(f"total: {sum(PROPERTY_CASES.values())}")
