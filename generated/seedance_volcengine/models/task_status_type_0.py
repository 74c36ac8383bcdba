from typing import Literal

TaskStatusType0 = Literal["cancelled", "expired", "failed", "queued", "running", "succeeded"]

TASK_STATUS_TYPE_0_VALUES: set[TaskStatusType0] = {
    "cancelled",
    "expired",
    "failed",
    "queued",
    "running",
    "succeeded",
}


def check_task_status_type_0(value: str) -> TaskStatusType0:
    if value in TASK_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATUS_TYPE_0_VALUES!r}")
