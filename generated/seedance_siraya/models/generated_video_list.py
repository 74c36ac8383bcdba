from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.generated_video import GeneratedVideo


T = TypeVar("T", bound="GeneratedVideoList")


@_attrs_define
class GeneratedVideoList:
    """The finished videos, returned synchronously (the page's Example Response).

    Example:
        {'data': [{'url': 'https://resource.siraya.ai/video/generated%2Fsiraya_123.mp4', 'revised_prompt': ''}],
            'created': 1760347750}

    """

    data: list[GeneratedVideo]
    """ The generated videos. """
    created: int
    """ When the videos were created, in unix seconds (unit inferred). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        created = self.created

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generated_video import GeneratedVideo  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = GeneratedVideo.from_dict(data_item_data)

            data.append(data_item)

        created = d.pop("created")

        generated_video_list = cls(
            data=data,
            created=created,
        )

        generated_video_list.additional_properties = d
        return generated_video_list

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
