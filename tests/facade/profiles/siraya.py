"""Siraya, from 002_c35801f01b0052f1.txt (create) and provider-notes.md (the asynchronous job of the
image-to-video page; errors: docs.siraya.ai/docs/api-reference/errors-code).

The create call has a second documented answer, the synchronous video list of 002
(``{data: [{url, revised_prompt}], created}``), which becomes a finished job ``sync-<created>``;
a profile has room for one create answer, so this one is the job, whose id can be polled.
"""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

JOB = "video_123"
MODEL = "ByteDance-Seedance-1.5-pro"
IMAGE = "https://your-domain.com/character.jpg"


def _job(status: str, **fields: object) -> dict[str, object]:
    return {"id": JOB, "object": "video", "status": status, **fields}


PROFILE = Profile(
    provider="siraya",
    base_url="https://llm.siraya.ai/v1",
    api_key_env="SIRAYA_API_KEY",
    # The curl example of 002 with its first + last frame mode and the other documented fields.
    request=VideoRequest(
        prompt="A shiba inu running on the beach",
        model=MODEL,
        duration=5,
        resolution="720p",
        aspect_ratio="16:9",
        seed=42,
        generate_audio=True,
        negative_prompt="blurry, low quality",
        first_frame="https://your-domain.com/start.jpg",
        last_frame="https://your-domain.com/end.jpg",
    ),
    expected_body={
        "model": MODEL,
        "prompt": "A shiba inu running on the beach",
        "resolution": "720p",
        "aspect_ratio": "16:9",
        "seconds": 5,
        "seed": 42,
        "generate_audio": True,
        "negative_prompt": "blurry, low quality",
        "frame_images": [
            {"type": "first_frame", "url": "https://your-domain.com/start.jpg"},
            {"type": "last_frame", "url": "https://your-domain.com/end.jpg"},
        ],
    },
    create=("POST", "/videos/generations"),
    create_response=(
        200,
        _job("processing", created_at=1760347750, seconds=5, model=MODEL),
    ),
    created_id=JOB,
    created_status=JobStatus.RUNNING,
    # Inferred by the curated spec (OpenAI-style); Siraya documents no status endpoint.
    get=("GET", "/videos/{id}"),
    statuses=[
        # Documented: the image-to-video page's job (provider-notes.md), `seconds` as an integer.
        StatusCase(
            body=_job("processing", created_at=1760347750, seconds=5, model=MODEL),
            status=JobStatus.RUNNING,
        ),
        # `seconds` as OpenAI's numeric string, and only the required fields.
        StatusCase(body=_job("processing", seconds="5"), status=JobStatus.RUNNING),
        StatusCase(body=_job("processing"), status=JobStatus.RUNNING),
        # Inferred: OpenAI's video job vocabulary, with its `progress` (0-100) and `error`.
        StatusCase(body=_job("queued", progress=0), status=JobStatus.QUEUED, progress=0.0),
        StatusCase(
            body=_job("in_progress", progress=40, model=MODEL),
            status=JobStatus.RUNNING,
            progress=0.4,
        ),
        # Public client code: a `completed` job's video is its `output_url`.
        StatusCase(
            body=_job(
                "completed",
                progress=100,
                model=MODEL,
                output_url="https://resource.siraya.ai/video/generated%2Fsiraya_123.mp4",
            ),
            status=JobStatus.SUCCEEDED,
            progress=1.0,
            video_url="https://resource.siraya.ai/video/generated%2Fsiraya_123.mp4",
        ),
        # A `url` (by analogy with the synchronous answer, inferred) is still read.
        StatusCase(
            body=_job("completed", url="https://resource.siraya.ai/video/b.mp4"),
            status=JobStatus.SUCCEEDED,
            video_url="https://resource.siraya.ai/video/b.mp4",
        ),
        StatusCase(
            body=_job(
                "failed",
                error={"code": "moderation_blocked", "message": "The prompt was rejected"},
            ),
            status=JobStatus.FAILED,
            error_message="The prompt was rejected",
        ),
    ],
    succeeded=_job("completed", output_url="https://files.example.com/video.mp4"),
    # {error: {message, type, param, code}} with a numeric code; the 401 body is the documented
    # example, the other messages are illustrative.
    errors=[
        ErrorCase(
            status_code=401,
            body={
                "error": {
                    "message": "Invalid API key",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": 401,
                }
            },
            code="401",
            message="Invalid API key",
        ),
        ErrorCase(
            status_code=402,
            body={
                "error": {
                    "message": "Insufficient balance",
                    "type": "insufficient_balance",
                    "param": None,
                    "code": 402,
                }
            },
            code="402",
            message="Insufficient balance",
        ),
        ErrorCase(
            status_code=403,
            body={
                "error": {
                    "message": "The request was rejected by content moderation",
                    "type": "content_policy_violation",
                    "param": "prompt",
                    "code": 403,
                }
            },
            code="403",
            message="The request was rejected by content moderation",
        ),
        ErrorCase(
            status_code=429,
            body={
                "error": {
                    "message": "Too many requests",
                    "type": "rate_limit_error",
                    "param": None,
                    "code": 429,
                }
            },
            code="429",
            message="Too many requests",
        ),
    ],
    unsupported=[
        # input_references only on the SIRAYA-Seedance-2.0 models.
        (VideoRequest(prompt="x", model=MODEL, reference_images=[IMAGE]), "reference_images"),
        (
            VideoRequest(prompt="x", model="ByteDance-Seedance-1.0-pro", reference_audios=[IMAGE]),
            "reference_audios",
        ),
        (VideoRequest(prompt="x", duration=7), "duration"),
        # 480p and 720p only (client code narrows the page: the spec's per-model rule).
        (
            VideoRequest(prompt="x", model="SIRAYA-Seedance-2.0-fast", resolution="1080p"),
            "resolution",
        ),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (VideoRequest(prompt="x", aspect_ratio="4:3"), "aspect_ratio"),
        (VideoRequest(prompt="x", model="SIRAYA-Seedance-3.0"), "model"),
        # Frames and references are exclusive modes.
        (
            VideoRequest(
                prompt="x",
                model="SIRAYA-Seedance-2.0",
                first_frame="https://your-domain.com/start.jpg",
                reference_images=[IMAGE],
            ),
            "first_frame",
        ),
        (
            VideoRequest(
                prompt="x", model="SIRAYA-Seedance-2.0-fast", reference_images=[IMAGE] * 10
            ),
            "reference_images",
        ),
        (VideoRequest(prompt="x", watermark=True), "watermark"),
        (VideoRequest(prompt="x", webhook_url="https://hooks.example.com/siraya"), "webhook_url"),
    ],
)
