"""docs/drift.md shows every overlay action with what the docs said and what the spec says."""

from __future__ import annotations

from conftest import PROVIDERS
from drift import drift_rows, render_drift_report
from pipeline import Provider, curate


def test_every_action_of_every_provider_has_a_row(provider: Provider) -> None:
    spec = curate(provider)
    rows = drift_rows(spec)
    evidence = {row[3] for row in rows}
    for step in spec.actions:
        description = " ".join(str(step.action["description"]).split())
        assert f"{step.kind}: {description}" in evidence, step.describe()


def test_a_value_moved_by_an_earlier_action_still_shows_what_the_docs_said() -> None:
    (siray,) = [provider for provider in PROVIDERS if provider.name == "siray"]
    rows = {row[0]: row for row in drift_rows(curate(siray))}
    size = rows["$.components.schemas.VideoGenerationRequest.properties.size.enum[3]"]
    assert size[1:3] == ('`"4k"`', "*removed*")
    required = rows["$.components.schemas.VideoGenerationRequest.required"]
    assert '"images"' not in required[1]
    assert '"images"' in required[2]


def test_the_report_indexes_every_provider() -> None:
    report = render_drift_report([curate(provider) for provider in PROVIDERS])
    for provider in PROVIDERS:
        assert f"\n## {provider.name}\n" in report
        assert f"| [{provider.name}](#{provider.name}) |" in report
