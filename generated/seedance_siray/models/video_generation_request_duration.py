from typing import Literal

VideoGenerationRequestDuration = Literal[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]

VIDEO_GENERATION_REQUEST_DURATION_VALUES: set[VideoGenerationRequestDuration] = {
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
}


def check_video_generation_request_duration(value: int) -> VideoGenerationRequestDuration:
    if value in VIDEO_GENERATION_REQUEST_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_DURATION_VALUES!r}"
    )
