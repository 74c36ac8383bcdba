"""Siraya (https://siraya.ai): an OpenAI-style gateway whose create call answers either with the
finished video or with a job to poll."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from seedance_siraya.api.videos import create_video_generation, get_video_generation
from seedance_siraya.models import GeneratedVideoList, VideoGenerationRequest

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import InvalidRequestError, ResponseError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec, curated_spec
from ._base import Adapter, Call, drop_unset, timestamp

__all__ = ["ADAPTER", "SirayaAdapter"]

_REQUEST = "VideoGenerationRequest"
_SPEC = curated_spec("siraya", "seedance_siraya")
# A synchronous answer has no job id: its id is made from its `created` time ("sync-1760347750"),
# and there is nothing to query with it.
_SYNC = "sync-"
# The spec states no seed range: any integer is passed on and the provider judges it.
_ANY_SEED = (-(2**63), 2**63 - 1)
# Reference counts per kind: Siraya documents none. Seedance 2.0's 9, 3, 3 as two other resellers
# of the model document them (Siray 000_549cd8faf9634de1.txt, Genray 003_5696a40c0f91bc94.txt) and
# as public client code enforces them on Siraya (the spec's total of 15).
_REFERENCES = {"image": 9, "video": 3, "audio": 3}
# The body is sent as documented; public client code adds `async: true` (the spec's `async`) to get
# a job at once instead of a create call held open for the whole render.
_ASYNC_NOTE = 'extras={"async": True} asks for a job to poll rather than the finished video'
_NAMES = {
    "prompt": "prompt",
    "model": "model",
    "duration": "seconds",
    "resolution": "resolution",
    "aspect_ratio": "aspect_ratio",
    "seed": "seed",
    "generate_audio": "generate_audio",
    "negative_prompt": "negative_prompt",
}


class SirayaAdapter(Adapter):
    name = "siraya"
    package = "seedance_siraya"
    base_url = str(_SPEC.document["servers"][0]["url"])
    api_key_env = ("SIRAYA_API_KEY",)
    create_operation = "create_video_generation"
    create_with = (create_video_generation, VideoGenerationRequest)
    get_with = (get_video_generation, "video_id")
    # No polling guidance is documented (nor a status endpoint: the one used is public client
    # code's, which polls every 4 s); a Seedance job takes one to a few minutes, so 5 s growing to
    # 15 s is about ten polls.
    polling = PollingPolicy(initial=5.0, maximum=15.0, growth=0.1)
    # `processing` is documented; `completed` and `failed` are what public client code reads, and
    # `queued` and `in_progress` the OpenAI-style gateway vocabulary (the spec's VideoJob.status).
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "queued": JobStatus.QUEUED,
        "in_progress": JobStatus.RUNNING,
        "processing": JobStatus.RUNNING,
        "completed": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        # The spec's rule `if input_references then model in [...]` names the models with them;
        # its per-model rules (`allOf`) narrow some models' resolutions.
        with_references = spec.schema(_REQUEST)["then"]["properties"]["model"]["enum"]
        rules = _model_rules(spec)
        models = {}
        for model in spec.enum(_REQUEST, "model"):
            rule = rules.get(model, {})
            takes_references = model in with_references
            models[model] = ModelCapabilities(
                model=model,
                durations=spec.enum(_REQUEST, "seconds"),
                resolutions=tuple(rule.get("resolution", {}).get("enum", ()))
                or spec.enum(_REQUEST, "resolution"),
                aspect_ratios=spec.enum(_REQUEST, "aspect_ratio"),
                seed=_ANY_SEED,
                max_reference_images=_REFERENCES["image"] if takes_references else 0,
                max_reference_videos=_REFERENCES["video"] if takes_references else 0,
                max_reference_audios=_REFERENCES["audio"] if takes_references else 0,
                first_frame=True,
                last_frame=True,
                generate_audio=True,
                negative_prompt=True,
                notes=(
                    "frames and references are exclusive; reference limits from client code"
                    " (002_c35801f01b0052f1.txt gives none); " + _ASYNC_NOTE
                    if takes_references
                    else "first and last frame only; no references (002_c35801f01b0052f1.txt); "
                    + _ASYNC_NOTE
                ),
            )
        example = spec.operation(self.create_operation)["requestBody"]["content"]
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=str(example["application/json"]["example"]["model"]),
            operations=frozenset(),
        )

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        provided = {**request.provided(), "model": caps.model}
        body = {_NAMES[key]: value for key, value in provided.items() if key in _NAMES}
        frames = [
            {"type": kind, "url": provided[kind]}
            for kind in ("first_frame", "last_frame")
            if kind in provided
        ]
        references = [
            {"type": kind, "url": url, "role": f"reference_{kind}"}
            for kind in ("image", "video", "audio")
            for url in provided.get(f"reference_{kind}s", ())
        ]
        if frames and references:
            raise InvalidRequestError(
                "first_frame",
                provided["first_frame"],
                "no frames together with reference_images, _videos or _audios (the modes are"
                " exclusive; describe the first frame in the prompt instead)",
                provider=self.name,
            )
        if frames:
            body["frame_images"] = frames
        if references:
            body["input_references"] = references
        return body

    def get(self, job_id: str) -> Call:
        if job_id.startswith(_SYNC):
            raise InvalidRequestError(
                "job_id",
                job_id,
                "the id of a job to poll; a synchronous answer (sync-...) is already final",
                provider=self.name,
            )
        return super().get(job_id)

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, GeneratedVideoList):
            if not parsed.data:
                raise ResponseError(
                    "the finished answer lists no video", provider=self.name, status_code=200
                )
            return self.job(
                raw=parsed,
                id=f"{_SYNC}{parsed.created}",
                status=JobStatus.SUCCEEDED,
                video_url=parsed.data[0].url,
                created_at=timestamp(parsed.created),
            )
        # The spec's `output_url`, `progress` (0-100) and `error` ({code, message}); a `url` is
        # still read, by analogy with the synchronous answer (inferred).
        error = drop_unset(parsed.error)
        progress = drop_unset(parsed.progress)
        video_url = drop_unset(parsed.output_url) or parsed.additional_properties.get("url")
        return self.job(
            raw=parsed,
            id=parsed.id,
            status=self.status(parsed.status),
            model=drop_unset(parsed.model),
            progress=progress / 100 if isinstance(progress, int) else None,
            video_url=video_url or None,
            error=None
            if error is None
            else self.job_error(drop_unset(error.message), drop_unset(error.code)),
            created_at=timestamp(parsed.created_at),
        )


def _model_rules(spec: CuratedSpec) -> dict[str, dict[str, Any]]:
    """model -> the ``then.properties`` of the spec's per-model rule that names it."""
    found: dict[str, dict[str, Any]] = {}
    for rule in spec.schema(_REQUEST).get("allOf", []):
        models = rule.get("if", {}).get("properties", {}).get("model", {}).get("enum", [])
        for model in models:
            found[str(model)] = rule.get("then", {}).get("properties", {})
    return found


ADAPTER = SirayaAdapter
