from typing import Literal

VideoGenerationRequestAspectRatio = Literal["16:9", "1:1", "9:16"]

VIDEO_GENERATION_REQUEST_ASPECT_RATIO_VALUES: set[VideoGenerationRequestAspectRatio] = {
    "16:9",
    "1:1",
    "9:16",
}


def check_video_generation_request_aspect_ratio(value: str) -> VideoGenerationRequestAspectRatio:
    if value in VIDEO_GENERATION_REQUEST_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_ASPECT_RATIO_VALUES!r}"
    )
