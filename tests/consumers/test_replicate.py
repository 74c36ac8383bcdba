"""Replicate's official Python client (``replicate`` 1.0.7 on PyPI) against the Replicate
simulator, over real HTTP.

The client is driven through its documented flow: ``replicate.run`` (which creates on the model's
own path with ``Prefer: wait`` and then polls), ``predictions.create`` by model and by
``version="owner/name"``, ``Prediction.reload``/``wait``/``cancel``, the default webhook secret and
``webhooks.validate`` on a delivery the simulator signed. Every request it sends must validate
against the curated spec, and every answer must parse in its own ``Prediction`` type. The tests
skip unless ``replicate`` is installed (``nox -s consumers``); the last one always runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from seedance import JobStatus, SeedanceClient, VideoRequest, parse_webhook

from .conftest import API_KEY, Served

MODEL = "bytedance/seedance-2.0"
PROMPT = "A paper crane unfolds itself and flies out of the window."
INPUT = {"prompt": PROMPT, "duration": 5, "resolution": "480p", "aspect_ratio": "16:9"}

Explained = Callable[..., str]


@pytest.fixture
def sdk() -> Any:
    """The ``replicate`` package."""
    return pytest.importorskip("replicate")


@pytest.fixture
def served(serve: Callable[[str], Served]) -> Served:
    return serve("replicate")


@pytest.fixture
def client(sdk: Any, served: Served, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """`replicate.Client` as its README builds it (a token), pointed at the simulator's root: the
    client writes the ``/v1`` of every path itself. It polls every 0.01 s instead of 0.5 s."""
    monkeypatch.setenv("REPLICATE_POLL_INTERVAL", "0.01")
    yield sdk.Client(api_token=API_KEY, base_url=served.root)
    served.assert_all_valid()


def test_predictions_create_by_model_then_wait_reaches_the_video(
    client: Any, served: Served
) -> None:
    prediction = client.predictions.create(model=MODEL, input=INPUT)
    assert prediction.status == "starting"
    assert prediction.model == MODEL
    assert prediction.input == INPUT
    (create,) = served.calls("POST", "/predictions")
    assert create.path == "/v1/models/bytedance/seedance-2.0/predictions"
    served.finish()
    prediction.wait()
    assert prediction.status == "succeeded"
    assert prediction.output.endswith(f"{prediction.id}.mp4")
    assert prediction.metrics["predict_time"] > 0


def test_predictions_create_by_version_name_is_what_the_facade_sends(
    client: Any, served: Served, explained_by: Explained
) -> None:
    # POST /predictions with version "owner/name": Replicate's changelog of 2025-08-05.
    explained_by("replicate", "$.components.schemas.PredictionRequest", "2025-08-05")
    prediction = client.predictions.create(version="bytedance/seedance-1-lite", input=INPUT)
    (create,) = served.calls("POST", "/predictions")
    assert create.path == "/v1/predictions"
    assert create.json() == {"version": "bytedance/seedance-1-lite", "input": INPUT}
    assert client.predictions.get(prediction.id).status == "starting"


def test_run_holds_the_request_with_prefer_wait_then_polls_to_the_output(
    client: Any, served: Served, explained_by: Explained
) -> None:
    explained_by("replicate", "$.paths['/predictions']", "Prefer")
    result: dict[str, Any] = {}

    def run() -> None:
        result["output"] = client.run(MODEL, input=INPUT, use_file_output=False)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 10
    while not served.simulator.jobs and time.monotonic() < deadline:
        time.sleep(0.01)
    served.finish()
    worker.join(timeout=10)
    assert not worker.is_alive(), "run() never saw the prediction end"
    (job_id,) = served.simulator.jobs
    assert result["output"].endswith(f"{job_id}.mp4")
    assert served.calls("GET", f"/predictions/{job_id}"), "run() polled the prediction"


def test_cancel_ends_a_running_prediction(client: Any, served: Served) -> None:
    prediction = client.predictions.create(model=MODEL, input=INPUT)
    prediction.cancel()
    assert prediction.status == "canceled"
    served.finish()
    prediction.reload()
    assert prediction.status == "canceled"
    assert prediction.output is None


def test_a_failed_prediction_carries_its_error(client: Any, served: Served) -> None:
    prediction = client.predictions.create(
        model=MODEL, input={**INPUT, "prompt": "simulate:fail content review"}
    )
    served.finish()
    prediction.wait()
    assert prediction.status == "failed"
    assert prediction.error


def test_a_bad_token_is_a_problem_details_error(sdk: Any, served: Served) -> None:
    bad = sdk.Client(api_token="r8_not_a_key", base_url=served.root)
    with pytest.raises(sdk.exceptions.ReplicateError) as raised:
        bad.predictions.create(model=MODEL, input=INPUT)
    assert raised.value.status == 401
    assert raised.value.title == "Unauthenticated"


def test_the_official_validator_accepts_the_simulators_signed_webhook(
    client: Any, sdk: Any, served: Served
) -> None:
    secret = client.webhooks.default.secret()
    assert secret.key.startswith("whsec_")
    prediction = client.predictions.create(
        model=MODEL,
        input=INPUT,
        webhook="http://127.0.0.1:9/hook",
        webhook_events_filter=["completed"],
    )
    served.finish()
    job = served.simulator.jobs[prediction.id]
    headers, body = served.simulator.shape.webhook(job, served.clock.now())
    sdk.webhooks.validate(headers=headers, body=body.decode(), secret=secret, tolerance=300)
    # ... and so does the facade, with the same secret.
    verified = parse_webhook("replicate", body, headers, secret=secret.key)
    assert verified.signature_verified
    assert verified.status is JobStatus.SUCCEEDED


def test_the_facade_drives_the_same_simulator(served: Served) -> None:
    with SeedanceClient("replicate", api_key=API_KEY, base_url=served.base_url) as facade:
        job = facade.submit(VideoRequest(prompt=PROMPT, resolution="720p", duration=5))
        served.finish()
        assert facade.get(job).status is JobStatus.SUCCEEDED
    served.assert_all_valid()
