from typing import Literal

CreateModelPredictionModelOwner = Literal["bytedance"]

CREATE_MODEL_PREDICTION_MODEL_OWNER_VALUES: set[CreateModelPredictionModelOwner] = {
    "bytedance",
}


def check_create_model_prediction_model_owner(value: str) -> CreateModelPredictionModelOwner:
    if value in CREATE_MODEL_PREDICTION_MODEL_OWNER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_MODEL_PREDICTION_MODEL_OWNER_VALUES!r}"
    )
