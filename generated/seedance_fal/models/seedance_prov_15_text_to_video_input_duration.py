from typing import Literal

SeedanceProv15TextToVideoInputDuration = Literal["10", "11", "12", "4", "5", "6", "7", "8", "9"]

SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_DURATION_VALUES: set[
    SeedanceProv15TextToVideoInputDuration
] = {
    "10",
    "11",
    "12",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
}


def check_seedance_prov_15_text_to_video_input_duration(
    value: str,
) -> SeedanceProv15TextToVideoInputDuration:
    if value in SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PROV_15_TEXT_TO_VIDEO_INPUT_DURATION_VALUES!r}"
    )
