from typing import Literal

SeedanceImageToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[SeedanceImageToVideoInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_image_to_video_input_resolution(
    value: str,
) -> SeedanceImageToVideoInputResolution:
    if value in SEEDANCE_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
