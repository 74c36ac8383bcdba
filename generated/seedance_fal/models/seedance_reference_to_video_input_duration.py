from typing import Literal

SeedanceReferenceToVideoInputDuration = Literal[
    "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"
]

SEEDANCE_REFERENCE_TO_VIDEO_INPUT_DURATION_VALUES: set[SeedanceReferenceToVideoInputDuration] = {
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


def check_seedance_reference_to_video_input_duration(
    value: str,
) -> SeedanceReferenceToVideoInputDuration:
    if value in SEEDANCE_REFERENCE_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_REFERENCE_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
