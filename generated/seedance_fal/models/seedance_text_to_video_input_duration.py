from typing import Literal

SeedanceTextToVideoInputDuration = Literal["10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"]

SEEDANCE_TEXT_TO_VIDEO_INPUT_DURATION_VALUES: set[SeedanceTextToVideoInputDuration] = {
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


def check_seedance_text_to_video_input_duration(value: str) -> SeedanceTextToVideoInputDuration:
    if value in SEEDANCE_TEXT_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_TEXT_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
