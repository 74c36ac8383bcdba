from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_status_data import TaskStatusData


T = TypeVar("T", bound="TaskStatus")


@_attrs_define
class TaskStatus:
    """A video generation task as the status operation returns it.

    Example:
        {'code': 'success', 'message': '', 'data': {'task_id': '3f9a1c2e-video-task', 'status': 'SUCCESS', 'progress':
            '100%', 'outputs': ['https://cdn.siray.ai/outputs/3f9a1c2e.mp4'], 'fail_reason': '', 'submit_time': 1767225600,
            'start_time': 1767225605, 'finish_time': 1767225690}}

    """

    code: str
    """ Status code returned by the service. """
    data: TaskStatusData
    message: str | Unset = UNSET
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
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_status_data import TaskStatusData  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        data = TaskStatusData.from_dict(d.pop("data"))

        message = d.pop("message", UNSET)

        task_status = cls(
            code=code,
            data=data,
            message=message,
        )

        task_status.additional_properties = d
        return task_status

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
