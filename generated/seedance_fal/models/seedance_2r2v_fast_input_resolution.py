from typing import Literal

Seedance2R2VFastInputResolution = Literal["480p", "720p"]

SEEDANCE_2R2V_FAST_INPUT_RESOLUTION_VALUES: set[Seedance2R2VFastInputResolution] = {
    "480p",
    "720p",
}


def check_seedance_2r2v_fast_input_resolution(value: str) -> Seedance2R2VFastInputResolution:
    if value in SEEDANCE_2R2V_FAST_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2R2V_FAST_INPUT_RESOLUTION_VALUES!r}"
    )
