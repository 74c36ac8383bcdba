"""The API key never reaches a repr, a str, a log line or an exception message."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx

from seedance import MissingAPIKeyError, SeedanceError

from .conftest import API_KEY, MakeClient
from .profiles._profile import Profile


def test_the_key_is_in_no_repr(profile: Profile, make_client: MakeClient) -> None:
    client = make_client(profile.provider)
    assert API_KEY not in repr(client)
    assert API_KEY not in str(client)
    assert API_KEY not in repr(client.generated)
    assert API_KEY not in repr(vars(client))


def test_the_key_is_in_no_log_line_or_error(
    profile: Profile,
    make_client: MakeClient,
    router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    method, path = profile.get
    route = router.route(method=method, path=path.format(id="job-1"))
    route.side_effect = [
        httpx.Response(503, json={"error": {"message": f"echoing your key {API_KEY}"}}),
        httpx.ConnectError(f"proxy refused Authorization: Bearer {API_KEY}"),
        httpx.Response(401, json={"error": {"message": "bad key"}}),
    ]
    client = make_client(profile.provider, max_retries=2)
    with caplog.at_level(logging.DEBUG), pytest.raises(SeedanceError) as raised:
        client.get("job-1")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "retrying" in logged
    assert API_KEY not in logged
    assert API_KEY not in str(raised.value)


def test_a_missing_key_says_which_variable_to_set(
    profile: Profile, make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(profile.api_key_env)
    for name in ("ARK_API_KEY", "MODELARK_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(MissingAPIKeyError, match=profile.api_key_env):
        make_client(profile.provider)


def test_the_base_url_can_be_overridden_by_environment(
    profile: Profile, make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{profile.provider.upper()}_BASE_URL", "https://sandbox.example.com/api")
    assert make_client(profile.provider).base_url == "https://sandbox.example.com/api"
    assert make_client(profile.provider, base_url="http://127.0.0.1:9/").base_url == (
        "http://127.0.0.1:9"
    )
