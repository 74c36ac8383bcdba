from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GeneratedVideo")


@_attrs_define
class GeneratedVideo:
    """One generated video.

    Example:
        {'url': 'https://resource.siraya.ai/video/generated%2Fsiraya_123.mp4', 'revised_prompt': ''}

    """

    url: str
    """ URL of the generated video file. """
    revised_prompt: str | Unset = UNSET
    """ The prompt as revised by the service; empty in the page's example, and the page does not say when it is
    filled. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        revised_prompt = self.revised_prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if revised_prompt is not UNSET:
            field_dict["revised_prompt"] = revised_prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        revised_prompt = d.pop("revised_prompt", UNSET)

        generated_video = cls(
            url=url,
            revised_prompt=revised_prompt,
        )

        generated_video.additional_properties = d
        return generated_video

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
