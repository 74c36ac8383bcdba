from typing import Literal

Seedance1ProInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_1_PRO_INPUT_RESOLUTION_VALUES: set[Seedance1ProInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_1_pro_input_resolution(value: str) -> Seedance1ProInputResolution:
    if value in SEEDANCE_1_PRO_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_1_PRO_INPUT_RESOLUTION_VALUES!r}"
    )
