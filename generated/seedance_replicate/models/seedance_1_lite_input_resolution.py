from typing import Literal

Seedance1LiteInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_1_LITE_INPUT_RESOLUTION_VALUES: set[Seedance1LiteInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_1_lite_input_resolution(value: str) -> Seedance1LiteInputResolution:
    if value in SEEDANCE_1_LITE_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_1_LITE_INPUT_RESOLUTION_VALUES!r}"
    )
