from typing import Literal

SeedanceProTextToVideoInputAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES: set[
    SeedanceProTextToVideoInputAspectRatio
] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_seedance_pro_text_to_video_input_aspect_ratio(
    value: str,
) -> SeedanceProTextToVideoInputAspectRatio:
    if value in SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_PRO_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES!r}"
    )
