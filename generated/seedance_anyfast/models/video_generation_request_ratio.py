from typing import Literal

VideoGenerationRequestRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "adaptive"]

VIDEO_GENERATION_REQUEST_RATIO_VALUES: set[VideoGenerationRequestRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "adaptive",
}


def check_video_generation_request_ratio(value: str) -> VideoGenerationRequestRatio:
    if value in VIDEO_GENERATION_REQUEST_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_RATIO_VALUES!r}"
    )
