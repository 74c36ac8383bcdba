from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskCreated")


@_attrs_define
class TaskCreated:
    """The created task's id.

    Example:
        {'id': 'cgt-20250101000000-abcde'}

    """

    id: str
    """ The task id, "cgt-...". """
    safety_identifier: str | Unset = UNSET
    """ The end-user identifier sent with the request, echoed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        safety_identifier = self.safety_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        safety_identifier = d.pop("safety_identifier", UNSET)

        task_created = cls(
            id=id,
            safety_identifier=safety_identifier,
        )

        task_created.additional_properties = d
        return task_created

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
