from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.frame_image_type import FrameImageType, check_frame_image_type

T = TypeVar("T", bound="FrameImage")


@_attrs_define
class FrameImage:
    """One frame image of `frame_images`, pinning the first or the last frame. (Public client code names the fields
    `frame_type` and `image_url`; not documented, not accepted here.)

        Example:
            {'type': 'first_frame', 'url': 'https://your-domain.com/start.jpg'}

    """

    type_: FrameImageType
    """ `first_frame` (start frame) or `last_frame` (end frame) """
    url: str
    """ Publicly accessible URL of the image """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_frame_image_type(d.pop("type"))

        url = d.pop("url")

        frame_image = cls(
            type_=type_,
            url=url,
        )

        frame_image.additional_properties = d
        return frame_image

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
