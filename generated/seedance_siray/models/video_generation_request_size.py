from typing import Literal

VideoGenerationRequestSize = Literal["1080p", "480p", "720p"]

VIDEO_GENERATION_REQUEST_SIZE_VALUES: set[VideoGenerationRequestSize] = {
    "1080p",
    "480p",
    "720p",
}


def check_video_generation_request_size(value: str) -> VideoGenerationRequestSize:
    if value in VIDEO_GENERATION_REQUEST_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_SIZE_VALUES!r}"
    )
