from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wrapped_task_status_data import WrappedTaskStatusData


T = TypeVar("T", bound="WrappedTaskStatus")


@_attrs_define
class WrappedTaskStatus:
    """The wrapped status shape `{code, message, data}`.

    Example:
        {'code': 'success', 'message': '', 'data': {'task_id': 'task_7f3c2a9e', 'action': 'generate', 'status':
            'SUCCESS', 'result_url': 'https://cdn.example.com/videos/task_7f3c2a9e.mp4', 'fail_reason': '', 'submit_time':
            1735689600, 'start_time': 1735689605, 'finish_time': 1735689690, 'progress': '100%', 'data': {'id':
            'cgt-20250101000000-7f3c2', 'model': 'doubao-seedance-1-5-pro-251215', 'status': 'succeeded', 'content':
            {'video_url': 'https://cdn.example.com/videos/task_7f3c2a9e.mp4'}}}}

    """

    code: str
    """ Result code of the query, "success" when the task was found. """
    data: WrappedTaskStatusData
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
        from ..models.wrapped_task_status_data import WrappedTaskStatusData  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        data = WrappedTaskStatusData.from_dict(d.pop("data"))

        message = d.pop("message", UNSET)

        wrapped_task_status = cls(
            code=code,
            data=data,
            message=message,
        )

        wrapped_task_status.additional_properties = d
        return wrapped_task_status

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
