from typing import Literal

CreateVideoRequestModel = Literal["seedance-2.0", "seedance-2.0-fast"]

CREATE_VIDEO_REQUEST_MODEL_VALUES: set[CreateVideoRequestModel] = {
    "seedance-2.0",
    "seedance-2.0-fast",
}


def check_create_video_request_model(value: str) -> CreateVideoRequestModel:
    if value in CREATE_VIDEO_REQUEST_MODEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_VIDEO_REQUEST_MODEL_VALUES!r}"
    )
