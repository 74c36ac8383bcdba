from typing import Literal

SeedanceTextToVideoInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[SeedanceTextToVideoInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_text_to_video_input_resolution(value: str) -> SeedanceTextToVideoInputResolution:
    if value in SEEDANCE_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_TEXT_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
