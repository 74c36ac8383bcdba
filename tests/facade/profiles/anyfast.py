"""Anyfast, from 004_f29313f54e4a30d9.txt and provider-notes.md (Anyfast: both status shapes)."""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

JOB = "doubao_task_123456"
MODEL = "doubao-seedance-1-5-pro-251215"
VIDEO = "https://cdn.example.com/videos/task_7f3c2a9e.mp4"


def _wrapped(status: str, **fields: object) -> dict[str, object]:
    """The wrapped status shape `{code, message, data}`."""
    return {
        "code": "success",
        "message": "",
        "data": {"task_id": JOB, "action": "generate", "status": status, **fields},
    }


PROFILE = Profile(
    provider="anyfast",
    base_url="https://www.anyfast.ai",
    api_key_env="ANYFAST_API_KEY",
    request=VideoRequest(
        prompt="A cat playing with a ball of yarn",
        model=MODEL,
        first_frame="https://example.com/reference.png",
        generate_audio=True,
        aspect_ratio="16:9",
        duration=5,
        watermark=False,
        resolution="480p",
        draft=False,
    ),
    # 004's request example, byte for byte in content.
    expected_body={
        "model": MODEL,
        "content": [
            {"type": "text", "text": "A cat playing with a ball of yarn"},
            {"type": "image_url", "image_url": {"url": "https://example.com/reference.png"}},
        ],
        "generate_audio": True,
        "ratio": "16:9",
        "duration": 5,
        "watermark": False,
        "resolution": "480p",
        "draft": False,
    },
    create=("POST", "/v1/video/generations"),
    create_response=(
        200,
        {"id": JOB, "status": "submitted", "created_at": "2024-01-01T00:00:00Z"},
    ),
    created_id=JOB,
    created_status=JobStatus.QUEUED,
    get=("GET", "/v1/video/generations/{id}"),
    statuses=[
        # The flat, ModelArk-like shape.
        StatusCase(
            body={"id": JOB, "model": MODEL, "status": "submitted", "created_at": 1735689600},
            status=JobStatus.QUEUED,
        ),
        StatusCase(
            body={"id": JOB, "model": MODEL, "status": "processing", "created_at": 1735689600},
            status=JobStatus.RUNNING,
        ),
        StatusCase(
            body={
                "id": JOB,
                "model": MODEL,
                "status": "succeeded",
                "content": {"video_url": "https://cdn.example.com/videos/doubao_task_123456.mp4"},
                "usage": {"completion_tokens": 108900, "total_tokens": 108900},
                "created_at": 1735689600,
            },
            status=JobStatus.SUCCEEDED,
            video_url="https://cdn.example.com/videos/doubao_task_123456.mp4",
        ),
        StatusCase(
            body={
                "id": JOB,
                "model": MODEL,
                "status": "failed",
                "error": {
                    "code": "OutputVideoSensitiveContentDetected",
                    "message": "The output video may contain sensitive information.",
                },
                "created_at": "2024-01-01T00:00:00Z",
            },
            status=JobStatus.FAILED,
            error_message="The output video may contain sensitive information.",
        ),
        # The wrapped shape.
        StatusCase(
            body=_wrapped("NOT_START", progress="0%", submit_time=1735689600),
            status=JobStatus.QUEUED,
            progress=0.0,
        ),
        StatusCase(
            body=_wrapped("SUBMITTED", progress="0%", submit_time=1735689600),
            status=JobStatus.QUEUED,
            progress=0.0,
        ),
        StatusCase(
            body=_wrapped("QUEUED", progress="0%", submit_time=1735689600),
            status=JobStatus.QUEUED,
            progress=0.0,
        ),
        StatusCase(
            body=_wrapped(
                "IN_PROGRESS", progress="45%", submit_time=1735689600, start_time=1735689605
            ),
            status=JobStatus.RUNNING,
            progress=0.45,
        ),
        StatusCase(
            body=_wrapped(
                "SUCCESS",
                result_url=VIDEO,
                fail_reason="",
                submit_time=1735689600,
                start_time=1735689605,
                finish_time=1735689690,
                progress="100%",
                data={
                    "id": "cgt-20250101000000-7f3c2",
                    "model": MODEL,
                    "status": "succeeded",
                    "content": {"video_url": VIDEO},
                },
            ),
            status=JobStatus.SUCCEEDED,
            video_url=VIDEO,
            progress=1.0,
        ),
        StatusCase(
            body=_wrapped(
                "FAILURE",
                result_url="",
                fail_reason="The request failed because the input image may contain sensitive"
                " information.",
                submit_time=1735689600,
                finish_time=1735689610,
                progress="100%",
            ),
            status=JobStatus.FAILED,
            error_message="The request failed because the input image may contain sensitive"
            " information.",
        ),
        # Words of AnyFast's SDK (anyfast 0.0.1 anyfast/models.py) and of client code
        # (hypit-ai/hypit; amortegui84/comfyui-seedance; the spec's WrappedTaskState and
        # FlatTaskState).
        StatusCase(body=_wrapped("PENDING", progress="0%"), status=JobStatus.QUEUED, progress=0.0),
        StatusCase(
            body=_wrapped("PROCESSING", progress="30%"), status=JobStatus.RUNNING, progress=0.3
        ),
        StatusCase(
            body=_wrapped("RUNNING", progress="60%"), status=JobStatus.RUNNING, progress=0.6
        ),
        StatusCase(
            body=_wrapped("SUCCEEDED", result_url=VIDEO, progress="100%"),
            status=JobStatus.SUCCEEDED,
            video_url=VIDEO,
        ),
        StatusCase(
            body=_wrapped("COMPLETED", result_url=VIDEO),
            status=JobStatus.SUCCEEDED,
            video_url=VIDEO,
        ),
        StatusCase(
            body=_wrapped("FAILED", fail_reason="upstream failure"),
            status=JobStatus.FAILED,
            error_message="upstream failure",
        ),
        StatusCase(
            body=_wrapped("ERROR", fail_reason="internal error"),
            status=JobStatus.FAILED,
            error_message="internal error",
        ),
        StatusCase(body=_wrapped("CANCELLED"), status=JobStatus.CANCELLED),
        StatusCase(body=_wrapped("CANCELED"), status=JobStatus.CANCELLED),
        StatusCase(body={"id": JOB, "status": "queued"}, status=JobStatus.QUEUED),
        StatusCase(body={"id": JOB, "status": "in_progress"}, status=JobStatus.RUNNING),
        StatusCase(
            body={"id": JOB, "status": "completed", "content": {"video_url": VIDEO}},
            status=JobStatus.SUCCEEDED,
            video_url=VIDEO,
        ),
    ],
    succeeded={
        "id": JOB,
        "model": MODEL,
        "status": "succeeded",
        "content": {"video_url": "https://files.example.com/video.mp4"},
    },
    errors=[
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "message": "The parameter `content` specified in the request is not valid.",
                    "type": "BadRequest",
                    "code": "InvalidParameter",
                }
            },
            code="InvalidParameter",
            message="The parameter `content` specified in the request is not valid.",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "message": "The request failed because it is missing the `model` parameter.",
                    "type": "BadRequest",
                    "code": "MissingParameter",
                }
            },
            code="MissingParameter",
            message="The request failed because it is missing the `model` parameter.",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "message": "The request failed because the input text may contain"
                    " sensitive information.",
                    "type": "BadRequest",
                    "code": "SensitiveContentDetected",
                }
            },
            code="SensitiveContentDetected",
            message="The request failed because the input text may contain sensitive information.",
        ),
        # The gateway's task error {code, message, data} (anyfast 0.0.1 base_client.py;
        # QuantumNous/new-api dto/task.go): the spec's TaskErrorResponse.
        ErrorCase(
            status_code=400,
            body={"code": "invalid_request", "message": "model not available", "data": None},
            code="invalid_request",
            message="model not available",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", seed=7), "seed"),
        (VideoRequest(prompt="x", webhook_url="https://hooks.example.com/a"), "webhook_url"),
        (
            VideoRequest(
                prompt="x", first_frame="https://e.com/f.png", last_frame="https://e.com/l.png"
            ),
            "last_frame",
        ),
        (VideoRequest(prompt="x", reference_images=["https://e.com/i.png"]), "reference_images"),
        (VideoRequest(prompt="x", reference_videos=["https://e.com/v.mp4"]), "reference_videos"),
        (VideoRequest(prompt="x", reference_audios=["https://e.com/a.mp3"]), "reference_audios"),
        (VideoRequest(prompt="x", duration=13), "duration"),
        (VideoRequest(prompt="x", model=MODEL, duration=3), "duration"),
        (
            VideoRequest(prompt="x", model="doubao-seedance-1-0-lite-t2v-250428", duration=1),
            "duration",
        ),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (VideoRequest(prompt="x", aspect_ratio="2:1"), "aspect_ratio"),
        (
            VideoRequest(
                prompt="x",
                model="doubao-seedance-1-0-lite-t2v-250428",
                first_frame="https://e.com/f.png",
            ),
            "first_frame",
        ),
        (VideoRequest(prompt="x", model="doubao-seedance-1-0-lite-i2v-250428"), "first_frame"),
        (
            VideoRequest(
                prompt="x", model="doubao-seedance-1-0-lite-t2v-250428", generate_audio=True
            ),
            "generate_audio",
        ),
        (VideoRequest(prompt="x", model="seedance-fast", extras={"duration": "five"}), "duration"),
    ],
)
