from typing import Literal

ErrorCode = Literal[
    "generation_failed",
    "insufficient_credits",
    "not_found",
    "plan_required",
    "rate_limit_exceeded",
    "unauthorized",
]

ERROR_CODE_VALUES: set[ErrorCode] = {
    "generation_failed",
    "insufficient_credits",
    "not_found",
    "plan_required",
    "rate_limit_exceeded",
    "unauthorized",
}


def check_error_code(value: str) -> ErrorCode:
    if value in ERROR_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_CODE_VALUES!r}")
