"""Every recorded answer, replayed through the facade, becomes a `Job` or a typed error.

The cassettes in ``cassettes/`` (vcrpy's YAML format, scrubbed) were recorded by ``seedance
verify --record`` (against the simulator here; against a provider, they are evidence an overlay
action cites: docs/CURATING.md). Each interaction's answer is served to the facade operation
that asked for it through an `httpx.MockTransport`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from seedance import Job, SeedanceClient
from seedance._errors import SeedanceError
from seedance.adapters import adapter
from seedance.contract._cassettes import load
from seedance.contract._spend import cheapest_request

CASSETTES = sorted((Path(__file__).parent / "cassettes").glob("*.yaml"))
KEY = "sk_replay_key_0123456"


def interactions() -> list[Any]:
    found = []
    for path in CASSETTES:
        document = load(path)
        for number, item in enumerate(document["interactions"]):
            found.append(pytest.param(document["provider"], item, id=f"{path.stem}#{number}"))
    return found


def call_for(provider: str, operation: str) -> Callable[[SeedanceClient], Any] | None:
    """The facade call that sends *operation* (None: an operation the facade does not wrap)."""
    known = adapter(provider)
    if operation == known.create_operation:
        return lambda client: client.submit(cheapest_request(provider))
    if operation == known.get_with[0].__name__.rsplit(".", 1)[-1]:
        return lambda client: client.get("00000000-0000-4000-8000-0000000000ff")
    calls: dict[str, Callable[[SeedanceClient], Any]] = {
        "list_tasks": lambda client: client.modelark.list_jobs(),
        "get_account": lambda client: client.genray.account(),
        "list_api_keys": lambda client: client.genray.list_api_keys(),
    }
    return calls.get(operation)


def test_there_are_cassettes() -> None:
    assert len(CASSETTES) >= 3


@pytest.mark.parametrize(("provider", "item"), interactions())
def test_each_recorded_answer_becomes_a_job_or_a_typed_error(provider: str, item: Any) -> None:
    call = call_for(provider, item["seedance"]["operation"])
    if call is None:
        pytest.skip(f"{item['seedance']['operation']}: no facade call")
    recorded = item["response"]
    headers = [(name, value) for name, values in recorded["headers"].items() for value in values]
    body = recorded["body"]["string"].encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(recorded["status"]["code"], headers=headers, content=body)

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with SeedanceClient(provider, api_key=KEY, http_client=http, max_retries=0) as client:
        try:
            outcome = call(client)
        except SeedanceError as error:
            failed: SeedanceError | None = error
        else:
            failed = None
    if failed is not None:
        assert recorded["status"]["code"] >= 400 or "body" in str(failed), failed
        return
    known = adapter(provider)
    job_operations = (known.create_operation, known.get_with[0].__name__.rsplit(".", 1)[-1])
    if item["seedance"]["operation"] in job_operations:
        assert isinstance(outcome, Job)
    assert recorded["status"]["code"] < 400
