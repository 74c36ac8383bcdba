from typing import Literal

WrappedTaskStateType2 = Literal["PENDING", "PROCESSING", "RUNNING"]

WRAPPED_TASK_STATE_TYPE_2_VALUES: set[WrappedTaskStateType2] = {
    "PENDING",
    "PROCESSING",
    "RUNNING",
}


def check_wrapped_task_state_type_2(value: str) -> WrappedTaskStateType2:
    if value in WRAPPED_TASK_STATE_TYPE_2_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WRAPPED_TASK_STATE_TYPE_2_VALUES!r}"
    )
