from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_task_request_frames import (
    CreateTaskRequestFrames,
    check_create_task_request_frames,
)
from ..models.create_task_request_ratio import (
    CreateTaskRequestRatio,
    check_create_task_request_ratio,
)
from ..models.service_tier import ServiceTier, check_service_tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_url_content import AudioUrlContent
    from ..models.draft_task_content import DraftTaskContent
    from ..models.image_url_content import ImageUrlContent
    from ..models.text_content import TextContent
    from ..models.video_url_content import VideoUrlContent


T = TypeVar("T", bound="CreateTaskRequest")


@_attrs_define
class CreateTaskRequest:
    """Creates a video generation task: the model, the input `content` (a text prompt, images, videos, audios or a draft
    task) and the output options.

        Example:
            {'model': 'seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A kitten yawns at the camera,
                then curls up to sleep.'}, {'type': 'image_url', 'image_url': {'url': 'https://example.com/first-frame.png'},
                'role': 'first_frame'}, {'type': 'image_url', 'image_url': {'url': 'https://example.com/last-frame.png'},
                'role': 'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1, 'camera_fixed':
                False, 'watermark': False, 'return_last_frame': True, 'service_tier': 'default', 'execution_expires_after':
                172800}

    """

    model: str
    """ The model id. Documented BytePlus ids are listed in `examples`; on Volcengine the ids carry the `doubao-`
    prefix (for example doubao-seedance-1-0-pro-250528). """
    content: list[
        AudioUrlContent | DraftTaskContent | ImageUrlContent | TextContent | VideoUrlContent
    ]
    """ Roles `first_frame, last_frame, reference_image, reference_video, reference_audio`. """
    resolution: str | Unset = UNSET
    """ Output resolution, for example 720p; the values depend on the model. """
    ratio: CreateTaskRequestRatio | Unset = UNSET
    """ Output aspect ratio; `adaptive` lets the model choose from the input. """
    duration: int | Unset = UNSET
    """ Video length in seconds; the values depend on the model. """
    frames: CreateTaskRequestFrames | Unset = UNSET
    """ Number of frames to generate instead of `duration`: 25 + 4n, from 29 to 289. Not together with `duration`.
    """
    seed: int | Unset = UNSET
    """ Random seed; -1 picks one at random. BytePlus pages disagree on the upper bound (4294967295 or 2147483647):
    the lower, which every page accepts, is enforced. """
    camera_fixed: bool | Unset = UNSET
    """ Whether the camera stays fixed. """
    watermark: bool | Unset = UNSET
    """ Whether the video carries a watermark. """
    generate_audio: bool | Unset = UNSET
    """ Whether the video gets a generated audio track. """
    draft: bool | Unset = UNSET
    """ Whether to generate a draft (preview) video. """
    callback_url: str | Unset = UNSET
    """ URL the service calls when the task's status changes. """
    return_last_frame: bool | Unset = UNSET
    """ Whether the task returns the video's last frame as `content.last_frame_url`. """
    execution_expires_after: int | Unset = UNSET
    """ Seconds after creation at which an unfinished task expires (status `expired`), 3600 to 259200. """
    priority: int | Unset = UNSET
    """ The task's scheduling priority. """
    safety_identifier: str | Unset = UNSET
    """ An identifier of the end user the request is made for. """
    service_tier: ServiceTier | Unset = UNSET
    """ The service tier the task runs in, `default` or `flex`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audio_url_content import AudioUrlContent  # noqa: PLC0415
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
            elif isinstance(content_item_data, AudioUrlContent):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        resolution = self.resolution

        ratio: str | Unset = UNSET
        if not isinstance(self.ratio, Unset):
            ratio = self.ratio

        duration = self.duration

        frames: int | Unset = UNSET
        if not isinstance(self.frames, Unset):
            frames = self.frames

        seed = self.seed

        camera_fixed = self.camera_fixed

        watermark = self.watermark

        generate_audio = self.generate_audio

        draft = self.draft

        callback_url = self.callback_url

        return_last_frame = self.return_last_frame

        execution_expires_after = self.execution_expires_after

        priority = self.priority

        safety_identifier = self.safety_identifier

        service_tier: str | Unset = UNSET
        if not isinstance(self.service_tier, Unset):
            service_tier = self.service_tier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "content": content,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if frames is not UNSET:
            field_dict["frames"] = frames
        if seed is not UNSET:
            field_dict["seed"] = seed
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if watermark is not UNSET:
            field_dict["watermark"] = watermark
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if draft is not UNSET:
            field_dict["draft"] = draft
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if return_last_frame is not UNSET:
            field_dict["return_last_frame"] = return_last_frame
        if execution_expires_after is not UNSET:
            field_dict["execution_expires_after"] = execution_expires_after
        if priority is not UNSET:
            field_dict["priority"] = priority
        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier
        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_url_content import AudioUrlContent  # noqa: PLC0415
        from ..models.draft_task_content import DraftTaskContent  # noqa: PLC0415
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
            ) -> (
                AudioUrlContent | DraftTaskContent | ImageUrlContent | TextContent | VideoUrlContent
            ):
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
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_item_type_3 = AudioUrlContent.from_dict(data)

                    return content_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                content_item_type_4 = DraftTaskContent.from_dict(data)

                return content_item_type_4

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        resolution = d.pop("resolution", UNSET)

        _ratio = d.pop("ratio", UNSET)
        ratio: CreateTaskRequestRatio | Unset
        if isinstance(_ratio, Unset):
            ratio = UNSET
        else:
            ratio = check_create_task_request_ratio(_ratio)

        duration = d.pop("duration", UNSET)

        _frames = d.pop("frames", UNSET)
        frames: CreateTaskRequestFrames | Unset
        if isinstance(_frames, Unset):
            frames = UNSET
        else:
            frames = check_create_task_request_frames(_frames)

        seed = d.pop("seed", UNSET)

        camera_fixed = d.pop("camera_fixed", UNSET)

        watermark = d.pop("watermark", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        draft = d.pop("draft", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        return_last_frame = d.pop("return_last_frame", UNSET)

        execution_expires_after = d.pop("execution_expires_after", UNSET)

        priority = d.pop("priority", UNSET)

        safety_identifier = d.pop("safety_identifier", UNSET)

        _service_tier = d.pop("service_tier", UNSET)
        service_tier: ServiceTier | Unset
        if isinstance(_service_tier, Unset):
            service_tier = UNSET
        else:
            service_tier = check_service_tier(_service_tier)

        create_task_request = cls(
            model=model,
            content=content,
            resolution=resolution,
            ratio=ratio,
            duration=duration,
            frames=frames,
            seed=seed,
            camera_fixed=camera_fixed,
            watermark=watermark,
            generate_audio=generate_audio,
            draft=draft,
            callback_url=callback_url,
            return_last_frame=return_last_frame,
            execution_expires_after=execution_expires_after,
            priority=priority,
            safety_identifier=safety_identifier,
            service_tier=service_tier,
        )

        create_task_request.additional_properties = d
        return create_task_request

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
