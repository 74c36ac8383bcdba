from typing import Literal

WrappedTaskStateType0 = Literal["FAILURE", "IN_PROGRESS", "NOT_START", "QUEUED", "SUCCESS"]

WRAPPED_TASK_STATE_TYPE_0_VALUES: set[WrappedTaskStateType0] = {
    "FAILURE",
    "IN_PROGRESS",
    "NOT_START",
    "QUEUED",
    "SUCCESS",
}


def check_wrapped_task_state_type_0(value: str) -> WrappedTaskStateType0:
    if value in WRAPPED_TASK_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WRAPPED_TASK_STATE_TYPE_0_VALUES!r}"
    )
