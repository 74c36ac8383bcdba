from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_1_pro_input_aspect_ratio import (
    Seedance1ProInputAspectRatio,
    check_seedance_1_pro_input_aspect_ratio,
)
from ..models.seedance_1_pro_input_fps import (
    Seedance1ProInputFps,
    check_seedance_1_pro_input_fps,
)
from ..models.seedance_1_pro_input_resolution import (
    Seedance1ProInputResolution,
    check_seedance_1_pro_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance1ProInput")


@_attrs_define
class Seedance1ProInput:
    resolution: Seedance1ProInputResolution | Unset = "1080p"
    """ Video resolution """
    aspect_ratio: Seedance1ProInputAspectRatio | Unset = "16:9"
    """ Video aspect ratio. Ignored if an image is used. """
    fps: Seedance1ProInputFps | Unset = 24
    """ Frame rate (frames per second) """
    seed: int | Unset = UNSET
    """ Random seed. Set for reproducible generation """
    image: str | Unset = UNSET
    """ Input image for image-to-video generation """
    prompt: str | Unset = UNSET
    """ Text prompt for video generation """
    duration: int | Unset = 5
    """ Video duration in seconds """
    camera_fixed: bool | Unset = False
    """ Whether to fix camera position """
    last_frame_image: str | Unset = UNSET
    """ Input image for last frame generation. This only works if an image start frame is given too. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        fps: int | Unset = UNSET
        if not isinstance(self.fps, Unset):
            fps = self.fps

        seed = self.seed

        image = self.image

        prompt = self.prompt

        duration = self.duration

        camera_fixed = self.camera_fixed

        last_frame_image = self.last_frame_image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if fps is not UNSET:
            field_dict["fps"] = fps
        if seed is not UNSET:
            field_dict["seed"] = seed
        if image is not UNSET:
            field_dict["image"] = image
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if duration is not UNSET:
            field_dict["duration"] = duration
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if last_frame_image is not UNSET:
            field_dict["last_frame_image"] = last_frame_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance1ProInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_1_pro_input_resolution(_resolution)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Seedance1ProInputAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_1_pro_input_aspect_ratio(_aspect_ratio)

        _fps = d.pop("fps", UNSET)
        fps: Seedance1ProInputFps | Unset
        if isinstance(_fps, Unset):
            fps = UNSET
        else:
            fps = check_seedance_1_pro_input_fps(_fps)

        seed = d.pop("seed", UNSET)

        image = d.pop("image", UNSET)

        prompt = d.pop("prompt", UNSET)

        duration = d.pop("duration", UNSET)

        camera_fixed = d.pop("camera_fixed", UNSET)

        last_frame_image = d.pop("last_frame_image", UNSET)

        seedance_1_pro_input = cls(
            resolution=resolution,
            aspect_ratio=aspect_ratio,
            fps=fps,
            seed=seed,
            image=image,
            prompt=prompt,
            duration=duration,
            camera_fixed=camera_fixed,
            last_frame_image=last_frame_image,
        )

        seedance_1_pro_input.additional_properties = d
        return seedance_1_pro_input

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
