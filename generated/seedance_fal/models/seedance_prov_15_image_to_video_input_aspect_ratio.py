from typing import Literal

SeedanceProv15ImageToVideoInputAspectRatio = Literal[
    "16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "auto"
]

SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES: set[
    SeedanceProv15ImageToVideoInputAspectRatio
] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_seedance_prov_15_image_to_video_input_aspect_ratio(
    value: str,
) -> SeedanceProv15ImageToVideoInputAspectRatio:
    if value in SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PROV_15_IMAGE_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES!r}"
    )
