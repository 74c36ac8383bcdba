from typing import Literal

SeedanceProFastImageToVideoInputDuration = Literal[
    "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"
]

SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_DURATION_VALUES: set[
    SeedanceProFastImageToVideoInputDuration
] = {
    "10",
    "11",
    "12",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
}


def check_seedance_pro_fast_image_to_video_input_duration(
    value: str,
) -> SeedanceProFastImageToVideoInputDuration:
    if value in SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_FAST_IMAGE_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
