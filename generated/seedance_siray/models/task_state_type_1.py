from typing import Literal

TaskStateType1 = Literal["FAILED", "PENDING"]

TASK_STATE_TYPE_1_VALUES: set[TaskStateType1] = {
    "FAILED",
    "PENDING",
}


def check_task_state_type_1(value: str) -> TaskStateType1:
    if value in TASK_STATE_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATE_TYPE_1_VALUES!r}")
