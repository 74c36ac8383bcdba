from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.flat_task_state_type_0 import (
    FlatTaskStateType0,
    check_flat_task_state_type_0,
)
from ..models.flat_task_state_type_1 import (
    FlatTaskStateType1,
    check_flat_task_state_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flat_task_content import FlatTaskContent
    from ..models.task_error import TaskError
    from ..models.task_usage import TaskUsage


T = TypeVar("T", bound="FlatTaskStatus")


@_attrs_define
class FlatTaskStatus:
    """The flat, ModelArk-like status shape.

    Example:
        {'id': 'doubao_task_123456', 'model': 'doubao-seedance-1-5-pro-251215', 'status': 'succeeded', 'content':
            {'video_url': 'https://cdn.example.com/videos/doubao_task_123456.mp4'}, 'usage': {'completion_tokens': 108900,
            'total_tokens': 108900}, 'created_at': 1735689600}

    """

    id: str
    status: FlatTaskStateType0 | FlatTaskStateType1
    """ submitted, queued, processing and in_progress are waiting or running, succeeded and completed final
    successes, failed a final failure. """
    model: str | Unset = UNSET
    content: FlatTaskContent | Unset = UNSET
    """ The task's output. """
    usage: TaskUsage | Unset = UNSET
    """ Tokens the task consumed. """
    error: None | TaskError | Unset = UNSET
    """ Why the task failed; null or absent otherwise (null inferred from ModelArk). """
    created_at: int | str | Unset = UNSET
    """ Creation timestamp, unix seconds as in ModelArk (or an ISO 8601 string). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_error import TaskError  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        model = self.model

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, TaskError):
            error = self.error.to_dict()
        else:
            error = self.error

        created_at: int | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if content is not UNSET:
            field_dict["content"] = content
        if usage is not UNSET:
            field_dict["usage"] = usage
        if error is not UNSET:
            field_dict["error"] = error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flat_task_content import FlatTaskContent  # noqa: PLC0415
        from ..models.task_error import TaskError  # noqa: PLC0415
        from ..models.task_usage import TaskUsage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> FlatTaskStateType0 | FlatTaskStateType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_flat_task_state_type_0 = check_flat_task_state_type_0(data)

                return componentsschemas_flat_task_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_flat_task_state_type_1 = check_flat_task_state_type_1(data)

            return componentsschemas_flat_task_state_type_1

        status = _parse_status(d.pop("status"))

        model = d.pop("model", UNSET)

        _content = d.pop("content", UNSET)
        content: FlatTaskContent | Unset
        if isinstance(_content, Unset):
            content = UNSET
        else:
            content = FlatTaskContent.from_dict(_content)

        _usage = d.pop("usage", UNSET)
        usage: TaskUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = TaskUsage.from_dict(_usage)

        def _parse_error(data: object) -> None | TaskError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = TaskError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_created_at(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        flat_task_status = cls(
            id=id,
            status=status,
            model=model,
            content=content,
            usage=usage,
            error=error,
            created_at=created_at,
        )

        flat_task_status.additional_properties = d
        return flat_task_status

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
