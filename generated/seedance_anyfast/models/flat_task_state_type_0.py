from typing import Literal

FlatTaskStateType0 = Literal["failed", "processing", "submitted", "succeeded"]

FLAT_TASK_STATE_TYPE_0_VALUES: set[FlatTaskStateType0] = {
    "failed",
    "processing",
    "submitted",
    "succeeded",
}


def check_flat_task_state_type_0(value: str) -> FlatTaskStateType0:
    if value in FLAT_TASK_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FLAT_TASK_STATE_TYPE_0_VALUES!r}"
    )
