from typing import Literal

SeedanceTextToVideoInputAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "9:21"]

SEEDANCE_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES: set[SeedanceTextToVideoInputAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "9:21",
}


def check_seedance_text_to_video_input_aspect_ratio(
    value: str,
) -> SeedanceTextToVideoInputAspectRatio:
    if value in SEEDANCE_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEEDANCE_TEXT_TO_VIDEO_INPUT_ASPECT_RATIO_VALUES!r}"
    )
