from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_generation_request_aspect_ratio import (
    VideoGenerationRequestAspectRatio,
    check_video_generation_request_aspect_ratio,
)
from ..models.video_generation_request_duration import (
    VideoGenerationRequestDuration,
    check_video_generation_request_duration,
)
from ..models.video_generation_request_model import (
    VideoGenerationRequestModel,
    check_video_generation_request_model,
)
from ..models.video_generation_request_size import (
    VideoGenerationRequestSize,
    check_video_generation_request_size,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoGenerationRequest")


@_attrs_define
class VideoGenerationRequest:
    """Request format for video generation models"""

    aspect_ratio: VideoGenerationRequestAspectRatio
    """ Aspect ratio """
    duration: VideoGenerationRequestDuration
    """ Fixed duration """
    images: list[str]
    """ Array of input images, which can be data URL or image URL """
    model: VideoGenerationRequestModel
    """ Model name to use for the request """
    prompt: str
    """ Text prompt for generation """
    size: VideoGenerationRequestSize
    """ Size """
    audio_enable: bool | Unset = UNSET
    """ Whether to generate audio along with video """
    audios: list[str] | Unset = UNSET
    """ Array of input audio URLs """
    seed: int | Unset = UNSET
    """ Random seed for generation """
    videos: list[str] | Unset = UNSET
    """ Array of input video URLs """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str = self.aspect_ratio

        duration: int = self.duration

        images = self.images

        model: str = self.model

        prompt = self.prompt

        size: str = self.size

        audio_enable = self.audio_enable

        audios: list[str] | Unset = UNSET
        if not isinstance(self.audios, Unset):
            audios = self.audios

        seed = self.seed

        videos: list[str] | Unset = UNSET
        if not isinstance(self.videos, Unset):
            videos = self.videos

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aspect_ratio": aspect_ratio,
                "duration": duration,
                "images": images,
                "model": model,
                "prompt": prompt,
                "size": size,
            }
        )
        if audio_enable is not UNSET:
            field_dict["audio_enable"] = audio_enable
        if audios is not UNSET:
            field_dict["audios"] = audios
        if seed is not UNSET:
            field_dict["seed"] = seed
        if videos is not UNSET:
            field_dict["videos"] = videos

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = check_video_generation_request_aspect_ratio(d.pop("aspect_ratio"))

        duration = check_video_generation_request_duration(d.pop("duration"))

        images = cast(list[str], d.pop("images"))

        model = check_video_generation_request_model(d.pop("model"))

        prompt = d.pop("prompt")

        size = check_video_generation_request_size(d.pop("size"))

        audio_enable = d.pop("audio_enable", UNSET)

        audios = cast(list[str], d.pop("audios", UNSET))

        seed = d.pop("seed", UNSET)

        videos = cast(list[str], d.pop("videos", UNSET))

        video_generation_request = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            images=images,
            model=model,
            prompt=prompt,
            size=size,
            audio_enable=audio_enable,
            audios=audios,
            seed=seed,
            videos=videos,
        )

        video_generation_request.additional_properties = d
        return video_generation_request

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
