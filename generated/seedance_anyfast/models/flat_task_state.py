from typing import Literal

FlatTaskState = Literal["failed", "processing", "submitted", "succeeded"]

FLAT_TASK_STATE_VALUES: set[FlatTaskState] = {
    "failed",
    "processing",
    "submitted",
    "succeeded",
}


def check_flat_task_state(value: str) -> FlatTaskState:
    if value in FLAT_TASK_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLAT_TASK_STATE_VALUES!r}")
