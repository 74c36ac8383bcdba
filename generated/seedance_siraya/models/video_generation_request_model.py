from typing import Literal

VideoGenerationRequestModel = Literal[
    "ByteDance-Seedance-1.0-pro",
    "ByteDance-Seedance-1.0-pro-fast",
    "ByteDance-Seedance-1.5-pro",
    "NSFW-Seedance-1.0-pro",
    "NSFW-Seedance-1.0-pro-fast",
    "NSFW-Seedance-1.5-pro",
    "NSFW-Seedance-2.0",
    "NSFW-Seedance-2.0-fast",
    "NSFW-Seedance-2.0-mini",
    "NSFW-Seedance-2.5",
    "SIRAYA-Seedance-2.0",
    "SIRAYA-Seedance-2.0-fast",
    "SIRAYA-Seedance-2.0-mini",
    "SIRAYA-Seedance-2.5",
]

VIDEO_GENERATION_REQUEST_MODEL_VALUES: set[VideoGenerationRequestModel] = {
    "ByteDance-Seedance-1.0-pro",
    "ByteDance-Seedance-1.0-pro-fast",
    "ByteDance-Seedance-1.5-pro",
    "NSFW-Seedance-1.0-pro",
    "NSFW-Seedance-1.0-pro-fast",
    "NSFW-Seedance-1.5-pro",
    "NSFW-Seedance-2.0",
    "NSFW-Seedance-2.0-fast",
    "NSFW-Seedance-2.0-mini",
    "NSFW-Seedance-2.5",
    "SIRAYA-Seedance-2.0",
    "SIRAYA-Seedance-2.0-fast",
    "SIRAYA-Seedance-2.0-mini",
    "SIRAYA-Seedance-2.5",
}


def check_video_generation_request_model(value: str) -> VideoGenerationRequestModel:
    if value in VIDEO_GENERATION_REQUEST_MODEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_MODEL_VALUES!r}"
    )
