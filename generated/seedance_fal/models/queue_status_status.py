from typing import Literal

QueueStatusStatus = Literal["COMPLETED", "IN_PROGRESS", "IN_QUEUE"]

QUEUE_STATUS_STATUS_VALUES: set[QueueStatusStatus] = {
    "COMPLETED",
    "IN_PROGRESS",
    "IN_QUEUE",
}


def check_queue_status_status(value: str) -> QueueStatusStatus:
    if value in QUEUE_STATUS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUEUE_STATUS_STATUS_VALUES!r}")
