from typing import Literal

Seedance2T2VFastInputAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "auto"]

SEEDANCE_2T2V_FAST_INPUT_ASPECT_RATIO_VALUES: set[Seedance2T2VFastInputAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_seedance_2t2v_fast_input_aspect_ratio(value: str) -> Seedance2T2VFastInputAspectRatio:
    if value in SEEDANCE_2T2V_FAST_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2T2V_FAST_INPUT_ASPECT_RATIO_VALUES!r}"
    )
