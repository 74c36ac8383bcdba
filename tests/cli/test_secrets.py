"""No API key and no signed query string ever reaches what the CLI prints or stores: not the error
line, not ``--json``, not the ``--verbose`` log, not the batch manifest, even from a provider
that echoes the ``Authorization`` header back in its error bodies."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

import seedance
from seedance import Job, JobStatus, SeedanceClient
from seedance.cli import Runtime, app
from seedance.cli._manifest import FILENAME
from seedance.testing import ManualClock

KEY = "sk_live_FAKE_echoed_key_for_tests"  # a fake key the echoing provider returns
KEY_VARIABLES = [
    name
    for provider in seedance.providers()
    for name in seedance.adapters.adapter(provider).api_key_env
]


def echoing(status: int) -> Callable[[httpx.Request], httpx.Response]:
    """A provider that answers *status* and quotes the request's Authorization header in the
    body: in the message, in the error code, and in a nested field (GET /account: 404)."""

    def handle(request: httpx.Request) -> httpx.Response:
        auth = request.headers.get("authorization", "")
        body = {
            "detail": {"error": f"bad_key:{auth}", "message": f"you sent Authorization: {auth}"},
            "echo": {"headers": {"authorization": auth}, "query": str(request.url)},
        }
        code = 404 if request.url.path.endswith("/account") else status
        return httpx.Response(code, json=body, headers={"x-echo": auth})

    return handle


class Echoes:
    """The invocations of a test, routed (real-provider path of every command, and the batch)
    to an echoing provider once `answer` said what it answers."""

    def __init__(self) -> None:
        self.runtime = Runtime(clock=ManualClock())  # retries without waiting

    def answer(self, status: int) -> None:
        transport = httpx.MockTransport(echoing(status))
        self.runtime = Runtime(
            clock=ManualClock(),
            http_client=lambda: httpx.Client(transport=transport),
            async_transport=lambda: transport,
        )

    def __call__(self, args: list[str]) -> Any:
        return CliRunner().invoke(app, args, obj=self.runtime)


@pytest.fixture
def provider_echoes(monkeypatch: pytest.MonkeyPatch) -> Echoes:
    for name in KEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return Echoes()


def assert_no_key(*texts: str) -> None:
    for text in texts:
        assert KEY not in text
        assert "Echo0123456789" not in text  # not even a part of it


@pytest.mark.parametrize(("status", "code"), [(401, 4), (400, 2), (502, 11)])
@pytest.mark.parametrize("how", ["option", "environment"])
def test_create_never_shows_an_echoed_key(
    provider_echoes: Echoes,
    monkeypatch: pytest.MonkeyPatch,
    status: int,
    code: int,
    how: str,
) -> None:
    provider_echoes.answer(status)
    key_args = ["--api-key", KEY] if how == "option" else []
    if how == "environment":
        monkeypatch.setenv("GENRAY_API_KEY", KEY)
    result = provider_echoes(["create", "--prompt", "a cat", "--json", *key_args])
    assert result.exit_code == code, result.output
    assert "you sent Authorization: Bearer ***" in json.loads(result.stdout)["error"]["message"]
    human = provider_echoes(["create", "--prompt", "a cat", *key_args])
    assert "you sent Authorization: Bearer ***" in human.stderr
    assert_no_key(human.stdout, human.stderr)
    assert_no_key(result.stdout, result.stderr)

    verbose = provider_echoes(["create", "--prompt", "a", "--verbose", *key_args])
    assert verbose.exit_code == code
    assert "seedance" in verbose.stderr  # the log is there...
    assert_no_key(verbose.stdout, verbose.stderr)  # ...without the key


@pytest.mark.parametrize(("status", "state"), [(401, "pending"), (400, "failed"), (502, "unknown")])
def test_batch_never_shows_nor_stores_an_echoed_key(
    provider_echoes: Echoes, tmp_path: Path, status: int, state: str
) -> None:
    provider_echoes.answer(status)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"id": "cat", "prompt": "a cat"}) + "\n")
    out = tmp_path / "out"
    args = ["batch", str(jobs), "-p", "genray", "-o", str(out), "--api-key", KEY]
    result = provider_echoes([*args, "--json"])
    assert result.exit_code in (1, 4), result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert [entry["state"] for entry in report["requests"]] == [state]
    assert "you sent Authorization: Bearer ***" in report["requests"][0]["error"]
    assert "no account limits" in result.stderr  # the account's 404 echo was logged, redacted
    assert_no_key(result.stdout, result.stderr)
    table = provider_echoes(args)
    assert_no_key(table.stdout, table.stderr)
    with sqlite3.connect(out / FILENAME) as db:
        stored = json.dumps(db.execute("SELECT * FROM requests").fetchall())
        stored += json.dumps(db.execute("SELECT * FROM meta").fetchall())
    assert "Bearer ***" in stored
    assert_no_key(stored)


@pytest.mark.parametrize("command", ["create", "batch"])
def test_a_key_ending_in_a_carriage_return_is_named_not_shown(
    provider_echoes: Echoes,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
) -> None:
    provider_echoes.answer(200)
    monkeypatch.setenv("GENRAY_API_KEY", KEY + "\r")
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"prompt": "a cat"}\n')
    args = (
        ["create", "--prompt", "a cat"]
        if command == "create"
        else ["batch", str(jobs), "-p", "genray", "-o", str(tmp_path / "out")]
    )
    result = provider_echoes(args)
    assert result.exit_code == 3, result.output
    assert result.stderr.strip().splitlines() == [
        "error: genray: the key in GENRAY_API_KEY cannot be sent: it ends with a carriage return"
        " (\\r): a Windows line ending from a .env file?; fix GENRAY_API_KEY (allowed: a key of"
        " visible ASCII characters only)"
    ]
    assert_no_key(result.output)


def test_a_bad_api_key_option_names_the_option(provider_echoes: Echoes) -> None:
    provider_echoes.answer(200)
    result = provider_echoes(["status", "j1", "--api-key", KEY + " \t"])
    assert result.exit_code == 3
    assert result.stderr.startswith("error: genray: the --api-key value cannot be sent: it ")
    assert_no_key(result.output)


def test_signed_video_urls_are_shown_without_their_query(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SEEDANCE_STATE_DIR", str(tmp_path))
    signed = "https://cdn.example.com/v/cat.mp4?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA"

    def get(self: Any, job: Any) -> Job:
        return Job(id="j1", provider="genray", status=JobStatus.SUCCEEDED, video_url=signed)

    monkeypatch.setattr(SeedanceClient, "get", get)
    as_json = CliRunner().invoke(app, ["status", "j1", "--simulated", "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)["video_url"] == "https://cdn.example.com/v/cat.mp4?***"
    human = CliRunner().invoke(app, ["status", "j1", "--simulated"])
    assert "https://cdn.example.com/v/cat.mp4?***" in human.stdout
    for result in (as_json, human):
        assert "deadbeef" not in result.output
        assert "AKIA" not in result.output


def test_a_base_url_with_credentials_is_not_repeated_in_hints(
    monkeypatch: pytest.MonkeyPatch, provider_echoes: Echoes
) -> None:
    def refused(*args: Any, **kwargs: Any) -> Job:
        raise seedance.APIConnectionError("reset", provider="genray", may_have_been_accepted=False)

    provider_echoes.answer(200)
    monkeypatch.setattr(SeedanceClient, "get", refused)
    base = "https://user:hunter2@proxy.example/api?token=abc"
    result = provider_echoes(["status", "j1", "--api-key", KEY, "--base-url", base])
    assert result.exit_code == 10, result.output
    assert "proxy.example" in result.stderr
    assert "hunter2" not in result.output
    assert "token=abc" not in result.output
