from typing import Literal

CreateVideoRequestAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

CREATE_VIDEO_REQUEST_ASPECT_RATIO_VALUES: set[CreateVideoRequestAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_create_video_request_aspect_ratio(value: str) -> CreateVideoRequestAspectRatio:
    if value in CREATE_VIDEO_REQUEST_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_VIDEO_REQUEST_ASPECT_RATIO_VALUES!r}"
    )
