from typing import Literal

TaskState = Literal["FAILURE", "IN_PROGRESS", "NOT_START", "QUEUED", "SUBMITTED", "SUCCESS"]

TASK_STATE_VALUES: set[TaskState] = {
    "FAILURE",
    "IN_PROGRESS",
    "NOT_START",
    "QUEUED",
    "SUBMITTED",
    "SUCCESS",
}


def check_task_state(value: str) -> TaskState:
    if value in TASK_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATE_VALUES!r}")
