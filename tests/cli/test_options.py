"""The options every job command shares, declared once (`_options.job_command`): each job command
has each of them once, with the same help, and parses them into the same `Common`; no command
declares one of them by hand."""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any, get_args

import pytest
import typer
from typer.core import TyperCommand, TyperGroup, TyperOption
from typer.models import OptionInfo
from typer.testing import CliRunner

import seedance
from seedance.adapters import adapter
from seedance.cli import _options, app
from seedance.cli._options import Common, ProviderOption, job_command

# Each job command, with the arguments it needs besides the shared options.
JOB_COMMANDS: dict[str, list[str]] = {
    "create": ["--prompt", "a cat"],
    "status": ["job-1"],
    "wait": ["job-1"],
    "download": ["job-1", "-o", "video.mp4"],
    "cancel": ["job-1"],
    "upload": ["cat.png"],
    "account": [],
    "upscale": ["1"],
    "list": [],
}
# The commands that take options of the same names with their own meaning, and why.
OWN_OPTIONS = {
    "batch": "its --json and --simulated say what a batch does; --provider is required",
    "providers": "a local matrix: --provider is a filter, --simulated is accepted for symmetry",
    "verify": "a contract test, not a job: no --simulated, and --json is its findings",
    "proxy": "serves a proxy: --provider names the spec it checks against",
    "simulate": "serves simulators: --provider is repeatable",
}
SHARED_HELP = {
    flag: get_args(option)[1].help
    for flag, option in (
        ("--provider", _options.ProviderOption),
        ("--api-key", _options.ApiKeyOption),
        ("--base-url", _options.BaseUrlOption),
        ("--json", _options.JsonOption),
        ("--simulated", _options.SimulatedOption),
        ("--verbose", _options.VerboseOption),
    )
}


def commands() -> dict[str, TyperCommand]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    found = {name: each for name, each in group.commands.items() if isinstance(each, TyperCommand)}
    assert len(found) == len(group.commands)
    return found


def flags_written_in(command: TyperCommand) -> set[str]:
    """The option names the command's function declares itself (not those added for it)."""
    assert command.callback is not None
    function = inspect.unwrap(command.callback)
    flags: set[str] = set()
    for parameter in inspect.signature(function, eval_str=True).parameters.values():
        for info in get_args(parameter.annotation)[1:]:
            if isinstance(info, OptionInfo):
                names = [info.default, *(info.param_decls or ())]
                flags.update(f for n in names if isinstance(n, str) for f in n.split("/"))
    return flags


def test_the_shared_options_are_the_job_commands_own_once_each() -> None:
    found = commands()
    assert set(JOB_COMMANDS) <= set(found)
    for name in JOB_COMMANDS:
        options = [p for p in found[name].params if isinstance(p, TyperOption)]
        for flag, help_text in SHARED_HELP.items():
            having = [option for option in options if flag in option.opts]
            assert len(having) == 1, (name, flag)
            assert having[0].help == help_text, (name, flag)
        assert not flags_written_in(found[name]) & set(SHARED_HELP), name


def test_no_command_declares_a_shared_option_by_hand() -> None:
    assert set(OWN_OPTIONS) <= set(commands())
    for name, command in commands().items():
        if name in OWN_OPTIONS:
            continue
        by_hand = flags_written_in(command) & set(SHARED_HELP)
        assert not by_hand, f"{name} declares {by_hand}: use _options.job_command"


def test_job_command_refuses_a_function_that_declares_a_shared_option() -> None:
    def by_hand(common: Common, provider: ProviderOption = "genray") -> None:
        """Declares --provider itself."""

    def without_common(job_id: str) -> None:
        """Takes no Common."""

    with pytest.raises(TypeError, match=r"by_hand\(\) declares provider"):
        job_command(typer.Typer())(by_hand)
    with pytest.raises(TypeError, match=r"without_common\(\) takes no `common"):
        job_command(typer.Typer())(without_common)


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[Common]:
    """The Common each job command hands to `run` (which then runs nothing)."""
    seen: list[Common] = []
    for name in JOB_COMMANDS:
        callback = commands()[name].callback
        assert callback is not None
        module = sys.modules[inspect.unwrap(callback).__module__]
        monkeypatch.setattr(module, "run", lambda common, action: seen.append(common))
    return seen


@pytest.mark.parametrize("name", list(JOB_COMMANDS))
def test_each_job_command_parses_the_shared_options_into_the_same_common(
    name: str, captured: list[Common]
) -> None:
    runner = CliRunner()
    given = [
        "--provider", "siray", "--api-key", "sk_test_FAKE", "--base-url", "http://127.0.0.1:9",
        "--json", "--simulated", "--verbose",
    ]  # fmt: skip
    for args in (given, ["-p", "siray", "-v", "--simulated", "--json"], []):
        result = runner.invoke(app, [name, *JOB_COMMANDS[name], *args])
        assert result.exit_code == 0, result.output
    default = "modelark" if name == "list" else _options.DEFAULT_PROVIDER
    assert captured == [
        Common("siray", "sk_test_FAKE", "http://127.0.0.1:9", True, True, True),
        Common("siray", None, None, True, True, True),
        Common(default),
    ]


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the command in *tmp_path*, simulated jobs kept there, with no API key anywhere (a
    command that missed --simulated would fail with exit 3 instead of reaching a provider)."""
    monkeypatch.setenv("SEEDANCE_STATE_DIR", str(tmp_path / "state"))
    for provider in seedance.providers():
        for name in adapter(provider).api_key_env:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def test_json_simulated_and_provider_reach_every_job_command(invoke: Any, tmp_path: Path) -> None:
    shared = ("--json", "--simulated", "--provider", "modelark")
    created = invoke("create", "--prompt", "a cat", *shared)
    assert created.exit_code == 0, created.output
    job = json.loads(created.stdout)
    assert job["provider"] == "modelark"
    job_id = job["id"]
    listed = invoke("list", *shared)
    assert [each["id"] for each in json.loads(listed.stdout)] == [job_id]
    for command in (["status", job_id], ["wait", job_id], ["download", job_id, "-o", "a.mp4"]):
        result = invoke(*command, *shared)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == job_id, command
    assert (tmp_path / "a.mp4").is_file()
    finished = invoke("cancel", job_id, *shared)
    error = json.loads(finished.stdout)["error"]
    assert (finished.exit_code, error["kind"], error["job_id"]) == (2, "already_finished", job_id)
    (tmp_path / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    for command in (["upload", "cat.png"], ["account"], ["upscale", "1"]):
        result = invoke(*command, *shared)  # Genray's extras: modelark offers none of them
        assert result.exit_code == 2, command
        assert json.loads(result.stdout)["error"]["message"].startswith("modelark cannot ")
