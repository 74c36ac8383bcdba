from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_generation_request_ratio import (
    VideoGenerationRequestRatio,
    check_video_generation_request_ratio,
)
from ..models.video_generation_request_resolution import (
    VideoGenerationRequestResolution,
    check_video_generation_request_resolution,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_url_content import AudioUrlContent
    from ..models.image_url_content import ImageUrlContent
    from ..models.text_content import TextContent
    from ..models.video_url_content import VideoUrlContent


T = TypeVar("T", bound="VideoGenerationRequest")


@_attrs_define
class VideoGenerationRequest:
    model: str
    """ Model ID, e.g., doubao-seedance-1-5-pro-251215 """
    content: list[AudioUrlContent | ImageUrlContent | TextContent | VideoUrlContent]
    """ Array of content objects: text, and image, video or audio items with an optional role (references and
    video/audio items are for the Seedance 2.x models). """
    generate_audio: bool | Unset = False
    """ Whether to generate audio. Default: false """
    ratio: VideoGenerationRequestRatio | Unset = UNSET
    """ Video aspect ratio, e.g., 16:9, 9:16, 1:1 """
    duration: int | Unset = 5
    """ Video duration in seconds. Default: 5 """
    watermark: bool | Unset = True
    """ Whether to add watermark. Default: true (004_f29313f54e4a30d9.txt; another Anyfast page documents false, so
    send the value explicitly). """
    resolution: VideoGenerationRequestResolution | Unset = UNSET
    """ Video resolution: 480p, 720p, 1080p; 4k on seedance-2.0, 2k on seedance-2.0-ultra. Which ones a model takes
    is its rule. """
    draft: bool | Unset = False
    """ Whether to generate a draft (lower quality, faster). Default: false """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_url_content import ImageUrlContent  # noqa: PLC0415
        from ..models.text_content import TextContent  # noqa: PLC0415
        from ..models.video_url_content import VideoUrlContent  # noqa: PLC0415

        model = self.model

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, TextContent):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, ImageUrlContent):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, VideoUrlContent):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        generate_audio = self.generate_audio

        ratio: str | Unset = UNSET
        if not isinstance(self.ratio, Unset):
            ratio = self.ratio

        duration = self.duration

        watermark = self.watermark

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        draft = self.draft

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "content": content,
            }
        )
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if watermark is not UNSET:
            field_dict["watermark"] = watermark
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if draft is not UNSET:
            field_dict["draft"] = draft

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_url_content import AudioUrlContent  # noqa: PLC0415
        from ..models.image_url_content import ImageUrlContent  # noqa: PLC0415
        from ..models.text_content import TextContent  # noqa: PLC0415
        from ..models.video_url_content import VideoUrlContent  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(
                data: object,
            ) -> AudioUrlContent | ImageUrlContent | TextContent | VideoUrlContent:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_item_type_0 = TextContent.from_dict(data)

                    return content_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_item_type_1 = ImageUrlContent.from_dict(data)

                    return content_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_item_type_2 = VideoUrlContent.from_dict(data)

                    return content_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                content_item_type_3 = AudioUrlContent.from_dict(data)

                return content_item_type_3

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        generate_audio = d.pop("generate_audio", UNSET)

        _ratio = d.pop("ratio", UNSET)
        ratio: VideoGenerationRequestRatio | Unset
        if isinstance(_ratio, Unset):
            ratio = UNSET
        else:
            ratio = check_video_generation_request_ratio(_ratio)

        duration = d.pop("duration", UNSET)

        watermark = d.pop("watermark", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: VideoGenerationRequestResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_video_generation_request_resolution(_resolution)

        draft = d.pop("draft", UNSET)

        video_generation_request = cls(
            model=model,
            content=content,
            generate_audio=generate_audio,
            ratio=ratio,
            duration=duration,
            watermark=watermark,
            resolution=resolution,
            draft=draft,
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
