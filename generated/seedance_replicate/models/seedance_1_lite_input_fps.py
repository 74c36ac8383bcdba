from typing import Literal

Seedance1LiteInputFps = Literal[24]

SEEDANCE_1_LITE_INPUT_FPS_VALUES: set[Seedance1LiteInputFps] = {
    24,
}


def check_seedance_1_lite_input_fps(value: int) -> Seedance1LiteInputFps:
    if value in SEEDANCE_1_LITE_INPUT_FPS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_1_LITE_INPUT_FPS_VALUES!r}"
    )
