"""A request that breaks any constraint written in a curated spec is rejected by that spec.

Each case starts from the request schema's own example (which must validate) and changes one
thing, including constraints the generated models do not enforce (array lengths, ranges,
patterns, conditionals, mutual exclusion).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from conftest import PROVIDERS
from support.openapi import curated, operations, resolve, validator

DELETE = object()
FIRST_FRAME = {"type": "first_frame", "url": "https://example.com/start.jpg"}
IMAGE_REFERENCE = {"type": "image", "url": "https://example.com/c.jpg", "role": "reference_image"}

# provider -> operationId -> what the change breaks -> {field: new value or DELETE}
VIOLATIONS: dict[str, dict[str, dict[str, dict[str, Any]]]] = {
    "siray": {
        "create_video_generation": {
            "images has 10 items (at most 9)": {"images": ["https://example.com/a.png"] * 10},
            "images is empty (at least 1)": {"images": []},
            "images is missing (required)": {"images": DELETE},
            "size 4k (not on the reference page)": {"size": "4k"},
            "duration 3 (4 to 15)": {"duration": 3},
            "duration 16 (4 to 15)": {"duration": 16},
            "seed -2 (at least -1)": {"seed": -2},
            "seed 10000000000 (at most 9999999999)": {"seed": 10_000_000_000},
            "aspect_ratio 2:1 (not listed)": {"aspect_ratio": "2:1"},
            "videos has 4 items (at most 3)": {"videos": ["https://example.com/v.mp4"] * 4},
            "audios has 4 items (at most 3)": {"audios": ["https://example.com/a.mp3"] * 4},
            "empty prompt": {"prompt": ""},
            "unknown model": {"model": "bytedance/seedance-1.0-pro"},
        },
    },
    "siraya": {
        "create_video_generation": {
            "seconds 7 (5 or 10)": {"seconds": 7},
            "resolution 4k (480p, 720p, 1080p)": {"resolution": "4k"},
            "unknown model": {"model": "SIRAYA-Seedance-3.0"},
            "frame_images together with input_references": {
                "model": "SIRAYA-Seedance-2.0",
                "frame_images": [FIRST_FRAME],
                "input_references": [IMAGE_REFERENCE],
            },
            "input_references with a 1.5 model": {"input_references": [IMAGE_REFERENCE]},
            "a last frame without a first frame": {
                "frame_images": [{"type": "last_frame", "url": "https://example.com/end.jpg"}]
            },
            "two first frames": {"frame_images": [FIRST_FRAME, FIRST_FRAME]},
            "three frame images": {
                "frame_images": [
                    FIRST_FRAME,
                    {"type": "last_frame", "url": "https://example.com/end.jpg"},
                    {"type": "last_frame", "url": "https://example.com/end2.jpg"},
                ]
            },
            "a reference whose role does not fit its type": {
                "model": "SIRAYA-Seedance-2.0",
                "input_references": [{**IMAGE_REFERENCE, "role": "reference_audio"}],
            },
            "no prompt": {"prompt": DELETE},
        },
    },
    "anyfast": {
        "create_video_generation": {
            "empty content": {"content": []},
            "a content item of unknown type": {
                "content": [{"type": "gif_url", "gif_url": {"url": "https://example.com/v.gif"}}]
            },
            "a Base64 video (URL or asset:// only)": {
                "content": [
                    {"type": "video_url", "video_url": {"url": "data:video/mp4;base64,AAAA"}}
                ]
            },
            "a text item without text": {"content": [{"type": "text"}]},
            "an image item without its url object": {"content": [{"type": "image_url"}]},
            "duration 3 with 1.5 pro (4 to 12)": {"duration": 3},
            "duration 13 with 1.5 pro (4 to 12)": {"duration": 13},
            "duration 13 with 1.0 lite (2 to 12)": {
                "model": "doubao-seedance-1-0-lite-t2v-250428",
                "duration": 13,
            },
            "ratio 2:1 (not listed)": {"ratio": "2:1"},
            "resolution 4k (480p, 720p, 1080p)": {"resolution": "4k"},
            "no model": {"model": DELETE},
        },
    },
    "genray": {
        "create_video": {
            "prompt of 4001 characters (1 to 4000)": {"prompt": "x" * 4001},
            "empty prompt (1 to 4000)": {"prompt": ""},
            "duration 3 (4 to 15)": {"duration": 3},
            "duration 16 (4 to 15)": {"duration": 16},
            "aspect_ratio 2:1 (not listed)": {"aspect_ratio": "2:1"},
            "model seedance-2.0-pro (seedance-2.0 or seedance-2.0-fast)": {
                "model": "seedance-2.0-pro"
            },
            "end_frame_url without first_frame_url": {"end_frame_url": "https://example.com/e.png"},
            "reference_images has 10 items (at most 9)": {
                "reference_images": ["https://example.com/r.png"] * 10
            },
            "reference_videos has 4 items (at most 3)": {
                "reference_videos": ["https://example.com/r.mp4"] * 4
            },
            "reference_audios has 4 items (at most 3)": {
                "reference_audios": ["https://example.com/r.mp3"] * 4
            },
            "an http webhook_url (HTTPS only)": {"webhook_url": "http://example.com/hook"},
        },
        "create_video_from_person": {
            "no person_image_url (required)": {"person_image_url": DELETE},
            "an http person_image_url": {"person_image_url": "http://example.com/p.jpg"},
            "extra_reference_images has 9 items (at most 8)": {
                "extra_reference_images": ["https://example.com/r.png"] * 9
            },
            "duration 16 (4 to 15)": {"duration": 16},
            "prompt of 4001 characters (at most 4000)": {"prompt": "x" * 4001},
        },
    },
    "modelark": {
        "create_task": {
            "frames together with duration": {"frames": 29},
            "frames 30 (25 + 4n)": {"frames": 30, "duration": DELETE},
            "frames 293 (at most 289)": {"frames": 293, "duration": DELETE},
            "a last frame without a first frame": {
                "content": [
                    {"type": "text", "text": "x"},
                    {
                        "type": "image_url",
                        "image_url": {"url": "https://example.com/l.png"},
                        "role": "last_frame",
                    },
                ]
            },
            "empty content": {"content": []},
            "a content item of unknown type": {"content": [{"type": "gif_url", "gif_url": {}}]},
            "a video item with an image role": {
                "content": [
                    {
                        "type": "video_url",
                        "video_url": {"url": "https://example.com/v.mp4"},
                        "role": "first_frame",
                    }
                ]
            },
            "seed 2147483648 (at most 2147483647)": {"seed": 2_147_483_648},
            "ratio 2:1 (not listed)": {"ratio": "2:1"},
            "execution_expires_after 3599 (3600 to 259200)": {"execution_expires_after": 3599},
            "execution_expires_after 259201 (3600 to 259200)": {"execution_expires_after": 259_201},
            "service_tier turbo (default or flex)": {"service_tier": "turbo"},
        },
    },
}
# Volcengine Ark's spec extends ModelArk's curated spec: every ModelArk constraint, and its own
# Replicate checks each model's input inside `input`: a case replaces the whole input.
_REPLICATE_INPUT = {"prompt": "a lighthouse at dusk", "duration": 5, "resolution": "720p"}
VIOLATIONS["replicate"] = {
    "create_prediction": {
        "an unknown model": {"version": "bytedance/seedance-3.0"},
        "no input": {"input": DELETE},
        "an unknown top-level field": {"fps": 24},
        "duration 16 (at most 15 on 2.0)": {"input": {**_REPLICATE_INPUT, "duration": 16}},
        "duration -2 (-1 or 1 to 15)": {"input": {**_REPLICATE_INPUT, "duration": -2}},
        "resolution 1080p (480p or 720p on 2.0)": {
            "input": {**_REPLICATE_INPUT, "resolution": "1080p"}
        },
        "10 reference images (at most 9)": {
            "input": {**_REPLICATE_INPUT, "reference_images": ["https://example.com/r.png"] * 10}
        },
        "4 reference videos (at most 3)": {
            "input": {**_REPLICATE_INPUT, "reference_videos": ["https://example.com/v.mp4"] * 4}
        },
        "aspect_ratio 2:1 (not listed)": {"input": {**_REPLICATE_INPUT, "aspect_ratio": "2:1"}},
    },
}
# fal: one operation per endpoint, durations as the strings each endpoint lists.
VIOLATIONS["fal"] = {
    "submit_seedance_v2_text_to_video": {
        "duration 5 as a number (a string on fal)": {"duration": 5},
        "duration '16' (auto or '4' to '15')": {"duration": "16"},
        "resolution 4k": {"resolution": "4k"},
        "aspect_ratio 2:1": {"aspect_ratio": "2:1"},
        "no prompt": {"prompt": DELETE},
    },
    "submit_seedance_v1_pro_image_to_video": {
        "no image_url (required)": {"image_url": DELETE},
        "duration '13' ('2' to '12')": {"duration": "13"},
        "num_frames 300 (29 to 289)": {"num_frames": 300},
        "resolution 4k": {"resolution": "4k"},
    },
}

# (overlays/volcengine.yaml; the example body is doubao-seedance-1-0-lite-i2v-250428).
VIOLATIONS["volcengine"] = {
    "create_task": {
        **VIOLATIONS["modelark"]["create_task"],
        "1080p from a reference image on 1.0 lite i2v (480p or 720p)": {
            "content": [
                {"type": "text", "text": "x"},
                {
                    "type": "image_url",
                    "image_url": {"url": "https://example.com/r.png"},
                    "role": "reference_image",
                },
            ],
            "resolution": "1080p",
        },
        "duration 13 on 1.0 lite (2 to 12)": {"duration": 13},
    },
}


def example_body(provider_name: str, operation_id: str) -> tuple[Any, str, Any]:
    provider = next(p for p in PROVIDERS if p.name == provider_name)
    document = curated(provider)
    operation = next(op for op in operations(document) if op.operation_id == operation_id)
    pointer = operation.json_body_pointer()
    assert pointer, f"{provider_name}.{operation_id} has no JSON body"
    media_type = resolve(document, pointer.rsplit("/", 1)[0])
    schema = resolve(document, pointer)
    if "$ref" in schema:
        schema = resolve(document, schema["$ref"])
    for holder in (media_type, schema):
        if "example" in holder:
            return document, pointer, holder["example"]
    raise AssertionError(f"{provider_name}.{operation_id}: the request body has no example")


CASES = [
    (provider, operation_id, name, change)
    for provider, by_operation in VIOLATIONS.items()
    for operation_id, changes in by_operation.items()
    for name, change in changes.items()
]


@pytest.mark.parametrize(
    ("provider_name", "operation_id", "broken", "change"),
    CASES,
    ids=[f"{case[0]}: {case[2]}" for case in CASES],
)
def test_breaking_a_constraint_is_rejected(
    provider_name: str, operation_id: str, broken: str, change: dict[str, Any]
) -> None:
    document, pointer, example = example_body(provider_name, operation_id)
    check = validator(document, pointer)
    assert check.is_valid(example), f"the example itself is invalid: {broken}"
    body = copy.deepcopy(example)
    for field, value in change.items():
        if value is DELETE:
            body.pop(field, None)
        else:
            body[field] = value
    assert not check.is_valid(body), f"accepted although {broken}"


def test_every_registered_provider_has_constraint_cases() -> None:
    registered = {provider.name for provider in PROVIDERS}  # those with specs, seedance.registry
    missing = sorted(registered - set(VIOLATIONS))
    assert not missing, f"registered providers without constraint cases in VIOLATIONS: {missing}"
    unknown = sorted(set(VIOLATIONS) - registered)
    assert not unknown, f"VIOLATIONS has cases for providers that are not registered: {unknown}"
