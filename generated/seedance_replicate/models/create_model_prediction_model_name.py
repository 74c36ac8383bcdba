from typing import Literal

CreateModelPredictionModelName = Literal[
    "seedance-1-lite", "seedance-1-pro", "seedance-2.0", "seedance-2.0-fast"
]

CREATE_MODEL_PREDICTION_MODEL_NAME_VALUES: set[CreateModelPredictionModelName] = {
    "seedance-1-lite",
    "seedance-1-pro",
    "seedance-2.0",
    "seedance-2.0-fast",
}


def check_create_model_prediction_model_name(value: str) -> CreateModelPredictionModelName:
    if value in CREATE_MODEL_PREDICTION_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_MODEL_PREDICTION_MODEL_NAME_VALUES!r}"
    )
