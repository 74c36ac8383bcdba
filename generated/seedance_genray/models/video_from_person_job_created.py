from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_status import VideoStatus, check_video_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoFromPersonJobCreated")


@_attrs_define
class VideoFromPersonJobCreated:
    """The accepted job (Response 202 of POST /api/v1/videos/from-person). Its cost field is `total_cost`; the create
    response calls the same figure `estimated_cost`.

        Example:
            {'id': 'a1b2c3d4-...', 'status': 'queued', 'model': 'seedance-2.0', 'duration': 5, 'aspect_ratio': '9:16',
                'total_cost': 142, 'credits_remaining': 9708, 'created_at': '2026-04-21T10:23:21'}

    """

    id: str
    """ The job id; poll get_video with it. """
    status: VideoStatus
    """ The job's life cycle: `queued` (waiting in queue) and `processing` (being generated) are waiting;
    `completed` (video_url available) and `failed` (error has details) are final. """
    model: str | Unset = UNSET
    """ The model the job runs on. """
    duration: int | Unset = UNSET
    """ Video length in seconds. """
    aspect_ratio: str | Unset = UNSET
    """ Output aspect ratio. """
    total_cost: int | Unset = UNSET
    """ Credits the job costs (create calls this estimated_cost): 142 for 5 seconds of seedance-2.0, scaling with
    duration and model; refunded if generation fails or is rejected by moderation. """
    credits_remaining: int | Unset = UNSET
    """ The account's credit balance. """
    created_at: str | Unset = UNSET
    """ When the job was created: an ISO 8601 date and time without a UTC offset (the time zone is not documented).
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        model = self.model

        duration = self.duration

        aspect_ratio = self.aspect_ratio

        total_cost = self.total_cost

        credits_remaining = self.credits_remaining

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
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if total_cost is not UNSET:
            field_dict["total_cost"] = total_cost
        if credits_remaining is not UNSET:
            field_dict["credits_remaining"] = credits_remaining
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_video_status(d.pop("status"))

        model = d.pop("model", UNSET)

        duration = d.pop("duration", UNSET)

        aspect_ratio = d.pop("aspect_ratio", UNSET)

        total_cost = d.pop("total_cost", UNSET)

        credits_remaining = d.pop("credits_remaining", UNSET)

        created_at = d.pop("created_at", UNSET)

        video_from_person_job_created = cls(
            id=id,
            status=status,
            model=model,
            duration=duration,
            aspect_ratio=aspect_ratio,
            total_cost=total_cost,
            credits_remaining=credits_remaining,
            created_at=created_at,
        )

        video_from_person_job_created.additional_properties = d
        return video_from_person_job_created

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
