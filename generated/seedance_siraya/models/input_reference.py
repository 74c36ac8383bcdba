from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.input_reference_role import InputReferenceRole, check_input_reference_role
from ..models.input_reference_type import InputReferenceType, check_input_reference_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="InputReference")


@_attrs_define
class InputReference:
    """One reference material of `input_references`: an image, video or audio file whose role matches its type.

    Example:
        {'type': 'image', 'url': 'https://your-domain.com/character.jpg', 'role': 'reference_image'}

    """

    type_: InputReferenceType
    """ `image`, `video`, or `audio` """
    url: str
    """ The reference material: a publicly accessible URL, a data URL, or an `asset://` id of a reviewed asset. """
    role: InputReferenceRole | Unset = UNSET
    """ `reference_image`, `reference_video`, or `reference_audio` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        url = self.url

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_input_reference_type(d.pop("type"))

        url = d.pop("url")

        _role = d.pop("role", UNSET)
        role: InputReferenceRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_input_reference_role(_role)

        input_reference = cls(
            type_=type_,
            url=url,
            role=role,
        )

        input_reference.additional_properties = d
        return input_reference

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
