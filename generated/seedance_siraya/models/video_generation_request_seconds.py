from typing import Literal

VideoGenerationRequestSeconds = Literal[5, 10]

VIDEO_GENERATION_REQUEST_SECONDS_VALUES: set[VideoGenerationRequestSeconds] = {
    5,
    10,
}


def check_video_generation_request_seconds(value: int) -> VideoGenerationRequestSeconds:
    if value in VIDEO_GENERATION_REQUEST_SECONDS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_SECONDS_VALUES!r}"
    )
