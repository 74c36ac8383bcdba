"""The name checks find each provider's adapter and simulator where its registered unit says they
are (`project.registered_part`): in a package (fal) or within another provider's modules
(Volcengine Ark's, in ModelArk's), not only at ``<provider>.py``."""

from __future__ import annotations

import copy
import inspect
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from facade_names import adapter_problems
from package_index import PackageIndex
from project import registered_part
from simulator_names import simulator_problems

from conftest import PROVIDERS
from pipeline import ROOT, Provider, load_yaml
from seedance import registry

BY_NAME = {provider.name: provider for provider in PROVIDERS}


@pytest.mark.parametrize("name", registry.names())
def test_the_file_found_defines_what_the_registry_loads(name: str) -> None:
    unit = registry.provider(name)
    for part, loaded in (("adapter", unit.load_adapter()), ("shape", unit.load_shape())):
        found = registered_part(name, part, ROOT)
        assert found is not None, (name, part)
        path, attribute = found
        assert Path(inspect.getsourcefile(loaded) or "") == path, (name, part)
        assert attribute == getattr(unit, part).partition(":")[2], (name, part)


def test_a_provider_nobody_registered_has_no_parts() -> None:
    assert registered_part("nobody", "adapter", ROOT) is None


def _package_without(
    provider: Provider, tmp_path: Path, edit: Callable[[Path], None]
) -> PackageIndex:
    """The index of a copy of *provider*'s generated package that *edit* changed."""
    shutil.copytree(ROOT / provider.client, tmp_path / provider.package)
    edit(tmp_path / provider.package)
    return PackageIndex(provider.package, tmp_path)


def test_volcengines_adapter_within_modelarks_package_is_checked(tmp_path: Path) -> None:
    volcengine = BY_NAME["volcengine"]
    document = load_yaml(ROOT / volcengine.curated)

    def edit(package: Path) -> None:
        model = package / "models" / "task_created.py"
        model.write_text(model.read_text(encoding="utf-8").replace("    id: str\n", ""), "utf-8")

    index = _package_without(volcengine, tmp_path, edit)
    text = "\n".join(adapter_problems(volcengine, document, index, ROOT))
    assert text.startswith("src/seedance/adapters/modelark/volcengine.py:"), text
    assert "adapter volcengine reads field 'id' of TaskCreated" in text


def test_volcengines_shape_within_modelarks_simulator_is_checked() -> None:
    volcengine = BY_NAME["volcengine"]
    document = copy.deepcopy(load_yaml(ROOT / volcengine.curated))
    item = next(iter(document["paths"].values()))
    (method, operation), *_ = ((m, o) for m, o in item.items() if isinstance(o, dict))
    document["paths"]["/api/v3/models"] = {method: {**operation, "operationId": "list_models"}}

    text = "\n".join(simulator_problems(volcengine, document, ROOT))

    assert (
        "src/seedance/testing/providers/modelark.py: simulator volcengine has no handler for"
        f" operation list_models, which {volcengine.curated} has"
    ) in text


def test_fals_adapter_package_is_checked(tmp_path: Path) -> None:
    fal = BY_NAME["fal"]

    def edit(package: Path) -> None:
        (package / "api" / "queue" / "cancel_request.py").unlink()

    index = _package_without(fal, tmp_path, edit)
    text = "\n".join(adapter_problems(fal, load_yaml(ROOT / fal.curated), index, ROOT))
    assert text.startswith("src/seedance/adapters/fal/__init__.py:"), text
    assert "adapter fal imports cancel_request from seedance_fal.api.queue" in text
