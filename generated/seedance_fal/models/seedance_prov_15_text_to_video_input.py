from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_prov_15_text_to_video_input_aspect_ratio import (
    SeedanceProv15TextToVideoInputAspectRatio,
    check_seedance_prov_15_text_to_video_input_aspect_ratio,
)
from ..models.seedance_prov_15_text_to_video_input_duration import (
    SeedanceProv15TextToVideoInputDuration,
    check_seedance_prov_15_text_to_video_input_duration,
)
from ..models.seedance_prov_15_text_to_video_input_resolution import (
    SeedanceProv15TextToVideoInputResolution,
    check_seedance_prov_15_text_to_video_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedanceProv15TextToVideoInput")


@_attrs_define
class SeedanceProv15TextToVideoInput:
    prompt: str
    """ The text prompt used to generate the video """
    resolution: SeedanceProv15TextToVideoInputResolution | Unset = "720p"
    """ Video resolution - 480p for faster generation, 720p for balance, 1080p for higher quality """
    enable_safety_checker: bool | Unset = True
    """ If set to true, the safety checker will be enabled. """
    duration: SeedanceProv15TextToVideoInputDuration | Unset = "5"
    """ Duration of the video in seconds """
    camera_fixed: bool | Unset = False
    """ Whether to fix the camera position """
    generate_audio: bool | Unset = True
    """ Whether to generate audio for the video """
    seed: int | None | Unset = UNSET
    """ Random seed to control video generation. Use -1 for random. """
    aspect_ratio: SeedanceProv15TextToVideoInputAspectRatio | Unset = "16:9"
    """ The aspect ratio of the generated video """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        enable_safety_checker = self.enable_safety_checker

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        camera_fixed = self.camera_fixed

        generate_audio = self.generate_audio

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if enable_safety_checker is not UNSET:
            field_dict["enable_safety_checker"] = enable_safety_checker
        if duration is not UNSET:
            field_dict["duration"] = duration
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if seed is not UNSET:
            field_dict["seed"] = seed
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _resolution = d.pop("resolution", UNSET)
        resolution: SeedanceProv15TextToVideoInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_prov_15_text_to_video_input_resolution(_resolution)

        enable_safety_checker = d.pop("enable_safety_checker", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: SeedanceProv15TextToVideoInputDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_seedance_prov_15_text_to_video_input_duration(_duration)

        camera_fixed = d.pop("camera_fixed", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: SeedanceProv15TextToVideoInputAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_prov_15_text_to_video_input_aspect_ratio(_aspect_ratio)

        seedance_prov_15_text_to_video_input = cls(
            prompt=prompt,
            resolution=resolution,
            enable_safety_checker=enable_safety_checker,
            duration=duration,
            camera_fixed=camera_fixed,
            generate_audio=generate_audio,
            seed=seed,
            aspect_ratio=aspect_ratio,
        )

        seedance_prov_15_text_to_video_input.additional_properties = d
        return seedance_prov_15_text_to_video_input

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
