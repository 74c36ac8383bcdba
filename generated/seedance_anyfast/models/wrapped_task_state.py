from typing import Literal

WrappedTaskState = Literal["FAILURE", "IN_PROGRESS", "NOT_START", "QUEUED", "SUBMITTED", "SUCCESS"]

WRAPPED_TASK_STATE_VALUES: set[WrappedTaskState] = {
    "FAILURE",
    "IN_PROGRESS",
    "NOT_START",
    "QUEUED",
    "SUBMITTED",
    "SUCCESS",
}


def check_wrapped_task_state(value: str) -> WrappedTaskState:
    if value in WRAPPED_TASK_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WRAPPED_TASK_STATE_VALUES!r}")
