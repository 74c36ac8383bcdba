from typing import Literal

Seedance2T2VInputResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_2T2V_INPUT_RESOLUTION_VALUES: set[Seedance2T2VInputResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_2t2v_input_resolution(value: str) -> Seedance2T2VInputResolution:
    if value in SEEDANCE_2T2V_INPUT_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2T2V_INPUT_RESOLUTION_VALUES!r}"
    )
