from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_generation_request_aspect_ratio import (
    VideoGenerationRequestAspectRatio,
    check_video_generation_request_aspect_ratio,
)
from ..models.video_generation_request_model import (
    VideoGenerationRequestModel,
    check_video_generation_request_model,
)
from ..models.video_generation_request_resolution import (
    VideoGenerationRequestResolution,
    check_video_generation_request_resolution,
)
from ..models.video_generation_request_seconds import (
    VideoGenerationRequestSeconds,
    check_video_generation_request_seconds,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.frame_image import FrameImage
    from ..models.input_reference import InputReference


T = TypeVar("T", bound="VideoGenerationRequest")


@_attrs_define
class VideoGenerationRequest:
    """A Seedance video generation request. `frame_images` (first frame, or first and last frame) and `input_references`
    (multi-modal references, SIRAYA-Seedance-2.0 models only) are mutually exclusive.

    """

    model: VideoGenerationRequestModel
    """ The model ID. ByteDance-Seedance-1.0-pro (base), ByteDance-Seedance-1.0-pro-fast (base fast), ByteDance-
    Seedance-1.5-pro (advanced), SIRAYA-Seedance-2.0 and SIRAYA-Seedance-2.0-fast (latest, support multi-modal
    references), as documented; and, seen in client code, SIRAYA-Seedance-2.0-mini, SIRAYA-Seedance-2.5 and the
    NSFW- alias of each model, which shares its limits. """
    prompt: str
    """ A text description for the video content. """
    seconds: VideoGenerationRequestSeconds | Unset = UNSET
    """ The duration of the video in seconds. Supported values: `5`, `10`. (Public client code reports Siraya
    accepting 4 up to 12, 15 or 30 s by model, and -1 for an automatic length; not documented, not accepted here.)
    """
    resolution: VideoGenerationRequestResolution | Unset = UNSET
    """ Video resolution: `480p`, `720p`, or `1080p`; the 2.0-fast, 2.0-mini and 2.5 models take only `480p` and
    `720p` (the per-model rule). (Public client code reports `4k` on SIRAYA-Seedance-2.0; not documented, not
    accepted here.) """
    aspect_ratio: VideoGenerationRequestAspectRatio | Unset = UNSET
    """ Aspect ratio of the video: `16:9`, `9:16`, or `1:1`. (Public client code sends `adaptive` with Seedance 2.5
    frames; not documented, not accepted here.) """
    image_url: str | Unset = UNSET
    """ Input image URL for image-to-video generation. The documentation does not say how this field relates to
    `frame_images` (a `first_frame` item also pins the start image) or to `input_references`; no combination is
    forbidden here. Use `frame_images` when the exact first (and last) frame matters, as the page advises. """
    negative_prompt: str | Unset = UNSET
    """ Negative prompt describing content to exclude. """
    seed: int | Unset = UNSET
    """ Random seed for reproducibility. The same seed produces the same video. """
    generate_audio: bool | Unset = UNSET
    """ Whether to generate an audio track for the video. """
    frame_images: list[FrameImage] | Unset = UNSET
    """ First-frame and/or last-frame image control: exactly one `first_frame` item, optionally followed by one
    `last_frame` item (a last frame alone is not a documented mode). The AI generates content between the provided
    frames. Cannot be used together with `input_references`. """
    input_references: list[InputReference] | Unset = UNSET
    """ Multi-modal reference materials (image, video, audio) to influence style or content. **Only supported by
    `SIRAYA-Seedance-2.0` and `SIRAYA-Seedance-2.0-fast`.** Cannot be used together with `frame_images`. At most 15
    (client code; 9 images, 3 videos and 3 audios as Seedance 2.0 takes them elsewhere). (Public client code also
    sends references to 2.0-mini and 2.5; not documented, not accepted here.) """
    async_: bool | Unset = UNSET
    """ Answer at once with a job to poll (`VideoJob`) instead of waiting for the finished video
    (`GeneratedVideoList`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model: str = self.model

        prompt = self.prompt

        seconds: int | Unset = UNSET
        if not isinstance(self.seconds, Unset):
            seconds = self.seconds

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image_url = self.image_url

        negative_prompt = self.negative_prompt

        seed = self.seed

        generate_audio = self.generate_audio

        frame_images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.frame_images, Unset):
            frame_images = []
            for frame_images_item_data in self.frame_images:
                frame_images_item = frame_images_item_data.to_dict()
                frame_images.append(frame_images_item)

        input_references: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.input_references, Unset):
            input_references = []
            for input_references_item_data in self.input_references:
                input_references_item = input_references_item_data.to_dict()
                input_references.append(input_references_item)

        async_ = self.async_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "prompt": prompt,
            }
        )
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if seed is not UNSET:
            field_dict["seed"] = seed
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if frame_images is not UNSET:
            field_dict["frame_images"] = frame_images
        if input_references is not UNSET:
            field_dict["input_references"] = input_references
        if async_ is not UNSET:
            field_dict["async"] = async_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.frame_image import FrameImage  # noqa: PLC0415
        from ..models.input_reference import InputReference  # noqa: PLC0415

        d = dict(src_dict)
        model = check_video_generation_request_model(d.pop("model"))

        prompt = d.pop("prompt")

        _seconds = d.pop("seconds", UNSET)
        seconds: VideoGenerationRequestSeconds | Unset
        if isinstance(_seconds, Unset):
            seconds = UNSET
        else:
            seconds = check_video_generation_request_seconds(_seconds)

        _resolution = d.pop("resolution", UNSET)
        resolution: VideoGenerationRequestResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_video_generation_request_resolution(_resolution)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: VideoGenerationRequestAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_video_generation_request_aspect_ratio(_aspect_ratio)

        image_url = d.pop("image_url", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        seed = d.pop("seed", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        _frame_images = d.pop("frame_images", UNSET)
        frame_images: list[FrameImage] | Unset = UNSET
        if _frame_images is not UNSET:
            frame_images = []
            for frame_images_item_data in _frame_images:
                frame_images_item = FrameImage.from_dict(frame_images_item_data)

                frame_images.append(frame_images_item)

        _input_references = d.pop("input_references", UNSET)
        input_references: list[InputReference] | Unset = UNSET
        if _input_references is not UNSET:
            input_references = []
            for input_references_item_data in _input_references:
                input_references_item = InputReference.from_dict(input_references_item_data)

                input_references.append(input_references_item)

        async_ = d.pop("async", UNSET)

        video_generation_request = cls(
            model=model,
            prompt=prompt,
            seconds=seconds,
            resolution=resolution,
            aspect_ratio=aspect_ratio,
            image_url=image_url,
            negative_prompt=negative_prompt,
            seed=seed,
            generate_audio=generate_audio,
            frame_images=frame_images,
            input_references=input_references,
            async_=async_,
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
