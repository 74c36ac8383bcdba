from typing import Literal

FlatTaskStateType1 = Literal["completed", "in_progress", "queued"]

FLAT_TASK_STATE_TYPE_1_VALUES: set[FlatTaskStateType1] = {
    "completed",
    "in_progress",
    "queued",
}


def check_flat_task_state_type_1(value: str) -> FlatTaskStateType1:
    if value in FLAT_TASK_STATE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FLAT_TASK_STATE_TYPE_1_VALUES!r}"
    )
