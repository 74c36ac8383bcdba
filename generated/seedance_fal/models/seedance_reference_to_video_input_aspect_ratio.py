from typing import Literal

SeedanceReferenceToVideoInputAspectRatio = Literal[
    "16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "auto"
]

SEEDANCE_REFERENCE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES: set[
    SeedanceReferenceToVideoInputAspectRatio
] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_seedance_reference_to_video_input_aspect_ratio(
    value: str,
) -> SeedanceReferenceToVideoInputAspectRatio:
    if value in SEEDANCE_REFERENCE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_REFERENCE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES!r}"
    )
