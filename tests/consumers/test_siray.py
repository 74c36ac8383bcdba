"""Siray's own Python SDK (``siray`` 0.3.0 on PyPI) against the Siray simulator, over real HTTP.

The SDK is driven with its own documented calls (``client.video.generate_async``,
``client.video.query_task`` and ``client.video.run``, as its README shows them). Every request it
sends must validate against the curated spec, and its answers must be usable: a task id, the status
words its ``TaskStatus`` understands, the video URL. Where the SDK contradicts Siray's documents
(it reads the create answer's task id at the top level, not at ``data.task_id``), the test names
the overlay action (the docs/drift.md row) that explains it. The SDK's tests skip unless ``siray``
is installed; the last one, the facade against each create answer, always runs.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from seedance import JobStatus, SeedanceClient, VideoRequest
from seedance.testing.providers.siray import CREATE_SHAPES, CreateShape, SirayShape

from .conftest import API_KEY, Served

MODEL = "bytedance/seedance-2.0-ref2v-spicy"
PROMPT = "A paper crane unfolds itself and flies out of the window."
IMAGE = "https://example.com/character.png"
CREATED = "$.components.schemas.TaskCreated"

Explained = Callable[..., str]


@pytest.fixture
def sdk() -> Any:
    """The ``siray`` package: its `Siray` client and its exceptions."""
    return pytest.importorskip("siray")


@pytest.fixture
def served(serve: Callable[[str], Served]) -> Served:
    return serve("siray")


@pytest.fixture
def client(sdk: Any, served: Served) -> Iterator[Any]:
    """`Siray` as the SDK's README builds it, pointed at the simulator."""
    yield sdk.Siray(api_key=API_KEY, base_url=served.base_url)
    served.assert_all_valid()


def _shape(served: Served) -> SirayShape:
    shape = served.simulator.shape
    assert isinstance(shape, SirayShape)
    return shape


def _request(**options: Any) -> dict[str, Any]:
    """A reference-to-video request with the fields 000_549cd8faf9634de1.txt marks required."""
    return {
        "model": MODEL,
        "prompt": PROMPT,
        "images": [IMAGE],
        "duration": 5,
        "size": "720p",
        "aspect_ratio": "16:9",
        **options,
    }


def test_generate_async_then_query_task_follows_the_task_to_a_video(
    client: Any, served: Served, explained_by: Explained
) -> None:
    created = client.video.generate_async(**_request())
    # The SDK reads the task id at the top level of the create answer, where the documents do not
    # put it (they say data.task_id); the simulator answers with both, as the spec allows.
    assert created.task_id
    assert created.raw_response["data"]["task_id"] == created.task_id
    explained_by("siray", CREATED, "siray 0.3.0", "GenerationResponse")

    queued = client.video.query_task(created.task_id)
    assert (queued.code, queued.task_id, queued.status) == ("success", created.task_id, "QUEUED")
    assert queued.is_processing()
    served.clock.advance(served.simulator.queue_seconds + 1)
    running = client.video.query_task(created.task_id)
    assert running.status == "IN_PROGRESS"
    assert running.is_processing()
    assert 0 <= running.progress_percent < 100

    served.finish()
    done = client.video.query_task(created.task_id)
    assert done.status == "SUCCESS"
    assert done.is_completed()
    assert not done.is_processing()
    assert done.progress_percent == 100
    assert done.submit_time <= done.start_time <= done.finish_time
    assert done.result is not None
    assert done.result.startswith(served.root)
    video = httpx.get(done.result)
    assert video.status_code == 200
    assert video.content[4:8] == b"ftyp"


def test_run_blocks_until_the_task_has_finished(
    sdk: Any, client: Any, served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `video.run` polls with time.sleep(poll_interval): its sleeps move the simulator's clock.
    video_module = importlib.import_module("siray.resources.video")
    fake_time = SimpleNamespace(sleep=served.clock.advance, monotonic=time.monotonic)
    monkeypatch.setattr(video_module, "time", fake_time)

    status = client.video.run(**_request(), poll_interval=3.0, timeout=600)

    assert status.is_completed()
    assert status.outputs == [
        served.simulator.video_url(next(iter(served.simulator.jobs.values())))
    ]
    polls = served.calls("GET", "/v1/video/generations/")
    assert len(polls) >= 2
    assert all(poll.status == 200 for poll in polls)


def test_a_failed_task_reads_as_failed_with_its_reason(client: Any, served: Served) -> None:
    created = client.video.generate_async(**_request(prompt="simulate:fail " + PROMPT))
    served.finish()
    status = client.video.query_task(created.task_id)
    assert status.status == "FAILURE"
    assert status.is_failed()
    assert not status.is_processing()
    assert status.fail_reason


def test_the_documented_create_answer_leaves_the_sdk_without_a_task_id(
    client: Any, served: Served, explained_by: Explained
) -> None:
    """With only the documented ``{code, message, data: {task_id}}``, the SDK finds no id: the
    split that the curated spec's TaskCreated (and the facade) cope with."""
    _shape(served).create_shape = "documented"
    created = client.video.generate_async(**_request())
    assert created.task_id == ""
    assert created.raw_response["data"]["task_id"]
    explained_by("siray", CREATED, "data.task_id", "top level")


def test_a_flat_create_answer_is_what_the_sdk_reads(
    client: Any, served: Served, explained_by: Explained
) -> None:
    _shape(served).create_shape = "flat"
    created = client.video.generate_async(**_request())
    assert created.task_id
    assert "data" not in created.raw_response
    explained_by("siray", CREATED, "task_id", "siray-ai/siray-node")
    served.finish()
    assert client.video.query_task(created.task_id).is_completed()


def test_references_of_every_kind_are_accepted(client: Any) -> None:
    created = client.video.generate_async(
        **_request(
            images=[IMAGE] * 9,
            videos=["https://example.com/motion.mp4"] * 3,
            audios=["https://example.com/voice.mp3"] * 3,
            audio_enable=True,
            seed=-1,
        )
    )
    assert created.task_id


def test_4k_which_only_the_openapi_document_lists_is_the_sdks_bad_request_error(
    sdk: Any, served: Served, explained_by: Explained
) -> None:
    """001 lists size 4k, the reference page does not: the curated spec keeps the sizes both
    accept, and the SDK gets the refusal as its own error, read from the spec's envelope."""
    client = sdk.Siray(api_key=API_KEY, base_url=served.base_url)
    with pytest.raises(sdk.BadRequestError) as raised:
        client.video.generate_async(**_request(size="4k"))
    explained_by("siray", "$.components.schemas.VideoGenerationRequest.properties.size", "4k")
    # The SDK reads {error: {message, code, type}} (siray/base_client.py), the spec's envelope.
    assert raised.value.status_code == 400
    assert raised.value.error_type == "invalid_request_error"
    assert raised.value.code
    assert "size" in raised.value.message
    (refused,) = served.rejected()
    assert refused.json()["size"] == "4k"
    assert served.simulator.counters["creates_accepted"] == 0


def test_a_wrong_key_is_the_sdks_authentication_error(sdk: Any, served: Served) -> None:
    client = sdk.Siray(api_key="sk-not-this-one", base_url=served.base_url)
    with pytest.raises(sdk.AuthenticationError) as raised:
        client.video.generate_async(**_request())
    assert raised.value.status_code == 401
    assert served.simulator.counters["creates_accepted"] == 0


@pytest.mark.parametrize("create_shape", CREATE_SHAPES)
def test_the_facade_reads_the_task_id_from_either_place(
    served: Served, create_shape: CreateShape, explained_by: Explained
) -> None:
    """Where Siray's sources split (TaskCreated), the facade reads the id from either place."""
    _shape(served).create_shape = create_shape
    explained_by("siray", CREATED, "siray 0.3.0")
    with SeedanceClient("siray", base_url=served.base_url, api_key=API_KEY) as client:
        job = client.submit(
            VideoRequest(
                prompt=PROMPT,
                model=MODEL,
                duration=5,
                resolution="720p",
                aspect_ratio="16:9",
                reference_images=[IMAGE],
            )
        )
        assert job.id in served.simulator.jobs
        served.finish()
        done = client.get(job.id)
    assert done.status is JobStatus.SUCCEEDED
    assert done.video_url is not None
    assert done.video_url.startswith(served.root)
    served.assert_all_valid()
