from typing import Literal

VideoUrlContentRole = Literal["reference_video"]

VIDEO_URL_CONTENT_ROLE_VALUES: set[VideoUrlContentRole] = {
    "reference_video",
}


def check_video_url_content_role(value: str) -> VideoUrlContentRole:
    if value in VIDEO_URL_CONTENT_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_URL_CONTENT_ROLE_VALUES!r}"
    )
