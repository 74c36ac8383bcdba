from typing import Literal

SeedanceReferenceToVideoInputResolution = Literal["480p", "720p"]

SEEDANCE_REFERENCE_TO_VIDEO_INPUT_RESOLUTION_VALUES: set[
    SeedanceReferenceToVideoInputResolution
] = {
    "480p",
    "720p",
}


def check_seedance_reference_to_video_input_resolution(
    value: str,
) -> SeedanceReferenceToVideoInputResolution:
    if value in SEEDANCE_REFERENCE_TO_VIDEO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_REFERENCE_TO_VIDEO_INPUT_RESOLUTION_VALUES!r}"
    )
