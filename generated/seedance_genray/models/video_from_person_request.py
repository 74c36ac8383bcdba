from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_from_person_request_aspect_ratio import (
    VideoFromPersonRequestAspectRatio,
    check_video_from_person_request_aspect_ratio,
)
from ..models.video_from_person_request_model import (
    VideoFromPersonRequestModel,
    check_video_from_person_request_model,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoFromPersonRequest")


@_attrs_define
class VideoFromPersonRequest:
    """Generate a photoreal video of the person in person_image_url performing the action in prompt. Identity is extracted
    from the photo: describe the action and scene only.

        Example:
            {'person_image_url': 'https://your-host.com/photo.jpg', 'prompt': 'The character turns head slowly, soft
                daylight, cinematic close-up, subtle smile', 'duration': 5, 'aspect_ratio': '9:16'}

    """

    person_image_url: str
    """ Public URL (https://...) or /v1/files/... path pointing to the person's portrait. Required. """
    prompt: str
    """ Action / scene description. Do not describe the person's appearance — identity is extracted from the photo.
    Max 4000 chars. """
    duration: int | Unset = 5
    """ Video length in seconds, 4–15. Default 5. """
    aspect_ratio: VideoFromPersonRequestAspectRatio | Unset = "9:16"
    """ "9:16", "16:9", "1:1" etc. Default "9:16". """
    model: VideoFromPersonRequestModel | Unset = "seedance-2.0"
    """ "seedance-2.0" (pro) or "seedance-2.0-fast". Default "seedance-2.0" (pro). """
    clothing_details: str | Unset = UNSET
    """ Optional. Extra outfit details (patches, insignia, nameplates) to preserve on the character. """
    extra_reference_images: list[str] | Unset = UNSET
    """ Optional. Up to 8 additional references for locations or objects in the scene. """
    webhook_url: str | Unset = UNSET
    """ Optional. HTTPS URL called with HMAC signature when video finishes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_image_url = self.person_image_url

        prompt = self.prompt

        duration = self.duration

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model

        clothing_details = self.clothing_details

        extra_reference_images: list[str] | Unset = UNSET
        if not isinstance(self.extra_reference_images, Unset):
            extra_reference_images = self.extra_reference_images

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_image_url": person_image_url,
                "prompt": prompt,
            }
        )
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if model is not UNSET:
            field_dict["model"] = model
        if clothing_details is not UNSET:
            field_dict["clothing_details"] = clothing_details
        if extra_reference_images is not UNSET:
            field_dict["extra_reference_images"] = extra_reference_images
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_image_url = d.pop("person_image_url")

        prompt = d.pop("prompt")

        duration = d.pop("duration", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: VideoFromPersonRequestAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_video_from_person_request_aspect_ratio(_aspect_ratio)

        _model = d.pop("model", UNSET)
        model: VideoFromPersonRequestModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = check_video_from_person_request_model(_model)

        clothing_details = d.pop("clothing_details", UNSET)

        extra_reference_images = cast(list[str], d.pop("extra_reference_images", UNSET))

        webhook_url = d.pop("webhook_url", UNSET)

        video_from_person_request = cls(
            person_image_url=person_image_url,
            prompt=prompt,
            duration=duration,
            aspect_ratio=aspect_ratio,
            model=model,
            clothing_details=clothing_details,
            extra_reference_images=extra_reference_images,
            webhook_url=webhook_url,
        )

        video_from_person_request.additional_properties = d
        return video_from_person_request

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
