"""fal, from specs/fal/upstream.yaml (fal's per-endpoint schemas and queue reference) and
overlays/fal.yaml (fal-client 1.0.3: Key authentication, `logs`, `error`/`error_type` on a
COMPLETED status, the `{detail, error_type}` error body).

fal's status answer never holds the video: a finished request's output is read from the result
operation (``GET /{owner}/{alias}/requests/{id}``, `FalAdapter.follow_up`). ``succeeded`` is
therefore the result body.
"""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

REQUEST = "764cabcf-b745-4b3e-ae38-1200304cf45b"
APP = "fal-ai/bytedance"
JOB = REQUEST  # a fal-ai/bytedance request: its job id is the bare request id
BASE = f"https://queue.fal.run/{APP}/requests/{REQUEST}"
IMAGE = "https://example.com/a.png"
URLS = {"response_url": BASE, "status_url": f"{BASE}/status", "cancel_url": f"{BASE}/cancel"}

# A finished request's status (it is SUCCEEDED once its result has been read).
COMPLETED = {
    "status": "COMPLETED",
    "request_id": REQUEST,
    "logs": None,
    "metrics": {"inference_time": 41.2},
    **URLS,
}

PROFILE = Profile(
    provider="fal",
    base_url="https://queue.fal.run",
    api_key_env="FAL_KEY",
    # The default model (1.0 pro text-to-video) with every VideoRequest field its schema has.
    request=VideoRequest(
        prompt="A bright blue race car speeds along a snowy racetrack.",
        duration=5,
        resolution="1080p",
        aspect_ratio="16:9",
        seed=42,
    ),
    expected_body={
        "prompt": "A bright blue race car speeds along a snowy racetrack.",
        "duration": "5",
        "resolution": "1080p",
        "aspect_ratio": "16:9",
        "seed": 42,
    },
    create=("POST", "/fal-ai/bytedance/seedance/v1/pro/text-to-video"),
    # The submit answer of fal's queue page (docs.fal.ai/model-endpoints/queue).
    create_response=(
        200,
        {"status": "IN_QUEUE", "request_id": REQUEST, "queue_position": 0, **URLS},
    ),
    created_id=JOB,
    created_status=JobStatus.QUEUED,
    # The shared suites ask for a bare id ("job-1"): fal's request ids, under the default app.
    get=("GET", f"/{APP}/requests/{{id}}/status"),
    statuses=[
        StatusCase(
            body={"status": "IN_QUEUE", "request_id": REQUEST, "queue_position": 3, **URLS},
            status=JobStatus.QUEUED,
        ),
        # Only the required fields (QueueStatus: status, request_id).
        StatusCase(body={"status": "IN_QUEUE", "request_id": REQUEST}, status=JobStatus.QUEUED),
        StatusCase(
            body={"status": "IN_PROGRESS", "request_id": REQUEST, "logs": [], **URLS},
            status=JobStatus.RUNNING,
        ),
        # Finished: the client then reads the result (FalAdapter.follow_up), `succeeded` below,
        # and reports its video.
        StatusCase(
            body=COMPLETED,
            status=JobStatus.SUCCEEDED,
            video_url="https://files.example.com/video.mp4",
        ),
        # A request whose model failed (fal-client 1.0.3 Completed.error, error_type).
        StatusCase(
            body={
                "status": "COMPLETED",
                "request_id": REQUEST,
                "logs": None,
                "error": "Content policy violation",
                "error_type": "content_policy_violation",
            },
            status=JobStatus.FAILED,
            error_message="Content policy violation",
        ),
    ],
    succeeded={"video": {"url": "https://files.example.com/video.mp4"}, "seed": 42},
    # fal's error body as fal-client reads it; the messages are illustrative.
    errors=[
        ErrorCase(
            status_code=401,
            body={"detail": "Unauthorized"},
            code=None,
            message="Unauthorized",
        ),
        ErrorCase(
            status_code=422,
            body={
                "detail": [
                    {"loc": ["body", "prompt"], "msg": "field required", "type": "value_error"}
                ]
            },
            code="value_error",
            message="body.prompt: field required",
        ),
        ErrorCase(
            status_code=500,
            body={"detail": "Internal error", "error_type": "internal_error"},
            code="internal_error",
            message="Internal error",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", watermark=False), "watermark"),
        (VideoRequest(prompt="x", first_frame=IMAGE), "first_frame"),
        (VideoRequest(prompt="x", generate_audio=True), "generate_audio"),
        (VideoRequest(prompt="x", reference_images=[IMAGE]), "reference_images"),
        (VideoRequest(prompt="x", duration=1), "duration"),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (VideoRequest(prompt="x", aspect_ratio="9:21"), "aspect_ratio"),
        (VideoRequest(prompt="x", model="fal-ai/flux/dev"), "model"),
    ],
    cancel=("PUT", f"/{APP}/requests/{{id}}/cancel"),
    # fal's queue names no cancelled status: a cancelled request reads COMPLETED with an error
    # (fal's queue reference; fal-client 1.0.3 Completed.error), which the facade reports FAILED.
    cancelled_status=JobStatus.FAILED,
)
