"""Siray, from 000_549cd8faf9634de1.txt and 001_770f5d9742c28aab.txt (create) and provider-notes.md
(status: docs.siray.ai/api-reference/task-status-video; errors: Siray's Python SDK)."""

from __future__ import annotations

from seedance import JobStatus, VideoRequest

from ._profile import ErrorCase, Profile, StatusCase

TASK = "3f9a1c2e-video-task"
IMAGE = "https://example.com/ref.png"


def _status(status: str, **data: object) -> dict[str, object]:
    return {"code": "success", "message": "", "data": {"task_id": TASK, "status": status, **data}}


PROFILE = Profile(
    provider="siray",
    base_url="https://api.siray.ai",
    api_key_env="SIRAY_API_KEY",
    # The request example of 000 and 001, field for field.
    request=VideoRequest(
        prompt="example_value",
        model="bytedance/seedance-2.0-ref2v-spicy",
        duration=4,
        resolution="480p",
        aspect_ratio="adaptive",
        seed=-1,
        generate_audio=False,
        reference_images=["example_value"],
        reference_videos=["example_value"],
        reference_audios=["example_value"],
    ),
    expected_body={
        "aspect_ratio": "adaptive",
        "audio_enable": False,
        "audios": ["example_value"],
        "duration": 4,
        "images": ["example_value"],
        "model": "bytedance/seedance-2.0-ref2v-spicy",
        "prompt": "example_value",
        "seed": -1,
        "size": "480p",
        "videos": ["example_value"],
    },
    create=("POST", "/v1/video/generations"),
    create_response=(200, {"code": "success", "message": "", "data": {"task_id": TASK}}),
    created_id=TASK,
    created_status=JobStatus.QUEUED,
    get=("GET", "/v1/video/generations/{id}"),
    statuses=[
        StatusCase(
            body=_status("NOT_START", progress="0%", submit_time=1767225600),
            status=JobStatus.QUEUED,
            progress=0.0,
        ),
        StatusCase(body=_status("SUBMITTED", progress="0%"), status=JobStatus.QUEUED, progress=0.0),
        # Only the required fields (task_id, status): every optional one left out.
        StatusCase(
            body={"code": "success", "data": {"task_id": TASK, "status": "QUEUED"}},
            status=JobStatus.QUEUED,
        ),
        StatusCase(
            body=_status(
                "IN_PROGRESS",
                progress="45%",
                outputs=[],
                fail_reason="",
                submit_time=1767225600,
                start_time=1767225605,
                finish_time=0,
            ),
            status=JobStatus.RUNNING,
            progress=0.45,
        ),
        # The status example of the curated spec (provider-notes.md, Siray).
        StatusCase(
            body=_status(
                "SUCCESS",
                progress="100%",
                outputs=["https://cdn.siray.ai/outputs/3f9a1c2e.mp4"],
                fail_reason="",
                submit_time=1767225600,
                start_time=1767225605,
                finish_time=1767225690,
            ),
            status=JobStatus.SUCCEEDED,
            video_url="https://cdn.siray.ai/outputs/3f9a1c2e.mp4",
            progress=1.0,
        ),
        StatusCase(
            body=_status(
                "FAILURE",
                progress="100%",
                outputs=[],
                fail_reason="The input image did not pass the content review",
                submit_time=1767225600,
                start_time=1767225605,
                finish_time=1767225610,
            ),
            status=JobStatus.FAILED,
            progress=1.0,
            error_message="The input image did not pass the content review",
        ),
        # Words only Siray's own clients know (the spec's TaskState: the siray 0.3.0 SDK and
        # siray-ai/siray-comfyui).
        StatusCase(body=_status("PENDING", progress="0%"), status=JobStatus.QUEUED, progress=0.0),
        StatusCase(
            body=_status("SUCCEEDED", progress="100%", outputs=["https://cdn.siray.ai/o/1.mp4"]),
            status=JobStatus.SUCCEEDED,
            video_url="https://cdn.siray.ai/o/1.mp4",
        ),
        StatusCase(
            body=_status(
                "COMPLETED", outputs=["https://cdn.siray.ai/o/2.mp4"], action="videoGenerate"
            ),
            status=JobStatus.SUCCEEDED,
            video_url="https://cdn.siray.ai/o/2.mp4",
        ),
        StatusCase(
            body=_status("FAILED", fail_reason="content review"),
            status=JobStatus.FAILED,
            error_message="content review",
        ),
        StatusCase(
            body=_status("ERROR", fail_reason="upstream error"),
            status=JobStatus.FAILED,
            error_message="upstream error",
        ),
    ],
    succeeded=_status("SUCCESS", progress="100%", outputs=["https://files.example.com/video.mp4"]),
    # The envelope Siray's SDK reads ({error: {message, code, type}}); the 401 body is the
    # spec's example, the other messages are illustrative.
    errors=[
        ErrorCase(
            status_code=401,
            body={
                "error": {
                    "message": "Invalid API key",
                    "code": "invalid_api_key",
                    "type": "authentication_error",
                }
            },
            code="invalid_api_key",
            message="Invalid API key",
        ),
        ErrorCase(
            status_code=400,
            body={
                "error": {
                    "message": "images is required",
                    "code": "invalid_parameter",
                    "type": "invalid_request_error",
                }
            },
            code="invalid_parameter",
            message="images is required",
        ),
        ErrorCase(
            status_code=500,
            body={"error": {"message": "upstream service error", "type": "server_error"}},
            code="server_error",
            message="upstream service error",
        ),
    ],
    unsupported=[
        (VideoRequest(prompt="x", first_frame=IMAGE), "first_frame"),
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", duration=3), "duration"),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (VideoRequest(prompt="x", aspect_ratio="2:1"), "aspect_ratio"),
        (VideoRequest(prompt="x", seed=10**10), "seed"),
        (VideoRequest(prompt="x", reference_images=[IMAGE] * 10), "reference_images"),
        (VideoRequest(prompt="x", reference_videos=[IMAGE] * 4), "reference_videos"),
        (VideoRequest(prompt="x", watermark=False), "watermark"),
        (VideoRequest(prompt="x", model="bytedance/seedance-2.0-i2v"), "model"),
        # Required by the model: 1 to 9 images, and duration, size and aspect_ratio.
        (
            VideoRequest(prompt="x", duration=5, resolution="720p", aspect_ratio="16:9"),
            "reference_images",
        ),
        (VideoRequest(prompt="x", reference_images=[IMAGE]), "duration"),
    ],
)
