from typing import Literal

VideoFromPersonRequestAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

VIDEO_FROM_PERSON_REQUEST_ASPECT_RATIO_VALUES: set[VideoFromPersonRequestAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_video_from_person_request_aspect_ratio(value: str) -> VideoFromPersonRequestAspectRatio:
    if value in VIDEO_FROM_PERSON_REQUEST_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_FROM_PERSON_REQUEST_ASPECT_RATIO_VALUES!r}"
    )
