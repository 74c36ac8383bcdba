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

from ..models.video_url_content_role import (
    VideoUrlContentRole,
    check_video_url_content_role,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_url import VideoUrl


T = TypeVar("T", bound="VideoUrlContent")


@_attrs_define
class VideoUrlContent:
    """A reference video.

    Example:
        {'type': 'video_url', 'video_url': {'url': 'https://example.com/reference.mp4'}, 'role': 'reference_video'}

    """

    video_url: VideoUrl
    """ Where the video is. """
    type_: Literal["video_url"] = "video_url"
    role: VideoUrlContentRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        video_url = self.video_url.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "video_url": video_url,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_url import VideoUrl  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["video_url"], d.pop("type"))
        if type_ != "video_url":
            raise ValueError(f"type must match const 'video_url', got '{type_}'")

        video_url = VideoUrl.from_dict(d.pop("video_url"))

        _role = d.pop("role", UNSET)
        role: VideoUrlContentRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_video_url_content_role(_role)

        video_url_content = cls(
            type_=type_,
            video_url=video_url,
            role=role,
        )

        video_url_content.additional_properties = d
        return video_url_content

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
