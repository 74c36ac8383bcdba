"""Replicate (https://replicate.com): the bytedance/seedance-* official models as predictions.

A prediction is created with ``POST /predictions`` and ``version: "bytedance/<model>"`` (Replicate
takes an official model's name there), polled with ``GET /predictions/{id}``, cancelled with
``POST /predictions/{id}/cancel``, and reported by webhooks signed the Standard Webhooks way.
Each model has its own input schema (the curated spec validates the input per model), so the
capabilities differ per model: see ``docs/providers/replicate.md``.

>>> from seedance.adapters import adapter
>>> caps = adapter("replicate").capabilities.model("bytedance/seedance-1-lite")
>>> caps.max_reference_images, caps.generate_audio
(4, False)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
import types
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
from seedance_replicate.api.predictions import cancel_prediction, create_prediction, get_prediction
from seedance_replicate.models import Prediction, PredictionRequest

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import InvalidRequestError, WebhookVerificationError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec
from ._base import Adapter, Call, drop_unset, timestamp

__all__ = ["ADAPTER", "MODELS", "ReplicateAdapter", "signature", "signing_key"]

# Model -> the curated spec's input schema for it (one per version page the upstream transcribes).
MODELS: Mapping[str, str] = {
    "bytedance/seedance-2.0": "seedance_2_0_Input",
    "bytedance/seedance-2.0-fast": "seedance_2_0_fast_Input",
    "bytedance/seedance-1-pro": "seedance_1_pro_Input",
    "bytedance/seedance-1-lite": "seedance_1_lite_Input",
}
# VideoRequest field -> input field (the version pages' names).
_INPUT = {
    "prompt": "prompt",
    "duration": "duration",
    "resolution": "resolution",
    "aspect_ratio": "aspect_ratio",
    "seed": "seed",
    "generate_audio": "generate_audio",
    "first_frame": "image",
    "last_frame": "last_frame_image",
    "reference_images": "reference_images",
    "reference_videos": "reference_videos",
    "reference_audios": "reference_audios",
}
# Replicate's pages give no seed bounds: any integer a signed 64-bit JSON number holds.
# cancel_prediction with its answer left unparsed (see `ReplicateAdapter.cancel`).
_CANCEL = types.ModuleType(cancel_prediction.__name__, "cancel_prediction, answer unparsed")
_CANCEL._get_kwargs = cancel_prediction._get_kwargs  # type: ignore[attr-defined]
_CANCEL._parse_response = lambda **_: None  # type: ignore[attr-defined]
_ANY_SEED = (-(2**63), 2**63 - 1)
_PREFIX = "whsec_"


class ReplicateAdapter(Adapter):
    name = "replicate"
    package = "seedance_replicate"
    base_url = "https://api.replicate.com/v1"
    api_key_env = ("REPLICATE_API_TOKEN",)
    create_operation = "create_prediction"
    create_with = (create_prediction, PredictionRequest)
    get_with = (get_prediction, "prediction_id")
    # Replicate states no polling interval (its client polls every 0.5 s by default); a Seedance
    # video takes a minute or more, so 2 s growing to 10 s loses little and spares the rate limit.
    polling = PollingPolicy(initial=2.0, maximum=10.0)
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "starting": JobStatus.QUEUED,
        "processing": JobStatus.RUNNING,
        "succeeded": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
        "canceled": JobStatus.CANCELLED,
    }
    request_id_headers = ("x-request-id", "request-id", "x-replicate-request-id")

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        models = {model: _model(spec, model, schema) for model, schema in MODELS.items()}
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=next(iter(models)),
            operations=frozenset({"cancel"}),
        )

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        provided = request.provided()
        _check_combinations(provided, caps)
        inputs = {_INPUT[key]: _plain(value) for key, value in provided.items() if key in _INPUT}
        body: dict[str, Any] = {"version": caps.model, "input": inputs}
        if "webhook_url" in provided:
            body["webhook"] = provided["webhook_url"]
        return body

    def merge_extras(self, body: dict[str, Any], extras: Mapping[str, Any]) -> None:
        """A model's own options (``fps``, ``camera_fixed``, ...) go into ``input``, where each
        model's schema takes them; the prediction's own fields (``webhook_events_filter``, ...)
        stay at the top. ``{"input": {...}}`` adds to the input rather than replacing it.

        >>> from seedance.adapters import adapter
        >>> body = {"version": "bytedance/seedance-1-pro", "input": {"prompt": "a cat"}}
        >>> extras = {"fps": 24, "webhook_events_filter": ["completed"]}
        >>> adapter("replicate").merge_extras(body, extras)
        >>> body["input"], body["webhook_events_filter"]
        ({'prompt': 'a cat', 'fps': 24}, ['completed'])
        """
        top = self.spec.schema("PredictionRequest")["properties"]
        for key, value in extras.items():
            if key == "input" and isinstance(value, Mapping):
                body["input"].update(value)
            elif key in top:
                body[key] = value
            else:
                body["input"][key] = value

    def to_job(self, parsed: Any) -> Job:
        return self.job(
            raw=parsed,
            id=parsed.id,
            status=self.status(parsed.status),
            model=drop_unset(parsed.model),
            video_url=drop_unset(parsed.output),
            error=self.job_error(parsed.error),
            created_at=timestamp(parsed.created_at),
            updated_at=timestamp(parsed.completed_at) or timestamp(parsed.started_at),
        )

    def cancel(self, job_id: str) -> Call:
        # Cancelling twice leaves a prediction canceled: safe to retry. The facade's cancel returns
        # nothing, so the answer (the prediction, replicate 1.0.7 Predictions.cancel) is not
        # parsed: an accepted cancel never becomes an error over the shape of its answer.
        return Call(_CANCEL, {"prediction_id": job_id})

    def error_details(self, body: Any) -> tuple[str | None, str | None]:
        """RFC 7807 problem details (``title``, ``detail``), as the replicate client reads them."""
        if isinstance(body, dict) and ("title" in body or "detail" in body):
            title, detail = body.get("title"), body.get("detail")
            return (
                None if title is None else str(title),
                str(detail if detail is not None else title),
            )
        return super().error_details(body)

    # --- webhooks -------------------------------------------------------------------------------
    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """Verify a delivery the Standard Webhooks way, as Replicate's "Verify webhooks" page says.

        ``webhook-signature`` holds space-separated ``v1,<base64>`` entries; one must equal the
        HMAC-SHA256 of ``{webhook-id}.{webhook-timestamp}.{body}`` keyed with the base64 part of
        the ``whsec_`` secret. A ``webhook-timestamp`` more than *tolerance* seconds from now is
        refused as a replay. Only then is the body read, as the prediction it carries.
        """
        if not secret:
            raise WebhookVerificationError("replicate webhooks need the account's whsec_ secret")
        if not tolerance >= 0:  # NaN would silently accept any age
            raise WebhookVerificationError(
                f"tolerance must be 0 or more seconds, not {tolerance!r}"
            )
        lowered = {str(key).lower(): value for key, value in headers.items()}
        message_id, sent, signatures = (
            _header(lowered, name)
            for name in ("webhook-id", "webhook-timestamp", "webhook-signature")
        )
        if not sent.isascii() or not sent.isdigit():
            raise WebhookVerificationError("webhook-timestamp is not seconds since the epoch")
        expected = signature(secret, message_id, sent, body)
        offered = [entry.partition(",") for entry in signatures.split()]
        if not any(
            version == "v1" and hmac.compare_digest(value.encode("ascii", "replace"), expected)
            for version, _, value in offered
        ):
            raise WebhookVerificationError("webhook-signature does not match the delivery")
        age = time.time() - int(sent)
        if abs(age) > tolerance:
            raise WebhookVerificationError(
                f"the webhook timestamp {sent} is {age:.0f}s from now; the tolerance is"
                f" {tolerance:g}s (a replayed or delayed delivery)"
            )
        event = self.webhook_event(body, "Prediction")
        return attrs.evolve(self.to_job(Prediction.from_dict(event)), signature_verified=True)


def _check_combinations(provided: Mapping[str, Any], caps: ModelCapabilities) -> None:
    """The rules between fields the version pages state, named in VideoRequest terms (the
    curated spec holds them too, but could only say "not this combination")."""
    model = f"(model {caps.model})"
    if "reference_images" in provided:
        for frame in ("first_frame", "last_frame"):
            if frame in provided:
                raise InvalidRequestError(
                    "reference_images", provided["reference_images"],
                    f"no reference images together with {frame} {model}", provider="replicate",
                )  # fmt: skip
        if caps.model == "bytedance/seedance-1-lite" and provided.get("resolution") == "1080p":
            raise InvalidRequestError(
                "reference_images", provided["reference_images"],
                f"no reference images at resolution 1080p {model}", provider="replicate",
            )  # fmt: skip
    if "reference_audios" in provided and not (
        "reference_images" in provided or "reference_videos" in provided
    ):
        raise InvalidRequestError(
            "reference_audios", provided["reference_audios"],
            f"only with at least one reference image or video {model}", provider="replicate",
        )  # fmt: skip


def _header(headers: Mapping[str, Any], name: str) -> str:
    value = headers.get(name)
    if not isinstance(value, str) or not value:
        raise WebhookVerificationError(f"the {name} header is missing")
    return value


def signing_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret (Standard Webhooks; Replicate's format).

    >>> signing_key("whsec_c2VjcmV0")
    b'secret'
    """
    encoded = secret[len(_PREFIX) :] if secret.startswith(_PREFIX) else secret
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise WebhookVerificationError(
            "the webhook secret is not `whsec_` and a base64 key (Replicate's signing secret)"
        ) from None


def signature(secret: str, message_id: str, sent: str, body: bytes) -> bytes:
    """The base64 HMAC-SHA256 that signs one delivery: ``{id}.{timestamp}.{body}``."""
    signed = message_id.encode() + b"." + sent.encode() + b"." + body
    digest = hmac.new(signing_key(secret), signed, hashlib.sha256).digest()
    return base64.b64encode(digest)


def _model(spec: CuratedSpec, model: str, schema: str) -> ModelCapabilities:
    """One model's capabilities, read from its input schema in the curated spec."""
    fields = spec.schema(schema)["properties"]
    low, high = spec.bounds(schema, "duration")
    return ModelCapabilities(
        model=model,
        # The pages state bounds; 0 s is no video, so it is left out of -1 ("auto") to 15.
        durations=tuple(value for value in range(low, high + 1) if value != 0),
        resolutions=_values(fields["resolution"]),
        aspect_ratios=_values(fields["aspect_ratio"]),
        seed=_ANY_SEED,
        max_reference_images=_max(fields, "reference_images"),
        max_reference_videos=_max(fields, "reference_videos"),
        max_reference_audios=_max(fields, "reference_audios"),
        first_frame="image" in fields,
        last_frame="last_frame_image" in fields,
        generate_audio="generate_audio" in fields,
        webhook_url=True,
        notes=_NOTES[model],
    )


def _values(prop: Mapping[str, Any]) -> tuple[str, ...]:
    """An enum's values, also when it is split by evidence into ``anyOf`` branches."""
    if "enum" in prop:
        return tuple(prop["enum"])
    return tuple(value for branch in prop.get("anyOf", ()) for value in branch.get("enum", ()))


def _max(fields: Mapping[str, Any], name: str) -> int:
    return int(fields[name]["maxItems"]) if name in fields else 0


_NOTES = {
    "bytedance/seedance-2.0": (
        "duration -1 lets the model choose; reference images exclude first/last frames;"
        " reference audios need a reference image or video (version page d456b64a)"
    ),
    "bytedance/seedance-2.0-fast": (
        "duration -1 lets the model choose; reference images exclude first/last frames;"
        " reference audios need a reference image or video (version page 90388a62)"
    ),
    "bytedance/seedance-1-pro": "fps 24 only, camera_fixed (version page a5fd5508)",
    "bytedance/seedance-1-lite": (
        "1 to 4 reference images, not with 1080p nor with first/last frames; fps 24 only"
        " (version page f22bbc7d)"
    ),
}


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


ADAPTER = ReplicateAdapter
