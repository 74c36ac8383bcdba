"""Genray, from 003_5696a40c0f91bc94.txt."""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

JOB = "a1b2c3d4-e5f6-4a1b-8c9d-0123456789ab"

PROFILE = Profile(
    provider="genray",
    base_url="https://genray.ai",
    api_key_env="GENRAY_API_KEY",
    request=VideoRequest(
        prompt="A cat wearing a tiny chef hat, cooking pasta in a sunlit kitchen",
        model="seedance-2.0-fast",
        duration=10,
        aspect_ratio="16:9",
        first_frame="https://example.com/first.png",
        last_frame="https://example.com/last.png",
        reference_audios=["https://example.com/a.mp3"],
        webhook_url="https://hooks.example.com/genray",
    ),
    expected_body={
        "prompt": "A cat wearing a tiny chef hat, cooking pasta in a sunlit kitchen",
        "model": "seedance-2.0-fast",
        "duration": 10,
        "aspect_ratio": "16:9",
        "first_frame_url": "https://example.com/first.png",
        "end_frame_url": "https://example.com/last.png",
        "reference_audios": ["https://example.com/a.mp3"],
        "webhook_url": "https://hooks.example.com/genray",
    },
    create=("POST", "/api/v1/videos"),
    create_response=(
        202,
        {
            "id": JOB,
            "status": "queued",
            "model": "seedance-2.0",
            "duration": 5,
            "aspect_ratio": "16:9",
            "estimated_cost": 170,
            "credits_remaining": 10630,
            "created_at": "2026-04-02T12:00:00",
        },
    ),
    created_id=JOB,
    created_status=JobStatus.QUEUED,
    get=("GET", "/api/v1/videos/{id}"),
    statuses=[
        StatusCase(body={"id": JOB, "status": "queued"}, status=JobStatus.QUEUED),
        StatusCase(body={"id": JOB, "status": "processing"}, status=JobStatus.RUNNING),
        StatusCase(
            body={
                "id": JOB,
                "status": "completed",
                "model": "seedance-2.0-pro",
                "duration": 5,
                "aspect_ratio": "16:9",
                "credits_spent": 170,
                "video_url": "https://genray.ai/videos/abc123.mp4",
                "width": 1280,
                "height": 720,
                "duration_ms": 5040,
                "cover_url": "https://genray.ai/videos/abc123_cover.jpg",
                "created_at": "2026-04-02T12:00:00",
            },
            status=JobStatus.SUCCEEDED,
            video_url="https://genray.ai/videos/abc123.mp4",
        ),
        StatusCase(
            body={"id": JOB, "status": "failed", "error": "Moderation rejected the prompt"},
            status=JobStatus.FAILED,
            error_message="Moderation rejected the prompt",
        ),
    ],
    succeeded={
        "id": JOB,
        "status": "completed",
        "video_url": "https://files.example.com/video.mp4",
    },
    errors=[
        ErrorCase(
            status_code=402,
            body={
                "detail": {
                    "error": "insufficient_credits",
                    "message": "Not enough credits. Need 170, have 50.",
                    "credits_required": 170,
                    "credits_available": 50,
                }
            },
            code="insufficient_credits",
            message="Not enough credits. Need 170, have 50.",
        ),
        ErrorCase(
            status_code=401,
            body={"detail": {"error": "unauthorized", "message": "Missing or invalid API key"}},
            code="unauthorized",
            message="Missing or invalid API key",
        ),
        ErrorCase(
            status_code=404,
            body={"detail": {"error": "not_found", "message": "Job not found"}},
            code="not_found",
            message="Job not found",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", resolution="720p"), "resolution"),
        (VideoRequest(prompt="x", seed=7), "seed"),
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", duration=16), "duration"),
        (VideoRequest(prompt="x", aspect_ratio="2:1"), "aspect_ratio"),
        (
            VideoRequest(prompt="x", reference_images=["https://e.com/i.png"] * 10),
            "reference_images",
        ),
        (VideoRequest(prompt="x", webhook_url="http://insecure.example.com"), "webhook_url"),
        (VideoRequest(prompt="x", model="seedance-3.0"), "model"),
    ],
)
