from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadedFile")


@_attrs_define
class UploadedFile:
    """Where the uploaded image is hosted.

    Example:
        {'url': '/v1/files/upload_u42_abc123_xyz.jpg', 'full_url':
            'https://genray.ai/v1/files/upload_u42_abc123_xyz.jpg', 'size_bytes': 290150}

    """

    url: str
    """ Path of the hosted file (/v1/files/...); accepted as person_image_url. """
    full_url: str
    """ Absolute URL of the hosted file; use it as person_image_url or in reference_images. """
    size_bytes: int | Unset = UNSET
    """ Size of the stored file in bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        full_url = self.full_url

        size_bytes = self.size_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "full_url": full_url,
            }
        )
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        full_url = d.pop("full_url")

        size_bytes = d.pop("size_bytes", UNSET)

        uploaded_file = cls(
            url=url,
            full_url=full_url,
            size_bytes=size_bytes,
        )

        uploaded_file.additional_properties = d
        return uploaded_file

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
