"""API keys in the simulator: any bearer key by default; with ``api_keys``, only those, every other
key (and a missing one) getting the provider's documented 401; Genray's key management creates
keys that work and revokes keys that then stop working. In-process, and over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openapi_core import OpenAPI

import seedance
from seedance import AuthenticationError
from seedance.adapters import adapter
from seedance.testing import Simulator
from seedance.testing._server import SimulatorServer
from support.openapi_httpx import HttpxOpenAPIRequest, HttpxOpenAPIResponse

from .conftest import SIMULATED, profile_of

GOOD, OTHER, WRONG = "sk_live_good", "sk_live_other", "sk_live_wrong"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

# What each provider documents for a missing or invalid key: the fields of its error (Genray's
# `detail`, everyone else's `error`) that its spec's example or SDK gives.
DOCUMENTED_401: dict[str, dict[str, Any]] = {
    "genray": {"error": "unauthorized", "message": "Missing or invalid API key"},
    "modelark": {"type": "Unauthorized", "code": "AuthenticationError"},
    "volcengine": {"type": "Unauthorized", "code": "AuthenticationError"},  # ModelArk's spec
    "anyfast": {"type": "Unauthorized", "code": "AuthenticationError"},
    "siray": {"type": "authentication_error", "code": "invalid_api_key"},
    "siraya": {"type": "invalid_request_error", "code": 401},
    "replicate": {"title": "Unauthenticated", "status": 401},
    "fal": {"detail": "Missing or invalid API key", "error_type": "unauthorized"},
}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def authorized(provider: str, key: str) -> dict[str, str]:
    """*key* in the scheme the provider's client sends it (``Bearer``; fal's ``Key``)."""
    return {"Authorization": f"{adapter(provider).auth_scheme} {key}"}


@pytest.fixture
def http(request: pytest.FixtureRequest) -> Iterator[Any]:
    """http(sim): an httpx client reaching *sim* in-process, at the provider's documented URL."""
    made: list[httpx.Client] = []

    def make(sim: Simulator) -> httpx.Client:
        made.append(sim.http_client())
        return made[-1]

    yield make
    for client in made:
        client.close()


def create(client: httpx.Client, provider: str, headers: dict[str, str]) -> httpx.Response:
    """The provider's documented create request (its profile's example body)."""
    method, path = profile_of(provider).create
    body = dict(profile_of(provider).expected_body)
    return client.request(method, path, json=body, headers=headers)


def assert_documented_401(sim: Simulator, response: httpx.Response) -> None:
    """A 401 that the curated spec documents for the operation, in the provider's envelope."""
    assert response.status_code == 401, response.text
    OpenAPI.from_dict(sim.spec.document).validate_response(
        HttpxOpenAPIRequest(response.request), HttpxOpenAPIResponse(response)
    )
    body = response.json()
    # Genray nests its envelope under "detail"; Replicate's problem details and fal's
    # {detail, error_type} are the body itself.
    envelope = {"genray": "detail", "replicate": None, "fal": None}.get(sim.provider, "error")
    error = body if envelope is None else body[envelope]
    expected = DOCUMENTED_401[sim.provider]
    assert {name: error.get(name) for name in expected} == expected, body


# --- any key, or only the configured ones -------------------------------------------------------
@pytest.mark.parametrize("provider", SIMULATED)
def test_without_configured_keys_any_bearer_key_is_let_in(provider: str, http: Any) -> None:
    sim = Simulator(provider)
    client = http(sim)
    for key in (GOOD, "sk_anything_at_all"):
        assert create(client, provider, authorized(provider, key)).is_success
    # Only a missing (or empty) key is refused.
    assert_documented_401(sim, create(client, provider, {}))
    assert_documented_401(sim, create(client, provider, authorized(provider, "")))


@pytest.mark.parametrize("provider", SIMULATED)
def test_with_configured_keys_any_other_key_gets_the_documented_401(
    provider: str, http: Any
) -> None:
    sim = Simulator(provider, api_keys=[GOOD, OTHER])
    client = http(sim)
    scheme = adapter(provider).auth_scheme
    assert create(client, provider, authorized(provider, GOOD)).is_success
    assert create(client, provider, {"Authorization": f"{scheme.lower()} {OTHER}"}).is_success
    refused = [
        authorized(provider, WRONG),
        authorized(provider, GOOD + "x"),
        {},
        {"Authorization": GOOD},
        # The right key in another scheme than the provider reads is no key to it.
        *({"Authorization": f"{other} {GOOD}"} for other in ("Basic", "Bearer") if other != scheme),
    ]
    for headers in refused:
        assert_documented_401(sim, create(client, provider, headers))
    assert sim.counters["creates_accepted"] == 2
    assert sim.counters["unauthorized"] == len(refused)


@pytest.mark.parametrize("provider", SIMULATED)
def test_a_wrong_key_is_refused_before_its_request_is_read(provider: str, http: Any) -> None:
    """A 401, not the 400 the (invalid) body would get: a refused key learns nothing else."""
    sim = Simulator(provider, api_keys=[GOOD])
    client = http(sim)
    method, path = profile_of(provider).create
    invalid = {"no": "such field"}
    good, wrong = authorized(provider, GOOD), authorized(provider, WRONG)
    assert client.request(method, path, json=invalid, headers=good).status_code == 400
    refused = client.request(method, path, json=invalid, headers=wrong)
    assert_documented_401(sim, refused)


@pytest.mark.parametrize("provider", SIMULATED)
def test_every_operation_refuses_a_wrong_key(provider: str, http: Any) -> None:
    sim = Simulator(provider, api_keys=[GOOD])
    client = http(sim)
    operations = 0
    for path, item in sim.spec.document["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            url = path.replace("{", "").replace("}", "")  # e.g. /api/v1/videos/job_id
            wrong = authorized(provider, WRONG)
            response = client.request(method.upper(), url, json={}, headers=wrong)
            assert_documented_401(sim, response)
            operations += 1
    assert operations == sim.counters["unauthorized"] > 0


@pytest.mark.parametrize("provider", SIMULATED)
def test_the_facade_sees_an_authentication_error(provider: str) -> None:
    sim = Simulator(provider, api_keys=[GOOD])
    with sim.client(api_key=WRONG) as client, pytest.raises(AuthenticationError):
        client.submit(profile_of(provider).request)
    with sim.client(api_key=GOOD) as client:
        assert client.submit(profile_of(provider).request).id


@pytest.mark.parametrize("provider", SIMULATED)
def test_a_key_sees_only_its_own_jobs(provider: str, http: Any) -> None:
    sim = Simulator(provider, api_keys=[GOOD, OTHER])
    with sim.client(api_key=GOOD) as mine, sim.client(api_key=OTHER) as theirs:
        job = mine.submit(profile_of(provider).request)
        assert mine.get(job.id).id == job.id
        with pytest.raises(seedance.NotFoundError):
            theirs.get(job.id)


@pytest.mark.parametrize("provider", SIMULATED)
def test_a_revoked_key_gets_401_with_or_without_configured_keys(provider: str, http: Any) -> None:
    for api_keys in (None, [GOOD, OTHER]):
        sim = Simulator(provider, api_keys=api_keys)
        client = http(sim)
        sim.revoke_key(OTHER)
        assert_documented_401(sim, create(client, provider, authorized(provider, OTHER)))
        assert create(client, provider, authorized(provider, GOOD)).is_success
        assert sim.api_keys is None or OTHER not in sim.api_keys


def test_api_keys_given_as_one_string_mean_that_key() -> None:
    assert Simulator("genray", api_keys=GOOD).api_keys == (GOOD,)


# --- Genray's key management ------------------------------------------------------------------
def account(client: httpx.Client, key: str) -> httpx.Response:
    return client.get("/api/v1/account", headers=bearer(key))


@pytest.mark.parametrize("configured", [True, False], ids=["keys configured", "any key"])
def test_a_created_genray_key_works_and_stops_working_once_revoked(
    configured: bool, http: Any
) -> None:
    sim = Simulator("genray", api_keys=[GOOD] if configured else None, rate_limits=False)
    client = http(sim)
    created = client.post("/api/keys", json={}, headers=bearer(GOOD))
    assert created.is_success, created.text
    new_key, key_id = created.json()["key"], created.json()["id"]
    assert created.json()["webhook_secret"] == sim.webhook_secret
    assert account(client, new_key).status_code == 200
    listed = client.get("/api/keys", headers=bearer(new_key)).json()
    assert key_id in [key["id"] for key in listed]
    assert len(listed) == (2 if configured else 1)  # the configured key is the account's too

    revoked = client.delete(f"/api/keys/{key_id}", headers=bearer(GOOD))
    assert revoked.json() == {"id": key_id, "revoked": True}
    assert_documented_401(sim, account(client, new_key))
    assert_documented_401(sim, client.get("/api/keys", headers=bearer(new_key)))
    assert account(client, GOOD).status_code == 200
    assert key_id not in [key["id"] for key in client.get("/api/keys", headers=bearer(GOOD)).json()]
    again = client.delete(f"/api/keys/{key_id}", headers=bearer(GOOD))
    assert again.status_code == 404


def test_a_configured_genray_key_can_revoke_itself(http: Any) -> None:
    sim = Simulator("genray", api_keys=[GOOD, OTHER], rate_limits=False)
    client = http(sim)
    listed = client.get("/api/keys", headers=bearer(GOOD)).json()
    assert len(listed) == 2  # the configured keys, in order
    assert client.delete(f"/api/keys/{listed[0]['id']}", headers=bearer(GOOD)).is_success
    assert_documented_401(sim, account(client, GOOD))
    assert account(client, OTHER).status_code == 200
    assert [key["id"] for key in client.get("/api/keys", headers=bearer(OTHER)).json()] == [
        listed[1]["id"]
    ]


def test_genray_key_management_through_the_facade() -> None:
    sim = Simulator("genray", api_keys=[GOOD], rate_limits=False)
    with sim.client(api_key=GOOD) as admin:
        created = admin.create_api_key()
        key = created.key
        key_id = str(created.additional_properties["id"])
        with sim.client(api_key=key) as user:
            assert user.account().plan == "standard"
            admin.revoke_api_key(key_id)
            with pytest.raises(AuthenticationError):
                user.account()


def test_a_genray_keys_default_webhook_is_used_by_its_jobs(http: Any) -> None:
    sim = Simulator("genray", rate_limits=False, deliver=lambda delivery: 200)
    client = http(sim)
    created = client.post(
        "/api/keys", json={"webhook_url": "https://hooks.example.com/default"}, headers=bearer(GOOD)
    ).json()
    body = {"prompt": "a cat", "duration": 5}
    job = client.post("/api/v1/videos", json=body, headers=bearer(created["key"])).json()
    other = client.post(
        "/api/v1/videos",
        json={**body, "webhook_url": "https://hooks.example.com/own"},
        headers=bearer(created["key"]),
    ).json()
    assert sim.jobs[job["id"]].webhook_url == "https://hooks.example.com/default"
    assert sim.jobs[other["id"]].webhook_url == "https://hooks.example.com/own"


# --- over real HTTP -----------------------------------------------------------------------------
def test_keys_and_revocation_over_real_http() -> None:
    simulators = [
        Simulator(name, api_keys=[GOOD], rate_limits=False) for name in ("genray", "modelark")
    ]
    with SimulatorServer(simulators) as server:
        genray = server.base_url("genray")
        modelark = server.base_url("modelark") + "/contents/generations/tasks"
        assert httpx.get(genray + "/api/v1/account", headers=bearer(GOOD)).status_code == 200
        refused = httpx.get(genray + "/api/v1/account", headers=bearer(WRONG))
        assert refused.status_code == 401
        assert refused.json() == {
            "detail": {"error": "unauthorized", "message": "Missing or invalid API key"}
        }
        refused = httpx.get(modelark, headers=bearer(WRONG))
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "AuthenticationError"
        assert httpx.get(modelark, headers=bearer(GOOD)).status_code == 200

        created = httpx.post(genray + "/api/keys", json={}, headers=bearer(GOOD)).json()
        assert httpx.get(genray + "/api/v1/account", headers=bearer(created["key"])).is_success
        # Keys are per simulator: ModelArk's does not know Genray's new key.
        assert httpx.get(modelark, headers=bearer(created["key"])).status_code == 401
        httpx.delete(genray + f"/api/keys/{created['id']}", headers=bearer(GOOD))
        gone = httpx.get(genray + "/api/v1/account", headers=bearer(created["key"]))
        assert gone.status_code == 401
