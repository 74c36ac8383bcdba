from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_status import VideoStatus, check_video_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookPayloadData")


@_attrs_define
class WebhookPayloadData:
    """The finished job."""

    id: str
    """ The job id, as returned when the job was created. """
    status: VideoStatus
    """ The job's life cycle: `queued` (waiting in queue) and `processing` (being generated) are waiting;
    `completed` (video_url available) and `failed` (error has details) are final. """
    video_url: str | Unset = UNSET
    """ Direct download link for the video. """
    width: int | Unset = UNSET
    """ Video width in pixels. """
    height: int | Unset = UNSET
    """ Video height in pixels. """
    duration_ms: int | Unset = UNSET
    """ Length of the video in milliseconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        video_url = self.video_url

        width = self.width

        height = self.height

        duration_ms = self.duration_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_video_status(d.pop("status"))

        video_url = d.pop("video_url", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        webhook_payload_data = cls(
            id=id,
            status=status,
            video_url=video_url,
            width=width,
            height=height,
            duration_ms=duration_ms,
        )

        webhook_payload_data.additional_properties = d
        return webhook_payload_data

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
