"""Genray (https://genray.ai): a job API with uploads, upscaling, account, keys and webhooks."""

from __future__ import annotations

import hashlib
import hmac
import io
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from seedance_genray.api.account import get_account
from seedance_genray.api.files import upload_file
from seedance_genray.api.keys import create_api_key, list_api_keys, revoke_api_key
from seedance_genray.api.videos import (
    create_video,
    create_video_from_person,
    get_video,
    upscale_video,
)
from seedance_genray.models import (
    CreateApiKeyRequest,
    CreateVideoRequest,
    UploadForm,
    VideoFromPersonRequest,
    WebhookPayload,
)
from seedance_genray.types import File

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import WebhookVerificationError
from .._models import Job, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec
from ._base import Adapter, Call, drop_unset, timestamp

__all__ = ["ADAPTER", "GenrayAdapter"]

_REQUEST = "CreateVideoRequest"


class GenrayAdapter(Adapter):
    name = "genray"
    package = "seedance_genray"
    base_url = "https://genray.ai"
    api_key_env = ("GENRAY_API_KEY",)
    create_operation = "create_video"
    create_with = (create_video, CreateVideoRequest)
    get_with = (get_video, "job_id")
    # Status polls count toward the per-key limit (003_5696a40c0f91bc94.txt, "Rate Limits":
    # Standard 10 requests/min, 2 concurrent jobs): a client's `Pacer` shares those 10 among its
    # jobs, so one job alone may poll every 6 s (the spec's x-polling-interval-seconds min) and
    # two every 12 s (`initial`, the plain schedule's pace). "Generation takes 30-120 seconds"
    # (same file, Quick Start): no poll before 30 s.
    polling = PollingPolicy(
        initial=12.0, maximum=20.0, growth=0.1, floor=6.0, shortest_job=30.0,
        requests_per_minute=10,
    )  # fmt: skip
    statuses: ClassVar[Mapping[str, JobStatus]] = {
        "queued": JobStatus.QUEUED,
        "processing": JobStatus.RUNNING,
        "completed": JobStatus.SUCCEEDED,
        "failed": JobStatus.FAILED,
    }

    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        low, high = spec.bounds(_REQUEST, "duration")
        models = {
            model: ModelCapabilities(
                model=model,
                durations=tuple(range(low, high + 1)),
                aspect_ratios=spec.enum(_REQUEST, "aspect_ratio"),
                max_reference_images=spec.max_items(_REQUEST, "reference_images"),
                max_reference_videos=spec.max_items(_REQUEST, "reference_videos"),
                max_reference_audios=spec.max_items(_REQUEST, "reference_audios"),
                first_frame=True,
                last_frame=True,
                webhook_url=True,
                notes="a video reference adds 18 credits/s (003_5696a40c0f91bc94.txt)",
            )
            for model in spec.enum(_REQUEST, "model")
        }
        return ProviderCapabilities(
            provider=self.name,
            models=models,
            default_model=str(spec.property_schema(_REQUEST, "model")["default"]),
            operations=frozenset({"upload", "upscale", "account", "api_keys", "from_person"}),
        )

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        names = {
            "prompt": "prompt",
            "model": "model",
            "duration": "duration",
            "aspect_ratio": "aspect_ratio",
            "first_frame": "first_frame_url",
            "last_frame": "end_frame_url",
            "reference_images": "reference_images",
            "reference_videos": "reference_videos",
            "reference_audios": "reference_audios",
            "webhook_url": "webhook_url",
        }
        provided = request.provided()
        return {names[key]: _plain(value) for key, value in provided.items() if key in names}

    def to_job(self, parsed: Any) -> Job:
        return self.job(
            raw=parsed,
            id=parsed.id,
            status=self.status(parsed.status),
            model=drop_unset(parsed.model),
            video_url=drop_unset(getattr(parsed, "video_url", None)),
            error=self.job_error(getattr(parsed, "error", None)),
            created_at=timestamp(parsed.created_at),
        )

    # --- extras -------------------------------------------------------------------------------
    def from_person(self, body: dict[str, Any]) -> Call:
        return Call(
            create_video_from_person,
            {"body": VideoFromPersonRequest.from_dict(body)},
            idempotent=False,
        )

    def upload(self, file: str | Path | bytes, filename: str | None = None) -> Call:
        if isinstance(file, bytes):
            payload, name = file, filename or "upload.bin"
        else:
            path = Path(file)
            payload, name = path.read_bytes(), filename or path.name
        form = UploadForm(file=File(payload=io.BytesIO(payload), file_name=name))
        # A repeated upload only hosts the same image twice, for free: safe to retry.
        return Call(upload_file, {"body": form})

    def upscale(self, video_id: int) -> Call:
        return Call(upscale_video, {"video_id": video_id}, idempotent=False)

    def account(self) -> Call:
        return Call(get_account)

    def create_api_key(self, webhook_url: str | None = None) -> Call:
        body = CreateApiKeyRequest.from_dict(
            {} if webhook_url is None else {"webhook_url": webhook_url}
        )
        return Call(create_api_key, {"body": body}, idempotent=False)

    def list_api_keys(self) -> Call:
        return Call(list_api_keys)

    def revoke_api_key(self, key_id: str) -> Call:
        return Call(revoke_api_key, {"id": key_id})

    # --- webhooks -----------------------------------------------------------------------------
    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """Verify ``X-Genray-Signature`` (HMAC-SHA256 of the raw body) and the signed timestamp.

        Only a delivery that passes both becomes a job, marked ``signature_verified``: a wait may
        act on it without asking the API again.
        """
        if not secret:
            raise WebhookVerificationError("genray webhooks need the key's webhook secret")
        if not tolerance >= 0:  # NaN would silently accept any age
            raise WebhookVerificationError(
                f"tolerance must be 0 or more seconds, not {tolerance!r}"
            )
        lowered = {str(key).lower(): value for key, value in headers.items()}
        signature = lowered.get("x-genray-signature", "")
        if not isinstance(signature, str):
            raise WebhookVerificationError("X-Genray-Signature is not text")
        expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise WebhookVerificationError("X-Genray-Signature does not match the body")
        payload = WebhookPayload.from_dict(self.webhook_event(body, "WebhookPayload"))
        sent = timestamp(payload.timestamp)
        if sent is None:
            raise WebhookVerificationError("the webhook has no timestamp to check its age against")
        age = (datetime.now(UTC) - sent).total_seconds()
        if abs(age) > tolerance:
            raise WebhookVerificationError(
                f"the webhook timestamp {payload.timestamp} is {age:.0f}s from now;"
                f" the tolerance is {tolerance:g}s (a replayed or delayed delivery)"
            )
        data = payload.data
        return self.job(
            raw=payload,
            id=data.id,
            status=self.status(data.status),
            video_url=drop_unset(data.video_url),
            updated_at=sent,
            signature_verified=True,
        )


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


ADAPTER = GenrayAdapter
