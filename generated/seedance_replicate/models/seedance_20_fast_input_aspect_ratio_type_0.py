from typing import Literal

Seedance20FastInputAspectRatioType0 = Literal["16:9", "adaptive"]

SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_0_VALUES: set[Seedance20FastInputAspectRatioType0] = {
    "16:9",
    "adaptive",
}


def check_seedance_20_fast_input_aspect_ratio_type_0(
    value: str,
) -> Seedance20FastInputAspectRatioType0:
    if value in SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_0_VALUES!r}"
    )
