from typing import Literal

PredictionRequestVersion = Literal[
    "bytedance/seedance-1-lite",
    "bytedance/seedance-1-pro",
    "bytedance/seedance-2.0",
    "bytedance/seedance-2.0-fast",
]

PREDICTION_REQUEST_VERSION_VALUES: set[PredictionRequestVersion] = {
    "bytedance/seedance-1-lite",
    "bytedance/seedance-1-pro",
    "bytedance/seedance-2.0",
    "bytedance/seedance-2.0-fast",
}


def check_prediction_request_version(value: str) -> PredictionRequestVersion:
    if value in PREDICTION_REQUEST_VERSION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PREDICTION_REQUEST_VERSION_VALUES!r}"
    )
