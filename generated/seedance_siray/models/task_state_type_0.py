from typing import Literal

TaskStateType0 = Literal["FAILURE", "IN_PROGRESS", "NOT_START", "QUEUED", "SUBMITTED", "SUCCESS"]

TASK_STATE_TYPE_0_VALUES: set[TaskStateType0] = {
    "FAILURE",
    "IN_PROGRESS",
    "NOT_START",
    "QUEUED",
    "SUBMITTED",
    "SUCCESS",
}


def check_task_state_type_0(value: str) -> TaskStateType0:
    if value in TASK_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATE_TYPE_0_VALUES!r}")
