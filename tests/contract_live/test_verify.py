"""`seedance verify` against the simulator: the faithful one conforms, each drift is named."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seedance.adapters import adapter, provider_names
from seedance.cli import app
from seedance.contract import verify
from seedance.contract._cassettes import load
from seedance.testing import Fault, Faults, Simulator
from seedance.testing._drift import DRIFT_KINDS, Drift
from seedance.testing._server import SimulatorServer

KEY = "sk_contract_live_key_0123"
PROVIDERS = list(provider_names())
# What each drift kind is reported as, and on which field (None: the finding has no field).
EXPECTED = {
    "extra-field": ("unknown_field", "drift_extra"),
    "missing-field": ("missing_field", None),
    "wrong-type": ("wrong_type", None),
    "renamed-field": ("renamed_field", None),
    "undocumented-status": ("undocumented_status", ""),
    "html-error": ("unexpected_content_type", ""),
    "unknown-status": ("unknown_enum", "status"),
}


def run(provider: str, drift: tuple[str, ...] = (), spend: int = 0, **options: object):  # type: ignore[no-untyped-def]
    simulator = Simulator(provider, api_keys=[KEY], drift=drift, **options)  # type: ignore[arg-type]
    result = verify(
        provider, api_key=KEY, http_client=simulator.http_client(), spend=spend,
        client_options={"clock": simulator.clock},
    )  # fmt: skip
    return simulator, result


FIELD_LOSS = ("missing-field", "renamed-field")


def _free_answers_require(provider: str) -> bool:
    """Whether an answer of the free probes has a field its schema requires (one to lose)."""
    _, result = run(provider)
    drift = Drift((), adapter(provider).spec)
    return any(drift._required(e.operation, e.status) for e in result.exchanges if e.operation)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_faithful_simulator_conforms(provider: str) -> None:
    _, result = run(provider)
    assert result.errors == [], result.errors
    assert result.exit_code() == 0
    assert [e.probe for e in result.exchanges][:3] == ["wrong key", "unknown job", "invalid create"]
    assert result.exchanges[0].status == 401


@pytest.mark.parametrize("kind", DRIFT_KINDS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_each_drift_is_named_with_its_operation_and_field(provider: str, kind: str) -> None:
    # unknown-status needs a job body: only a paid run (here simulated) sees one; so does a lost
    # field where no answer of the free probes has a required one (fal's error body has none).
    paid = kind == "unknown-status" or (kind in FIELD_LOSS and not _free_answers_require(provider))
    _, result = run(provider, (kind,), spend=1 if paid else 0)
    expected_kind, field = EXPECTED[kind]
    named = [f for f in result.findings if f.kind == expected_kind]
    assert named, (kind, result.findings)
    assert all(f.operation and f.request for f in named)
    if field is not None:
        assert any(f.field == field for f in named), named
    else:
        assert all(f.field for f in named), named
    if kind != "extra-field":  # an undeclared field the schema allows is a warning
        assert result.exit_code() == 13


def test_several_drifts_at_once() -> None:
    _, result = run("modelark", ("extra-field", "wrong-type"))
    assert {"unknown_field", "wrong_type"} <= {f.kind for f in result.findings}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spend_runs_the_cheapest_job_to_a_verified_download(provider: str) -> None:
    simulator, result = run(provider, spend=1)
    assert result.spend.attempts == 1
    assert result.spend.downloaded == result.spend.accepted, result.spend.failures
    assert simulator.counters["creates_accepted"] == 1
    assert result.errors == []


@pytest.mark.parametrize("kind", ["reset_after", "status", "reset_before", "malformed_json"])
def test_the_budget_is_never_exceeded_under_faults(kind: str) -> None:
    faults = Faults([Fault(kind, operation="create_task", times=5, status=503)])  # type: ignore[arg-type]
    simulator, result = run("modelark", spend=3, faults=faults)
    if kind == "reset_before":  # the free create probe finds no connection: nothing is spent
        assert result.exit_code() == 10
        assert result.spend is None
        assert simulator.counters["creates_accepted"] == 0
        return
    assert result.spend.attempts <= 3
    assert simulator.counters["creates_accepted"] <= 3
    if kind == "reset_after":
        assert result.spend.unknown == 3  # every create may have started a job: all counted


def test_a_refused_key_is_exit_4_and_never_shown() -> None:
    simulator = Simulator("genray", api_keys=["sk_the_only_good_key"])
    result = verify("genray", api_key=KEY, http_client=simulator.http_client())
    assert result.exit_code() == 4
    assert KEY not in json.dumps([f.to_dict() for f in result.findings]) + (result.problem or "")


@pytest.fixture(scope="module")
def server() -> Iterator[SimulatorServer]:
    simulators = [
        Simulator("genray", api_keys=[KEY]),
        Simulator("siray", api_keys=[KEY], drift=("wrong-type",)),
    ]
    with SimulatorServer(simulators) as served:
        yield served


def test_cli_conforms_reports_and_records(server: SimulatorServer, tmp_path: Path) -> None:
    report, cassettes = tmp_path / "report.md", tmp_path / "cassettes"
    result = CliRunner().invoke(
        app, ["verify", "-p", "genray", "--base-url", server.base_url("genray"), "--api-key", KEY,
              "--report", str(report), "--record", str(cassettes)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
    assert "# seedance verify: genray" in report.read_text()
    (cassette,) = cassettes.glob("*.yaml")
    text = cassette.read_text()
    assert KEY not in text + result.output + report.read_text()
    assert "Bearer ***" in text
    assert len(load(cassette)["interactions"]) == 5


def test_cli_drift_is_exit_13_with_json(server: SimulatorServer) -> None:
    result = CliRunner().invoke(
        app, ["verify", "-p", "siray", "--base-url", server.base_url("siray"), "--api-key", KEY,
              "--json"],
    )  # fmt: skip
    assert result.exit_code == 13, result.output
    found = json.loads(result.output)
    assert {(f["kind"], f["operation"]) for f in found["findings"]} == {
        ("wrong_type", "get_video_generation")
    }
    assert KEY not in result.output


def test_cli_missing_key_is_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GENRAY_API_KEY", raising=False)
    result = CliRunner().invoke(app, ["verify", "-p", "genray"])
    assert result.exit_code == 3


def test_cli_connection_error_is_exit_10() -> None:
    result = CliRunner().invoke(
        app, ["verify", "-p", "genray", "--base-url", "http://127.0.0.1:9", "--api-key", KEY]
    )
    assert result.exit_code == 10, result.output
