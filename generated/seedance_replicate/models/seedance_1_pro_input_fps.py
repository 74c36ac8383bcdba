from typing import Literal

Seedance1ProInputFps = Literal[24]

SEEDANCE_1_PRO_INPUT_FPS_VALUES: set[Seedance1ProInputFps] = {
    24,
}


def check_seedance_1_pro_input_fps(value: int) -> Seedance1ProInputFps:
    if value in SEEDANCE_1_PRO_INPUT_FPS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_1_PRO_INPUT_FPS_VALUES!r}"
    )
