from typing import Literal

CancelResultStatus = Literal["ALREADY_COMPLETED", "CANCELLATION_REQUESTED", "NOT_FOUND", "OK"]

CANCEL_RESULT_STATUS_VALUES: set[CancelResultStatus] = {
    "ALREADY_COMPLETED",
    "CANCELLATION_REQUESTED",
    "NOT_FOUND",
    "OK",
}


def check_cancel_result_status(value: str) -> CancelResultStatus:
    if value in CANCEL_RESULT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_RESULT_STATUS_VALUES!r}")
