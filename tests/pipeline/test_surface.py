"""The Python surface of a generated package, compared with griffe's API check."""

from __future__ import annotations

from pathlib import Path

from schemadiff import Change
from surface import diff_surfaces, load_surface

MODEL = '''
class Job:
    """A job."""

    id: str
    status: str
    video_url: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {}
'''
OPERATION = """
from ...models.job import Job


def sync(job_id: str, *, client: object) -> Job | None:
    return None
"""


def _package(root: Path, version: str, model: str, operation: str) -> Path:
    package = root / "seedance_demo"
    (package / "models").mkdir(parents=True)
    (package / "api" / "videos").mkdir(parents=True)
    (package / "__init__.py").write_text(f'__version__ = "{version}"\n', encoding="utf-8")
    (package / "models" / "__init__.py").write_text(
        'from .job import Job\n\n__all__ = ("Job",)\n', encoding="utf-8"
    )
    (package / "models" / "job.py").write_text(model, encoding="utf-8")
    (package / "api" / "__init__.py").write_text("", encoding="utf-8")
    (package / "api" / "videos" / "__init__.py").write_text("", encoding="utf-8")
    (package / "api" / "videos" / "get_video.py").write_text(operation, encoding="utf-8")
    return root


def test_a_package_against_itself_has_no_change_but_its_version(tmp_path: Path) -> None:
    old = load_surface("seedance_demo", _package(tmp_path / "a", "1.0.0", MODEL, OPERATION))
    new = load_surface("seedance_demo", _package(tmp_path / "b", "2.0.0", MODEL, OPERATION))
    assert diff_surfaces(old, new) == []


def test_removed_renamed_added_and_retyped_objects(tmp_path: Path) -> None:
    model = (
        MODEL.replace("video_url: str | None", "output_url: str | None").replace(
            "status: str", "status: str | int"
        )
        + "\n\nclass Usage:\n    seconds: int\n"
    )
    operation = OPERATION.replace("*, client: object", "*, client: object, fields: str")
    old = load_surface("seedance_demo", _package(tmp_path / "a", "1.0.0", MODEL, OPERATION))
    new = load_surface("seedance_demo", _package(tmp_path / "b", "1.0.0", model, operation))

    changes = diff_surfaces(old, new)

    assert (
        Change("breaking", "seedance_demo.models.Job.video_url", "public object was removed")
        in changes
    )
    assert (
        Change(
            "breaking",
            "seedance_demo.api.videos.get_video.sync",
            "parameter was added as required: fields",
        )
        in changes
    )
    assert (
        Change("additive", "seedance_demo.models.Job.output_url", "new public attribute") in changes
    )
    assert Change("additive", "seedance_demo.models.Usage", "new public class") in changes
    assert (
        Change(
            "additive", "seedance_demo.models.Job.status", "annotation now `str | int` (was `str`)"
        )
        in changes
    )
