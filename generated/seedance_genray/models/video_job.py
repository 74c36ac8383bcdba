from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_status import VideoStatus, check_video_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoJob")


@_attrs_define
class VideoJob:
    """A video generation job as the status operation returns it. video_url, width, height, duration_ms, cover_url and
    credits_spent describe the finished video.

    """

    id: str
    """ The job id (UUID-like; the page's examples are cut short, "a1b2c3d4-e5f6-..."). """
    status: VideoStatus
    """ The job's life cycle: `queued` (waiting in queue) and `processing` (being generated) are waiting;
    `completed` (video_url available) and `failed` (error has details) are final. """
    model: str | Unset = UNSET
    """ The model the job runs on. Drift: the page's completed example shows "seedance-2.0-pro", while create
    accepts "seedance-2.0" (pro) or "seedance-2.0-fast"; expect either form. """
    duration: int | Unset = UNSET
    """ Requested video length in seconds. """
    aspect_ratio: str | Unset = UNSET
    """ Requested aspect ratio. """
    credits_spent: int | Unset = UNSET
    """ Credits charged for the job. The page's example shows 170 for 5 seconds of seedance-2.0, where its Credit
    Costs table gives 130. """
    video_url: str | Unset = UNSET
    """ Direct download link for the video, once status is "completed". """
    width: int | Unset = UNSET
    """ Video width in pixels. """
    height: int | Unset = UNSET
    """ Video height in pixels. """
    duration_ms: int | Unset = UNSET
    """ Actual length of the generated video in milliseconds. """
    cover_url: str | Unset = UNSET
    """ Cover image of the video. """
    created_at: str | Unset = UNSET
    """ When the job was created: an ISO 8601 date and time without a UTC offset, as in "2026-04-02T12:00:00" (the
    time zone is not documented). """
    error: str | Unset = UNSET
    """ Why the generation failed, when status is "failed". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        model = self.model

        duration = self.duration

        aspect_ratio = self.aspect_ratio

        credits_spent = self.credits_spent

        video_url = self.video_url

        width = self.width

        height = self.height

        duration_ms = self.duration_ms

        cover_url = self.cover_url

        created_at = self.created_at

        error = self.error

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
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if credits_spent is not UNSET:
            field_dict["credits_spent"] = credits_spent
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if cover_url is not UNSET:
            field_dict["cover_url"] = cover_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_video_status(d.pop("status"))

        model = d.pop("model", UNSET)

        duration = d.pop("duration", UNSET)

        aspect_ratio = d.pop("aspect_ratio", UNSET)

        credits_spent = d.pop("credits_spent", UNSET)

        video_url = d.pop("video_url", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        cover_url = d.pop("cover_url", UNSET)

        created_at = d.pop("created_at", UNSET)

        error = d.pop("error", UNSET)

        video_job = cls(
            id=id,
            status=status,
            model=model,
            duration=duration,
            aspect_ratio=aspect_ratio,
            credits_spent=credits_spent,
            video_url=video_url,
            width=width,
            height=height,
            duration_ms=duration_ms,
            cover_url=cover_url,
            created_at=created_at,
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
