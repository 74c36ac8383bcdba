from typing import Literal

Seedance20InputResolution = Literal["480p", "720p"]

SEEDANCE_20_INPUT_RESOLUTION_VALUES: set[Seedance20InputResolution] = {
    "480p",
    "720p",
}


def check_seedance_20_input_resolution(value: str) -> Seedance20InputResolution:
    if value in SEEDANCE_20_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_INPUT_RESOLUTION_VALUES!r}"
    )
