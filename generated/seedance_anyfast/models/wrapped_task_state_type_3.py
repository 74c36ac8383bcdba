from typing import Literal

WrappedTaskStateType3 = Literal[
    "CANCELED", "CANCELLED", "COMPLETED", "ERROR", "FAILED", "SUCCEEDED"
]

WRAPPED_TASK_STATE_TYPE_3_VALUES: set[WrappedTaskStateType3] = {
    "CANCELED",
    "CANCELLED",
    "COMPLETED",
    "ERROR",
    "FAILED",
    "SUCCEEDED",
}


def check_wrapped_task_state_type_3(value: str) -> WrappedTaskStateType3:
    if value in WRAPPED_TASK_STATE_TYPE_3_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WRAPPED_TASK_STATE_TYPE_3_VALUES!r}"
    )
