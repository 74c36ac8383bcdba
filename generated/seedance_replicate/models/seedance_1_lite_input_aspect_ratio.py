from typing import Literal

Seedance1LiteInputAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

SEEDANCE_1_LITE_INPUT_ASPECT_RATIO_VALUES: set[Seedance1LiteInputAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_seedance_1_lite_input_aspect_ratio(value: str) -> Seedance1LiteInputAspectRatio:
    if value in SEEDANCE_1_LITE_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_1_LITE_INPUT_ASPECT_RATIO_VALUES!r}"
    )
