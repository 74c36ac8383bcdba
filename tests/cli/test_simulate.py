"""``seedance simulate``: a real server process on 127.0.0.1 that answers documented examples
with spec-valid responses."""

from __future__ import annotations

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
from support.openapi_httpx import HttpxOpenAPIRequest, HttpxOpenAPIResponse


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, str]]:
    """`python -m seedance simulate` (all providers) as a subprocess: provider -> base URL."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("src", "generated"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "seedance", "simulate", "--speed", "100"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path("/"),
    )
    urls: dict[str, str] = {}
    try:
        assert process.stdout is not None
        while len(urls) < len(SIMULATED):
            line = process.stdout.readline()
            assert line, f"the server exited: {process.stderr.read() if process.stderr else ''}"
            name, _, url = line.strip().partition(": ")
            urls[name] = url
        yield urls
    finally:
        process.terminate()
        process.wait(timeout=10)


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
        headers={"Authorization": "Bearer sk_live_YOUR_KEY"},
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
