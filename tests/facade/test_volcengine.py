"""Volcengine Ark: ModelArk's API with Volcengine's client, server, key and model table, and the
capability matrix of docs/providers/volcengine.md agreeing with what the facade enforces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from seedance import InvalidRequestError, JobStatus, SeedanceClient, VideoRequest
from seedance.adapters import adapter
from seedance.adapters.modelark import VolcengineAdapter
from seedance.testing import ManualClock, Simulator

ROOT = Path(__file__).resolve().parents[2]
MATRIX = ROOT / "docs/providers/volcengine.md"
I2V = "doubao-seedance-1-0-lite-i2v-250428"
DASH = "\N{EN DASH}"  # the matrix writes ranges as 2<en dash>12


def matrix() -> dict[str, list[str]]:
    """The rows of the capability matrix: model id -> its cells."""
    rows = {}
    for line in MATRIX.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^\| `([^`]+)`", line)
        if found:
            rows[found.group(1)] = [cell.strip() for cell in line.strip("|").split("|")]
    return rows


def test_the_matrix_lists_every_model_the_adapter_knows_with_its_values_and_sources() -> None:
    caps = adapter("volcengine").capabilities
    rows = matrix()
    assert list(rows) == list(caps.models)
    for model, cells in rows.items():
        known = caps.models[model]
        assert known.durations, model
        _, durations, resolutions, frames, references, audio, draft, sources = cells
        assert durations == f"{known.durations[0]}{DASH}{known.durations[-1]}", model
        assert resolutions.startswith(", ".join(known.resolutions or ())), model
        assert ("first" in frames) == known.first_frame, model
        assert ("first+last" in frames) == known.last_frame, model
        assert (f"images 1{DASH}{known.max_reference_images}" in references) == bool(
            known.max_reference_images
        ), model
        assert (audio == "yes") == known.generate_audio, model
        assert (draft == "yes") == known.draft, model
        assert sources, model
    assert caps.default_model in rows
    assert "(default)" in MATRIX.read_text(encoding="utf-8").split(f"`{caps.default_model}`")[1]


def test_only_volcengines_ids_and_server_are_in_its_spec() -> None:
    spec = adapter("volcengine").spec
    assert [server["url"] for server in spec.document["servers"]] == [
        "https://ark.cn-beijing.volces.com/api/v3"
    ]
    text = json.dumps(spec.schema("CreateTaskRequest"))
    assert re.findall(r'"((?:seedance|dreamina)-[^"]+)"', text) == []
    assert all(model.startswith("doubao-") for model in adapter("volcengine").capabilities.models)


def test_the_key_comes_from_volcengine_api_key_then_ark_api_key() -> None:
    assert adapter("volcengine").api_key_env == ("VOLCENGINE_API_KEY", "ARK_API_KEY")
    assert adapter("volcengine").base_url == "https://ark.cn-beijing.volces.com/api/v3"


def test_every_call_goes_through_volcengines_own_generated_client() -> None:
    ark = adapter("volcengine")
    assert isinstance(ark, VolcengineAdapter)
    calls = [
        ark.create({"model": I2V, "content": []}),
        ark.get("cgt-1"),
        ark.cancel("cgt-1"),
        ark.list_jobs(status="running"),
    ]
    assert [call.operation.__name__.rsplit(".", 1)[-1] for call in calls] == [
        "create_task",
        "get_task",
        "delete_task",
        "list_tasks",
    ]
    assert all(call.operation.__name__.startswith("seedance_volcengine.") for call in calls)
    assert type(ark.create({"model": I2V, "content": []}).arguments["body"]).__module__.startswith(
        "seedance_volcengine."
    )
    webhook = ark.verify_webhook(
        json.dumps({"id": "cgt-1", "model": I2V, "status": "succeeded"}).encode(), {}, None, 0
    )
    assert (webhook.id, webhook.status, webhook.model) == ("cgt-1", JobStatus.SUCCEEDED, I2V)


def test_a_volcengine_job_runs_cancels_and_lists_on_its_simulator() -> None:
    clock = ManualClock()
    sim = Simulator("volcengine", clock=clock)
    with sim.client() as client:
        job = client.submit(
            VideoRequest(prompt="a cat", model=I2V, first_frame="https://e.com/f.png")
        )
        assert job.status is JobStatus.QUEUED
        queued = client.submit(VideoRequest(prompt="a dog"))
        client.cancel(queued.id)
        assert client.get(queued.id).status is JobStatus.CANCELLED
        clock.advance(sim.queue_seconds + sim.run_seconds + 1)
        done = client.get(job.id)
        assert done.status is JobStatus.SUCCEEDED
        assert done.model == I2V
        listed = client.modelark.list_jobs(status="succeeded")
        assert [item.id for item in listed] == [job.id]


def test_no_1080p_from_reference_images_fails_before_anything_is_sent() -> None:
    sim = Simulator("volcengine")
    with sim.client() as client:
        with pytest.raises(InvalidRequestError) as raised:
            client.submit(
                VideoRequest(
                    prompt="a cat",
                    model=I2V,
                    reference_images=["https://e.com/a.png"],
                    resolution="1080p",
                )
            )
        assert "resolution" in str(raised.value)
        assert "1080p" in str(raised.value)
        # the same from a first frame is Volcengine's documented 1080p
        client.submit(
            VideoRequest(
                prompt="a cat", model=I2V, first_frame="https://e.com/f.png", resolution="1080p"
            )
        )
    assert sim.state()["creates_accepted"] == 1


def test_a_volcengine_client_refuses_a_modelark_client_s_key_variable_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VOLCENGINE_API_KEY", raising=False)
    monkeypatch.delenv("ARK_API_KEY", raising=False)
    monkeypatch.setenv("MODELARK_API_KEY", "ark-modelark-only")
    with pytest.raises(Exception, match="VOLCENGINE_API_KEY"):
        SeedanceClient("volcengine")
    monkeypatch.setenv("ARK_API_KEY", "ark-shared")
    with SeedanceClient("volcengine") as client:
        assert client.provider == "volcengine"


def test_seedance_verify_finds_the_volcengine_simulator_conforming_and_refuses_a_wrong_key() -> (
    None
):
    from seedance.contract import verify

    key = "ark-volcengine-test-key"
    good = verify(
        "volcengine", api_key=key, http_client=Simulator("volcengine", api_keys=[key]).http_client()
    )
    assert (good.exit_code(), good.findings, good.problem) == (0, [], None)
    refused = Simulator("volcengine", api_keys=["another"])
    assert verify("volcengine", api_key=key, http_client=refused.http_client()).exit_code() == 4
