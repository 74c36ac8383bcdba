"""``seedance simulate``: a real server process on 127.0.0.1 that answers documented examples
with spec-valid responses, and with ``--api-key`` lets only those keys in."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from facade.profiles._profile import Profile
from openapi_core import OpenAPI
from simulator.conftest import SIMULATED, profile_of

from pipeline import ROOT
from seedance.adapters import adapter as provider_adapter
from support.openapi_httpx import HttpxOpenAPIRequest, HttpxOpenAPIResponse

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("src", "generated"))}


@contextlib.contextmanager
def simulate(*options: str, providers: int = len(SIMULATED)) -> Iterator[dict[str, str]]:
    """`python -m seedance simulate OPTIONS` as a subprocess: provider -> base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "seedance", "simulate", "--speed", "100", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=Path("/"),
    )
    urls: dict[str, str] = {}
    try:
        assert process.stdout is not None
        while len(urls) < providers:
            line = process.stdout.readline()
            assert line, f"the server exited: {process.stderr.read() if process.stderr else ''}"
            name, _, url = line.strip().partition(": ")
            urls[name] = url
        yield urls
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, str]]:
    """`python -m seedance simulate` (all providers) as a subprocess: provider -> base URL."""
    with simulate() as urls:
        yield urls


@pytest.mark.parametrize("provider", SIMULATED)
def test_a_documented_example_gets_a_spec_valid_answer(
    served: dict[str, str], provider: str
) -> None:
    profile: Profile = profile_of(provider)
    base_url = served[provider]
    assert base_url.startswith("http://127.0.0.1:")
    method, path = profile.create
    response = httpx.request(
        method,
        base_url + path,
        json=dict(profile.expected_body),
        headers={"Authorization": f"{provider_adapter(provider).auth_scheme} sk_live_YOUR_KEY"},
    )
    assert response.is_success, response.text
    document = profile_spec(provider)
    # Validate against the documented server, as a client of the real provider would see it.
    request = response.request
    documented = httpx.Request(
        request.method,
        str(document["servers"][0]["url"]).rstrip("/") + path,
        headers=request.headers,
        content=request.content,
    )
    api = OpenAPI.from_dict(document)
    api.validate_request(HttpxOpenAPIRequest(documented))
    api.validate_response(HttpxOpenAPIRequest(documented), HttpxOpenAPIResponse(response))


def profile_spec(provider: str) -> dict[str, Any]:
    from seedance.adapters import adapter

    document: dict[str, Any] = adapter(provider).spec.document
    return document


def test_api_keys_let_only_those_keys_in() -> None:
    options = ("--provider", "genray", "--provider", "modelark", "--api-key", "sk_one")
    with simulate(*options, "--api-key", "sk_two", providers=2) as urls:
        account = urls["genray"] + "/api/v1/account"
        for key in ("sk_one", "sk_two"):
            assert httpx.get(account, headers={"Authorization": f"Bearer {key}"}).is_success
        for headers in ({"Authorization": "Bearer sk_three"}, {}):
            refused = httpx.get(account, headers=headers)
            assert refused.status_code == 401
            assert refused.json() == {
                "detail": {"error": "unauthorized", "message": "Missing or invalid API key"}
            }
        tasks = urls["modelark"] + "/contents/generations/tasks"
        refused = httpx.get(tasks, headers={"Authorization": "Bearer sk_three"})
        assert refused.status_code == 401
        assert refused.json()["error"]["type"] == "Unauthorized"
        assert httpx.get(tasks, headers={"Authorization": "Bearer sk_two"}).is_success

        # Genray's key management: a created key works until it is revoked.
        admin = {"Authorization": "Bearer sk_one"}
        created = httpx.post(urls["genray"] + "/api/keys", json={}, headers=admin).json()
        mine = {"Authorization": f"Bearer {created['key']}"}
        assert httpx.get(account, headers=mine).is_success
        httpx.delete(urls["genray"] + f"/api/keys/{created['id']}", headers=admin)
        assert httpx.get(account, headers=mine).status_code == 401


def test_without_api_keys_any_bearer_key_is_let_in(served: dict[str, str]) -> None:
    account = served["genray"] + "/api/v1/account"
    assert httpx.get(account, headers={"Authorization": "Bearer sk_whatever"}).is_success
    assert httpx.get(account).status_code == 401


def test_an_unusable_api_key_is_refused_without_printing_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "seedance", "simulate", "--api-key", "sk_ok", "--api-key", "sk bad"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=Path("/"),
        timeout=60,
    )
    assert result.returncode == 2
    assert "--api-key number 2 has a control or space character" in result.stderr
    assert "sk bad" not in result.stderr + result.stdout
