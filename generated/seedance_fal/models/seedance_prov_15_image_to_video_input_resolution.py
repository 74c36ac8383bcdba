from typing import Literal

SeedanceProv15ImageToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[
    SeedanceProv15ImageToVideoInputResolution
] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_prov_15_image_to_video_input_resolution(
    value: str,
) -> SeedanceProv15ImageToVideoInputResolution:
    if value in SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
