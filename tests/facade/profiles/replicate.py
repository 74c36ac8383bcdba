"""Replicate, from its HTTP API document (predictions create/get/cancel, the five statuses) and the
bytedance/seedance-* version pages (the inputs), as specs/replicate/upstream.yaml assembles them;
errors are RFC 7807 problem details as the official client (replicate 1.0.7) reads them."""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

PREDICTION = "gm3qorzdhgbfurvjtvhg6dckhu"
MODEL = "bytedance/seedance-2.0"
VERSION = "d456b64a60da3903c3692f7128d491004d021bbc2e1e19c63bccb117d3f4ab7b"
IMAGE = "https://example.com/ref.png"
VIDEO = "https://example.com/motion.mp4"
AUDIO = "https://example.com/voice.mp3"


def _prediction(status: str, **fields: object) -> dict[str, object]:
    url = f"https://api.replicate.com/v1/predictions/{PREDICTION}"
    return {
        "id": PREDICTION,
        "model": MODEL,
        "version": VERSION,
        "input": {"prompt": "a lighthouse at dusk"},
        "logs": "",
        "output": None,
        "error": None,
        "status": status,
        "created_at": "2026-01-01T00:00:00.000Z",
        "urls": {"get": url, "cancel": f"{url}/cancel"},
        **fields,
    }


PROFILE = Profile(
    provider="replicate",
    base_url="https://api.replicate.com/v1",
    api_key_env="REPLICATE_API_TOKEN",
    # seedance-2.0 (the default model): every field its version page takes but the frames, which
    # exclude reference images.
    request=VideoRequest(
        prompt="a lighthouse at dusk, [Image1] as the keeper",
        model=MODEL,
        duration=8,
        resolution="480p",
        aspect_ratio="adaptive",
        seed=99,
        generate_audio=True,
        reference_images=[IMAGE],
        reference_videos=[VIDEO],
        reference_audios=[AUDIO],
    ),
    expected_body={
        "version": MODEL,
        "input": {
            "prompt": "a lighthouse at dusk, [Image1] as the keeper",
            "duration": 8,
            "resolution": "480p",
            "aspect_ratio": "adaptive",
            "seed": 99,
            "generate_audio": True,
            "reference_images": [IMAGE],
            "reference_videos": [VIDEO],
            "reference_audios": [AUDIO],
        },
    },
    create=("POST", "/predictions"),
    create_response=(201, _prediction("starting")),
    created_id=PREDICTION,
    created_status=JobStatus.QUEUED,
    get=("GET", "/predictions/{id}"),
    statuses=[
        StatusCase(body=_prediction("starting"), status=JobStatus.QUEUED),
        # Only the fields the official client requires (id, model, version, status).
        StatusCase(
            body={"id": PREDICTION, "model": MODEL, "version": VERSION, "status": "processing"},
            status=JobStatus.RUNNING,
        ),
        StatusCase(
            body=_prediction(
                "succeeded",
                output="https://replicate.delivery/xezq/output.mp4",
                started_at="2026-01-01T00:00:02.000Z",
                completed_at="2026-01-01T00:01:10.000Z",
                metrics={"predict_time": 68.0},
            ),
            status=JobStatus.SUCCEEDED,
            video_url="https://replicate.delivery/xezq/output.mp4",
        ),
        StatusCase(
            body=_prediction("failed", error="The input image did not pass the content review"),
            status=JobStatus.FAILED,
            error_message="The input image did not pass the content review",
        ),
        StatusCase(body=_prediction("canceled"), status=JobStatus.CANCELLED),
    ],
    succeeded=_prediction("succeeded", output="https://files.example.com/video.mp4"),
    # Problem details (replicate 1.0.7 replicate/exceptions.py); the words are illustrative.
    errors=[
        ErrorCase(
            status_code=401,
            body={
                "title": "Unauthenticated",
                "detail": "You did not pass a valid authentication token",
                "status": 401,
            },
            code="Unauthenticated",
            message="You did not pass a valid authentication token",
        ),
        ErrorCase(
            status_code=422,
            body={
                "title": "Input validation failed",
                "detail": "- input.duration: Must be less than or equal to 15",
                "status": 422,
            },
            code="Input validation failed",
            message="- input.duration: Must be less than or equal to 15",
        ),
        ErrorCase(
            status_code=404,
            body={"title": "Not found", "detail": "Not found.", "status": 404},
            code="Not found",
            message="Not found.",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", duration=16), "duration"),
        (VideoRequest(prompt="x", duration=0), "duration"),
        (VideoRequest(prompt="x", resolution="1080p"), "resolution"),
        (VideoRequest(prompt="x", aspect_ratio="9:21"), "aspect_ratio"),
        (VideoRequest(prompt="x", reference_images=[IMAGE] * 10), "reference_images"),
        (VideoRequest(prompt="x", reference_videos=[VIDEO] * 4), "reference_videos"),
        (VideoRequest(prompt="x", reference_audios=[AUDIO] * 4), "reference_audios"),
        (VideoRequest(prompt="x", watermark=False), "watermark"),
        (VideoRequest(prompt="x", draft=True), "draft"),
        (VideoRequest(prompt="x", model="bytedance/seedance-1-pro-fast"), "model"),
        # The version pages: 1-pro takes no references, 1-lite no audio and at most 4 images.
        (
            VideoRequest(prompt="x", model="bytedance/seedance-1-pro", reference_images=[IMAGE]),
            "reference_images",
        ),
        (
            VideoRequest(prompt="x", model="bytedance/seedance-1-lite", generate_audio=True),
            "generate_audio",
        ),
        (
            VideoRequest(
                prompt="x", model="bytedance/seedance-1-lite", reference_images=[IMAGE] * 5
            ),
            "reference_images",
        ),
        (VideoRequest(prompt="x", model="bytedance/seedance-1-lite", duration=15), "duration"),
    ],
    cancel=("POST", "/predictions/{id}/cancel"),
)
