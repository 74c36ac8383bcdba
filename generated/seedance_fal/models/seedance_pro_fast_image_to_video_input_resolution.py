from typing import Literal

SeedanceProFastImageToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[
    SeedanceProFastImageToVideoInputResolution
] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_pro_fast_image_to_video_input_resolution(
    value: str,
) -> SeedanceProFastImageToVideoInputResolution:
    if value in SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
