from typing import Literal

Seedance20FastInputAspectRatioType1 = Literal["1:1", "21:9", "3:4", "4:3", "9:16"]

SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_1_VALUES: set[Seedance20FastInputAspectRatioType1] = {
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_seedance_20_fast_input_aspect_ratio_type_1(
    value: str,
) -> Seedance20FastInputAspectRatioType1:
    if value in SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_FAST_INPUT_ASPECT_RATIO_TYPE_1_VALUES!r}"
    )
