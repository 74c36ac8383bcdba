"""fal (https://fal.ai): Seedance behind fal's queue, one endpoint (and input schema) per model.

A model is a fal endpoint id (``fal-ai/bytedance/seedance/v1/pro/text-to-video``,
``bytedance/seedance-2.0/reference-to-video``, ...); each has its own submit operation in the
curated spec, so each request is checked against that model's own schema. Status, result and
cancel live under the endpoint's *app* (its first two segments, ``fal-ai/bytedance`` or
``bytedance/seedance-2.0``), so a job id names both: ``<owner>:<alias>:<request_id>``, or the
bare request id for ``fal-ai/bytedance`` (the 1.0 and 1.5 endpoints), as fal-client shows it.

>>> from seedance import SeedanceClient, VideoRequest
>>> with SeedanceClient("fal") as client:  # key from FAL_KEY  # doctest: +SKIP
...     request = VideoRequest(prompt="a cat", model="bytedance/seedance-2.0/text-to-video")
...     job = client.submit(request)
>>> job.id  # doctest: +SKIP
'bytedance:seedance-2.0:764cabcf-b745-4b3e-ae38-1200304cf45b'
"""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cached_property
from types import ModuleType
from typing import Any, ClassVar
from urllib.parse import urlsplit

from seedance_fal.api.queue import cancel_request, get_request_result, get_request_status
from seedance_fal.models import QueueStatus, SeedanceVideoOutput, WebhookPayload

from ..._capabilities import ModelCapabilities, ProviderCapabilities
from ..._errors import InvalidRequestError, ResponseError, WebhookVerificationError
from ..._models import Job, JobStatus, VideoRequest
from ..._retry import PollingPolicy
from ..._spec import CuratedSpec
from .._base import Adapter, Call, WireBody, drop_unset
from ._models import class_name as _class_name
from ._models import notes as _notes
from ._signature import JWKS_URL, Jwks, check_signature

__all__ = ["ADAPTER", "DEFAULT_APP", "JWKS_URL", "FalAdapter", "Jwks", "job_id_of", "split_job_id"]


# No documented bound on `seed` (fal's schemas: an integer, "-1 for random"): JSON's int64.
_SEED = (-(2**63), 2**63 - 1)
# No documented limit on the lite model's reference images (fal's schema has no maxItems).
_UNLIMITED = 2**31 - 1
# VideoRequest field -> the body field of the models whose schema has it.
_NAMES = {
    "prompt": "prompt",
    "duration": "duration",
    "resolution": "resolution",
    "aspect_ratio": "aspect_ratio",
    "seed": "seed",
    "generate_audio": "generate_audio",
    "first_frame": "image_url",
    "last_frame": "end_image_url",
    "reference_videos": "video_urls",
    "reference_audios": "audio_urls",
}
_REFERENCE_IMAGES = ("reference_image_urls", "image_urls")  # 1.0 lite, 2.0
# Where a bare request id is looked up: the app of the default model (1.0 pro text-to-video).
DEFAULT_APP = "fal-ai/bytedance"
# The model of the create being built, and its webhook URL (a query parameter, not a body
# field): the engine asks for the body, then validates it against `create_operation`, then
# calls `create`, all in one context; the submit answer is read in the same context too.
_CREATING: ContextVar[tuple[str, str | None] | None] = ContextVar("fal_creating", default=None)
# The job a status or result call was made for (the answers do not always name their app).
_READING: ContextVar[str | None] = ContextVar("fal_reading", default=None)


def job_id_of(app: str, request_id: str) -> str:
    """The job id of fal request *request_id* of *app*: the request id itself for `DEFAULT_APP`
    (as fal's own clients show it), else ``<owner>:<alias>:<request_id>`` (no slash: a job id
    goes into paths and command lines whole).

    >>> job_id_of("fal-ai/bytedance", "764cabcf"), job_id_of("bytedance/seedance-2.0", "9f1e")
    ('764cabcf', 'bytedance:seedance-2.0:9f1e')
    """
    return request_id if app == DEFAULT_APP else f"{app.replace('/', ':')}:{request_id}"


def split_job_id(job_id: str) -> tuple[str, str, str]:
    """(owner, alias, request_id) of a fal job id: ``<owner>:<alias>:<request_id>`` as submit
    returns it (``<owner>/<alias>/<request_id>``, the path's form, is read too), or a bare
    request id (fal-client's ``request_id``), which is looked up under `DEFAULT_APP` (the 1.0
    and 1.5 endpoints' app: a 2.0 request needs its app named).

    >>> split_job_id("bytedance:seedance-2.0:764cabcf")
    ('bytedance', 'seedance-2.0', '764cabcf')
    >>> split_job_id("764cabcf")
    ('fal-ai', 'bytedance', '764cabcf')
    """
    parts = job_id.replace("/", ":").split(":") if isinstance(job_id, str) else []
    if len(parts) == 1 and parts[0]:
        owner, alias = DEFAULT_APP.split("/")
        return owner, alias, parts[0]
    if len(parts) != 3 or not all(parts):
        raise InvalidRequestError(
            "job_id",
            job_id,
            f"<owner>:<alias>:<request_id> as submit returned it, or a request id of {DEFAULT_APP}",
            provider="fal",
        )
    return parts[0], parts[1], parts[2]


class FalAdapter(Adapter):
    name = "fal"
    package = "seedance_fal"
    base_url = "https://queue.fal.run"
    # fal's clients read FAL_KEY (fal-client 1.0.3 fal_client/auth.py).
    api_key_env = ("FAL_KEY",)
    get_with = (get_request_status, "request_id")
    # fal-client polls every 0.5 s (DEFAULT_QUEUE_POLL_INTERVAL); a Seedance video takes
    # minutes, so a gentler pace loses little.
    polling = PollingPolicy(initial=2.0, maximum=10.0)
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "IN_QUEUE": JobStatus.QUEUED,
        "IN_PROGRESS": JobStatus.RUNNING,
        "COMPLETED": JobStatus.SUCCEEDED,
    }
    request_id_headers = ("x-fal-request-id", "x-request-id")
    auth_scheme = "Key"
    """fal's key goes as ``Authorization: Key <FAL_KEY>`` (fal's queue reference; fal-client)."""

    def __init__(self) -> None:
        super().__init__()
        self.jwks = Jwks()
        """fal's webhook keys: fetched from `JWKS_URL` on first use and kept a day. Replace it
        (``Jwks(keys=[...])``, or a ``fetch`` of your own) to verify offline."""
        # The app of each request submitted from this process (the webhook body names only the
        # request), newest last and bounded, so that a delivery's job has the id submit gave.
        self._apps: OrderedDict[str, str] = OrderedDict()
        self._apps_lock = threading.Lock()

    # --- the models ---------------------------------------------------------------------------
    @cached_property
    def endpoints(self) -> dict[str, tuple[str, str]]:
        """Each model (endpoint id) -> (its submit operationId, its input schema name)."""
        found: dict[str, tuple[str, str]] = {}
        for path, item in self.spec.document["paths"].items():
            post = item.get("post")
            if post is None:
                continue
            ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            found[path.lstrip("/")] = (post["operationId"], ref.rsplit("/", 1)[1])
        return found

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        models = {
            model: self._model(model, schema) for model, (_, schema) in self.endpoints.items()
        }
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=next(iter(models)),
            operations=frozenset({"cancel"}),
        )

    def _model(self, model: str, schema: str) -> ModelCapabilities:
        props = self.spec.schema(schema)["properties"]
        required = self.spec.schema(schema).get("required", ())
        images = next((name for name in _REFERENCE_IMAGES if name in props), None)

        def values(name: str) -> tuple[Any, ...] | None:
            return tuple(props[name]["enum"]) if name in props else None

        def limit(name: str | None) -> int:
            if name is None or name not in props:
                return 0
            return int(props[name].get("maxItems", _UNLIMITED))

        durations = values("duration")
        return ModelCapabilities(
            model=model,
            # fal writes durations as strings ("5"); "auto" (2.0) goes through extras.
            durations=tuple(int(d) for d in durations if d != "auto") if durations else None,
            resolutions=values("resolution"),
            aspect_ratios=values("aspect_ratio"),
            seed=_SEED if "seed" in props else None,
            max_reference_images=limit(images),
            max_reference_videos=limit("video_urls"),
            max_reference_audios=limit("audio_urls"),
            first_frame="image_url" in props,
            last_frame="end_image_url" in props,
            generate_audio="generate_audio" in props,
            webhook_url=True,
            required=tuple(
                field
                for field, body in (("first_frame", "image_url"), ("reference_images", images))
                if body in required
            ),
            notes=_notes(props),
        )

    # --- create -------------------------------------------------------------------------------
    @property
    def create_operation(self) -> str:  # type: ignore[override]
        """The submit operation of the model being created (the default model's otherwise)."""
        creating = _CREATING.get()
        model = creating[0] if creating else self.capabilities.default_model
        return self.endpoints[model][0]

    @property
    def create_with(self) -> tuple[ModuleType, Any]:  # type: ignore[override]
        """The submit operation and body model of the model being created."""
        creating = _CREATING.get()
        model = creating[0] if creating else self.capabilities.default_model
        operation_id, schema = self.endpoints[model]
        return self._operation(operation_id), self._model_class(schema)

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        _CREATING.set((caps.model, request.webhook_url))
        _READING.set(None)
        props = self.spec.schema(self.endpoints[caps.model][1])["properties"]
        body: dict[str, Any] = {}
        for field, value in request.provided().items():
            name = _NAMES.get(field)
            if field == "reference_images":
                name = next(name for name in _REFERENCE_IMAGES if name in props)
            if name is None or name not in props:
                continue  # model, webhook_url: not body fields
            body[name] = str(value) if field == "duration" else _plain(value)
        return body

    def create(self, body: dict[str, Any], *, as_built: bool = False) -> Call:
        creating = _CREATING.get()
        model = creating[0] if creating else self.capabilities.default_model
        operation_id, schema = self.endpoints[model]
        operation = self._operation(operation_id)
        arguments: dict[str, Any] = {}
        if creating and creating[1]:
            arguments["fal_webhook"] = creating[1]
        if as_built:
            order = self._order(schema)
            wire = {name: body[name] for name in sorted(body, key=lambda n: order.get(n, -1))}
            arguments["body"] = WireBody(wire)
        else:
            arguments["body"] = self._model_class(schema).from_dict(body)
        return Call(operation, arguments, idempotent=False)

    def _order(self, schema: str) -> dict[str, int]:
        found = self.spec.schema(schema)
        required = set(found.get("required", ()))
        names = list(found.get("properties", {}))
        ordered = [n for n in names if n in required] + [n for n in names if n not in required]
        return {name: index for index, name in enumerate(ordered)}

    @staticmethod
    def _operation(operation_id: str) -> ModuleType:
        return importlib.import_module(f"seedance_fal.api.queue.{operation_id}")

    def _model_class(self, schema: str) -> Any:
        title = self.spec.schema(schema).get("title", schema)
        return getattr(importlib.import_module("seedance_fal.models"), _class_name(title))

    # --- reading ------------------------------------------------------------------------------
    def get(self, job_id: str) -> Call:
        owner, alias, request_id = split_job_id(job_id)
        _READING.set(job_id)
        _CREATING.set(None)
        return Call(get_request_status, {"owner": owner, "alias": alias, "request_id": request_id})

    def result(self, job_id: str) -> Call:
        """The call that reads a COMPLETED job's output (its video): fal's status never holds it."""
        owner, alias, request_id = split_job_id(job_id)
        _READING.set(job_id)
        _CREATING.set(None)
        return Call(get_request_result, {"owner": owner, "alias": alias, "request_id": request_id})

    def cancel(self, job_id: str) -> Call:
        owner, alias, request_id = split_job_id(job_id)
        return Call(cancel_request, {"owner": owner, "alias": alias, "request_id": request_id})

    def to_job(self, parsed: Any) -> Job:
        if isinstance(parsed, SeedanceVideoOutput):
            job_id = _READING.get()
            if not job_id:
                raise ResponseError(
                    "a result answer for no known job", provider="fal", status_code=200
                )
            return self.job(
                raw=parsed, id=job_id, status=JobStatus.SUCCEEDED, video_url=parsed.video.url
            )
        if not isinstance(parsed, QueueStatus):
            raise ResponseError(
                f"not a fal queue answer: {type(parsed).__name__}", provider="fal", status_code=200
            )
        error = drop_unset(parsed.error)
        status = self.status(parsed.status)
        if status is JobStatus.SUCCEEDED and error:
            # COMPLETED, but the model failed (fal-client 1.0.3 Completed.error).
            status = JobStatus.FAILED
        reading = _READING.get()
        if reading:  # a status answer keeps the id it was asked for
            job_id = reading
        else:  # a submit answer names its request (fal-client reads `request_id` there)
            request_id = drop_unset(parsed.request_id)
            if not isinstance(request_id, str) or not request_id:
                raise ResponseError(
                    "the submit answer names no request_id", provider="fal", status_code=200
                )
            app = self._app(parsed)
            self._remember(request_id, app)
            job_id = job_id_of(app, request_id)
        return self.job(
            raw=parsed,
            id=job_id,
            status=status,
            error=self.job_error(error, drop_unset(parsed.error_type)),
        )

    def _app(self, parsed: QueueStatus) -> str:
        """owner/alias of a queue answer: from its own URLs, else from the call that got it."""
        for url in (drop_unset(parsed.status_url), drop_unset(parsed.response_url)):
            if isinstance(url, str) and "/requests/" in url:
                return urlsplit(url).path.split("/requests/", 1)[0].strip("/")
        creating = _CREATING.get()
        if creating:
            return "/".join(creating[0].split("/")[:2])
        raise ResponseError("a queue answer that names no app", provider="fal", status_code=200)

    def _remember(self, request_id: str, app: str) -> None:
        with self._apps_lock:
            self._apps.pop(request_id, None)
            self._apps[request_id] = app
            while len(self._apps) > 10_000:
                self._apps.popitem(last=False)

    def follow_up(self, job: Job) -> Call | None:
        """The call a client makes after *job* to complete it: a COMPLETED request's output
        (its video) is read from the result operation, never from the status."""
        if job.status is JobStatus.SUCCEEDED and not job.video_url:
            return self.result(job.id)
        return None

    # --- webhooks -----------------------------------------------------------------------------
    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """Verify fal's ED25519 signature and the signed timestamp (fal's webhook page).

        The signed message is the request id, user id and timestamp headers and the body's
        SHA-256 (hex), joined by newlines; the signature (hex) must match one of fal's keys
        (`jwks`). *secret* is not used: fal signs with its own keys. The job is
        ``signature_verified``; a delivery for a request this process did not submit has the
        request id alone as its id (the body does not name the app).
        """
        request_id = check_signature(body, headers, tolerance, self.jwks)
        payload = WebhookPayload.from_dict(self.webhook_event(body, "WebhookPayload"))
        if payload.request_id != request_id:
            raise WebhookVerificationError("the body's request_id is not the signed one")
        app = self._apps.get(request_id)
        job_id = job_id_of(app or DEFAULT_APP, request_id)
        output = drop_unset(payload.payload)
        if payload.status == "OK":
            # The output of a Seedance endpoint, checked as the result operation's answer is.
            data = output.to_dict() if output is not None else None
            problem = self.spec.schema_check("SeedanceVideoOutput").error(data)
            if problem is not None or not isinstance(data, dict):
                raise WebhookVerificationError(
                    "the webhook payload is not a Seedance video output: "
                    + (problem.message[:200] if problem is not None else "not an object")
                )
            video = SeedanceVideoOutput.from_dict(data).video
            return self.job(
                raw=payload, id=job_id, status=JobStatus.SUCCEEDED,
                video_url=video.url, signature_verified=True,
            )  # fmt: skip
        error = drop_unset(payload.error) or drop_unset(payload.payload_error) or "failed"
        return self.job(
            raw=payload, id=job_id, status=JobStatus.FAILED,
            error=self.job_error(error), signature_verified=True,
        )  # fmt: skip

    def error_details(self, body: Any) -> tuple[str | None, str | None]:
        """fal's errors: ``{detail: text | [{loc, msg, type}], error_type}``."""
        if isinstance(body, dict) and "detail" in body:
            detail, kind = body["detail"], body.get("error_type")
            if isinstance(detail, list) and detail and isinstance(detail[0], dict):
                item = detail[0]
                where = ".".join(str(part) for part in item.get("loc", ()))
                return _text(kind or item.get("type")), f"{where}: {item.get('msg')}"
            return _text(kind), _text(detail)
        return super().error_details(body)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


ADAPTER = FalAdapter
