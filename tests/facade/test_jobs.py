"""Submit and get, for every provider: the exact request sent and the mapping of every response."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from conftest import PROVIDERS
from pipeline import Provider
from seedance import APIError, JobStatus, RequestError, ResponseError, VideoRequest
from seedance._errors import api_error_class
from seedance.adapters import adapter
from support.follow_up import follow_up_route
from support.openapi import curated, operations, validator

from .conftest import API_KEY, MakeClient
from .profiles._profile import ErrorCase, Profile, StatusCase


def _provider(profile: Profile) -> Provider:
    return next(p for p in PROVIDERS if p.name == profile.provider)


def test_submit_sends_the_documented_request(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    method, path = profile.create
    status_code, body = profile.create_response
    route = router.route(method=method, path=path).respond(status_code, json=body)
    client = make_client(profile.provider)

    job = client.submit(profile.request)

    assert route.call_count == 1
    sent = route.calls.last.request
    assert sent.headers["authorization"] == f"{adapter(profile.provider).auth_scheme} {API_KEY}"
    assert sent.headers["content-type"].startswith("application/json")
    payload = json.loads(sent.content)
    assert payload == profile.expected_body
    document = curated(_provider(profile))
    create = next(
        op
        for op in operations(document)
        if (op.method, op.path) == (method.lower(), path.removeprefix(_prefix(profile)))
    )
    pointer = create.json_body_pointer()
    assert pointer is not None
    assert list(validator(document, pointer).iter_errors(payload)) == []
    assert (job.id, job.status, job.provider) == (
        profile.created_id,
        profile.created_status,
        profile.provider,
    )


def _prefix(profile: Profile) -> str:
    """The path part of the base URL (Siraya and ModelArk put /v1 or /api/v3 there)."""
    return httpx.URL(profile.base_url).path.rstrip("/")


def test_get_maps_every_documented_status(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, status_case: StatusCase
) -> None:
    status = status_case
    method, path = profile.get
    route = router.route(method=method, path=path.format(id="job-1")).respond(200, json=status.body)
    follow_up = follow_up_route(profile.provider, "job-1")
    if follow_up is not None and status.status is JobStatus.SUCCEEDED:
        # The video comes from another call (Adapter.follow_up), which the client makes at once.
        router.route(method=follow_up[0], path=follow_up[1]).respond(200, json=profile.succeeded)
    client = make_client(profile.provider)

    job = client.get("job-1")

    assert route.call_count == 1
    key = f"{adapter(profile.provider).auth_scheme} {API_KEY}"
    assert all(call.request.headers["authorization"] == key for call in router.calls)
    assert job.status is status.status
    assert job.video_url == status.video_url
    if status.progress is not None:
        assert job.progress == pytest.approx(status.progress)
    if status.error_message is not None:
        assert job.error is not None
        assert job.error.message == status.error_message


def test_every_job_status_the_provider_can_report_is_covered(profile: Profile) -> None:
    assert {case.status for case in profile.statuses} >= {
        JobStatus.QUEUED,
        JobStatus.RUNNING,
        JobStatus.SUCCEEDED,
        JobStatus.FAILED,
    }


def test_an_unknown_status_is_an_error_not_a_loop(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, status_case: StatusCase
) -> None:
    """In every documented status shape (Anyfast has two), an unknown status word is named."""
    method, path = profile.get
    body = json.loads(json.dumps(status_case.body).replace(
        json.dumps(_status_word(status_case.body)), '"TELEPORTING"'
    ))  # fmt: skip
    router.route(method=method, path=path.format(id="job-1")).respond(200, json=body)
    client = make_client(profile.provider)
    with pytest.raises(ResponseError, match="TELEPORTING"):
        client.wait("job-1", timeout=60)


def _status_word(body: object) -> str:
    """The status value in a status body, wherever the provider nests it."""
    if isinstance(body, dict):
        status = body.get("status")
        if isinstance(status, str):
            return status
        for value in body.values():
            found = _status_word(value)
            if found:
                return found
    return ""


def test_unsupported_requests_fail_before_anything_is_sent(
    profile: Profile,
    make_client: MakeClient,
    router: respx.MockRouter,
    unsupported_case: tuple[VideoRequest, str],
) -> None:
    request, field = unsupported_case
    client = make_client(profile.provider)
    with pytest.raises(RequestError) as raised:
        client.submit(request)
    assert field in str(raised.value)
    assert len(router.calls) == 0


def test_error_responses_become_typed_errors(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter, error_case: ErrorCase
) -> None:
    error = error_case
    method, path = profile.get
    router.route(method=method, path=path.format(id="job-1")).respond(
        error.status_code, json=error.body, headers={"x-request-id": "req-42"}
    )
    client = make_client(profile.provider, max_retries=0)
    with pytest.raises(APIError) as raised:
        client.get("job-1")
    assert type(raised.value) is api_error_class(error.status_code)
    assert raised.value.status_code == error.status_code
    assert raised.value.code == error.code
    assert raised.value.message == error.message
    assert raised.value.request_id == "req-42"
    assert raised.value.provider == profile.provider


@pytest.mark.parametrize(
    ("status_code", "content", "content_type", "expected"),
    [
        (
            502,
            b"<html><body><h1>502 Bad Gateway</h1></body></html>",
            "text/html",
            "502 Bad Gateway",
        ),
        (500, b'{"error": {"message": "half a bo', "application/json", '{"error": {"message"'),
        (503, b"", "text/plain", "Service Unavailable"),
    ],
    ids=["html-502", "truncated-json-500", "empty-503"],
)
def test_malformed_error_bodies_still_become_typed_errors(
    profile: Profile,
    make_client: MakeClient,
    router: respx.MockRouter,
    status_code: int,
    content: bytes,
    content_type: str,
    expected: str,
) -> None:
    method, path = profile.get
    router.route(method=method, path=path.format(id="job-1")).respond(
        status_code, content=content, headers={"content-type": content_type}
    )
    client = make_client(profile.provider, max_retries=0)
    with pytest.raises(APIError) as raised:
        client.get("job-1")
    assert raised.value.status_code == status_code
    assert expected in raised.value.message


def test_a_success_with_a_malformed_body_is_a_response_error(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    method, path = profile.get
    router.route(method=method, path=path.format(id="job-1")).respond(
        200, content=b'{"id": "job-1", "sta', headers={"content-type": "application/json"}
    )
    client = make_client(profile.provider, max_retries=0)
    with pytest.raises(ResponseError):
        client.get("job-1")


def test_cancel_where_the_provider_has_it(
    profile: Profile, make_client: MakeClient, router: respx.MockRouter
) -> None:
    client = make_client(profile.provider)
    if profile.cancel is None:
        with pytest.raises(RequestError, match="cancel"):
            client.cancel("job-1")
        assert len(router.calls) == 0
        return
    method, path = profile.cancel
    route = router.route(method=method, path=path.format(id="job-1")).respond(200, json={})
    client.cancel("job-1")
    assert route.call_count == 1


def test_a_body_the_adapter_cannot_map_is_a_response_error(
    profile: Profile,
    make_client: MakeClient,
    router: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(parsed: object) -> object:
        raise TypeError("an adapter bug or a body the spec does not describe")

    monkeypatch.setattr(adapter(profile.provider), "to_job", broken)
    method, path = profile.get
    router.route(method=method, path=path.format(id="job-1")).respond(
        200, json=profile.statuses[0].body
    )
    with pytest.raises(ResponseError, match="TypeError"):
        make_client(profile.provider).get("job-1")
