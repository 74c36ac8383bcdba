from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_20_fast_input_aspect_ratio_type_0 import (
    Seedance20FastInputAspectRatioType0,
    check_seedance_20_fast_input_aspect_ratio_type_0,
)
from ..models.seedance_20_fast_input_aspect_ratio_type_1 import (
    Seedance20FastInputAspectRatioType1,
    check_seedance_20_fast_input_aspect_ratio_type_1,
)
from ..models.seedance_20_fast_input_resolution import (
    Seedance20FastInputResolution,
    check_seedance_20_fast_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance20FastInput")


@_attrs_define
class Seedance20FastInput:
    prompt: str | Unset = UNSET
    """ Text prompt for video generation """
    image: str | Unset = UNSET
    """ Input image for image-to-video generation (first frame). Cannot be combined with reference images. """
    last_frame_image: str | Unset = UNSET
    """ Input image for last frame generation. Only works if a first frame image is also provided. Cannot be
    combined with reference images. """
    reference_images: list[str] | Unset = UNSET
    """ Reference images (up to 9) for character consistency, style guidance, and scene composition. Cannot be used
    together with first/last frame images. You can reference them in your prompt as [Image1], [Image2], etc. """
    reference_videos: list[str] | Unset = UNSET
    """ Reference videos (up to 3, total duration max 15s) for motion transfer, style reference, and editing.
    Reference them in your prompt as [Video1], [Video2], etc. """
    reference_audios: list[str] | Unset = UNSET
    """ Reference audio files (up to 3, total duration max 15s) for audio-driven generation and lip-sync. Requires
    at least one reference image or video. Reference them in your prompt as [Audio1], [Audio2], etc. """
    duration: int | Unset = 5
    """ Video duration in seconds. Set to -1 for intelligent duration (model picks the best length). """
    resolution: Seedance20FastInputResolution | Unset = "720p"
    """ Video resolution. """
    aspect_ratio: (
        Seedance20FastInputAspectRatioType0 | Seedance20FastInputAspectRatioType1 | Unset
    ) = "16:9"
    """ Video aspect ratio. Set to 'adaptive' to let the model choose the best ratio based on inputs. """
    generate_audio: bool | Unset = True
    """ Generate synchronized audio with the video, including dialogue (use double quotes in prompt), sound effects,
    and background music. """
    seed: int | Unset = UNSET
    """ Random seed. Set for reproducible generation. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        image = self.image

        last_frame_image = self.last_frame_image

        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        reference_videos: list[str] | Unset = UNSET
        if not isinstance(self.reference_videos, Unset):
            reference_videos = self.reference_videos

        reference_audios: list[str] | Unset = UNSET
        if not isinstance(self.reference_audios, Unset):
            reference_audios = self.reference_audios

        duration = self.duration

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        aspect_ratio: str | Unset
        if isinstance(self.aspect_ratio, Unset):
            aspect_ratio = UNSET
        elif isinstance(self.aspect_ratio, str):
            aspect_ratio = self.aspect_ratio
        else:
            aspect_ratio = self.aspect_ratio

        generate_audio = self.generate_audio

        seed = self.seed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if image is not UNSET:
            field_dict["image"] = image
        if last_frame_image is not UNSET:
            field_dict["last_frame_image"] = last_frame_image
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images
        if reference_videos is not UNSET:
            field_dict["reference_videos"] = reference_videos
        if reference_audios is not UNSET:
            field_dict["reference_audios"] = reference_audios
        if duration is not UNSET:
            field_dict["duration"] = duration
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt", UNSET)

        image = d.pop("image", UNSET)

        last_frame_image = d.pop("last_frame_image", UNSET)

        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        reference_videos = cast(list[str], d.pop("reference_videos", UNSET))

        reference_audios = cast(list[str], d.pop("reference_audios", UNSET))

        duration = d.pop("duration", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance20FastInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_20_fast_input_resolution(_resolution)

        def _parse_aspect_ratio(
            data: object,
        ) -> Seedance20FastInputAspectRatioType0 | Seedance20FastInputAspectRatioType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aspect_ratio_type_0 = check_seedance_20_fast_input_aspect_ratio_type_0(data)

                return aspect_ratio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            aspect_ratio_type_1 = check_seedance_20_fast_input_aspect_ratio_type_1(data)

            return aspect_ratio_type_1

        aspect_ratio = _parse_aspect_ratio(d.pop("aspect_ratio", UNSET))

        generate_audio = d.pop("generate_audio", UNSET)

        seed = d.pop("seed", UNSET)

        seedance_20_fast_input = cls(
            prompt=prompt,
            image=image,
            last_frame_image=last_frame_image,
            reference_images=reference_images,
            reference_videos=reference_videos,
            reference_audios=reference_audios,
            duration=duration,
            resolution=resolution,
            aspect_ratio=aspect_ratio,
            generate_audio=generate_audio,
            seed=seed,
        )

        seedance_20_fast_input.additional_properties = d
        return seedance_20_fast_input

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
