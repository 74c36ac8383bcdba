from typing import Literal

Seedance2I2VInputDuration = Literal[
    "10", "11", "12", "13", "14", "15", "4", "5", "6", "7", "8", "9", "auto"
]

SEEDANCE_2I2V_INPUT_DURATION_VALUES: set[Seedance2I2VInputDuration] = {
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


def check_seedance_2i2v_input_duration(value: str) -> Seedance2I2VInputDuration:
    if value in SEEDANCE_2I2V_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2I2V_INPUT_DURATION_VALUES!r}"
    )
