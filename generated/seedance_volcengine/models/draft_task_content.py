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

if TYPE_CHECKING:
    from ..models.draft_task_reference import DraftTaskReference


T = TypeVar("T", bound="DraftTaskContent")


@_attrs_define
class DraftTaskContent:
    """A draft task to generate in full.

    Example:
        {'type': 'draft_task', 'draft_task': {'id': 'cgt-20250101000000-draft'}}

    """

    draft_task: DraftTaskReference
    """ The draft task whose video is to be generated in full. """
    type_: Literal["draft_task"] = "draft_task"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        draft_task = self.draft_task.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "draft_task": draft_task,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.draft_task_reference import DraftTaskReference  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["draft_task"], d.pop("type"))
        if type_ != "draft_task":
            raise ValueError(f"type must match const 'draft_task', got '{type_}'")

        draft_task = DraftTaskReference.from_dict(d.pop("draft_task"))

        draft_task_content = cls(
            type_=type_,
            draft_task=draft_task,
        )

        draft_task_content.additional_properties = d
        return draft_task_content

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
