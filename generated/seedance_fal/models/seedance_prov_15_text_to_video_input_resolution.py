from typing import Literal

SeedanceProv15TextToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[
    SeedanceProv15TextToVideoInputResolution
] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_prov_15_text_to_video_input_resolution(
    value: str,
) -> SeedanceProv15TextToVideoInputResolution:
    if value in SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
