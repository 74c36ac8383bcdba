"""The command line as a demanding user finds it: --version and completion, help that names the
values and the environment variables, every problem of a request at once, JSON errors with the
same shape everywhere, job ids checked before any network call, one argument style, destructive
actions confirmed, and batch reruns reporting the lines of the file they are given."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from typer.testing import CliRunner

import seedance
from seedance import InvalidRequestError, UnsupportedError, VideoRequest
from seedance.cli import Runtime, _options, _simulated, app
from seedance.cli._create import create

ERROR_KEYS = {"kind", "message", "field", "value", "allowed", "exit_code", "job_id"}


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv(_simulated.STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("GENRAY_API_KEY", "sk_live_unused")
    sent: list[httpx.Request] = []

    def no_network() -> httpx.Client:
        def refuse(request: httpx.Request) -> httpx.Response:
            sent.append(request)
            return httpx.Response(500)

        return httpx.Client(transport=httpx.MockTransport(refuse))

    runtime = Runtime(speed=1000.0, http_client=no_network)
    runner = CliRunner()

    def run(*args: str, **kwargs: Any) -> Any:
        result: Any = runner.invoke(app, list(args), obj=runtime, **kwargs)
        result.sent = list(sent)  # the requests that reached the network (should be none)
        return result

    return run


def error_of(result: Any) -> dict[str, Any]:
    """The JSON error on stdout: its keys, and nothing on stderr."""
    payload = json.loads(result.stdout)
    error: dict[str, Any] = payload["error"]
    assert set(error) >= ERROR_KEYS
    assert error["exit_code"] == result.exit_code
    assert result.stderr == ""
    return error


# --- discovery ----------------------------------------------------------------------------------
def test_version_and_shell_completion(invoke: Any) -> None:
    version = invoke("--version")
    assert version.exit_code == 0
    assert version.stdout == f"seedance {seedance.__version__}\n"
    root = invoke("--help").stdout
    assert "--install-completion" in root
    assert "--show-completion" in root


def test_help_names_values_and_environment_variables_not_types(invoke: Any) -> None:
    text = " ".join(invoke("create", "--help").stdout.split())
    for variable in ("GENRAY_API_KEY", "SIRAY_API_KEY", "GENRAY_BASE_URL", "SEEDANCE_STATE_DIR"):
        assert variable in text
    assert "One of: 480p, 720p, 1080p" in text.replace("2k, 4k, ", "")
    assert "16:9" in text
    for command in ("create", "status", "wait", "download", "cancel", "batch", "providers", "list",
                    "upload", "account", "verify", "proxy", "simulate", "upscale"):  # fmt: skip
        help_text = invoke(command, "--help").stdout
        assert not re.search(r"--[A-Z]", help_text), command  # an option named after its metavar
        options = [line for line in help_text.splitlines() if "--" in line]
        for label in ("<bool>", "<str>", "<int>", "<float>", "<path>", "BOOLEAN"):
            assert not [line for line in options if label in line], (command, label)


# --- every problem at once ----------------------------------------------------------------------
def test_the_library_check_reports_every_problem_at_once() -> None:
    caps = seedance.capabilities("genray")
    request = VideoRequest(prompt="a", duration=99, resolution="9k", seed=5)
    with pytest.raises(InvalidRequestError) as raised:
        caps.check(request)
    error = raised.value
    assert [problem.field for problem in error.problems] == ["duration", "resolution", "seed"]
    # The first problem stays the error's own: field, value, allowed, and its message style.
    assert (error.field, error.value) == ("duration", 99)
    assert str(error).startswith("genray: duration=99 is not allowed; allowed: 4 to 15")
    assert str(error).endswith("(and 2 more problems: resolution, seed)")
    single = VideoRequest(prompt="a", duration=99)
    with pytest.raises(InvalidRequestError) as one:
        caps.check(single)
    assert len(one.value.problems) == 1
    assert "more problem" not in str(one.value)


def test_an_unsupported_first_problem_keeps_its_type() -> None:
    caps = seedance.capabilities("genray")
    with pytest.raises(UnsupportedError) as raised:
        caps.check(VideoRequest(prompt="a", seed=5, draft=True))
    assert [problem.field for problem in raised.value.problems] == ["seed", "draft"]
    assert raised.value.field == "seed"
    assert str(raised.value).endswith("(and 1 more problem: draft)")


def test_the_spec_check_reports_every_problem_at_once() -> None:
    spec = seedance.adapters.adapter("siray").spec
    with pytest.raises(InvalidRequestError) as raised:
        spec.validate_body("create_video_generation", {"model": "x", "prompt": "a"})
    fields = {problem.field for problem in raised.value.problems}
    assert {"duration", "size", "aspect_ratio", "images"} <= fields


# --- JSON errors --------------------------------------------------------------------------------
def test_usage_errors_are_json_too(invoke: Any) -> None:
    missing = invoke("create", "--json")
    assert missing.exit_code == 2
    error = error_of(missing)
    assert (error["kind"], error["field"]) == ("usage", "--prompt")
    wrong = invoke("create", "--prompt", "a", "--duration", "five", "--json")
    assert error_of(wrong)["field"] == "--duration"
    unknown = invoke("status", "--json", "--nope")
    assert error_of(unknown)["kind"] == "usage"


def test_an_unknown_provider_is_a_json_error(invoke: Any) -> None:
    result = invoke("status", "job-1", "-p", "nope", "--json")
    error = error_of(result)
    assert (error["kind"], error["field"], error["value"]) == (
        "invalid_provider",
        "--provider",
        "nope",
    )
    assert error["allowed"] == ", ".join(seedance.providers())


# --- job ids ------------------------------------------------------------------------------------
@pytest.mark.parametrize("job_id", ["", "   ", "a/b", "../jobs", "id?x=1", "a b"])
@pytest.mark.parametrize("command", ["status", "wait", "download", "cancel"])
def test_a_blank_or_malformed_job_id_fails_before_any_network_call(
    invoke: Any, command: str, job_id: str
) -> None:
    extra = ["-o", "v.mp4"] if command == "download" else []
    provider = "modelark" if command == "cancel" else "genray"
    env = {"MODELARK_API_KEY": "sk_unused"}
    result = invoke(command, job_id, *extra, "-p", provider, "--json", env=env)
    assert result.exit_code == 2, result.output
    error = error_of(result)
    assert (error["kind"], error["field"], error["value"]) == ("invalid_job_id", "JOB_ID", job_id)
    assert result.sent == []


def test_a_job_id_is_held_to_the_providers_documented_pattern(invoke: Any) -> None:
    assert _options.job_id_problem("siraya", "video_123") is None
    problem = _options.job_id_problem("siraya", "task-123")
    assert problem is not None
    assert "^video_" in problem
    result = invoke("status", "task-123", "-p", "siraya", env={"SIRAYA_API_KEY": "sk_unused"})
    assert result.exit_code == 2
    assert result.sent == []
    assert "JOB_ID 'task-123' does not match siraya's job ids" in result.stderr


# --- one argument style, and confirmation ---------------------------------------------------------
def test_download_takes_output_and_the_old_positional_form_with_a_note(
    invoke: Any, tmp_path: Path
) -> None:
    created = invoke("create", "--simulated", "--prompt", "a cat", "--json")
    job_id = json.loads(created.stdout)["id"]
    assert invoke("wait", job_id, "--simulated", "--json").exit_code == 0
    new = invoke("download", job_id, "-o", str(tmp_path / "a.mp4"), "--simulated")
    assert new.exit_code == 0, new.output
    assert "deprecated" not in new.stderr
    old = invoke("download", job_id, str(tmp_path / "b.mp4"), "--simulated")
    assert old.exit_code == 0, old.output
    assert (
        f"`download JOB_ID FILE` is deprecated; use `download JOB_ID -o {tmp_path / 'b.mp4'}`"
        in old.stderr
    )
    assert (tmp_path / "b.mp4").read_bytes()[4:8] == b"ftyp"
    neither = invoke("download", job_id, "--simulated", "--json")
    assert error_of(neither)["field"] == "--output"


# --- batch ----------------------------------------------------------------------------------------
def write(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "prompt": f"shot {i}"}) + "\n" for i in ids))
    return path


def test_a_rerun_reports_the_lines_of_the_current_file_only(invoke: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = write(tmp_path / "jobs.jsonl", ["a", "b", "c"])
    first = invoke("batch", str(jobs), "-p", "genray", "--simulated", "--out", str(out), "--json")
    assert first.exit_code == 0, first.output
    shorter = write(tmp_path / "jobs.jsonl", ["c", "d"])
    again = invoke(
        "batch", str(shorter), "-p", "genray", "--simulated", "--out", str(out), "--json"
    )
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert [(e["line"], e["id"], e["state"]) for e in report["requests"]] == [
        (1, "c", "downloaded"), (2, "d", "downloaded"),
    ]  # fmt: skip
    assert report["counts"] == {"downloaded": 2}
    assert sorted(e["id"] for e in report["earlier"]) == ["a", "b"]
    assert all(e["line"] is None for e in report["earlier"])
    assert "2 earlier request(s) not in jobs.jsonl" in again.stderr
    table = invoke("batch", str(shorter), "-p", "genray", "--simulated", "--out", str(out))
    assert "2 requests: 2 downloaded" in table.stdout
    assert "2 earlier request(s) in the manifest, not in the jobs file" in table.stdout


def test_batch_errors_are_json_with_json(invoke: Any, tmp_path: Path) -> None:
    result = invoke(
        "batch", str(tmp_path / "none.jsonl"), "-p", "genray", "--out", str(tmp_path), "--json"
    )
    assert result.exit_code == 2
    error = error_of(result)
    assert (error["field"], error["kind"]) == ("JOBS_FILE", "invalid_request")


def test_create_has_an_option_for_every_request_field(invoke: Any) -> None:
    fields = [field.name for field in attrs.fields(VideoRequest)]
    parameters = list(inspect.signature(create).parameters)
    assert parameters[: len(fields)] == fields  # named after the fields, in their order
    help_text = invoke("create", "--help").stdout
    for field in fields:
        assert _options.OPTION_OF[field] in help_text


def test_verify_errors_are_json_with_json(invoke: Any) -> None:
    result = invoke("verify", "-p", "nope", "--json")
    assert result.exit_code == 2
    assert "--provider 'nope'" in error_of(result)["message"]


def test_a_duration_that_means_auto_reads_as_auto_not_as_a_length(invoke: Any) -> None:
    """Replicate's Seedance inputs take ``duration: -1`` for "the model picks the length" (its
    curated spec's description): listed as ``-1 (auto)``, not as ``-1s`` or a ``-1-15s`` span."""
    summary = invoke("providers").stdout
    replicate = next(line for line in summary.splitlines() if line.split()[:1] == ["replicate"])
    assert "1-15s or auto" in replicate, replicate
    detail = invoke("providers", "replicate").stdout  # the table may fold "(auto)" onto a line
    assert "1-15s -1" in detail, detail
    assert "(auto)" in detail, detail
    assert "-1s" not in detail
