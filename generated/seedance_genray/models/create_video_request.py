from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_video_request_aspect_ratio import (
    CreateVideoRequestAspectRatio,
    check_create_video_request_aspect_ratio,
)
from ..models.create_video_request_model import (
    CreateVideoRequestModel,
    check_create_video_request_model,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateVideoRequest")


@_attrs_define
class CreateVideoRequest:
    """Create a video generation job. Text-to-video with a prompt alone; image-to-video with first_frame_url (and
    optionally end_frame_url); omni reference with reference images, videos and audios.

        Example:
            {'prompt': 'A cat wearing a tiny chef hat, cooking pasta in a sunlit kitchen', 'duration': 10, 'aspect_ratio':
                '16:9', 'model': 'seedance-2.0'}

    """

    prompt: str
    """ Text description of the video. 1-4000 characters. """
    model: CreateVideoRequestModel | Unset = "seedance-2.0"
    """ Model to use. "seedance-2.0" (default, highest quality) or "seedance-2.0-fast" (faster, cheaper). """
    duration: int | Unset = 5
    """ Video length in seconds. 4-15. Default: 5. """
    aspect_ratio: CreateVideoRequestAspectRatio | Unset = "16:9"
    """ Output aspect ratio. Default: "16:9". Options: 16:9, 9:16, 1:1, 4:3, 3:4, 21:9. """
    first_frame_url: str | Unset = UNSET
    """ URL to an image for the first frame. Enables image-to-video mode. """
    end_frame_url: str | Unset = UNSET
    """ URL to an image for the last frame. Requires first_frame_url. """
    reference_images: list[str] | Unset = UNSET
    """ Up to 9 image URLs for visual reference (omni mode). """
    reference_videos: list[str] | Unset = UNSET
    """ Up to 3 video URLs for motion/style reference. A video reference costs an extra 18 credits per second of
    output. """
    reference_audios: list[str] | Unset = UNSET
    """ Up to 3 audio URLs for audio-synced generation. """
    webhook_url: str | Unset = UNSET
    """ HTTPS URL to receive a callback when the job finishes. Overrides key's default webhook. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model

        duration = self.duration

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        first_frame_url = self.first_frame_url

        end_frame_url = self.end_frame_url

        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        reference_videos: list[str] | Unset = UNSET
        if not isinstance(self.reference_videos, Unset):
            reference_videos = self.reference_videos

        reference_audios: list[str] | Unset = UNSET
        if not isinstance(self.reference_audios, Unset):
            reference_audios = self.reference_audios

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if first_frame_url is not UNSET:
            field_dict["first_frame_url"] = first_frame_url
        if end_frame_url is not UNSET:
            field_dict["end_frame_url"] = end_frame_url
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images
        if reference_videos is not UNSET:
            field_dict["reference_videos"] = reference_videos
        if reference_audios is not UNSET:
            field_dict["reference_audios"] = reference_audios
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _model = d.pop("model", UNSET)
        model: CreateVideoRequestModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = check_create_video_request_model(_model)

        duration = d.pop("duration", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: CreateVideoRequestAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_create_video_request_aspect_ratio(_aspect_ratio)

        first_frame_url = d.pop("first_frame_url", UNSET)

        end_frame_url = d.pop("end_frame_url", UNSET)

        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        reference_videos = cast(list[str], d.pop("reference_videos", UNSET))

        reference_audios = cast(list[str], d.pop("reference_audios", UNSET))

        webhook_url = d.pop("webhook_url", UNSET)

        create_video_request = cls(
            prompt=prompt,
            model=model,
            duration=duration,
            aspect_ratio=aspect_ratio,
            first_frame_url=first_frame_url,
            end_frame_url=end_frame_url,
            reference_images=reference_images,
            reference_videos=reference_videos,
            reference_audios=reference_audios,
            webhook_url=webhook_url,
        )

        create_video_request.additional_properties = d
        return create_video_request

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
