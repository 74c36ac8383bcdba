"""What a maintainer sees after each kind of upstream edit, in a copy of the project: the class of
every change, the version the client must take, the gate, and every error message.

Each scenario edits a copy of ``specs/<provider>/upstream.yaml`` (or the overlay), regenerates that
provider into the copy as ``nox -s generate`` would, and checks the outcome.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline import ROOT, Outcome, PipelineError, build, check, dump_yaml, load_yaml, main

pytestmark = pytest.mark.slow

Edit = Callable[[Any], Any]
FOLDERS = ("specs", "overlays", "generated", "docs", "scripts/templates")
CODE = ("src/seedance/adapters", "src/seedance/testing/providers")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The pipeline's inputs and outputs, and the facade code it reads, copied."""
    for folder in (*FOLDERS, *CODE):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    return tmp_path


def edit_yaml(path: Path, edit: Edit) -> None:
    document = load_yaml(path)
    edit(document)
    path.write_text(dump_yaml(document), encoding="utf-8")


def set_version(project: Path, provider: str, version: str) -> None:
    path = project / "specs" / provider / "generator.yaml"
    text = re.sub(r"package_version_override: '[^']*'", f"package_version_override: '{version}'",
                  path.read_text(encoding="utf-8"))  # fmt: skip
    path.write_text(text, encoding="utf-8")


def generate(project: Path, provider: str, *, accept_lost: bool = False) -> Outcome:
    (outcome,) = build(project, only=provider, root=project, accept_lost=accept_lost)
    return outcome


def lines(outcome: Outcome) -> list[str]:
    assert outcome.verdict is not None
    return [change.line() for change in outcome.verdict.changes]


def schema(document: Any, name: str) -> Any:
    return document["components"]["schemas"][name]


def request(document: Any) -> Any:
    return schema(document, "CreateVideoRequest")["properties"]


def add_operation(document: Any) -> None:
    account = document["paths"]["/api/v1/account"]["get"]
    document["paths"]["/api/v1/models"] = {
        "get": {
            **account,
            "summary": "List models",
            "operationId": "list_models",
            "tags": ["account"],
        }
    }


# (scenario, provider, upstream edit, level, version required, expected change lines, problems)
SCENARIOS: list[tuple[str, str, Edit, str, str, list[str], list[str]]] = [
    (
        "add an optional field",
        "genray",
        lambda d: request(d).update(seed={"type": "integer", "description": "Seed."}),
        "additive",
        "1.1.0",
        [
            "additive: CreateVideoRequest.seed: new optional field",
            "additive: seedance_genray.models.CreateVideoRequest.seed: new public attribute",
        ],
        [],
    ),
    (
        "add a required field",
        "genray",
        lambda d: (
            request(d).update(seed={"type": "integer"}),
            schema(d, "CreateVideoRequest")["required"].append("seed"),
        ),
        "breaking",
        "2.0.0",
        ["breaking: CreateVideoRequest.seed: new required field"],
        [],
    ),
    (
        "remove an enum value",
        "genray",
        lambda d: request(d)["aspect_ratio"]["enum"].remove("21:9"),
        "breaking",
        "2.0.0",
        ['breaking: CreateVideoRequest.aspect_ratio: enum value "21:9" removed'],
        [],
    ),
    (
        "add an enum value to a response",
        "genray",
        lambda d: schema(d, "VideoJob")["properties"]["status"]["enum"].append("cancelled"),
        "additive",
        "1.1.0",
        [
            'additive: VideoStatus: enum value "cancelled" added (an exhaustive match on these'
            " values needs a new case)"
        ],
        [],
    ),
    (
        "widen a request bound",
        "genray",
        lambda d: request(d)["duration"].update(maximum=20),
        "additive",
        "1.1.0",
        ["additive: CreateVideoRequest.duration: maximum now 20 (was 15)"],
        [],
    ),
    (
        "narrow a request bound",
        "genray",
        lambda d: request(d)["duration"].update(maximum=10),
        "breaking",
        "2.0.0",
        ["breaking: CreateVideoRequest.duration: maximum now 10 (was 15)"],
        [],
    ),
    (
        "widen a request type",
        "genray",
        lambda d: request(d)["duration"].update(type=["integer", "string"]),
        "additive",
        "1.1.0",
        [
            "additive: CreateVideoRequest.duration: type string now allowed",
            "additive: seedance_genray.models.CreateVideoRequest.duration: annotation now"
            " `int | str | Unset` (was `int | Unset`)",
        ],
        [],
    ),
    (
        "widen a response type",
        "genray",
        lambda d: schema(d, "VideoJob")["properties"]["width"].update(type=["integer", "string"]),
        "breaking",
        "2.0.0",
        [
            "breaking: VideoJob.width: type string now allowed",
            "additive: seedance_genray.models.VideoJob.width: annotation now `int | str | Unset`"
            " (was `int | Unset`)",
        ],
        [],
    ),
    (
        "add an operation",
        "genray",
        add_operation,
        "additive",
        "1.1.0",
        [
            "additive: list_models: operation added (GET /api/v1/models)",
            "additive: seedance_genray.api.account.list_models: new public module",
        ],
        [
            "simulator genray has no handler for operation list_models, which"
            " specs/genray/openapi.yaml has"
        ],
    ),
    (
        "change a description",
        "siray",
        lambda d: d["paths"]["/v1/video/generations"]["post"].update(description="Generate."),
        "documentation",
        "1.0.1",
        ["documentation: create_video_generation: description changed"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("provider", "edit", "level", "required", "expected", "problems"),
    [scenario[1:] for scenario in SCENARIOS],
    ids=[scenario[0] for scenario in SCENARIOS],
)
def test_each_upstream_edit_is_classified_and_gated(
    project: Path,
    provider: str,
    edit: Edit,
    level: str,
    required: str,
    expected: list[str],
    problems: list[str],
) -> None:
    edit_yaml(project / "specs" / provider / "upstream.yaml", edit)

    outcome = generate(project, provider)

    assert outcome.verdict is not None
    for line in expected:
        assert line in lines(outcome), lines(outcome)
    assert outcome.verdict.level == level
    assert outcome.verdict.pending, "the version still says 1.0.0: the change waits for its bump"
    assert outcome.verdict.required == required
    for problem in problems:
        assert any(problem in line for line in outcome.problems), outcome.problems
    report = (project / "docs" / "changes" / f"{provider}.md").read_text(encoding="utf-8")
    assert f"## Unreleased: must be {required} ({level})" in report
    if level != "documentation" and "field" not in " ".join(expected):
        return  # recording a version takes one more generation: shown for three of the edits

    set_version(project, provider, required)
    recorded = generate(project, provider)

    assert recorded.verdict is not None
    assert recorded.verdict.recorded_now
    assert not recorded.verdict.pending
    history = load_yaml(project / "docs" / "changes" / f"{provider}.json")["history"]
    assert (history[0]["version"], history[0]["level"]) == (required, level)
    package = project / "generated" / f"seedance_{provider}"
    assert f'__version__ = "{required}"' in (package / "__init__.py").read_text(encoding="utf-8")


def test_a_bump_of_the_wrong_kind_is_refused(project: Path) -> None:
    edit_yaml(
        project / "specs" / "genray" / "upstream.yaml",
        lambda d: request(d)["aspect_ratio"]["enum"].remove("21:9"),
    )
    set_version(project, "genray", "1.1.0")
    outcome = generate(project, "genray")
    assert outcome.verdict is not None
    assert outcome.verdict.pending
    assert "it must take version 2.0.0, not 1.1.0," in outcome.verdict.headline()


def test_a_renamed_field_that_an_overlay_corrects_and_the_adapter_reads(project: Path) -> None:
    upstream = project / "specs" / "genray" / "upstream.yaml"
    edit_yaml(
        upstream,
        lambda d: request(d).update(reference_audio_urls=request(d).pop("reference_audios")),
    )

    with pytest.raises(PipelineError) as caught:
        generate(project, "genray")
    message = str(caught.value)
    assert message.startswith("overlays/genray.yaml: action ")
    assert "['reference_images','reference_videos','reference_audios'].items" in message
    assert "member 'reference_audios' of ['reference_images', 'reference_videos'," in message
    assert "new there since the last generation: reference_audio_urls" in message

    overlay = project / "overlays" / "genray.yaml"
    text = overlay.read_text(encoding="utf-8")
    member = "'reference_videos','reference_audios']"
    overlay.write_text(text.replace(member, member.replace("audios", "audio_urls")), "utf-8")
    outcome = generate(project, "genray")

    assert (
        "breaking: CreateVideoRequest.reference_audios: field removed (renamed to"
        " 'reference_audio_urls'?)"
    ) in lines(outcome)
    assert (
        "breaking: seedance_genray.models.CreateVideoRequest.reference_audios: public object was"
        " removed"
    ) in lines(outcome)
    problems = "\n".join(outcome.problems)
    assert "adapter genray uses field 'reference_audios' of CreateVideoRequest" in problems
    assert "adapter genray sends field 'reference_audios' (create_body)" in problems
    assert "KeyError" not in problems


def test_a_removed_operation_fails_every_action_and_name_that_used_it(project: Path) -> None:
    path = "/api/v1/videos/{video_id}/upscale"
    edit_yaml(project / "specs" / "genray" / "upstream.yaml", lambda d: d["paths"].pop(path))

    with pytest.raises(PipelineError, match=r"action \d+ .*upscale.* selects nothing"):
        generate(project, "genray")

    def drop_actions(overlay: Any) -> None:
        overlay["actions"] = [
            action for action in overlay["actions"] if f"'{path}'" not in action["target"]
        ]
        for action in overlay["actions"]:
            action["target"] = action["target"].replace(f",'{path}'", "")

    edit_yaml(project / "overlays" / "genray.yaml", drop_actions)
    with pytest.raises(PipelineError) as caught:
        generate(project, "genray")
    message = str(caught.value)
    assert "(target '$.paths.*.*'): 003_5696a40c0f91bc94.txt lists its errors for the" in message
    assert f"no longer selects $.paths['{path}'].post, which it selected when" in message
    assert "specs/genray/upstream.yaml has no such node now" in message
    assert "--accept-lost-targets" in message

    outcome = generate(project, "genray", accept_lost=True)

    assert f"breaking: upscale_video: operation removed (POST {path})" in lines(outcome)
    assert "breaking: seedance_genray.api.videos.upscale_video: public object was removed" in lines(
        outcome
    )
    problems = "\n".join(outcome.problems)
    assert "adapter genray imports upscale_video from seedance_genray.api.videos" in problems
    assert "simulator genray handles operation upscale_video, which" in problems


def test_a_wildcard_that_selects_fewer_nodes_than_last_time_fails(project: Path) -> None:
    def drop_one_default(document: Any) -> None:
        del document["paths"]["/contents/generations/tasks/{id}"]["get"]["responses"]["default"]

    edit_yaml(project / "specs" / "modelark" / "upstream.yaml", drop_one_default)
    with pytest.raises(PipelineError) as caught:
        build(project, clients=False, only="modelark", root=project)
    assert str(caught.value).startswith("overlays/modelark.yaml: action ")
    assert "(target '$.paths.*.*.responses.default'): Removes the upstream" in str(caught.value)
    assert (
        "no longer selects $.paths['/contents/generations/tasks/{id}'].get.responses.default"
        in str(caught.value)
    )


def test_a_single_target_that_no_longer_matches_names_its_action(project: Path) -> None:
    def rename(document: Any) -> None:
        document["paths"]["/api/v1/me"] = document["paths"].pop("/api/v1/account")

    edit_yaml(project / "specs" / "genray" / "upstream.yaml", rename)
    with pytest.raises(PipelineError) as caught:
        generate(project, "genray")
    assert re.match(
        r"overlays/genray\.yaml: action \d+ \(target \"\$\.paths\['/api/v1/account'\]\.get\"\):"
        r" .* selects nothing in the document",
        str(caught.value),
    )


def test_check_names_the_change_and_the_version_until_the_bump_is_recorded(
    project: Path,
) -> None:
    edit_yaml(
        project / "specs" / "genray" / "upstream.yaml",
        lambda d: request(d).update(seed={"type": "integer"}),
    )
    before = "\n".join(check(project))
    assert (
        "specs/genray/upstream.yaml: changed since generated/seedance_genray was generated"
        in before
    )
    assert "specs/genray/openapi.yaml: changed since" not in before, "no false 'changed since'"
    assert "seedance_genray: additive changes since 1.0.0: it must take version 1.1.0" in before
    assert "    additive: CreateVideoRequest.seed: new optional field" in before
    assert (
        "generated/seedance_genray/models/create_video_request.py: differs from what the pipeline"
        " produces (run `nox -s generate`)\n    --- committed: generated/seedance_genray/models/"
    ) in before
    assert "+    seed: int | Unset = UNSET" in before

    set_version(project, "genray", "1.1.0")
    assert main(["generate", "--root", str(project)]) == 0
    assert check(project) == []
    changelog = (project / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "| `seedance_genray` | 1.1.0 | additive (" in changelog
    assert "- additive: spec `CreateVideoRequest.seed`: new optional field" in changelog


def test_a_template_change_that_alters_the_code_takes_at_least_a_patch(project: Path) -> None:
    template = project / "scripts" / "templates" / "client.py.jinja"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("import ssl\n", "import ssl  # reviewed\n", 1), "utf-8")

    for _ in range(2):  # and again: the recorded version's code is what it is compared with
        outcome = generate(project, "genray")
        assert lines(outcome) == [
            "documentation: seedance_genray: the generated code changed, not its spec nor its"
            " public surface (the generator, its templates or its configuration changed): at"
            " least a patch version"
        ]
        assert outcome.verdict is not None
        assert outcome.verdict.required == "1.0.1"


def test_a_template_change_to_the_public_surface_is_classified(project: Path) -> None:
    template = project / "scripts" / "templates" / "client.py.jinja"
    text = template.read_text(encoding="utf-8")
    template.write_text(text + "\n\ndef helper() -> None:\n    pass\n", "utf-8")

    outcome = generate(project, "genray")

    assert lines(outcome) == ["additive: seedance_genray.client.helper: new public function"]
