from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audio_url_content_role import (
    AudioUrlContentRole,
    check_audio_url_content_role,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_url import AudioUrl


T = TypeVar("T", bound="AudioUrlContent")


@_attrs_define
class AudioUrlContent:
    """A reference audio.

    Example:
        {'type': 'audio_url', 'audio_url': {'url': 'https://example.com/reference.mp3'}, 'role': 'reference_audio'}

    """

    audio_url: AudioUrl
    """ Where the audio is. """
    type_: Literal["audio_url"] = "audio_url"
    role: AudioUrlContentRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        audio_url = self.audio_url.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "audio_url": audio_url,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_url import AudioUrl  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["audio_url"], d.pop("type"))
        if type_ != "audio_url":
            raise ValueError(f"type must match const 'audio_url', got '{type_}'")

        audio_url = AudioUrl.from_dict(d.pop("audio_url"))

        _role = d.pop("role", UNSET)
        role: AudioUrlContentRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_audio_url_content_role(_role)

        audio_url_content = cls(
            type_=type_,
            audio_url=audio_url,
            role=role,
        )

        audio_url_content.additional_properties = d
        return audio_url_content

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
