"""What the contract suites share: the providers with a simulator, and the counts they report."""

from __future__ import annotations

from collections import Counter

import pytest

from seedance import registry

API_KEY = "sk_test"

# Schemathesis cases run against the simulator, per "provider METHOD /path".
SCHEMATHESIS_CASES: Counter[str] = Counter()
# Stateful steps, per provider, and how many of them followed an OpenAPI link.
STATEFUL_STEPS: Counter[str] = Counter()
LINKED_STEPS: Counter[str] = Counter()
# Requests the facade sent that openapi-core validated against the curated spec, per provider.
VALIDATED_REQUESTS: Counter[str] = Counter()


def simulated_providers() -> list[str]:
    """Every registered provider with a simulator shape (seedance.registry), sorted."""
    return [unit.name for unit in registry.providers().values() if unit.shape is not None]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report what the contract suites ran, per provider."""
    if not (SCHEMATHESIS_CASES or STATEFUL_STEPS or VALIDATED_REQUESTS):
        return
    terminalreporter.section("contract suites")
    for provider in sorted({key.split(" ")[0] for key in SCHEMATHESIS_CASES} | set(STATEFUL_STEPS)):
        cases = {k: v for k, v in SCHEMATHESIS_CASES.items() if k.split(" ")[0] == provider}
        terminalreporter.write_line(
            f"{provider}: {len(cases)} operations, {sum(cases.values())} schemathesis cases,"
            f" {STATEFUL_STEPS[provider]} stateful steps ({LINKED_STEPS[provider]} along links)"
        )
    for provider, count in sorted(VALIDATED_REQUESTS.items()):
        terminalreporter.write_line(
            f"{provider}: {count} facade requests validated by openapi-core"
        )
