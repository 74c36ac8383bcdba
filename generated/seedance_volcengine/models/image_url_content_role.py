from typing import Literal

ImageUrlContentRole = Literal["first_frame", "last_frame", "reference_image"]

IMAGE_URL_CONTENT_ROLE_VALUES: set[ImageUrlContentRole] = {
    "first_frame",
    "last_frame",
    "reference_image",
}


def check_image_url_content_role(value: str) -> ImageUrlContentRole:
    if value in IMAGE_URL_CONTENT_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_URL_CONTENT_ROLE_VALUES!r}"
    )
