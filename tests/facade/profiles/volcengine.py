"""Volcengine Ark, from specs/volcengine/openapi.yaml: ModelArk's task API (its statuses, errors
and answers are ModelArk's profile's) with Volcengine's server, key and ``doubao-`` model ids."""

from __future__ import annotations

import attrs

from seedance import VideoRequest

from ._profile import StatusCase
from .modelark import JOB
from .modelark import PROFILE as MODELARK

MODEL = "doubao-seedance-1-5-pro-251215"
PROMPT = "A kitten yawns at the camera, then curls up to sleep."
FIRST = "https://example.com/first.png"
LAST = "https://example.com/last.png"


def _volcengine_ids(case: StatusCase) -> StatusCase:
    body = dict(case.body)
    if isinstance(body.get("model"), str) and not str(body["model"]).startswith("doubao-"):
        body["model"] = "doubao-seedance-1-0-pro-250528"
    return attrs.evolve(case, body=body)


PROFILE = attrs.evolve(
    MODELARK,
    provider="volcengine",
    base_url="https://ark.cn-beijing.volces.com/api/v3",
    api_key_env="VOLCENGINE_API_KEY",
    request=VideoRequest(
        prompt=PROMPT,
        model=MODEL,
        duration=5,
        resolution="1080p",
        aspect_ratio="16:9",
        seed=42,
        generate_audio=True,
        first_frame=FIRST,
        last_frame=LAST,
        watermark=False,
        webhook_url="https://hooks.example.com/volcengine",
    ),
    expected_body={
        "model": MODEL,
        "content": [
            {"type": "text", "text": PROMPT},
            {"type": "image_url", "image_url": {"url": FIRST}, "role": "first_frame"},
            {"type": "image_url", "image_url": {"url": LAST}, "role": "last_frame"},
        ],
        "duration": 5,
        "resolution": "1080p",
        "ratio": "16:9",
        "seed": 42,
        "generate_audio": True,
        "watermark": False,
        "callback_url": "https://hooks.example.com/volcengine",
    },
    created_id=JOB,
    statuses=[_volcengine_ids(case) for case in MODELARK.statuses],
    succeeded={
        **MODELARK.succeeded,
        "model": MODEL,
    },
    unsupported=[
        (VideoRequest(prompt="x", negative_prompt="blur"), "negative_prompt"),
        (VideoRequest(prompt="x", seed=2**31), "seed"),
        (VideoRequest(prompt="x", aspect_ratio="2:1"), "aspect_ratio"),
        # Volcengine's model list: 1.0 pro fast takes a first frame only, lite t2v text only, lite
        # i2v an image; 1.0 models make no sound, take no reference videos or audios.
        (
            VideoRequest(
                prompt="x",
                model="doubao-seedance-1-0-pro-fast-251015",
                first_frame=FIRST,
                last_frame=LAST,
            ),
            "last_frame",
        ),
        (
            VideoRequest(
                prompt="x", model="doubao-seedance-1-0-lite-t2v-250428", first_frame=FIRST
            ),
            "first_frame",
        ),
        (VideoRequest(prompt="x", model="doubao-seedance-1-0-lite-i2v-250428"), "first_frame"),
        (
            VideoRequest(
                prompt="x",
                model="doubao-seedance-1-0-lite-i2v-250428",
                reference_images=["https://e.com/i.png"] * 5,
            ),
            "reference_images",
        ),
        (
            VideoRequest(prompt="x", model="doubao-seedance-1-0-pro-250528", generate_audio=True),
            "generate_audio",
        ),
        (
            VideoRequest(
                prompt="x",
                model="doubao-seedance-1-0-pro-250528",
                reference_videos=["https://e.com/v"],
            ),
            "reference_videos",
        ),
        (VideoRequest(prompt="x", model=MODEL, duration=3), "duration"),
        (VideoRequest(prompt="x", model=MODEL, duration=13), "duration"),
        # The default model (doubao-seedance-1-0-pro-250528): 2 to 12 s at 480p, 720p or 1080p.
        (VideoRequest(prompt="x", duration=1), "duration"),
        (VideoRequest(prompt="x", duration=13), "duration"),
        (VideoRequest(prompt="x", resolution="4k"), "resolution"),
        (
            VideoRequest(prompt="x", model="doubao-seedance-1-0-pro-fast-251015", duration=999),
            "duration",
        ),
        # Volcengine's lite page: no 1080p from reference images (overlays/volcengine.yaml).
        (
            VideoRequest(
                prompt="x",
                model="doubao-seedance-1-0-lite-i2v-250428",
                reference_images=["https://e.com/i.png"],
                resolution="1080p",
            ),
            "resolution",
        ),
        (VideoRequest(prompt="x", extras={"frames": 30}), "frames"),
    ],
)
