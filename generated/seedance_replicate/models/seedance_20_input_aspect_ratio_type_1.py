from typing import Literal

Seedance20InputAspectRatioType1 = Literal["1:1", "21:9", "3:4", "4:3", "9:16"]

SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_1_VALUES: set[Seedance20InputAspectRatioType1] = {
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_seedance_20_input_aspect_ratio_type_1(value: str) -> Seedance20InputAspectRatioType1:
    if value in SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_20_INPUT_ASPECT_RATIO_TYPE_1_VALUES!r}"
    )
