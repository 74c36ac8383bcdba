"""Every name the adapters and the simulators take from a spec or a generated package is checked
by reading their code: a name that is gone is reported with its file and line, not found as a
`KeyError` when seedance is imported."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from facade_names import adapter_problems
from package_index import PackageIndex
from simulator_names import simulator_problems

from conftest import PROVIDERS
from pipeline import ROOT, Provider, load_yaml

(GENRAY,) = [provider for provider in PROVIDERS if provider.name == "genray"]


def genray_spec() -> Any:
    return copy.deepcopy(load_yaml(ROOT / GENRAY.curated))


def committed(provider: Provider) -> PackageIndex:
    return PackageIndex(provider.package, ROOT / "generated")


def test_the_committed_adapters_and_simulators_use_only_names_that_exist(
    provider: Provider,
) -> None:
    document = load_yaml(ROOT / provider.curated)
    assert adapter_problems(provider, document, committed(provider), ROOT) == []
    assert simulator_problems(provider, document, ROOT) == []


def test_a_renamed_field_is_named_where_the_adapter_reads_and_sends_it() -> None:
    document = genray_spec()
    properties = document["components"]["schemas"]["CreateVideoRequest"]["properties"]
    properties["reference_audio_urls"] = properties.pop("reference_audios")

    problems = adapter_problems(GENRAY, document, committed(GENRAY), ROOT)

    assert len(problems) == 2, problems
    read, sent = problems
    assert read.startswith("src/seedance/adapters/genray.py:")
    assert (
        "adapter genray uses field 'reference_audios' of CreateVideoRequest"
        " (spec.max_items('CreateVideoRequest', 'reference_audios')), which"
        " specs/genray/openapi.yaml no longer has"
    ) in read
    assert (
        "adapter genray sends field 'reference_audios' (create_body), which CreateVideoRequest"
        " in specs/genray/openapi.yaml no longer has"
    ) in sent


def test_a_lost_enum_or_bound_is_named() -> None:
    document = genray_spec()
    request = document["components"]["schemas"]["CreateVideoRequest"]["properties"]
    del request["duration"]["maximum"]
    del request["aspect_ratio"]["enum"]
    text = "\n".join(adapter_problems(GENRAY, document, committed(GENRAY), ROOT))
    assert "uses maximum of field 'duration' of CreateVideoRequest" in text
    assert "uses enum of field 'aspect_ratio' of CreateVideoRequest" in text


def _package_copy(tmp_path: Path, edit: Any) -> PackageIndex:
    shutil.copytree(
        ROOT / GENRAY.client,
        tmp_path / GENRAY.package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    edit(tmp_path / GENRAY.package)
    return PackageIndex(GENRAY.package, tmp_path)


def _drop_line(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(start)), "utf-8")


def test_a_model_field_the_adapter_reads_is_checked_on_every_model_it_may_be(
    tmp_path: Path,
) -> None:
    def edit(package: Path) -> None:
        _drop_line(package / "models" / "video_job.py", "    created_at: ")
        _drop_line(package / "models" / "video_job.py", "    video_url: ")

    problems = adapter_problems(GENRAY, genray_spec(), _package_copy(tmp_path, edit), ROOT)
    text = "\n".join(problems)
    assert (
        "adapter genray reads field 'created_at' of VideoJob, which the generated model no"
        " longer has"
    ) in text
    # read with getattr(parsed, "video_url", None): missing from every model it may be
    assert "reads field 'video_url', which none of VideoJob, VideoJobCreated has any more" in text


def test_an_import_the_package_no_longer_has_is_named(tmp_path: Path) -> None:
    def edit(package: Path) -> None:
        (package / "api" / "videos" / "upscale_video.py").unlink()
        _drop_line(package / "models" / "__init__.py", "from .webhook_payload import")

    problems = adapter_problems(GENRAY, genray_spec(), _package_copy(tmp_path, edit), ROOT)
    text = "\n".join(problems)
    assert (
        "adapter genray imports upscale_video from seedance_genray.api.videos, which the"
        " generated package no longer has"
    ) in text
    assert "imports WebhookPayload from seedance_genray.models" in text


def test_the_simulator_must_handle_every_operation_and_only_those() -> None:
    document = genray_spec()
    paths = document["paths"]
    paths["/api/v1/models"] = {
        "get": {**paths["/api/v1/account"]["get"], "operationId": "list_models"}
    }
    del paths["/api/v1/videos/{video_id}/upscale"]

    text = "\n".join(simulator_problems(GENRAY, document, ROOT))

    assert (
        "src/seedance/testing/providers/genray.py: simulator genray has no handler for operation"
        " list_models, which specs/genray/openapi.yaml has"
    ) in text
    assert (
        "simulator genray handles operation upscale_video, which specs/genray/openapi.yaml no"
        " longer has"
    ) in text


@pytest.mark.parametrize("where", ["path", "body"])
def test_the_simulator_reads_only_parameters_and_fields_the_operation_has(where: str) -> None:
    document = genray_spec()
    if where == "path":
        (parameter,) = [
            parameter
            for parameter in document["paths"]["/api/v1/videos/{job_id}"]["get"]["parameters"]
            if parameter["name"] == "job_id"
        ]
        parameter["name"] = "id"
        expected = "simulator genray reads path parameter 'job_id' (get_video)"
    else:
        del document["components"]["schemas"]["CreateVideoRequest"]["properties"]["prompt"]
        del document["components"]["schemas"]["VideoFromPersonRequest"]["properties"]["prompt"]
        expected = "simulator genray reads body field 'prompt' (create_video)"
    assert expected in "\n".join(simulator_problems(GENRAY, document, ROOT))
