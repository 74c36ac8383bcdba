from typing import Literal

FrameImageType = Literal["first_frame", "last_frame"]

FRAME_IMAGE_TYPE_VALUES: set[FrameImageType] = {
    "first_frame",
    "last_frame",
}


def check_frame_image_type(value: str) -> FrameImageType:
    if value in FRAME_IMAGE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FRAME_IMAGE_TYPE_VALUES!r}")
