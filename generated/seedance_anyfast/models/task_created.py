from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskCreated")


@_attrs_define
class TaskCreated:
    """A newly created task. Which optional fields appear depends on the model and the page: see the examples."""

    id: str | Unset = UNSET
    """ Task ID for querying status (pass it to get_video_generation). """
    status: str | Unset = UNSET
    """ Task status: "submitted" (004_f29313f54e4a30d9.txt), "processing", or "" for 2.0 models (provider-notes.md,
    Anyfast). """
    created_at: int | str | Unset = UNSET
    """ Creation timestamp, an ISO 8601 string (004) or unix seconds. """
    task_id: str | Unset = UNSET
    """ The task id; the same as `id` when both come, the only id in some answers (AnyFast's SDK reads it first).
    """
    object_: str | Unset = UNSET
    """ Object type, "video"; returned for 2.0 models. """
    model: str | Unset = UNSET
    """ Model ID the task runs on. """
    progress: int | Unset = UNSET
    """ Completion in percent; 0 at creation. Returned for 2.0 models. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        created_at: int | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        task_id = self.task_id

        object_ = self.object_

        model = self.model

        progress = self.progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if model is not UNSET:
            field_dict["model"] = model
        if progress is not UNSET:
            field_dict["progress"] = progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_created_at(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        task_id = d.pop("task_id", UNSET)

        object_ = d.pop("object", UNSET)

        model = d.pop("model", UNSET)

        progress = d.pop("progress", UNSET)

        task_created = cls(
            id=id,
            status=status,
            created_at=created_at,
            task_id=task_id,
            object_=object_,
            model=model,
            progress=progress,
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
