from typing import Literal

Seedance2I2VFastInputDuration = Literal[
    "10", "11", "12", "13", "14", "15", "4", "5", "6", "7", "8", "9", "auto"
]

SEEDANCE_2I2V_FAST_INPUT_DURATION_VALUES: set[Seedance2I2VFastInputDuration] = {
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "auto",
}


def check_seedance_2i2v_fast_input_duration(value: str) -> Seedance2I2VFastInputDuration:
    if value in SEEDANCE_2I2V_FAST_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2I2V_FAST_INPUT_DURATION_VALUES!r}"
    )
