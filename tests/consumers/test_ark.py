"""The official Ark SDKs against their platform's simulator, over real HTTP on 127.0.0.1.

BytePlus ``byteplus-python-sdk-v2`` (``byteplussdkarkruntime``) against the ModelArk simulator,
and Volcengine ``volcengine-ark-runtime`` (``volcenginesdkarkruntime``) against the Volcengine Ark
simulator (specs/volcengine/openapi.yaml: ModelArk's curated spec with Volcengine's servers and
``doubao-`` model ids), each driven with its own documented calls
(``client.content_generation.tasks.create/get/list/delete``) and the model ids of its platform.
Every request it sends must validate against its platform's curated spec, and every answer must
parse into its own types. Where a client does what the documents do not show, the test names the
overlay action (the docs/drift.md row) that makes the curated spec accept it: ModelArk's, which
Volcengine's spec extends. Each SDK's tests skip unless it is installed (``nox -s
consumers`` installs one per venv, pinned).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from .conftest import API_KEY, Served

SDKS = ("byteplussdkarkruntime", "volcenginesdkarkruntime")
if not any(importlib.util.find_spec(name) for name in SDKS):
    pytest.skip(
        "no official Ark SDK installed (nox -s consumers installs them)", allow_module_level=True
    )

# Each SDK's platform: the simulator it is served by and the model ids it lists.
PLATFORMS = {
    "byteplussdkarkruntime": (
        "modelark",
        "seedance-1-0-pro-250528",
        "seedance-1-0-lite-i2v-250428",
    ),
    "volcenginesdkarkruntime": (
        "volcengine",
        "doubao-seedance-1-0-pro-250528",
        "doubao-seedance-1-0-lite-i2v-250428",
    ),
}
PROMPT = "A kitten yawns at the camera, then curls up to sleep."
FIRST_FRAME = "https://example.com/first-frame.png"
CREATE = "$.components.schemas.CreateTaskRequest"

Explained = Callable[..., str]


@pytest.fixture(params=SDKS)
def sdk(request: pytest.FixtureRequest) -> Any:
    """The SDK's module (its `Ark` client and its `_exceptions`)."""
    return pytest.importorskip(str(request.param))


@pytest.fixture
def served(sdk: Any, serve: Callable[[str], Served]) -> Served:
    return serve(PLATFORMS[sdk.__name__][0])


@pytest.fixture
def text_model(sdk: Any) -> str:
    return PLATFORMS[sdk.__name__][1]


@pytest.fixture
def image_model(sdk: Any) -> str:
    return PLATFORMS[sdk.__name__][2]


@pytest.fixture
def ark(sdk: Any, served: Served) -> Iterator[Any]:
    """`Ark` as the SDK documents it, pointed at the simulator."""
    with sdk.Ark(base_url=served.base_url, api_key=API_KEY) as client:
        yield client
    served.assert_all_valid()


def test_each_sdk_talks_to_its_own_platforms_simulator(sdk: Any, served: Served) -> None:
    provider = PLATFORMS[sdk.__name__][0]
    assert served.simulator.provider == provider
    server = served.simulator.spec.document["servers"][0]["url"]
    # The SDK's own default base URL is the server of the spec its requests are validated against.
    constants = importlib.import_module(f"{sdk.__name__}._constants")
    assert constants.BASE_URL.rstrip("/") == server.rstrip("/")


def test_the_plainest_text_to_video_create_is_accepted(
    ark: Any, served: Served, explained_by: Explained, text_model: str
) -> None:
    created = ark.content_generation.tasks.create(
        model=text_model, content=[{"type": "text", "text": PROMPT}]
    )
    assert created.id.startswith("cgt-")
    (exchange,) = served.calls("POST")
    body = exchange.json()
    # The SDK sends every option it has, an unset one as null; the documents show none of that.
    unset = {key for key, value in body.items() if value is None}
    assert {"resolution", "ratio", "duration", "frames", "seed", "service_tier"} <= unset
    explained_by("modelark", f"{CREATE}.properties.resolution", "null", "Tasks.create")
    explained_by("modelark", f"{CREATE}.properties.service_tier", "null")
    explained_by("modelark", f"{CREATE}.properties.ratio", "null")
    # Both `frames` and `duration` are present (as null): the exclusion counts a null as absent.
    explained_by("modelark", f"{CREATE}.not", "counts a null as absent")
    # Options only the SDK has (no provider page documents them).
    assert {"output_format", "omni_reference_task_type"} <= unset
    explained_by("modelark", f"{CREATE}.properties.output_format", "only the official SDK")


def test_an_image_to_video_create_with_options_is_accepted_and_read_back(
    sdk: Any, ark: Any, served: Served, explained_by: Explained, image_model: str
) -> None:
    tasks = ark.content_generation.tasks
    options: dict[str, Any] = {
        "resolution": "720p",
        "ratio": "adaptive",
        "duration": 5,
        "seed": 42,
        "camera_fixed": False,
        "watermark": False,
        "return_last_frame": True,
        "service_tier": "default",
        "execution_expires_after": 3600,
        "safety_identifier": "end-user-42",
    }
    if "tools" in inspect.signature(tasks.create).parameters:  # the Volcengine SDK only
        options["tools"] = [{"type": "web_search"}]
        explained_by("modelark", f"{CREATE}.properties.tools", "has no `tools`")
    created = tasks.create(
        model=image_model,
        content=[
            {"type": "text", "text": PROMPT},
            {"type": "image_url", "image_url": {"url": FIRST_FRAME}, "role": "first_frame"},
        ],
        **options,
    )
    assert created.id.startswith("cgt-")
    # The create answer echoes the end-user id (ContentGenerationTaskID.safety_identifier).
    assert created.safety_identifier == "end-user-42"
    explained_by("modelark", "$.components.schemas.TaskCreated.properties.safety_identifier")
    served.finish()
    task = tasks.get(task_id=created.id)
    assert (task.id, task.model, task.status) == (created.id, image_model, "succeeded")
    assert task.content.video_url.startswith(served.root)
    assert task.content.last_frame_url
    assert (task.resolution, task.duration, task.seed) == ("720p", 5, 42)
    assert task.safety_identifier == "end-user-42"
    assert task.usage.completion_tokens > 0


def test_get_follows_a_task_from_queued_to_a_downloadable_video(
    ark: Any, served: Served, text_model: str
) -> None:
    tasks = ark.content_generation.tasks
    created = tasks.create(model=text_model, content=[{"type": "text", "text": PROMPT}])
    assert tasks.get(task_id=created.id).status == "queued"
    served.clock.advance(served.simulator.queue_seconds + 1)
    running = tasks.get(task_id=created.id)
    assert running.status == "running"
    assert running.content is None
    served.finish()
    task = tasks.get(task_id=created.id)
    assert task.status == "succeeded"
    assert task.error is None
    video = httpx.get(task.content.video_url)
    assert video.status_code == 200
    assert video.content[4:8] == b"ftyp"


def test_list_pages_and_filters_typed_tasks(ark: Any, served: Served, text_model: str) -> None:
    tasks = ark.content_generation.tasks
    ids = [
        tasks.create(model=text_model, content=[{"type": "text", "text": f"{PROMPT} {n}"}]).id
        for n in range(3)
    ]
    served.finish()
    page = tasks.list(page_num=1, page_size=2)
    assert page.total == 3
    assert len(page.items) == 2
    chosen = tasks.list(status="succeeded", task_ids=ids[:2], model=text_model)
    assert chosen.total == 2
    assert {item.id for item in chosen.items} == set(ids[:2])
    for item in chosen.items:
        assert item.status == "succeeded"
        assert item.content.video_url.startswith(served.root)
    # The SDK sends one `filter.task_ids` pair per id, as the spec's exploded array says.
    (listed,) = [call for call in served.calls("GET") if "filter.task_ids" in call.query]
    assert listed.query.count("filter.task_ids=") == 2
    assert tasks.list(page_size=500).total == 3  # Volcengine's list page: page_size up to 500


def test_delete_cancels_a_queued_task_and_deletes_a_finished_one(
    sdk: Any, ark: Any, served: Served, explained_by: Explained, text_model: str
) -> None:
    errors = importlib.import_module(f"{sdk.__name__}._exceptions")
    tasks = ark.content_generation.tasks
    queued = tasks.create(model=text_model, content=[{"type": "text", "text": PROMPT}])
    answer = tasks.delete(queued.id)
    # Annotated `-> None`, the SDK parses the answer as a task: the documented `{}` parses.
    assert getattr(answer, "id", None) is None
    explained_by("modelark", "$.components.schemas.TaskDeleted", "{}", "cast_to")
    assert tasks.get(task_id=queued.id).status == "cancelled"
    finished = tasks.create(model=text_model, content=[{"type": "text", "text": PROMPT}])
    served.finish()
    tasks.delete(finished.id)
    with pytest.raises(errors.ArkNotFoundError):
        tasks.get(task_id=finished.id)
    assert all(call.status == 200 for call in served.calls("DELETE"))


def test_a_request_the_spec_refuses_comes_back_as_the_sdks_own_error(
    sdk: Any, served: Served, text_model: str
) -> None:
    errors = importlib.import_module(f"{sdk.__name__}._exceptions")
    with (
        sdk.Ark(base_url=served.base_url, api_key=API_KEY, max_retries=0) as client,
        pytest.raises(errors.ArkBadRequestError) as raised,
    ):
        client.content_generation.tasks.create(
            model=text_model, content=[{"type": "text", "text": PROMPT}], ratio="2:1"
        )
    assert raised.value.status_code == 400
    assert raised.value.code == "InvalidParameter"
    (refused,) = served.rejected()
    assert refused.json()["ratio"] == "2:1"
