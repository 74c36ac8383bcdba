from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_created_data import TaskCreatedData


T = TypeVar("T", bound="TaskCreated")


@_attrs_define
class TaskCreated:
    """Standard async task creation response

    Example:
        {'code': 'success', 'message': '', 'data': {'task_id': '3f9a1c2e-video-task'}}

    """

    code: str
    """ Status code returned by the service """
    data: TaskCreatedData
    """ Response payload containing task details """
    message: str
    """ Additional information about the request result """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data = self.data.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_created_data import TaskCreatedData  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        data = TaskCreatedData.from_dict(d.pop("data"))

        message = d.pop("message")

        task_created = cls(
            code=code,
            data=data,
            message=message,
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
