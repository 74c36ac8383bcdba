from typing import Literal

CreateTaskRequestRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "adaptive"]

CREATE_TASK_REQUEST_RATIO_VALUES: set[CreateTaskRequestRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "adaptive",
}


def check_create_task_request_ratio(value: str) -> CreateTaskRequestRatio:
    if value in CREATE_TASK_REQUEST_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_TASK_REQUEST_RATIO_VALUES!r}"
    )
