from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wrapped_task_state_type_0 import (
    WrappedTaskStateType0,
    check_wrapped_task_state_type_0,
)
from ..models.wrapped_task_state_type_1 import (
    WrappedTaskStateType1,
    check_wrapped_task_state_type_1,
)
from ..models.wrapped_task_state_type_2 import (
    WrappedTaskStateType2,
    check_wrapped_task_state_type_2,
)
from ..models.wrapped_task_state_type_3 import (
    WrappedTaskStateType3,
    check_wrapped_task_state_type_3,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WrappedTaskStatusData")


@_attrs_define
class WrappedTaskStatusData:
    task_id: str
    status: (
        WrappedTaskStateType0
        | WrappedTaskStateType1
        | WrappedTaskStateType2
        | WrappedTaskStateType3
    )
    """ NOT_START, SUBMITTED, QUEUED and PENDING are waiting, IN_PROGRESS, PROCESSING and RUNNING running; SUCCESS
    (also SUCCEEDED, COMPLETED) and FAILURE (also FAILED, ERROR, CANCELLED, CANCELED) are final. The words after the
    documented five come from AnyFast's SDK and client code. """
    action: str | Unset = UNSET
    """ The kind of task. """
    result_url: str | Unset = UNSET
    """ URL of the generated video once the task succeeded; valid for 24 hours. """
    fail_reason: str | Unset = UNSET
    """ Why the task failed, when `status` is FAILURE. """
    submit_time: int | Unset = UNSET
    """ When the task was submitted, in unix seconds. """
    start_time: int | Unset = UNSET
    """ When the task started running, in unix seconds. """
    finish_time: int | Unset = UNSET
    """ When the task finished, in unix seconds. """
    progress: str | Unset = UNSET
    """ Completion as a percentage string, for example "100%". """
    data: Any | Unset = UNSET
    """ The upstream ModelArk task as the service passes it through (ModelArk's own fields and status values); left
    untyped. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        elif isinstance(self.status, str):
            status = self.status
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        action = self.action

        result_url = self.result_url

        fail_reason = self.fail_reason

        submit_time = self.submit_time

        start_time = self.start_time

        finish_time = self.finish_time

        progress = self.progress

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if result_url is not UNSET:
            field_dict["result_url"] = result_url
        if fail_reason is not UNSET:
            field_dict["fail_reason"] = fail_reason
        if submit_time is not UNSET:
            field_dict["submit_time"] = submit_time
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if finish_time is not UNSET:
            field_dict["finish_time"] = finish_time
        if progress is not UNSET:
            field_dict["progress"] = progress
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        def _parse_status(
            data: object,
        ) -> (
            WrappedTaskStateType0
            | WrappedTaskStateType1
            | WrappedTaskStateType2
            | WrappedTaskStateType3
        ):
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wrapped_task_state_type_0 = check_wrapped_task_state_type_0(data)

                return componentsschemas_wrapped_task_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wrapped_task_state_type_1 = check_wrapped_task_state_type_1(data)

                return componentsschemas_wrapped_task_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wrapped_task_state_type_2 = check_wrapped_task_state_type_2(data)

                return componentsschemas_wrapped_task_state_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_wrapped_task_state_type_3 = check_wrapped_task_state_type_3(data)

            return componentsschemas_wrapped_task_state_type_3

        status = _parse_status(d.pop("status"))

        action = d.pop("action", UNSET)

        result_url = d.pop("result_url", UNSET)

        fail_reason = d.pop("fail_reason", UNSET)

        submit_time = d.pop("submit_time", UNSET)

        start_time = d.pop("start_time", UNSET)

        finish_time = d.pop("finish_time", UNSET)

        progress = d.pop("progress", UNSET)

        data = d.pop("data", UNSET)

        wrapped_task_status_data = cls(
            task_id=task_id,
            status=status,
            action=action,
            result_url=result_url,
            fail_reason=fail_reason,
            submit_time=submit_time,
            start_time=start_time,
            finish_time=finish_time,
            progress=progress,
            data=data,
        )

        wrapped_task_status_data.additional_properties = d
        return wrapped_task_status_data

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
