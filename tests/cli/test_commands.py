"""The job commands through typer's runner: every command with --simulated, the real-provider path
over an in-process simulator, every error class's one-line message and exit code, --json, the
state file that carries simulated jobs between invocations, and local files on --first-frame."""

from __future__ import annotations

import dataclasses
import errno
import json
import shlex
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from rich.console import Console
from typer.testing import CliRunner

import seedance
from seedance import Job, JobStatus, PollingPolicy, SeedanceClient
from seedance.cli import Runtime, _options, _output, _simulated, app
from seedance.cli._runtime import make_simulator
from seedance.testing import Fault, ManualClock, Simulator

PROVIDERS = seedance.providers()
KEY_VARIABLES = [
    name for provider in PROVIDERS for name in seedance.adapters.adapter(provider).api_key_env
]

Invoke = Callable[..., Any]
# What a provider needs beyond a prompt (Siray documents no default duration or resolution).
NEEDS = {
    "siray": (
        "--duration", "5", "--resolution", "720p", "--aspect-ratio", "16:9",
        "--reference-image", "https://example.com/cat.png",
    ),
}  # fmt: skip


class World:
    """The `Runtime` the test's invocations run on; a test changes parts of it with `set`."""

    def __init__(self) -> None:
        # Simulated time runs 1000x (a job takes 32 ms), polled every 10 to 20 ms.
        self.runtime = Runtime(speed=1000.0, polling=PollingPolicy(initial=0.01, maximum=0.02))

    def set(self, **changes: Any) -> None:
        self.runtime = dataclasses.replace(self.runtime, **changes)


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Simulated jobs live in a fresh folder; no key in the environment."""
    folder = tmp_path / "state"
    monkeypatch.setenv(_simulated.STATE_DIR_ENV, str(folder))
    for name in KEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return folder


@pytest.fixture
def invoke(state_dir: Path, world: World) -> Invoke:
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(app, list(args), obj=world.runtime)

    return run


@pytest.fixture
def slow_jobs(world: World) -> None:
    """Simulated jobs that stay queued for an hour of simulated time."""
    world.set(queue_seconds=3_600_000.0)


@pytest.fixture
def faults(world: World) -> list[Fault]:
    """Faults for the next simulated invocation's simulator."""
    planned: list[Fault] = []

    def with_faults(provider: str, runtime: Runtime, *, rate_limits: bool) -> Simulator:
        sim = make_simulator(provider, runtime, rate_limits=rate_limits)
        for fault in planned:
            sim.faults.add(fault)
        return sim

    world.set(simulator=with_faults)
    return planned


@pytest.fixture
def network(world: World) -> Iterator[Simulator]:
    """The real-provider path (no --simulated): its HTTP client reaches this simulator."""
    sim = Simulator("genray", api_keys=("sk_live_good",), queue_seconds=0.0, run_seconds=0.0)
    clients: list[httpx.Client] = []

    def network_http_client() -> httpx.Client:
        clients.append(sim.http_client())
        return clients[-1]

    world.set(http_client=network_http_client)
    yield sim
    for http in clients:
        http.close()


def one_line(result: Any) -> str:
    """The error line: exactly one line on stderr, no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    line: str = lines[0]
    return line


def created_id(result: Any) -> str:
    assert result.exit_code == 0, result.output
    job_id: str = json.loads(result.stdout)["id"]
    return job_id


def stored(state_dir: Path, provider: str) -> dict[str, Any]:
    state: dict[str, Any] = json.loads((state_dir / f"simulator-{provider}.json").read_text())
    return state


# --- providers ------------------------------------------------------------------------------------
def test_providers_is_a_line_per_provider_marking_required_fields(invoke: Invoke) -> None:
    result = invoke("providers")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    for provider in PROVIDERS:
        assert any(line.startswith(provider + " ") for line in lines), provider
    assert len(lines) < 3 * len(PROVIDERS) + 6  # no longer a table of every model
    siray = next(line for line in lines if line.startswith("siray "))
    assert "!--duration" in siray
    assert "SIRAY_API_KEY" in siray
    assert "!--reference-image" in result.stdout
    assert "from_person" in result.stdout


def test_providers_shows_one_provider_and_one_model(invoke: Invoke) -> None:
    one = invoke("providers", "siray")
    assert one.exit_code == 0, one.output
    caps = seedance.capabilities("siray")
    assert caps.default_model + " *" in one.stdout
    assert "Required on every request besides --prompt: --aspect-ratio, --duration" in one.stdout
    assert "genray" not in one.stdout
    model = invoke("providers", "siray", "--model", caps.default_model)
    assert model.exit_code == 0, model.output
    rows = [line.split() for line in model.stdout.splitlines()]
    assert ["!", "--duration", "4-15s"] in rows
    assert ["--seed", "-1", "to", "9999999999"] in rows
    as_json = json.loads(
        invoke("providers", "-p", "siray", "-m", caps.default_model, "--json").stdout
    )
    assert as_json["required"] == ["duration", "resolution", "aspect_ratio", "reference_images"]
    unknown = invoke("providers", "siray", "--model", "nope", "--json")
    assert unknown.exit_code == 2
    error = json.loads(unknown.stdout)["error"]
    assert (error["field"], error["value"]) == ("--model", "nope")
    assert error["allowed"] == ", ".join(caps.models)


def test_providers_json_is_the_capabilities(invoke: Invoke) -> None:
    result = invoke("providers", "--json")
    assert result.exit_code == 0, result.output
    expected = [seedance.capabilities(provider).as_dict() for provider in PROVIDERS]
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    one = invoke("providers", "--json", "-p", "genray", "--simulated")
    assert [caps["provider"] for caps in json.loads(one.stdout)] == ["genray"]


def test_an_unknown_provider_is_one_line_and_exit_2(invoke: Invoke) -> None:
    for command in (["providers"], ["status", "x"], ["create", "--prompt", "x"]):
        result = invoke(*command, "--provider", "nope")
        assert result.exit_code == 2
        assert one_line(result) == (
            "error: --provider 'nope' is not one of: " + ", ".join(PROVIDERS)
        )


# --- create, status, wait, download ---------------------------------------------------------------
@pytest.mark.parametrize("provider", PROVIDERS)
def test_create_wait_output_writes_an_mp4_on_every_provider(
    invoke: Invoke, tmp_path: Path, provider: str
) -> None:
    video = tmp_path / "cat.mp4"
    result = invoke(
        "create", "--simulated", "-p", provider, "--prompt", "a cat cooking pasta",
        *NEEDS.get(provider, ()), "--wait", "--output", str(video),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert video.read_bytes()[4:8] == b"ftyp"
    assert f"saved     {video}" in result.stdout
    assert "succeeded" in result.stdout
    # The live displays went to stderr, finished.
    assert "100%" in result.stderr
    assert "cat.mp4" in result.stderr


def test_create_json_is_the_final_job_and_nothing_else(invoke: Invoke, tmp_path: Path) -> None:
    video = tmp_path / "v.mp4"
    result = invoke("create", "--simulated", "--prompt", "a cat", "-o", str(video), "--json")
    assert result.exit_code == 0, result.output
    job = json.loads(result.stdout)
    assert set(job) == {
        "id", "provider", "status", "model", "progress", "video_url", "error", "created_at",
        "output",
    }  # fmt: skip
    assert job["status"] == "succeeded"
    assert job["provider"] == "genray"
    assert job["output"] == str(video)
    assert job["video_url"].endswith(".mp4")
    assert result.stderr == ""


def test_create_without_wait_says_how_to_go_on(invoke: Invoke) -> None:
    result = invoke("create", "--simulated", "--prompt", "a cat")
    assert result.exit_code == 0, result.output
    assert "Created genray job" in result.stdout
    assert "seedance wait " in result.stdout
    assert "--provider genray --simulated" in result.stdout


def test_every_request_field_reaches_the_provider(invoke: Invoke, state_dir: Path) -> None:
    result = invoke(
        "create", "--simulated", "-p", "modelark", "--json",
        "--prompt", "a cat", "--model", "seedance-1-5-pro-251215", "--duration", "5",
        "--resolution", "720p", "--aspect-ratio", "16:9", "--seed", "7", "--audio",
        "--first-frame", "https://example.com/a.png", "--last-frame", "https://example.com/b.png",
        "--no-watermark", "--draft", "--webhook-url", "https://example.com/hook",
        "--extra", "service_tier=default", "--extra", "execution_expires_after=3600",
    )  # fmt: skip
    job_id = created_id(result)
    body = next(job for job in stored(state_dir, "modelark")["jobs"] if job["id"] == job_id)["body"]
    assert body["model"] == "seedance-1-5-pro-251215"
    assert (body["duration"], body["resolution"], body["ratio"], body["seed"]) == (
        5, "720p", "16:9", 7,
    )  # fmt: skip
    assert (body["generate_audio"], body["watermark"], body["draft"]) == (True, False, True)
    assert body["callback_url"] == "https://example.com/hook"
    assert body["service_tier"] == "default"  # not JSON: taken as a string
    assert body["execution_expires_after"] == 3600  # JSON
    roles = [item.get("role") for item in body["content"]]
    assert roles == [None, "first_frame", "last_frame"]


def test_references_reach_the_provider(invoke: Invoke, state_dir: Path) -> None:
    result = invoke(
        "create", "--simulated", "--json", "--prompt", "a cat",
        "--reference-image", "https://example.com/1.png",
        "--reference-image", "https://example.com/2.png",
        "--reference-video", "https://example.com/v.mp4",
        "--reference-audio", "https://example.com/a.mp3",
    )  # fmt: skip
    job_id = created_id(result)
    body = next(job for job in stored(state_dir, "genray")["jobs"] if job["id"] == job_id)["body"]
    assert body["reference_images"] == ["https://example.com/1.png", "https://example.com/2.png"]
    assert body["reference_videos"] == ["https://example.com/v.mp4"]
    assert body["reference_audios"] == ["https://example.com/a.mp3"]


def test_the_state_file_carries_a_job_across_invocations(
    invoke: Invoke, state_dir: Path, tmp_path: Path
) -> None:
    job_id = created_id(invoke("create", "--simulated", "--prompt", "a cat", "--json"))
    assert [job["id"] for job in stored(state_dir, "genray")["jobs"]] == [job_id]

    status = invoke("status", job_id, "--simulated", "--json")
    assert status.exit_code == 0, status.output
    assert json.loads(status.stdout)["id"] == job_id

    waited = invoke("wait", job_id, "--simulated", "--json")
    assert json.loads(waited.stdout)["status"] == "succeeded"

    video = tmp_path / "later.mp4"
    downloaded = invoke("download", job_id, "-o", str(video), "--simulated")
    assert downloaded.exit_code == 0, downloaded.output
    assert video.read_bytes()[4:8] == b"ftyp"

    # The job is in the file, not in some process: without the file it is gone.
    (state_dir / "simulator-genray.json").unlink()
    gone = invoke("status", job_id, "--simulated")
    assert gone.exit_code == 7
    assert f"genray has no job {job_id}" in one_line(gone)


def test_a_stored_job_ages_with_the_wall_clock(
    invoke: Invoke, state_dir: Path, world: World
) -> None:
    world.set(speed=1.0)
    job_id = created_id(
        invoke("create", "--simulated", "-p", "siray", "--prompt", "a", *NEEDS["siray"], "--json")
    )
    assert json.loads(invoke("status", job_id, "-p", "siray", "--simulated", "--json").stdout)[
        "status"
    ] in ("queued", "running")
    path = state_dir / "simulator-siray.json"
    state = json.loads(path.read_text())
    state["jobs"][0]["created"] -= 16  # 16 s ago: past the 2 s queue, half way through the run
    path.write_text(json.dumps(state))
    job = json.loads(invoke("status", job_id, "-p", "siray", "--simulated", "--json").stdout)
    assert job["status"] == "running"
    assert 0.4 <= job["progress"] <= 0.6


def test_a_broken_state_file_starts_afresh(invoke: Invoke, state_dir: Path) -> None:
    state_dir.mkdir(parents=True)
    (state_dir / "simulator-genray.json").write_text("{not json")
    result = invoke("create", "--simulated", "--prompt", "a cat", "--json")
    assert result.exit_code == 0, result.output
    assert len(stored(state_dir, "genray")["jobs"]) == 1


def test_download_of_an_unfinished_job_says_to_wait(invoke: Invoke, slow_jobs: None) -> None:
    job_id = created_id(invoke("create", "--simulated", "--prompt", "a cat", "--json"))
    result = invoke("download", job_id, "-o", "out.mp4", "--simulated")
    assert result.exit_code == 12
    line = one_line(result)
    assert f"genray job {job_id} is queued: nothing to download yet" in line
    assert f"seedance wait {job_id} --provider genray --simulated --output out.mp4" in line


def test_download_of_a_failed_job_is_exit_8(invoke: Invoke, tmp_path: Path) -> None:
    job_id = created_id(
        invoke("create", "--simulated", "--prompt", "a cat simulate:fail: no pasta", "--json")
    )
    invoke("wait", job_id, "--simulated", "--json")
    result = invoke("download", job_id, "-o", str(tmp_path / "v.mp4"), "--simulated")
    assert result.exit_code == 8
    assert one_line(result) == (
        f"error: genray job {job_id} failed: no pasta;"
        " change the prompt or inputs and create a new job"
    )


# --- cancel and list (ModelArk) -------------------------------------------------------------------
ARK_CREATE = ("create", "--simulated", "-p", "modelark", "--json", "--prompt")


def test_cancel_a_queued_modelark_job(invoke: Invoke, slow_jobs: None) -> None:
    job_id = created_id(invoke(*ARK_CREATE, "a"))
    result = invoke("cancel", job_id, "-p", "modelark", "--simulated", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "cancelled"
    human = invoke("status", job_id, "-p", "modelark", "--simulated")
    assert "cancelled" in human.stdout


def test_cancel_a_finished_modelark_job_deletes_it(invoke: Invoke) -> None:
    job_id = created_id(invoke(*ARK_CREATE, "a"))
    invoke("wait", job_id, "-p", "modelark", "--simulated", "--json")
    refused = invoke("cancel", job_id, "-p", "modelark", "--simulated")
    assert refused.exit_code == 2
    assert "has already succeeded: there is nothing to cancel" in one_line(refused)
    assert "--delete" in one_line(refused)
    unconfirmed = invoke("cancel", job_id, "-p", "modelark", "--simulated", "--delete", "--json")
    assert unconfirmed.exit_code == 2
    assert json.loads(unconfirmed.stdout)["error"]["kind"] == "confirmation_required"
    declined = CliRunner().invoke(
        app, ["cancel", job_id, "-p", "modelark", "--simulated", "--delete"], input="n\n"
    )
    assert declined.exit_code == 2  # not a terminal: --yes is required, no prompt is read
    assert invoke("status", job_id, "-p", "modelark", "--simulated").exit_code == 0
    result = invoke("cancel", job_id, "-p", "modelark", "--simulated", "--delete", "--yes")
    assert result.exit_code == 0, result.output
    assert f"Deleted the record of modelark job {job_id} (succeeded)." in result.stdout
    # The deletion is stored too.
    assert invoke("status", job_id, "-p", "modelark", "--simulated").exit_code == 7


def test_cancel_a_running_modelark_job_is_refused(invoke: Invoke, world: World) -> None:
    world.set(run_seconds=3_600_000.0)
    job_id = created_id(invoke(*ARK_CREATE, "a"))
    invoke("status", job_id, "-p", "modelark", "--simulated")
    result = invoke("cancel", job_id, "-p", "modelark", "--simulated")
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith("error: modelark refused the request (409: ")
    assert "OperationDenied.InvalidState" in line


@pytest.mark.parametrize("provider", ["genray", "siray", "anyfast"])
def test_cancel_where_unsupported_names_who_can(invoke: Invoke, provider: str) -> None:
    result = invoke("cancel", "job-1", "-p", provider, "--simulated")
    assert result.exit_code == 2
    able = [p for p in PROVIDERS if "cancel" in seedance.capabilities(p).operations]
    assert "modelark" in able
    assert one_line(result) == (
        f"error: {provider} cannot cancel a job (it has no cancel operation);"
        f" providers that can: {', '.join(able)} (--provider)"
    )


def test_list_modelark_jobs(invoke: Invoke, slow_jobs: None) -> None:
    first = created_id(invoke(*ARK_CREATE, "a"))
    second = created_id(invoke(*ARK_CREATE, "b"))
    invoke("cancel", first, "-p", "modelark", "--simulated")

    listed = invoke("list", "--simulated", "--json")
    assert listed.exit_code == 0, listed.output
    assert [job["id"] for job in json.loads(listed.stdout)] == [second, first]
    queued = json.loads(invoke("list", "--simulated", "--json", "--status", "queued").stdout)
    assert [job["id"] for job in queued] == [second]
    page = json.loads(
        invoke("list", "--simulated", "--json", "--page", "2", "--page-size", "1").stdout
    )
    assert [job["id"] for job in page] == [first]
    table = invoke("list", "--simulated")
    assert first in table.stdout
    assert second in table.stdout
    none = invoke("list", "--simulated", "--model", "other-model")
    assert "No modelark jobs." in none.stdout

    bad = invoke("list", "--simulated", "--status", "bogus")
    assert bad.exit_code == 2
    assert "--status 'bogus' is not allowed on modelark; allowed: one of queued" in one_line(bad)
    elsewhere = invoke("list", "-p", "genray", "--simulated")
    assert elsewhere.exit_code == 2
    assert "genray cannot list jobs" in one_line(elsewhere)


# --- Genray extras --------------------------------------------------------------------------------
def test_upload_account_upscale_on_genray(invoke: Invoke, tmp_path: Path) -> None:
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    uploaded = invoke("upload", str(image), "--simulated", "--json")
    assert uploaded.exit_code == 0, uploaded.output
    assert json.loads(uploaded.stdout)["full_url"].startswith("https://genray.ai/v1/files/")
    assert "full_url" in invoke("upload", str(image), "--simulated").stdout

    before = json.loads(invoke("account", "--simulated", "--json").stdout)["credits_remaining"]
    job_id = created_id(
        invoke("create", "--simulated", "--prompt", "a", "--duration", "5", "--json")
    )
    after = json.loads(invoke("account", "--simulated", "--json").stdout)["credits_remaining"]
    assert before - after == 26 * 5  # the simulated account remembers what jobs cost
    assert "credits_remaining" in invoke("account", "--simulated").stdout

    invoke("wait", job_id, "--simulated", "--json")
    upscaled = invoke("upscale", "1", "--simulated", "--json")
    assert upscaled.exit_code == 0, upscaled.output
    assert json.loads(upscaled.stdout)["resolution"] == "1440p"
    missing = invoke("upscale", "99", "--simulated")
    assert missing.exit_code == 7
    assert one_line(missing).startswith("error: genray has no video 99 (404: ")


@pytest.mark.parametrize("command", [["upload", "x.png"], ["account"], ["upscale", "1"]])
def test_genray_extras_elsewhere_are_exit_2(invoke: Invoke, command: list[str]) -> None:
    result = invoke(*command, "-p", "siray", "--simulated")
    assert result.exit_code == 2
    assert one_line(result).startswith("error: siray cannot ")
    assert "providers that can: genray" in result.stderr


def test_upload_of_a_missing_file(invoke: Invoke) -> None:
    result = invoke("upload", "nowhere.png", "--simulated")
    assert result.exit_code == 2
    assert one_line(result) == "error: nowhere.png: no such file"


# --- local files ----------------------------------------------------------------------------------
def test_local_images_are_uploaded_on_genray(
    invoke: Invoke, tmp_path: Path, state_dir: Path
) -> None:
    first = tmp_path / "first.png"
    first.write_bytes(b"\x89PNG first")
    reference = tmp_path / "ref.png"
    reference.write_bytes(b"\x89PNG ref")
    result = invoke(
        "create", "--simulated", "--prompt", "a cat",
        "--first-frame", str(first),
        "--reference-image", str(reference), "--reference-image", "https://example.com/r.png",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Uploaded {first} -> https://genray.ai/v1/files/" in result.stderr
    body = stored(state_dir, "genray")["jobs"][0]["body"]
    assert body["first_frame_url"].startswith("https://genray.ai/v1/files/upload_")
    hosted, given = body["reference_images"]
    assert hosted.startswith("https://genray.ai/v1/files/upload_")
    assert given == "https://example.com/r.png"


@pytest.mark.parametrize("provider", ["siray", "siraya", "anyfast", "modelark"])
def test_local_images_are_refused_where_nothing_hosts_them(
    invoke: Invoke, tmp_path: Path, provider: str
) -> None:
    image = tmp_path / "first.png"
    image.write_bytes(b"\x89PNG")
    option = "--reference-image" if provider == "siray" else "--first-frame"
    result = invoke("create", "--simulated", "-p", provider, "--prompt", "a", option, str(image))
    assert result.exit_code == 2
    assert one_line(result) == (
        f"error: {option} '{image}' is a local file, but {provider} cannot host uploads;"
        " pass an http(s) URL instead, or use a provider that can: genray"
    )


def test_every_missing_required_field_is_named_at_once(invoke: Invoke) -> None:
    result = invoke("create", "--simulated", "-p", "siray", "--prompt", "a", "--seed", "-9")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: 5 problems with the request on siray (nothing was sent). See `seedance providers"
        " siray`",
        "  --seed -9 is not allowed; allowed: -1 to 9999999999",
        "  --duration is required; allowed: 4 to 15",
        "  --resolution is required; allowed: one of '480p', '720p', '1080p'",
        "  --aspect-ratio is required; allowed: one of 'adaptive', '16:9', '4:3', '1:1', '3:4',"
        " '9:16', '21:9'",
        "  --reference-image is required; allowed: 1 to 9 items",
    ]
    as_json = invoke("create", "--simulated", "-p", "siray", "--prompt", "a", "--json", "--draft")
    error = json.loads(as_json.stdout)["error"]
    assert as_json.exit_code == error["exit_code"] == 2
    # What the request gives wrongly comes first (and decides the kind), what it leaves out after.
    assert (error["kind"], error["field"], error["value"]) == ("unsupported", "--draft", True)
    assert [problem["field"] for problem in error["problems"]] == [
        "--draft",
        "--duration",
        "--resolution",
        "--aspect-ratio",
        "--reference-image",
    ]
    assert as_json.stderr == ""


def test_one_problem_is_one_line(invoke: Invoke) -> None:
    result = invoke("create", "--simulated", "--prompt", "a", "--duration", "99")
    assert result.exit_code == 2
    assert one_line(result) == (
        "error: --duration 99 is not allowed on genray; allowed: 4 to 15 (model seedance-2.0)."
        " See `seedance providers --provider genray`"
    )


def test_a_missing_local_file_and_a_local_video(invoke: Invoke) -> None:
    missing = invoke("create", "--simulated", "--prompt", "a", "--first-frame", "nope.png")
    assert missing.exit_code == 2
    assert one_line(missing) == (
        "error: --first-frame 'nope.png' is neither a URL (http(s)://, data:) nor an existing file"
    )
    video = invoke("create", "--simulated", "--prompt", "a", "--reference-video", "clip.mp4")
    assert video.exit_code == 2
    assert "--reference-video 'clip.mp4' is not a URL" in one_line(video)


def test_nothing_is_uploaded_for_a_request_that_would_be_refused(
    invoke: Invoke, tmp_path: Path, faults: list[Fault]
) -> None:
    image = tmp_path / "first.png"
    image.write_bytes(b"\x89PNG")
    faults.append(Fault("status", operation="upload_file", status=500))
    result = invoke(
        "create", "--simulated", "--prompt", "a", "--first-frame", str(image), "--duration", "99"
    )
    assert result.exit_code == 2  # the duration, not the (failing) upload
    assert "--duration 99 is not allowed on genray" in one_line(result)


# --- errors ---------------------------------------------------------------------------------------
def test_invalid_values_name_the_option_and_what_is_allowed(invoke: Invoke) -> None:
    result = invoke("create", "--prompt", "a", "--duration", "99")
    assert result.exit_code == 2
    assert one_line(result) == (
        "error: --duration 99 is not allowed on genray; allowed: 4 to 15 (model seedance-2.0)."
        " See `seedance providers --provider genray`"
    )
    model = invoke("create", "--prompt", "a", "--model", "seedance-9")
    assert model.exit_code == 2
    assert "--model 'seedance-9' is not allowed on genray; allowed: one of seedance-2.0" in (
        one_line(model)
    )
    last = invoke("create", "--prompt", "a", "--last-frame", "https://example.com/a.png")
    assert last.exit_code == 2
    assert "allowed: only with a first_frame" in one_line(last)


def test_unsupported_fields_say_so(invoke: Invoke) -> None:
    result = invoke("create", "--prompt", "a", "--resolution", "720p")
    assert result.exit_code == 2
    assert one_line(result) == (
        "error: genray (seedance-2.0) does not support --resolution; drop --resolution."
        " See `seedance providers`"
    )
    audio = invoke("create", "-p", "modelark", "--prompt", "a", "--audio")
    assert audio.exit_code == 2
    assert "modelark (seedance-1-0-pro-250528) does not support --audio; models that do:" in (
        one_line(audio)
    )


def test_bad_extras_and_outputs_fail_before_anything_is_sent(
    invoke: Invoke, state_dir: Path, tmp_path: Path
) -> None:
    extra = invoke("create", "--simulated", "--prompt", "a", "--extra", "novalue")
    assert extra.exit_code == 2
    assert "--extra 'novalue' is not KEY=JSON" in one_line(extra)
    output = invoke("create", "--simulated", "--prompt", "a", "-o", str(tmp_path / "no" / "v.mp4"))
    assert output.exit_code == 2
    assert one_line(output) == (
        f"error: --output {tmp_path / 'no' / 'v.mp4'}: the folder {tmp_path / 'no'} does not exist"
    )
    assert not (state_dir / "simulator-genray.json").exists()  # no job was created


def test_missing_api_key_is_exit_3(invoke: Invoke) -> None:
    result = invoke("create", "--prompt", "a cat")
    assert result.exit_code == 3
    assert one_line(result) == (
        "error: no API key for genray: set GENRAY_API_KEY or pass --api-key"
        " (or add --simulated to try it offline, with no key)"
    )
    ark = invoke("status", "cgt-1", "-p", "modelark")
    assert ark.exit_code == 3
    assert "set MODELARK_API_KEY or ARK_API_KEY" in one_line(ark)


def test_a_rejected_key_is_exit_4(invoke: Invoke, network: Simulator) -> None:
    result = invoke("create", "--prompt", "a", "--api-key", "sk_live_wrong")
    assert result.exit_code == 4
    line = one_line(result)
    assert line.startswith("error: genray rejected the API key (401: ")
    assert line.endswith("check --api-key or GENRAY_API_KEY")
    assert "sk_live_wrong" not in result.output


def test_the_real_provider_path_runs_end_to_end(
    invoke: Invoke,
    network: Simulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    world: World,
) -> None:
    monkeypatch.setenv("GENRAY_API_KEY", "sk_live_good")
    world.set(clock=ManualClock())  # waits without waiting
    video = tmp_path / "v.mp4"
    result = invoke("create", "--prompt", "a cat", "--output", str(video), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "succeeded"
    assert video.read_bytes()[4:8] == b"ftyp"
    assert network.counters["creates_accepted"] == 1


def test_verbose_logs_without_the_key(invoke: Invoke, network: Simulator, world: World) -> None:
    world.set(clock=ManualClock())  # waits without waiting
    result = invoke("create", "--prompt", "a", "--api-key", "sk_live_good", "--verbose", "--json")
    assert result.exit_code == 0, result.output
    assert "seedance: genray create_video -> 202" in result.stderr
    assert "sk_live_good" not in result.output
    json.loads(result.stdout)


@pytest.mark.parametrize(
    ("fault", "code", "start"),
    [
        (Fault("status", operation="create_video", status=402), 5, "genray: not enough credits"),
        (
            Fault("status", operation="create_video", status=429, retry_after=120),
            6,
            "genray rate limit (429: ",
        ),
        (Fault("status", operation="create_video", status=403), 4, "genray refused this"),
        (Fault("reset_after", operation="create_video"), 10, "no answer from genray"),
        (Fault("status", operation="create_video", status=500), 11, "genray failed (500: "),
        (Fault("malformed_json", operation="create_video"), 11, "genray answered 202 with"),
    ],
    ids=["402", "429", "403", "reset", "500", "malformed"],
)
def test_api_errors_have_their_exit_code(
    invoke: Invoke, faults: list[Fault], fault: Fault, code: int, start: str
) -> None:
    faults.append(fault)
    result = invoke("create", "--simulated", "--prompt", "a cat")
    assert result.exit_code == code, result.output
    assert one_line(result).startswith("error: " + start)


def test_a_create_that_may_have_been_accepted_says_so(invoke: Invoke, faults: list[Fault]) -> None:
    faults.append(Fault("reset_after", operation="create_video"))
    line = one_line(invoke("create", "--simulated", "--prompt", "a cat"))
    assert line.endswith("the job may have been created: check before creating it again")


def test_a_failed_job_is_exit_8_with_the_job_as_json(invoke: Invoke) -> None:
    result = invoke("create", "--simulated", "--prompt", "simulate:fail: out of pasta", "--json")
    assert result.exit_code == 0
    job_id = json.loads(result.stdout)["id"]
    waited = invoke("wait", job_id, "--simulated", "--json")
    assert waited.exit_code == 8
    answer = json.loads(waited.stdout)
    job = answer["job"]
    assert job["status"] == "failed"
    assert job["error"] == {"message": "out of pasta", "code": None}
    error = answer["error"]
    assert (error["kind"], error["exit_code"], error["job_id"]) == ("job_failed", 8, job_id)
    assert error["message"].startswith(f"genray job {job_id} failed: out of pasta;")
    assert waited.stderr == ""
    human = invoke("wait", job_id, "--simulated")
    assert last_line(human).startswith(f"error: genray job {job_id} failed: out of pasta;")


def test_a_wait_timeout_is_exit_9_and_says_how_to_resume(
    invoke: Invoke, slow_jobs: None, tmp_path: Path
) -> None:
    video = tmp_path / "v.mp4"
    result = invoke(
        "create", "--simulated", "--prompt", "a", "--timeout", "0.05", "-o", str(video), "--json"
    )
    assert result.exit_code == 9
    error = json.loads(result.stdout)["error"]
    assert (error["kind"], error["exit_code"]) == ("wait_timeout", 9)
    assert error["job_id"]
    assert error["job_id"] in error["message"]
    line = error["message"]
    assert "did not finish within 0.05s (last seen queued)" in line
    assert line.endswith(f"--provider genray --simulated --output {video}`")


def test_a_broken_download_is_exit_12(
    invoke: Invoke, faults: list[Fault], tmp_path: Path, world: World
) -> None:
    world.set(clock=ManualClock())  # retries without waiting
    faults.append(Fault("truncate", operation="download", times=10))
    video = tmp_path / "v.mp4"
    result = invoke("create", "--simulated", "--prompt", "a", "-o", str(video), "--json")
    assert result.exit_code == 12
    line = "error: " + json.loads(result.stdout)["error"]["message"]
    assert line.startswith("error: download failed: ")
    assert "retry with `seedance download " in line
    assert not video.exists()


# --- the output file: checked before anything is paid for, never lost after --------------------
def test_an_existing_output_needs_overwrite_before_anything_is_sent(
    invoke: Invoke, state_dir: Path, tmp_path: Path
) -> None:
    video = tmp_path / "cat.mp4"
    video.write_bytes(b"keep me")
    refused = invoke("create", "--simulated", "--prompt", "a cat", "-o", str(video))
    assert refused.exit_code == 2
    assert one_line(refused) == f"error: --output {video} exists; pass --overwrite to replace it"
    assert not (state_dir / "simulator-genray.json").exists()  # no job was created
    assert video.read_bytes() == b"keep me"
    replaced = invoke("create", "--simulated", "--prompt", "a cat", "-o", str(video), "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert video.read_bytes()[4:8] == b"ftyp"


@pytest.mark.parametrize("command", ["create", "download"])
def test_an_unwritable_output_folder_fails_before_anything_is_sent(
    invoke: Invoke, state_dir: Path, tmp_path: Path, world: World, command: str
) -> None:
    def read_only(folder: Path, name: str) -> None:
        raise PermissionError(13, "Permission denied")

    world.set(probe_writable=read_only)
    video = tmp_path / "v.mp4"
    if command == "create":
        result = invoke("create", "--simulated", "--prompt", "a", "-o", str(video))
        option = "--output"
    else:
        result = invoke("download", "j1", "-o", str(video), "--simulated")
        option = "--output"
    assert result.exit_code == 2
    assert one_line(result) == (
        f"error: {option} {video}: cannot write in the folder {tmp_path}: Permission denied"
    )
    assert not (state_dir / "simulator-genray.json").exists()


def last_line(result: Any) -> str:
    """The error line after the live displays (stderr), with no traceback."""
    assert "Traceback" not in result.output
    line: str = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: ")
    return line


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_a_read_only_folder_is_found_out_by_trying(invoke: Invoke, state_dir: Path) -> None:
    """sysfs takes no new file, whoever asks (root included): the probe itself finds out."""
    result = invoke("create", "--simulated", "--prompt", "a", "-o", "/sys/kernel/v.mp4")
    assert result.exit_code == 2
    assert one_line(result).startswith("error: --output /sys/kernel/v.mp4: cannot write in the")
    assert not (state_dir / "simulator-genray.json").exists()


def resume_command(line: str) -> list[str]:
    """The command between backticks in an error line, as arguments for the runner."""
    command = line.split("`")[1]
    args = shlex.split(command)
    assert args[0] == "seedance"
    return args[1:]


@pytest.mark.parametrize("raised", ["DownloadError", "OSError"])
def test_a_full_disk_after_the_job_names_it_and_the_command_that_saves_it(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: str
) -> None:
    download = SeedanceClient.download

    def disk_full(self: Any, job: Any, path: Any, **options: Any) -> Path:
        full = OSError(errno.ENOSPC, "No space left on device", str(path))
        if raised == "OSError":
            raise full
        raise seedance.DownloadError(f"cannot write {path}: No space left on device") from full

    monkeypatch.setattr(SeedanceClient, "download", disk_full)
    folder = tmp_path / "my videos"
    folder.mkdir()
    video = folder / "cat 1.mp4"
    result = invoke("create", "--simulated", "--prompt", "a", "-o", str(video), "--no-verify")
    assert result.exit_code == 12
    line = last_line(result)
    job_id = result.stderr.split("Created genray job ")[1].split()[0]
    assert f"job {job_id} is not lost:" in line
    assert line.endswith(
        f"`seedance download {job_id} -o '{video}' --provider genray --simulated --no-verify`"
    )
    assert not video.exists()

    monkeypatch.setattr(SeedanceClient, "download", download)  # space was freed
    again = invoke(*resume_command(line))
    assert again.exit_code == 0, again.output
    assert video.read_bytes()[4:8] == b"ftyp"


def test_the_resume_command_keeps_overwrite(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any, job: Any, path: Any, **options: Any) -> Path:
        raise seedance.DownloadError("the server hung up")

    monkeypatch.setattr(SeedanceClient, "download", broken)
    video = tmp_path / "v.mp4"
    video.write_bytes(b"old")
    result = invoke("create", "--simulated", "--prompt", "a", "-o", str(video), "--overwrite")
    assert result.exit_code == 12
    assert last_line(result).endswith(f" {video} --provider genray --simulated --overwrite`")
    assert video.read_bytes() == b"old"


def test_no_verify_reaches_the_download(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    download = SeedanceClient.download
    seen: list[Any] = []

    def spy(self: Any, job: Any, path: Any, **options: Any) -> Path:
        seen.append(options.get("verify"))
        return download(self, job, path, **options)

    monkeypatch.setattr(SeedanceClient, "download", spy)
    video = tmp_path / "v.mp4"
    assert invoke("create", "--simulated", "--prompt", "a", "-o", str(video)).exit_code == 0
    job_id = created_id(invoke("create", "--simulated", "--prompt", "b", "--json"))
    other = tmp_path / "w.mp4"
    assert invoke("wait", job_id, "--simulated", "-o", str(other), "--no-verify").exit_code == 0
    assert invoke("download", job_id, "-o", str(other), "--simulated", "--no-verify").exit_code == 2
    assert invoke(
        "download", job_id, "-o", str(other), "--simulated", "--no-verify", "--overwrite"
    ).exit_code == 0  # fmt: skip
    assert seen == [True, False, False]


def test_no_answer_during_the_wait_names_the_job_and_how_to_resume(
    invoke: Invoke, state_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_answer(*args: Any, **kwargs: Any) -> Job:
        raise seedance.APIConnectionError(
            "ReadTimeout", provider="genray", may_have_been_accepted=True
        )

    monkeypatch.setattr(SeedanceClient, "wait", no_answer)
    video = tmp_path / "v.mp4"
    result = invoke("create", "--simulated", "--prompt", "a", "-o", str(video))
    assert result.exit_code == 10
    job_id = stored(state_dir, "genray")["jobs"][0]["id"]
    assert last_line(result) == (
        f"error: no answer from genray (https://genray.ai): ReadTimeout; check the network (or"
        f" --base-url); genray job {job_id} is not lost: resume with"
        f" `seedance wait {job_id} --provider genray --simulated --output {video}`"
    )


def test_a_redirected_create_may_have_created_the_job(invoke: Invoke, faults: list[Fault]) -> None:
    faults.append(Fault("status", operation="create_video", status=307))
    result = invoke("create", "--simulated", "--prompt", "a cat")
    assert result.exit_code == 11
    assert one_line(result).endswith(
        "(the job may have been created: check before creating it again)"
    )


def test_ctrl_c_during_a_wait_prints_how_to_resume(
    invoke: Invoke, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Job:
        raise KeyboardInterrupt

    monkeypatch.setattr(SeedanceClient, "wait", interrupted)
    result = invoke("create", "--simulated", "--prompt", "a cat", "--wait")
    assert result.exit_code == 130
    job_id = stored(state_dir, "genray")["jobs"][0]["id"]  # kept for the resume
    assert result.stderr.strip().splitlines()[-1] == (
        f"interrupted: genray job {job_id} goes on;"
        f" resume with: seedance wait {job_id} --provider genray --simulated"
    )


def test_an_unexpected_error_is_one_line_exit_1(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any, job: Any) -> Job:
        raise RuntimeError("boom")

    monkeypatch.setattr(SeedanceClient, "get", broken)
    result = invoke("status", "x", "--simulated")
    assert result.exit_code == 1
    assert one_line(result) == (
        "error: unexpected error: RuntimeError: boom (rerun with --verbose for the traceback)"
    )


def test_help_documents_the_exit_codes(invoke: Invoke) -> None:
    for command in ([], ["create"], ["status"], ["list"]):
        result = invoke(*command, "--help")
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        assert "Exit codes: 0 success" in text
        assert "130 interrupted" in text
    create_help = invoke("create", "--help").stdout
    for option in ("--first-frame", "--reference-image", "--extra", "--simulated", "--output"):
        assert option in create_help
    assert _options.EXIT_CODES[9] == "wait timed out"


# --- the live display -----------------------------------------------------------------------------
def test_the_wait_display_shows_status_progress_elapsed_and_next_poll() -> None:
    console = Console(file=StringIO(), width=120, force_terminal=False, record=True)
    job = Job(id="j1", provider="siray", status=JobStatus.QUEUED)
    polling = PollingPolicy(initial=5, maximum=5)
    display = _output.WaitDisplay(console, job, polling, provider="siray")
    with display:
        display.on_response(httpx.Response(200))
        display.update(Job(id="j1", provider="siray", status=JobStatus.RUNNING, progress=0.45))
        console.print(display.progress.make_tasks_table(display.progress.tasks))
    text = console.export_text()
    assert "siray job running" in text
    assert "45%" in text
    assert "0:00:00" in text
    assert "next poll in 4." in text or "next poll in 5.0s" in text
