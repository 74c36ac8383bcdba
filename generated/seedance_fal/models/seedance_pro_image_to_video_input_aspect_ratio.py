from typing import Literal

SeedanceProImageToVideoInputAspectRatio = Literal[
    "16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "auto"
]

SEEDANCE_PRO_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES: set[
    SeedanceProImageToVideoInputAspectRatio
] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_seedance_pro_image_to_video_input_aspect_ratio(
    value: str,
) -> SeedanceProImageToVideoInputAspectRatio:
    if value in SEEDANCE_PRO_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES!r}"
    )
