from typing import Literal

InputReferenceType = Literal["audio", "image", "video"]

INPUT_REFERENCE_TYPE_VALUES: set[InputReferenceType] = {
    "audio",
    "image",
    "video",
}


def check_input_reference_type(value: str) -> InputReferenceType:
    if value in INPUT_REFERENCE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_REFERENCE_TYPE_VALUES!r}")
