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

from ..models.image_url_content_role import (
    ImageUrlContentRole,
    check_image_url_content_role,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_url import ImageUrl


T = TypeVar("T", bound="ImageUrlContent")


@_attrs_define
class ImageUrlContent:
    """An input image and its role (a single image without a role is a first frame).

    Example:
        {'type': 'image_url', 'image_url': {'url': 'https://example.com/first-frame.png'}, 'role': 'first_frame'}

    """

    image_url: ImageUrl
    """ Where the image is. """
    type_: Literal["image_url"] = "image_url"
    role: ImageUrlContentRole | Unset = UNSET
    """ `first_frame` (the video starts here), `last_frame` (the video ends here; needs a first frame) or
    `reference_image` (guides content and style). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        image_url = self.image_url.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "image_url": image_url,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_url import ImageUrl  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["image_url"], d.pop("type"))
        if type_ != "image_url":
            raise ValueError(f"type must match const 'image_url', got '{type_}'")

        image_url = ImageUrl.from_dict(d.pop("image_url"))

        _role = d.pop("role", UNSET)
        role: ImageUrlContentRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_image_url_content_role(_role)

        image_url_content = cls(
            type_=type_,
            image_url=image_url,
            role=role,
        )

        image_url_content.additional_properties = d
        return image_url_content

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
