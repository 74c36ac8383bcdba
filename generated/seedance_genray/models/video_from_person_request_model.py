from typing import Literal

VideoFromPersonRequestModel = Literal["seedance-2.0", "seedance-2.0-fast"]

VIDEO_FROM_PERSON_REQUEST_MODEL_VALUES: set[VideoFromPersonRequestModel] = {
    "seedance-2.0",
    "seedance-2.0-fast",
}


def check_video_from_person_request_model(value: str) -> VideoFromPersonRequestModel:
    if value in VIDEO_FROM_PERSON_REQUEST_MODEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_FROM_PERSON_REQUEST_MODEL_VALUES!r}"
    )
