from typing import Literal

InputReferenceRole = Literal["reference_audio", "reference_image", "reference_video"]

INPUT_REFERENCE_ROLE_VALUES: set[InputReferenceRole] = {
    "reference_audio",
    "reference_image",
    "reference_video",
}


def check_input_reference_role(value: str) -> InputReferenceRole:
    if value in INPUT_REFERENCE_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_REFERENCE_ROLE_VALUES!r}")
