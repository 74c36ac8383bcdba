from typing import Literal

SeedanceProFastTextToVideoInputDuration = Literal[
    "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"
]

SEEDANCE_PRO_FAST_TEXT_TO_VIDEO_INPUT_DURATION_VALUES: set[
    SeedanceProFastTextToVideoInputDuration
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


def check_seedance_pro_fast_text_to_video_input_duration(
    value: str,
) -> SeedanceProFastTextToVideoInputDuration:
    if value in SEEDANCE_PRO_FAST_TEXT_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_FAST_TEXT_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
