from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoJob")


@_attrs_define
class VideoJob:
    """An asynchronous video generation job. Its `id` is used "for subsequent queries and downloads" (provider-notes.md);
    see `get_video_generation`, an inferred operation.

        Example:
            {'id': 'video_123', 'object': 'video', 'status': 'processing', 'created_at': 1760347750, 'seconds': 5, 'model':
                'ByteDance-Seedance-1.5-pro'}

    """

    id: str
    """ The job id, prefixed `video_`. """
    object_: Literal["video"]
    """ Always `video`; tells a job apart from the synchronous answer. """
    status: str
    """ The job's status. Only `processing` is documented; the full vocabulary (and which values are final) is not,
    so it is not an enum. """
    created_at: int | Unset = UNSET
    """ When the job was created, in unix seconds (type and unit inferred). """
    seconds: int | str | Unset = UNSET
    """ The video duration in seconds. Its JSON type is not documented: integer like the request's `seconds`, or a
    numeric string as in OpenAI's video object; both are accepted. """
    model: str | Unset = UNSET
    """ The model ID the job runs on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        status = self.status

        created_at = self.created_at

        seconds: int | str | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        model = self.model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "status": status,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["video"], d.pop("object"))
        if object_ != "video":
            raise ValueError(f"object must match const 'video', got '{object_}'")

        status = d.pop("status")

        created_at = d.pop("created_at", UNSET)

        def _parse_seconds(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        seconds = _parse_seconds(d.pop("seconds", UNSET))

        model = d.pop("model", UNSET)

        video_job = cls(
            id=id,
            object_=object_,
            status=status,
            created_at=created_at,
            seconds=seconds,
            model=model,
        )

        video_job.additional_properties = d
        return video_job

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
