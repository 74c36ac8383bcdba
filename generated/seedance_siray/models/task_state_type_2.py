from typing import Literal

TaskStateType2 = Literal["COMPLETED", "ERROR", "SUCCEEDED"]

TASK_STATE_TYPE_2_VALUES: set[TaskStateType2] = {
    "COMPLETED",
    "ERROR",
    "SUCCEEDED",
}


def check_task_state_type_2(value: str) -> TaskStateType2:
    if value in TASK_STATE_TYPE_2_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATE_TYPE_2_VALUES!r}")
