"""AnyFast's own Python SDK (``anyfast`` 0.0.1 on PyPI) against the Anyfast simulator, over HTTP.

The SDK is driven with its own documented calls (``client.video.generate_async``,
``client.video.query_task`` and ``client.video.run``, with the request bodies of its README's
Seedance examples). Every request it sends must validate against the curated spec, and the answers
must be usable: a task id and, in the task the SDK hands back, the status and the video URL.

Where the SDK contradicts Anyfast's documents the test names the overlay action (the docs/drift.md
row) that explains it. The big one: the SDK's ``TaskStatus`` reads ``status`` at the top level of
the query answer, where neither documented shape carries an upper-case word (the wrapped shape has
it under ``data``, the flat shape in lower case), so ``is_completed()`` never turns true and
``video.run()`` polls until its timeout; the task itself is in the raw answer the SDK keeps
(``TaskStatus.data``). The SDK's tests skip unless ``anyfast`` is installed; the last one, the
facade sending the same kinds of references, always runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from seedance import JobStatus, SeedanceClient, VideoRequest
from seedance.testing.providers.anyfast import AnyfastShape

from .conftest import API_KEY, Served

PROMPT = "A cat playing with a ball"
FRAME = "https://example.com/frame.jpg"
SCHEMAS = "$.components.schemas"

Explained = Callable[..., str]


@pytest.fixture
def sdk() -> Any:
    """The ``anyfast`` package: its `AnyFast` client and its exceptions."""
    return pytest.importorskip("anyfast")


@pytest.fixture
def served(serve: Callable[[str], Served]) -> Served:
    return serve("anyfast")


@pytest.fixture
def client(sdk: Any, served: Served) -> Iterator[Any]:
    """`AnyFast` as the SDK's README configures it, pointed at the simulator."""
    yield sdk.AnyFast(api_key=API_KEY, base_url=served.base_url)
    served.assert_all_valid()


def _shape(served: Served) -> AnyfastShape:
    shape = served.simulator.shape
    assert isinstance(shape, AnyfastShape)
    return shape


def _text_to_video(**options: Any) -> dict[str, Any]:
    """The README's Seedance example."""
    return {
        "model": "seedance",
        "content": [{"type": "text", "text": PROMPT}],
        "resolution": "720p",
        "ratio": "16:9",
        "duration": 5,
        **options,
    }


def test_generate_async_then_query_task_follows_the_task_to_a_video(
    client: Any, served: Served, explained_by: Explained
) -> None:
    created = client.video.generate_async(**_text_to_video())
    # The 2.0 models' create answer carries `id` and `task_id`; the SDK reads `task_id` first.
    assert created.task_id
    assert created.data["task_id"] == created.data["id"] == created.task_id
    explained_by("anyfast", f"{SCHEMAS}.TaskCreated", "anyfast 0.0.1", "GenerationResponse")
    # `seedance` is the README's model id, one of the spec's examples (not an enum).
    explained_by("anyfast", f"{SCHEMAS}.VideoGenerationRequest.properties.model", "anyfast 0.0.1")

    first = client.video.query_task(created.task_id)
    # The SDK looks for `status` at the top level; the documented wrapped answer has it under
    # `data`, so the SDK's own view is empty and the task is in the raw answer it keeps.
    assert first.status == ""
    assert not first.is_completed()
    assert not first.is_processing()
    explained_by("anyfast", f"{SCHEMAS}.WrappedTaskState", "top level", "anyfast 0.0.1")
    task = first.data["data"]
    assert (first.data["code"], task["task_id"], task["status"]) == (
        "success",
        created.task_id,
        "NOT_START",
    )

    served.clock.advance(served.simulator.queue_seconds + 1)
    assert client.video.query_task(created.task_id).data["data"]["status"] == "IN_PROGRESS"
    served.finish()
    done = client.video.query_task(created.task_id).data["data"]
    assert (done["status"], done["progress"]) == ("SUCCESS", "100%")
    assert done["result_url"].startswith(served.root)
    video = httpx.get(done["result_url"])
    assert video.status_code == 200
    assert video.content[4:8] == b"ftyp"


@pytest.mark.parametrize("status_shape", ["wrapped", "flat"])
def test_run_cannot_see_the_end_of_a_task_in_either_documented_shape(
    client: Any,
    served: Served,
    status_shape: str,
    monkeypatch: pytest.MonkeyPatch,
    explained_by: Explained,
) -> None:
    """``video.run`` stops only on a top-level SUCCESS or FAILURE: against either documented
    status shape it polls a finished task until its timeout (the drift of WrappedTaskState)."""
    shape = _shape(served)
    shape.status_shape = "flat" if status_shape == "flat" else "wrapped"
    # `_poll` sleeps with time.sleep and times out on time.time: both run on the simulator clock.
    video_module = importlib.import_module("anyfast.resources.video")
    now = SimpleNamespace(value=0.0)

    def sleep(seconds: float) -> None:
        now.value += seconds
        served.clock.advance(seconds)

    monkeypatch.setattr(video_module, "time", SimpleNamespace(sleep=sleep, time=lambda: now.value))

    with pytest.raises(TimeoutError):
        client.video.run(_text_to_video(), poll_interval=5.0, timeout=120.0)

    (job,) = served.simulator.jobs.values()
    assert job.phase(served.clock.now()) == "succeeded"
    last = served.calls("GET", "/v1/video/generations/")[-1]
    assert last.status == 200
    assert b"SUCCESS" in last.response or b"succeeded" in last.response
    explained_by("anyfast", f"{SCHEMAS}.WrappedTaskState", "video.run()", "timeout")


def test_image_to_video_with_a_role_is_accepted(client: Any, explained_by: Explained) -> None:
    """The README's image-to-video example: an image item with ``role: first_frame``."""
    created = client.video.generate_async(
        model="seedance",
        content=[
            {"type": "text", "text": "Make it come alive"},
            {"type": "image_url", "image_url": {"url": FRAME}, "role": "first_frame"},
        ],
    )
    assert created.task_id
    explained_by("anyfast", f"{SCHEMAS}.ImageUrlContent", "anyfast 0.0.1", "first_frame")


def test_video_and_audio_references_with_asset_ids_are_accepted(
    client: Any, explained_by: Explained
) -> None:
    """Multi-modal references as client code sends them through the SDK's pass-through kwargs:
    video and audio items with roles, an ``asset://`` id among them."""
    created = client.video.generate_async(
        model="seedance-2.0",
        content=[
            {"type": "text", "text": "@image1 dances to @audio1 like in @video1"},
            {"type": "image_url", "image_url": {"url": FRAME}, "role": "reference_image"},
            {
                "type": "video_url",
                "video_url": {"url": "asset://asset-20260101-7f3c2"},
                "role": "reference_video",
            },
            {
                "type": "audio_url",
                "audio_url": {"url": "https://example.com/music.mp3"},
                "role": "reference_audio",
            },
        ],
        resolution="4k",
        ratio="adaptive",
        duration=15,
        generate_audio=True,
        watermark=False,
    )
    assert created.task_id
    explained_by("anyfast", f"{SCHEMAS}.VideoUrlContent", "hypit-ai/hypit")
    explained_by("anyfast", f"{SCHEMAS}.VideoUrl", "asset://", "never Base64")
    explained_by("anyfast", f"{SCHEMAS}.VideoGenerationRequest", "4k is 2.0 only")


def test_a_request_the_spec_refuses_is_the_sdks_bad_request_error(sdk: Any, served: Served) -> None:
    client = sdk.AnyFast(api_key=API_KEY, base_url=served.base_url)
    # 4k is seedance-2.0's only (the spec's per-model rule); a Base64 video is no URL.
    with pytest.raises(sdk.BadRequestError) as raised:
        client.video.generate_async(**_text_to_video(resolution="4k"))
    assert raised.value.status == 400
    assert raised.value.code
    assert str(raised.value)
    with pytest.raises(sdk.BadRequestError):
        client.video.generate_async(
            **_text_to_video(
                model="seedance-2.0",
                content=[
                    {"type": "text", "text": PROMPT},
                    {"type": "video_url", "video_url": {"url": "data:video/mp4;base64,AAAA"}},
                ],
            )
        )
    assert len(served.rejected()) == 2
    assert served.simulator.counters["creates_accepted"] == 0


def test_a_wrong_key_is_the_sdks_authentication_error(sdk: Any, served: Served) -> None:
    client = sdk.AnyFast(api_key="sk-not-this-one", base_url=served.base_url)
    with pytest.raises(sdk.AuthenticationError) as raised:
        client.video.generate_async(**_text_to_video())
    assert raised.value.status == 401
    assert served.simulator.counters["creates_accepted"] == 0


def test_the_facade_sends_frames_and_references_as_content_items_with_roles(
    served: Served, explained_by: Explained
) -> None:
    """What the SDK's users send by hand, the facade builds from a `VideoRequest` (seedance-2.0)."""
    with SeedanceClient("anyfast", base_url=served.base_url, api_key=API_KEY) as client:
        framed = client.submit(
            VideoRequest(
                prompt=PROMPT,
                model="seedance-2.0",
                first_frame=FRAME,
                last_frame="https://example.com/last.jpg",
                resolution="4k",
                duration=15,
            )
        )
        referenced = client.submit(
            VideoRequest(
                prompt=PROMPT,
                model="seedance-2.5",
                reference_images=[FRAME],
                reference_videos=["asset://asset-20260101-7f3c2"],
                reference_audios=["https://example.com/music.mp3"],
                duration=30,
            )
        )
        served.finish()
        assert client.get(framed.id).status is JobStatus.SUCCEEDED
        assert client.get(referenced.id).status is JobStatus.SUCCEEDED
    served.assert_all_valid()
    first, second = (call.json() for call in served.calls("POST"))
    assert [item.get("role") for item in first["content"]] == [None, "first_frame", "last_frame"]
    assert [item["type"] for item in second["content"]] == [
        "text",
        "image_url",
        "video_url",
        "audio_url",
    ]
    assert [item.get("role") for item in second["content"][1:]] == [
        "reference_image",
        "reference_video",
        "reference_audio",
    ]
    explained_by("anyfast", f"{SCHEMAS}.AudioUrlContent", "hypit-ai/hypit")
