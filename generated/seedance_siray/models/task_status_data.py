from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state_type_0 import TaskStateType0, check_task_state_type_0
from ..models.task_state_type_1 import TaskStateType1, check_task_state_type_1
from ..models.task_state_type_2 import TaskStateType2, check_task_state_type_2
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskStatusData")


@_attrs_define
class TaskStatusData:
    task_id: str
    status: TaskStateType0 | TaskStateType1 | TaskStateType2
    """ The task's life cycle: NOT_START, SUBMITTED, QUEUED and PENDING are waiting, IN_PROGRESS is running,
    SUCCESS, SUCCEEDED and COMPLETED are final successes, FAILURE, FAILED and ERROR final failures. The words beyond
    the status page's six come from Siray's own clients. """
    progress: str | Unset = UNSET
    """ Completion as a percentage string, for example "100%". """
    outputs: list[str] | Unset = UNSET
    """ URLs of the generated videos; the video is the first item. """
    fail_reason: str | Unset = UNSET
    """ Why the task failed, when `status` is FAILURE. """
    submit_time: int | Unset = UNSET
    """ When the task was submitted, in unix seconds (type inferred). """
    start_time: int | Unset = UNSET
    """ When the task started running, in unix seconds (type inferred). """
    finish_time: int | Unset = UNSET
    """ When the task finished, in unix seconds (type inferred). """
    action: str | Unset = UNSET
    """ The kind of task, for example "imageGenerate". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        progress = self.progress

        outputs: list[str] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = self.outputs

        fail_reason = self.fail_reason

        submit_time = self.submit_time

        start_time = self.start_time

        finish_time = self.finish_time

        action = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
            }
        )
        if progress is not UNSET:
            field_dict["progress"] = progress
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if fail_reason is not UNSET:
            field_dict["fail_reason"] = fail_reason
        if submit_time is not UNSET:
            field_dict["submit_time"] = submit_time
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if finish_time is not UNSET:
            field_dict["finish_time"] = finish_time
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        def _parse_status(data: object) -> TaskStateType0 | TaskStateType1 | TaskStateType2:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_task_state_type_0 = check_task_state_type_0(data)

                return componentsschemas_task_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_task_state_type_1 = check_task_state_type_1(data)

                return componentsschemas_task_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_task_state_type_2 = check_task_state_type_2(data)

            return componentsschemas_task_state_type_2

        status = _parse_status(d.pop("status"))

        progress = d.pop("progress", UNSET)

        outputs = cast(list[str], d.pop("outputs", UNSET))

        fail_reason = d.pop("fail_reason", UNSET)

        submit_time = d.pop("submit_time", UNSET)

        start_time = d.pop("start_time", UNSET)

        finish_time = d.pop("finish_time", UNSET)

        action = d.pop("action", UNSET)

        task_status_data = cls(
            task_id=task_id,
            status=status,
            progress=progress,
            outputs=outputs,
            fail_reason=fail_reason,
            submit_time=submit_time,
            start_time=start_time,
            finish_time=finish_time,
            action=action,
        )

        task_status_data.additional_properties = d
        return task_status_data

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
