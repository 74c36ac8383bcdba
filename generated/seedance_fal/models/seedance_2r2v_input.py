from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seedance_2r2v_input_aspect_ratio import (
    Seedance2R2VInputAspectRatio,
    check_seedance_2r2v_input_aspect_ratio,
)
from ..models.seedance_2r2v_input_duration import (
    Seedance2R2VInputDuration,
    check_seedance_2r2v_input_duration,
)
from ..models.seedance_2r2v_input_resolution import (
    Seedance2R2VInputResolution,
    check_seedance_2r2v_input_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance2R2VInput")


@_attrs_define
class Seedance2R2VInput:
    prompt: str
    """ The text prompt used to generate the video. """
    image_urls: list[str] | Unset = UNSET
    """ Reference images to guide video generation. Refer to them in the prompt as @Image1, @Image2, etc. Supported
    formats: JPEG, PNG, WebP. Max 30 MB per image. Up to 9 images. Total files across all modalities must not exceed
    12. """
    end_user_id: None | str | Unset = UNSET
    """ The unique user ID of the end user. """
    resolution: Seedance2R2VInputResolution | Unset = "720p"
    """ Video resolution - 480p for faster generation, 720p for balance, 1080p for highest quality. """
    duration: Seedance2R2VInputDuration | Unset = "auto"
    """ Duration of the video in seconds. Supports 4 to 15 seconds, or auto to let the model decide based on the
    prompt. """
    video_urls: list[str] | Unset = UNSET
    """ Reference videos to guide video generation. Refer to them in the prompt as @Video1, @Video2, etc. Supported
    formats: MP4, MOV. Up to 3 videos, combined duration must be between 2 and 15 seconds, total size under 50 MB.
    Each video must be between ~480p (640x640) and ~720p (834x1112) in resolution. """
    audio_urls: list[str] | Unset = UNSET
    """ Reference audio to guide video generation. Refer to them in the prompt as @Audio1, @Audio2, etc. Supported
    formats: MP3, WAV. Up to 3 files, combined duration must not exceed 15 seconds. Max 15 MB per file.If audio is
    provided, at least one reference image or video is required. """
    seed: int | None | Unset = UNSET
    """ Random seed for reproducibility. Note that results may still vary slightly even with the same seed. """
    generate_audio: bool | Unset = True
    """ Whether to generate synchronized audio for the video, including sound effects, ambient sounds, and lip-
    synced speech. The cost of video generation is the same regardless of whether audio is generated or not. """
    aspect_ratio: Seedance2R2VInputAspectRatio | Unset = "auto"
    """ The aspect ratio of the generated video. Use 16:9 for landscape, 9:16 for portrait/vertical, 1:1 for square,
    21:9 for ultrawide cinematic, or auto to let the model decide. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        image_urls: list[str] | Unset = UNSET
        if not isinstance(self.image_urls, Unset):
            image_urls = self.image_urls

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

        video_urls: list[str] | Unset = UNSET
        if not isinstance(self.video_urls, Unset):
            video_urls = self.video_urls

        audio_urls: list[str] | Unset = UNSET
        if not isinstance(self.audio_urls, Unset):
            audio_urls = self.audio_urls

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
                "prompt": prompt,
            }
        )
        if image_urls is not UNSET:
            field_dict["image_urls"] = image_urls
        if end_user_id is not UNSET:
            field_dict["end_user_id"] = end_user_id
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration
        if video_urls is not UNSET:
            field_dict["video_urls"] = video_urls
        if audio_urls is not UNSET:
            field_dict["audio_urls"] = audio_urls
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
        prompt = d.pop("prompt")

        image_urls = cast(list[str], d.pop("image_urls", UNSET))

        def _parse_end_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_user_id = _parse_end_user_id(d.pop("end_user_id", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance2R2VInputResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_2r2v_input_resolution(_resolution)

        _duration = d.pop("duration", UNSET)
        duration: Seedance2R2VInputDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_seedance_2r2v_input_duration(_duration)

        video_urls = cast(list[str], d.pop("video_urls", UNSET))

        audio_urls = cast(list[str], d.pop("audio_urls", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        generate_audio = d.pop("generate_audio", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Seedance2R2VInputAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_2r2v_input_aspect_ratio(_aspect_ratio)

        seedance_2r2v_input = cls(
            prompt=prompt,
            image_urls=image_urls,
            end_user_id=end_user_id,
            resolution=resolution,
            duration=duration,
            video_urls=video_urls,
            audio_urls=audio_urls,
            seed=seed,
            generate_audio=generate_audio,
            aspect_ratio=aspect_ratio,
        )

        seedance_2r2v_input.additional_properties = d
        return seedance_2r2v_input

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
