"""BytePlus ModelArk, from specs/modelark/openapi.yaml and provider-notes.md (BytePlus ModelArk)."""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

JOB = "cgt-20250101000000-abcde"
MODEL = "dreamina-seedance-2-0-260128"
PROMPT = "A kitten yawns at the camera, then curls up to sleep."


def _task(status: str, **fields: object) -> dict[str, object]:
    return {"id": JOB, "model": MODEL, "status": status, **fields}


PROFILE = Profile(
    provider="modelark",
    base_url="https://ark.ap-southeast.bytepluses.com/api/v3",
    api_key_env="MODELARK_API_KEY",
    request=VideoRequest(
        prompt=PROMPT,
        model=MODEL,
        duration=5,
        resolution="720p",
        aspect_ratio="16:9",
        seed=42,
        generate_audio=True,
        reference_images=["https://example.com/a.png", "https://example.com/b.png"],
        reference_videos=["https://example.com/reference.mp4"],
        reference_audios=["https://example.com/reference.mp3"],
        watermark=False,
        webhook_url="https://hooks.example.com/modelark",
    ),
    expected_body={
        "model": MODEL,
        "content": [
            {"type": "text", "text": PROMPT},
            {
                "type": "image_url",
                "image_url": {"url": "https://example.com/a.png"},
                "role": "reference_image",
            },
            {
                "type": "image_url",
                "image_url": {"url": "https://example.com/b.png"},
                "role": "reference_image",
            },
            {
                "type": "video_url",
                "video_url": {"url": "https://example.com/reference.mp4"},
                "role": "reference_video",
            },
            {
                "type": "audio_url",
                "audio_url": {"url": "https://example.com/reference.mp3"},
                "role": "reference_audio",
            },
        ],
        "duration": 5,
        "resolution": "720p",
        "ratio": "16:9",
        "seed": 42,
        "generate_audio": True,
        "watermark": False,
        "callback_url": "https://hooks.example.com/modelark",
    },
    create=("POST", "/contents/generations/tasks"),
    create_response=(200, {"id": JOB}),
    created_id=JOB,
    created_status=JobStatus.QUEUED,
    get=("GET", "/contents/generations/tasks/{id}"),
    statuses=[
        StatusCase(
            body=_task("queued", created_at=1767225600, updated_at=1767225600),
            status=JobStatus.QUEUED,
        ),
        StatusCase(
            body=_task("running", created_at=1767225600, updated_at=1767225605),
            status=JobStatus.RUNNING,
        ),
        StatusCase(
            body={
                "id": JOB,
                "model": "seedance-1-0-pro-250528",
                "status": "succeeded",
                "content": {"video_url": "https://example.com/cgt-20250101000000-abcde.mp4"},
                "usage": {"completion_tokens": 108900, "total_tokens": 108900},
                "created_at": 1767225600,
                "updated_at": 1767225690,
                "seed": 1276,
                "resolution": "720p",
                "ratio": "16:9",
                "duration": 5,
                "framespersecond": 24,
                "generate_audio": False,
                "draft": False,
                "service_tier": "default",
                "execution_expires_after": 172800,
            },
            status=JobStatus.SUCCEEDED,
            video_url="https://example.com/cgt-20250101000000-abcde.mp4",
        ),
        StatusCase(
            body=_task(
                "failed",
                error={
                    "code": "OutputVideoSensitiveContentDetected",
                    "message": "The request failed because the output video may contain"
                    " sensitive information.",
                },
                created_at=1767225600,
                updated_at=1767225650,
            ),
            status=JobStatus.FAILED,
            error_message="The request failed because the output video may contain sensitive"
            " information.",
        ),
        StatusCase(body=_task("cancelled", error=None), status=JobStatus.CANCELLED),
        StatusCase(body=_task("expired", execution_expires_after=3600), status=JobStatus.EXPIRED),
        # Words a gateway relaying this API handles (QuantumNous/new-api; overlays/modelark.yaml,
        # TaskStatus), with task fields only the official SDK and the gateway name.
        StatusCase(body=_task("pending", error=None), status=JobStatus.QUEUED),
        StatusCase(
            body=_task("processing", priority=0, tools=[{"type": "web_search"}]),
            status=JobStatus.RUNNING,
        ),
    ],
    succeeded=_task("succeeded", content={"video_url": "https://files.example.com/video.mp4"}),
    errors=[
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "code": "MissingParameter",
                    "message": "The request failed because it is missing the `content` parameter.",
                    "type": "BadRequest",
                }
            },
            code="MissingParameter",
            message="The request failed because it is missing the `content` parameter.",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "code": "InvalidParameter",
                    "message": "The parameter `ratio` specified in the request is not valid.",
                    "type": "BadRequest",
                }
            },
            code="InvalidParameter",
            message="The parameter `ratio` specified in the request is not valid.",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "code": "SensitiveContentDetected",
                    "message": "The request failed because the input text may contain"
                    " sensitive information.",
                    "type": "BadRequest",
                }
            },
            code="SensitiveContentDetected",
            message="The request failed because the input text may contain sensitive information.",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "code": "InputImageSensitiveContentDetected",
                    "message": "The request failed because the input image may contain"
                    " sensitive information.",
                    "type": "BadRequest",
                }
            },
            code="InputImageSensitiveContentDetected",
            message="The request failed because the input image may contain sensitive information.",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", seed=2**31), "seed"),
        (VideoRequest(prompt="x", aspect_ratio="2:1"), "aspect_ratio"),
        (
            VideoRequest(
                prompt="x",
                model="seedance-1-0-pro-250528",
                reference_videos=["https://e.com/v.mp4"],
            ),
            "reference_videos",
        ),
        (
            VideoRequest(
                prompt="x",
                model="seedance-1-5-pro-251215",
                reference_audios=["https://e.com/a.mp3"],
            ),
            "reference_audios",
        ),
        (
            VideoRequest(prompt="x", model="seedance-1-0-pro-250528", generate_audio=True),
            "generate_audio",
        ),
        (
            VideoRequest(
                prompt="x", model="seedance-1-0-lite-t2v-250428", first_frame="https://e.com/f.png"
            ),
            "first_frame",
        ),
        (VideoRequest(prompt="x", model="seedance-1-0-lite-i2v-250428"), "first_frame"),
        (
            VideoRequest(
                prompt="x",
                model="seedance-1-0-pro-fast-251015",
                first_frame="https://e.com/f.png",
                last_frame="https://e.com/l.png",
            ),
            "last_frame",
        ),
        (VideoRequest(prompt="x", model="seedance-1-5-pro-251215", duration=13), "duration"),
        # The default model (seedance-1-0-pro-250528): 2 to 12 s at 480p, 720p or 1080p.
        (VideoRequest(prompt="x", duration=0), "duration"),
        (VideoRequest(prompt="x", duration=-5), "duration"),
        (VideoRequest(prompt="x", duration=999), "duration"),
        (VideoRequest(prompt="x", duration=1), "duration"),
        (VideoRequest(prompt="x", duration=13), "duration"),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (VideoRequest(prompt="x", resolution="1440p"), "resolution"),
        (VideoRequest(prompt="x", model="doubao-seedance-1-0-pro-250528", duration=0), "duration"),
        (VideoRequest(prompt="x", model="seedance-1-0-pro-fast-251015", duration=999), "duration"),
        (
            VideoRequest(prompt="x", model="seedance-1-0-lite-t2v-250428", resolution="4k"),
            "resolution",
        ),
        (VideoRequest(prompt="x", model=MODEL, duration=16), "duration"),
        (VideoRequest(prompt="x", model=MODEL, resolution="4k"), "resolution"),
        (
            VideoRequest(prompt="x", model=MODEL, reference_images=["https://e.com/i.png"] * 10),
            "reference_images",
        ),
        (VideoRequest(prompt="x", extras={"frames": 30}), "frames"),
    ],
    cancel=("DELETE", "/contents/generations/tasks/{id}"),
)
