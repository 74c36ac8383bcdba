from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_pro_image_to_video_input_aspect_ratio import (
    SeedanceProImageToVideoInputAspectRatio,
    check_seedance_pro_image_to_video_input_aspect_ratio,
)
from ..models.seedance_pro_image_to_video_input_duration import (
    SeedanceProImageToVideoInputDuration,
    check_seedance_pro_image_to_video_input_duration,
)
from ..models.seedance_pro_image_to_video_input_resolution import (
    SeedanceProImageToVideoInputResolution,
    check_seedance_pro_image_to_video_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedanceProImageToVideoInput")


@_attrs_define
class SeedanceProImageToVideoInput:
    """
    Example:
        {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': '5', 'resolution': '720p', 'aspect_ratio':
            '16:9', 'image_url': 'https://example.com/lighthouse.png'}

    """

    image_url: str
    """ The URL of the image used to generate video """
    prompt: str
    """ The text prompt used to generate the video """
    resolution: SeedanceProImageToVideoInputResolution | Unset = "1080p"
    """ Video resolution - 480p for faster generation, 720p for balance, 1080p for higher quality """
    enable_safety_checker: bool | Unset = True
    """ If set to true, the safety checker will be enabled. """
    duration: SeedanceProImageToVideoInputDuration | Unset = "5"
    """ Duration of the video in seconds """
    num_frames: int | None | Unset = UNSET
    """ The number of frames to generate. If provided, will override duration. """
    end_image_url: None | str | Unset = UNSET
    """ The URL of the image the video ends with. Defaults to None. """
    seed: int | None | Unset = UNSET
    """ Random seed to control video generation. Use -1 for random. """
    camera_fixed: bool | Unset = False
    """ Whether to fix the camera position """
    aspect_ratio: SeedanceProImageToVideoInputAspectRatio | Unset = "auto"
    """ The aspect ratio of the generated video """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_url = self.image_url

        prompt = self.prompt

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        enable_safety_checker = self.enable_safety_checker

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        num_frames: int | None | Unset
        if isinstance(self.num_frames, Unset):
            num_frames = UNSET
        else:
            num_frames = self.num_frames

        end_image_url: None | str | Unset
        if isinstance(self.end_image_url, Unset):
            end_image_url = UNSET
        else:
            end_image_url = self.end_image_url

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        camera_fixed = self.camera_fixed

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_url": image_url,
                "prompt": prompt,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if enable_safety_checker is not UNSET:
            field_dict["enable_safety_checker"] = enable_safety_checker
        if duration is not UNSET:
            field_dict["duration"] = duration
        if num_frames is not UNSET:
            field_dict["num_frames"] = num_frames
        if end_image_url is not UNSET:
            field_dict["end_image_url"] = end_image_url
        if seed is not UNSET:
            field_dict["seed"] = seed
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_url = d.pop("image_url")

        prompt = d.pop("prompt")

        _resolution = d.pop("resolution", UNSET)
        resolution: SeedanceProImageToVideoInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_pro_image_to_video_input_resolution(_resolution)

        enable_safety_checker = d.pop("enable_safety_checker", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: SeedanceProImageToVideoInputDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_seedance_pro_image_to_video_input_duration(_duration)

        def _parse_num_frames(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_frames = _parse_num_frames(d.pop("num_frames", UNSET))

        def _parse_end_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_image_url = _parse_end_image_url(d.pop("end_image_url", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        camera_fixed = d.pop("camera_fixed", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: SeedanceProImageToVideoInputAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_pro_image_to_video_input_aspect_ratio(_aspect_ratio)

        seedance_pro_image_to_video_input = cls(
            image_url=image_url,
            prompt=prompt,
            resolution=resolution,
            enable_safety_checker=enable_safety_checker,
            duration=duration,
            num_frames=num_frames,
            end_image_url=end_image_url,
            seed=seed,
            camera_fixed=camera_fixed,
            aspect_ratio=aspect_ratio,
        )

        seedance_pro_image_to_video_input.additional_properties = d
        return seedance_pro_image_to_video_input

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
