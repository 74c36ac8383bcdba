from typing import Literal

Seedance2I2VInputAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "auto"]

SEEDANCE_2I2V_INPUT_ASPECT_RATIO_VALUES: set[Seedance2I2VInputAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_seedance_2i2v_input_aspect_ratio(value: str) -> Seedance2I2VInputAspectRatio:
    if value in SEEDANCE_2I2V_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2I2V_INPUT_ASPECT_RATIO_VALUES!r}"
    )
