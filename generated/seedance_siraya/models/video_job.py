from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_job_error import VideoJobError


T = TypeVar("T", bound="VideoJob")


@_attrs_define
class VideoJob:
    """An asynchronous video generation job. Poll it with `get_video_generation` until `status` is `completed` (the video
    is at `output_url`) or `failed` (see `error`).

        Example:
            {'id': 'video_123', 'object': 'video', 'status': 'processing', 'created_at': 1760347750, 'seconds': 5, 'model':
                'ByteDance-Seedance-1.5-pro'}

    """

    id: str
    """ The job id, prefixed `video_`. """
    object_: Literal["video"]
    """ Always `video`; tells a job apart from the synchronous answer. """
    status: str
    """ The job's status. `processing` is documented; `completed` and `failed` are read by public client code,
    `queued` and `in_progress` are the OpenAI-style gateway vocabulary. The full list is not documented, so it is
    not an enum. """
    created_at: int | Unset = UNSET
    """ When the job was created, in unix seconds (type and unit inferred). """
    seconds: int | str | Unset = UNSET
    """ The video duration in seconds. Its JSON type is not documented: integer like the request's `seconds`, or a
    numeric string as in OpenAI's video object; both are accepted. """
    model: str | Unset = UNSET
    """ The model ID the job runs on. """
    output_url: str | Unset = UNSET
    """ The generated video, once the job is `completed`. """
    progress: int | Unset = UNSET
    """ Completion in percent. """
    error: VideoJobError | Unset = UNSET
    """ Why the job failed. """
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

        output_url = self.output_url

        progress = self.progress

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

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
        if output_url is not UNSET:
            field_dict["output_url"] = output_url
        if progress is not UNSET:
            field_dict["progress"] = progress
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_job_error import VideoJobError  # noqa: PLC0415

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

        output_url = d.pop("output_url", UNSET)

        progress = d.pop("progress", UNSET)

        _error = d.pop("error", UNSET)
        error: VideoJobError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = VideoJobError.from_dict(_error)

        video_job = cls(
            id=id,
            object_=object_,
            status=status,
            created_at=created_at,
            seconds=seconds,
            model=model,
            output_url=output_url,
            progress=progress,
            error=error,
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
