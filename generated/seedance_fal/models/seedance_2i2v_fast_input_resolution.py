from typing import Literal

Seedance2I2VFastInputResolution = Literal["480p", "720p"]

SEEDANCE_2I2V_FAST_INPUT_RESOLUTION_VALUES: set[Seedance2I2VFastInputResolution] = {
    "480p",
    "720p",
}


def check_seedance_2i2v_fast_input_resolution(value: str) -> Seedance2I2VFastInputResolution:
    if value in SEEDANCE_2I2V_FAST_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2I2V_FAST_INPUT_RESOLUTION_VALUES!r}"
    )
