"""A provider whose overlay extends another provider's curated spec (Volcengine Ark extends BytePlus
ModelArk's): curated after it, from this run's curated spec, and recorded so that a change to the
base reaches it and `check` names it (scripts/project.py, ``Provider.base``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from checking import _provenance_problems
from generation import digest
from project import _dependency_order, extended_provider, registered_specs

from pipeline import ROOT, PipelineError, build, discover_providers, dump_yaml, load_yaml


def test_volcengine_is_curated_from_modelarks_curated_spec_after_it() -> None:
    providers = discover_providers(ROOT)
    names = [provider.name for provider in providers]
    (volcengine,) = [provider for provider in providers if provider.name == "volcengine"]
    assert volcengine.base == "modelark"
    assert names.index("modelark") < names.index("volcengine")
    assert volcengine.upstream == Path("specs/modelark/openapi.yaml")
    assert not (ROOT / "specs/volcengine/upstream.yaml").exists()  # no copy of an upstream
    # every other provider starts from its own upstream, in the order it always had
    others = [provider for provider in providers if provider.name != "volcengine"]
    assert all(provider.base is None for provider in others)
    assert [provider.name for provider in others] == sorted(provider.name for provider in others)


def test_the_volcengine_client_records_modelarks_curated_spec_among_its_inputs() -> None:
    provenance = json.loads(
        (ROOT / "generated/seedance_volcengine/provenance.json").read_text(encoding="utf-8")
    )
    assert set(provenance["inputs"]) == {
        "specs/modelark/openapi.yaml",
        "overlays/volcengine.yaml",
        "specs/volcengine/generator.yaml",
    }
    # in sync: the ModelArk spec it was generated from is the one committed
    assert provenance["inputs"]["specs/modelark/openapi.yaml"] == digest(
        ROOT / "specs/modelark/openapi.yaml"
    )


def test_check_names_a_modelark_change_the_volcengine_client_has_not_caught_up_with(
    tmp_path: Path,
) -> None:
    (volcengine,) = discover_providers(ROOT, "volcengine")
    committed, fresh = tmp_path / "committed", tmp_path / "fresh"
    for base in (committed, fresh):
        (base / volcengine.client).mkdir(parents=True)
        shutil.copy(ROOT / volcengine.client / "provenance.json", base / volcengine.client)
    record = json.loads((committed / volcengine.client / "provenance.json").read_text())
    record["inputs"]["specs/modelark/openapi.yaml"] = "sha256:" + "0" * 64  # an older ModelArk
    (committed / volcengine.client / "provenance.json").write_text(json.dumps(record))
    problems = _provenance_problems(volcengine, fresh, committed)
    assert problems == [
        "specs/modelark/openapi.yaml: changed since generated/seedance_volcengine was generated"
        " (run `nox -s generate` and commit the result)"
    ]


@pytest.mark.slow
def test_a_modelark_correction_reaches_volcengine_in_the_same_run(tmp_path: Path) -> None:
    for folder in ("specs", "overlays", "generated"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.pyc"))
    overlay = load_yaml(tmp_path / "overlays/modelark.yaml")
    overlay["actions"].append(
        {
            "target": "$.components.schemas.TaskStatus",
            "description": "A correction made in ModelArk's overlay only.",
            "update": {"description": "Corrected in ModelArk's overlay."},
        }
    )
    (tmp_path / "overlays/modelark.yaml").write_text(dump_yaml(overlay), encoding="utf-8")
    out = tmp_path / "out"
    build(out, clients=False, root=tmp_path)
    for name in ("modelark", "volcengine"):
        curated = load_yaml(out / "specs" / name / "openapi.yaml")
        status = curated["components"]["schemas"]["TaskStatus"]
        assert status["description"] == "Corrected in ModelArk's overlay.", name
    # and Volcengine's own actions still apply on top
    volcengine = load_yaml(out / "specs/volcengine/openapi.yaml")
    assert [server["url"] for server in volcengine["servers"]] == [
        "https://ark.cn-beijing.volces.com/api/v3"
    ]


def test_an_overlay_extending_a_curated_spec_nobody_registered_is_named(tmp_path: Path) -> None:
    (tmp_path / "overlays").mkdir()
    (tmp_path / "overlays/acme.yaml").write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nextends: ../specs/nobody/openapi.yaml\n"
        "actions: []\n"
    )
    with pytest.raises(PipelineError, match=r"overlays/acme\.yaml: 'extends: \.\./specs/nobody"):
        extended_provider("acme", tmp_path, registered_specs())
    (tmp_path / "overlays/acme.yaml").write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nextends: ../specs/acme/upstream.yaml\n"
        "actions: []\n"
    )
    assert extended_provider("acme", tmp_path, registered_specs()) is None


def test_providers_extending_each_other_in_a_cycle_are_refused() -> None:
    assert _dependency_order({"b": "a", "a": None, "c": "b"}) == ["a", "b", "c"]
    with pytest.raises(PipelineError, match=r"in a cycle: a -> b -> a"):
        _dependency_order({"a": "b", "b": "a"})


def test_refresh_of_volcengine_points_at_modelark(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline import main

    assert main(["refresh", "volcengine"]) == 1
    assert "refresh 'modelark'" in capsys.readouterr().err
