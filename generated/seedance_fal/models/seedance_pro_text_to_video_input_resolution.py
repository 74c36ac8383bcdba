from typing import Literal

SeedanceProTextToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[SeedanceProTextToVideoInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_pro_text_to_video_input_resolution(
    value: str,
) -> SeedanceProTextToVideoInputResolution:
    if value in SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
