from typing import Literal

VideoGenerationRequestModel = Literal["bytedance/seedance-2.0-ref2v-spicy"]

VIDEO_GENERATION_REQUEST_MODEL_VALUES: set[VideoGenerationRequestModel] = {
    "bytedance/seedance-2.0-ref2v-spicy",
}


def check_video_generation_request_model(value: str) -> VideoGenerationRequestModel:
    if value in VIDEO_GENERATION_REQUEST_MODEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_GENERATION_REQUEST_MODEL_VALUES!r}"
    )
