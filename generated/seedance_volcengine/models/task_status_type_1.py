from typing import Literal

TaskStatusType1 = Literal["pending", "processing"]

TASK_STATUS_TYPE_1_VALUES: set[TaskStatusType1] = {
    "pending",
    "processing",
}


def check_task_status_type_1(value: str) -> TaskStatusType1:
    if value in TASK_STATUS_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_STATUS_TYPE_1_VALUES!r}")
