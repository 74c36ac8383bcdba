from typing import Literal

SeedanceProTextToVideoInputDuration = Literal[
    "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"
]

SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_DURATION_VALUES: set[SeedanceProTextToVideoInputDuration] = {
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


def check_seedance_pro_text_to_video_input_duration(
    value: str,
) -> SeedanceProTextToVideoInputDuration:
    if value in SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
