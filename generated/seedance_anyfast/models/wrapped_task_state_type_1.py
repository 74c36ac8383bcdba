from typing import Literal

WrappedTaskStateType1 = Literal["SUBMITTED"]

WRAPPED_TASK_STATE_TYPE_1_VALUES: set[WrappedTaskStateType1] = {
    "SUBMITTED",
}


def check_wrapped_task_state_type_1(value: str) -> WrappedTaskStateType1:
    if value in WRAPPED_TASK_STATE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WRAPPED_TASK_STATE_TYPE_1_VALUES!r}"
    )
