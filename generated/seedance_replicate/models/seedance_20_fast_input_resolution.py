from typing import Literal

Seedance20FastInputResolution = Literal["480p", "720p"]

SEEDANCE_20_FAST_INPUT_RESOLUTION_VALUES: set[Seedance20FastInputResolution] = {
    "480p",
    "720p",
}


def check_seedance_20_fast_input_resolution(value: str) -> Seedance20FastInputResolution:
    if value in SEEDANCE_20_FAST_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_FAST_INPUT_RESOLUTION_VALUES!r}"
    )
