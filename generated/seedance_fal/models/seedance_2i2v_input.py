from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_2i2v_input_aspect_ratio import (
    Seedance2I2VInputAspectRatio,
    check_seedance_2i2v_input_aspect_ratio,
)
from ..models.seedance_2i2v_input_duration import (
    Seedance2I2VInputDuration,
    check_seedance_2i2v_input_duration,
)
from ..models.seedance_2i2v_input_resolution import (
    Seedance2I2VInputResolution,
    check_seedance_2i2v_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance2I2VInput")


@_attrs_define
class Seedance2I2VInput:
    image_url: str
    """ The URL of the starting frame image to animate. Supported formats: JPEG, PNG, WebP. Max 30 MB. """
    prompt: str
    """ The text prompt describing the desired motion and action for the video. """
    end_user_id: None | str | Unset = UNSET
    """ The unique user ID of the end user. """
    resolution: Seedance2I2VInputResolution | Unset = "720p"
    """ Video resolution - 480p for faster generation, 720p for balance, 1080p for highest quality. """
    duration: Seedance2I2VInputDuration | Unset = "auto"
    """ Duration of the video in seconds. Supports 4 to 15 seconds, or auto to let the model decide based on the
    prompt. """
    end_image_url: None | str | Unset = UNSET
    """ The URL of the image to use as the last frame of the video. When provided, the generated video will
    transition from the starting image to this ending image. Supported formats: JPEG, PNG, WebP. Max 30 MB. """
    seed: int | None | Unset = UNSET
    """ Random seed for reproducibility. Note that results may still vary slightly even with the same seed. """
    generate_audio: bool | Unset = True
    """ Whether to generate synchronized audio for the video, including sound effects, ambient sounds, and lip-
    synced speech. The cost of video generation is the same regardless of whether audio is generated or not. """
    aspect_ratio: Seedance2I2VInputAspectRatio | Unset = "auto"
    """ The aspect ratio of the generated video. Use 16:9 for landscape, 9:16 for portrait/vertical, 1:1 for square,
    21:9 for ultrawide cinematic, or auto to infer from the input image. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_url = self.image_url

        prompt = self.prompt

        end_user_id: None | str | Unset
        if isinstance(self.end_user_id, Unset):
            end_user_id = UNSET
        else:
            end_user_id = self.end_user_id

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

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

        generate_audio = self.generate_audio

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
        if end_user_id is not UNSET:
            field_dict["end_user_id"] = end_user_id
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image_url is not UNSET:
            field_dict["end_image_url"] = end_image_url
        if seed is not UNSET:
            field_dict["seed"] = seed
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_url = d.pop("image_url")

        prompt = d.pop("prompt")

        def _parse_end_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_user_id = _parse_end_user_id(d.pop("end_user_id", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance2I2VInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_2i2v_input_resolution(_resolution)

        _duration = d.pop("duration", UNSET)
        duration: Seedance2I2VInputDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_seedance_2i2v_input_duration(_duration)

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

        generate_audio = d.pop("generate_audio", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Seedance2I2VInputAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_2i2v_input_aspect_ratio(_aspect_ratio)

        seedance_2i2v_input = cls(
            image_url=image_url,
            prompt=prompt,
            end_user_id=end_user_id,
            resolution=resolution,
            duration=duration,
            end_image_url=end_image_url,
            seed=seed,
            generate_audio=generate_audio,
            aspect_ratio=aspect_ratio,
        )

        seedance_2i2v_input.additional_properties = d
        return seedance_2i2v_input

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
