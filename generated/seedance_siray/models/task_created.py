from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_created_data import TaskCreatedData


T = TypeVar("T", bound="TaskCreated")


@_attrs_define
class TaskCreated:
    """A created task. Siray documents the id at `data.task_id`; its SDKs read a top-level `task_id` (or `id`). Read it
    from either place.

        Example:
            {'code': 'success', 'message': '', 'data': {'task_id': '3f9a1c2e-video-task'}}

    """

    code: str | Unset = UNSET
    """ Status code returned by the service """
    data: TaskCreatedData | Unset = UNSET
    """ Response payload containing task details """
    message: str | Unset = UNSET
    """ Additional information about the request result """
    task_id: str | Unset = UNSET
    """ The task id at the top level, where Siray's SDKs read it. """
    id: str | Unset = UNSET
    """ The task id under the name `id`, which Siray's SDKs read when `task_id` is absent. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        message = self.message

        task_id = self.task_id

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if data is not UNSET:
            field_dict["data"] = data
        if message is not UNSET:
            field_dict["message"] = message
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_created_data import TaskCreatedData  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        _data = d.pop("data", UNSET)
        data: TaskCreatedData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = TaskCreatedData.from_dict(_data)

        message = d.pop("message", UNSET)

        task_id = d.pop("task_id", UNSET)

        id = d.pop("id", UNSET)

        task_created = cls(
            code=code,
            data=data,
            message=message,
            task_id=task_id,
            id=id,
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
