from typing import Literal

Seedance20InputAspectRatioType0 = Literal["16:9", "adaptive"]

SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_0_VALUES: set[Seedance20InputAspectRatioType0] = {
    "16:9",
    "adaptive",
}


def check_seedance_20_input_aspect_ratio_type_0(value: str) -> Seedance20InputAspectRatioType0:
    if value in SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_0_VALUES!r}"
    )
