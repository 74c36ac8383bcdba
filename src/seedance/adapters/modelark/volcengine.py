"""Volcengine Ark (China): BytePlus ModelArk's task API on Volcengine's servers.

provider-notes.md: "same API, model ids prefixed `doubao-`", so ModelArk's adapter with
Volcengine's generated client, servers, key and model ids. Its spec is ModelArk's curated spec
plus overlays/volcengine.yaml. A module of the ModelArk adapter's package, because adapters stand
alone (docs/ARCHITECTURE.md): one may not import another's module, but this one extends
ModelArk's. Registered as ``seedance.adapters.modelark:VOLCENGINE_ADAPTER``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
from seedance_volcengine.api.tasks import create_task, delete_task, get_task, list_tasks
from seedance_volcengine.models import CreateTaskRequest, Task, TaskCreated, TaskDeleted

from ..._models import Job, JobStatus
from ..._spec import CuratedSpec
from . import _REQUEST, ModelArkAdapter, _deleting

if TYPE_CHECKING:  # at run time, the calls are ModelArk's with Volcengine's operations
    from .._base import Call

__all__ = ["VOLCENGINE_ADAPTER", "VolcengineAdapter"]

_PACKAGE = "seedance_volcengine"
_LIST = "Volcengine's model list (Hajimi-Commune/VolcanoArkDocs 模型介绍/模型列表.md)"
# Each documented Volcengine model and what it accepts beyond the spec's ranges (the durations and
# resolutions are the spec's per-model rules, overlays/volcengine.yaml cites each source). Where
# Volcengine documents a mode ModelArk's table infers, Volcengine's page is the source.
_MODELS: Mapping[str, Mapping[str, Any]] = {
    "doubao-seedance-1-0-pro-250528": {
        "first_frame": True,
        "last_frame": True,
        "notes": f"text, first frame, first and last frame: {_LIST}; 2-12 s and"
        " 480p/720p/1080p: its model page (模型介绍/推荐模型/doubao-seedance-1.0-pro.md)",
    },
    "doubao-seedance-1-0-pro-fast-251015": {
        "first_frame": True,
        "notes": f"text and first frame only (no last frame): {_LIST}; 2-12 s and"
        " 480p/720p/1080p: its model page (doubao-seedance-1.0-pro-fast.md)",
    },
    "doubao-seedance-1-0-lite-t2v-250428": {
        "notes": f"text to video only: {_LIST}; 2-12 s and 480p/720p/1080p: the"
        " Seedance 1.0 lite model page (doubao-seedance-1.0-lite.md)",
    },
    "doubao-seedance-1-0-lite-i2v-250428": {
        "first_frame": True,
        "last_frame": True,
        "max_reference_images": 4,
        "notes": "image to video: needs a first_frame or reference_images (first frame, first"
        f" and last frame, 1-4 reference images): {_LIST} and the Seedance 1.0 lite"
        " model page, which also says 2-12 s at 480p/720p/1080p, and no 1080p from reference"
        " images (the spec's rule refuses it)",
    },
    "doubao-seedance-1-5-pro-251215": {
        "first_frame": True,
        "last_frame": True,
        "generate_audio": True,
        "draft": True,
        "notes": "not in Volcengine's model list: its product page names doubao-seedance-1.5-pro"
        " (音画高精同步: sound with the picture) without an id; the id, 4-12 s, generate_audio,"
        " draft and frames are what resellers of the same model document (provider-notes.md,"
        " Anyfast; 004: third-party)",
    },
}


class VolcengineAdapter(ModelArkAdapter):
    """Volcengine Ark (China): ModelArk's task API with ``doubao-`` model ids.

    >>> from seedance import SeedanceClient, VideoRequest
    >>> client = SeedanceClient("volcengine", api_key="ark-...")  # doctest: +SKIP
    >>> job = client.submit(  # doctest: +SKIP
    ...     VideoRequest(prompt="A kitten yawns", model="doubao-seedance-1-0-pro-250528")
    ... )
    """

    name = "volcengine"
    package = _PACKAGE
    base_url = "https://ark.cn-beijing.volces.com/api/v3"
    # Volcengine's own documentation reads the key from ARK_API_KEY (overlays/volcengine.yaml);
    # VOLCENGINE_API_KEY first, so a ModelArk key in ARK_API_KEY need not serve both platforms.
    api_key_env = ("VOLCENGINE_API_KEY", "ARK_API_KEY")
    create_with = (create_task, CreateTaskRequest)  # Volcengine's generated model, not ModelArk's
    get_with = (get_task, "id")

    def _model_ids(self, spec: CuratedSpec) -> list[str]:
        return [str(model) for model in spec.property_schema(_REQUEST, "model")["examples"]]

    def _model_facts(self, model: str) -> Mapping[str, Any]:
        return _MODELS.get(model, {})

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, TaskCreated):
            return self.job(raw=parsed, id=parsed.id, status=JobStatus.QUEUED)
        return super().to_job(parsed)

    def cancel(self, job_id: str) -> Call:
        return attrs.evolve(super().cancel(job_id), operation=_DELETE_TASK)

    def list_jobs(self, *args: Any, **filters: Any) -> Call:
        """One page of tasks, as `ModelArkAdapter.list_jobs` (the same filters)."""
        return attrs.evolve(super().list_jobs(*args, **filters), operation=list_tasks)

    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """A Volcengine callback, as ModelArk's (`ModelArkAdapter.verify_webhook`)."""
        return self.to_job(Task.from_dict(self.webhook_event(body, "Task")))


_DELETE_TASK = _deleting(delete_task, TaskDeleted)

VOLCENGINE_ADAPTER = VolcengineAdapter
