"""fal's official Python client (``fal-client`` 1.0.3 on PyPI) against the fal simulator, over HTTP.

The client is driven through its documented queue flow (fal's queue page and the client's README:
``submit`` -> ``status`` -> ``get``, ``SyncClient.status/result/cancel`` by endpoint id and
request id). It builds its URLs on ``https://queue.fal.run`` and then follows the ``status_url``
and ``response_url`` the submit answer gives; a transport of this test sends the first hop to the
simulator's address, nothing else is changed. Every request it sends must validate against the
curated spec (authentication included: ``Authorization: Key <key>``), and its answers must parse
in its own types (``Queued``, ``InProgress``, ``Completed``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from .conftest import API_KEY, Served

ENDPOINT = "bytedance/seedance-2.0/image-to-video"
STATUS = "$.paths['/{owner}/{alias}/requests/{request_id}/status'].get"
V1 = "fal-ai/bytedance/seedance/v1/pro/fast/text-to-video"
IMAGE = "https://example.com/first.png"


@pytest.fixture
def fal_client() -> Any:
    return pytest.importorskip("fal_client")


@pytest.fixture
def served(serve: Callable[[str], Served]) -> Served:
    return serve("fal")


class _ToSimulator(httpx.BaseTransport):
    """Sends what the client addresses to fal's queue host to the simulator instead."""

    def __init__(self, base_url: str) -> None:
        self.base = httpx.URL(base_url)
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "queue.fal.run":
            path = self.base.path.rstrip("/") + request.url.path
            request.url = request.url.copy_with(
                scheme=self.base.scheme, host=self.base.host, port=self.base.port, path=path
            )
        return self.inner.handle_request(request)


@pytest.fixture
def client(fal_client: Any, served: Served) -> Iterator[Any]:
    """`fal_client.SyncClient(key=...)`, its own HTTP client routed to the simulator."""
    client = fal_client.SyncClient(key=API_KEY)
    own = client._client  # built by the client: its Authorization and User-Agent headers
    client.__dict__["_client"] = httpx.Client(
        transport=_ToSimulator(served.base_url),
        headers=own.headers,
        timeout=own.timeout,
        follow_redirects=True,
    )
    served.exchanges.clear()
    yield client
    served.assert_all_valid()


def test_submit_status_result_as_documented(
    fal_client: Any, client: Any, served: Served, explained_by: Callable[..., str]
) -> None:
    handle = client.submit(
        ENDPOINT, arguments={"prompt": "a paper crane", "image_url": IMAGE, "duration": "5"}
    )
    sent = served.calls("POST", ENDPOINT)[0]
    assert sent.json() == {"prompt": "a paper crane", "image_url": IMAGE, "duration": "5"}
    assert isinstance(handle.status(), fal_client.Queued)
    served.finish()
    done = handle.status(with_logs=True)  # sent as logs=true: a bool, not the documented 1
    assert served.calls("GET", "/status")[-1].query == "logs=true"
    explained_by("fal", STATUS, "fal-client", "bool")
    assert isinstance(done, fal_client.Completed)
    assert done.error is None
    result = handle.get()
    assert result["video"]["url"].endswith(".mp4")
    # By endpoint id and request id, as the client's module functions do (owner/alias only).
    assert isinstance(client.status(ENDPOINT, handle.request_id), fal_client.Completed)
    assert client.result(ENDPOINT, handle.request_id) == result


def test_a_failed_request_reads_as_completed_with_an_error(
    fal_client: Any, client: Any, served: Served
) -> None:
    handle = client.submit(V1, arguments={"prompt": "simulate:fail a storm"})
    served.finish()
    status = handle.status()
    assert isinstance(status, fal_client.Completed)
    assert status.error


def test_cancel_a_queued_request(fal_client: Any, client: Any, served: Served) -> None:
    handle = client.submit(V1, arguments={"prompt": "a lighthouse", "resolution": "480p"})
    handle.cancel()
    assert served.calls("PUT", "/cancel")[0].status == 200
    assert isinstance(handle.status(), fal_client.Completed)


def test_its_requests_name_the_app_not_the_endpoint(client: Any, served: Served) -> None:
    handle = client.submit(V1, arguments={"prompt": "a lighthouse"})
    client.status(V1, handle.request_id)
    (status_call,) = [c for c in served.calls("GET", "/status")]
    assert status_call.path.endswith(f"/fal-ai/bytedance/requests/{handle.request_id}/status")
