from typing import Literal

AudioUrlContentRole = Literal["reference_audio"]

AUDIO_URL_CONTENT_ROLE_VALUES: set[AudioUrlContentRole] = {
    "reference_audio",
}


def check_audio_url_content_role(value: str) -> AudioUrlContentRole:
    if value in AUDIO_URL_CONTENT_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUDIO_URL_CONTENT_ROLE_VALUES!r}"
    )
