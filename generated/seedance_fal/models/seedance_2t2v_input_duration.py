from typing import Literal

Seedance2T2VInputDuration = Literal[
    "10", "11", "12", "13", "14", "15", "4", "5", "6", "7", "8", "9", "auto"
]

SEEDANCE_2T2V_INPUT_DURATION_VALUES: set[Seedance2T2VInputDuration] = {
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


def check_seedance_2t2v_input_duration(value: str) -> Seedance2T2VInputDuration:
    if value in SEEDANCE_2T2V_INPUT_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_2T2V_INPUT_DURATION_VALUES!r}"
    )
