from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.frame_count import FrameCount, check_frame_count
from ..models.service_tier import ServiceTier, check_service_tier
from ..models.video_ratio import VideoRatio, check_video_ratio
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_url_content import AudioUrlContent
    from ..models.content_generation_tool import ContentGenerationTool
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
            {'model': 'doubao-seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A kitten yawns at the
                camera, then curls up to sleep.'}, {'type': 'image_url', 'image_url': {'url': 'https://example.com/first-
                frame.png'}, 'role': 'first_frame'}, {'type': 'image_url', 'image_url': {'url': 'https://example.com/last-
                frame.png'}, 'role': 'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1,
                'camera_fixed': False, 'watermark': False, 'return_last_frame': True, 'service_tier': 'default',
                'execution_expires_after': 172800}

    """

    model: str
    """ The model id (Volcengine's ids carry the `doubao-` prefix; the documented ones are listed in `examples`) or
    an inference endpoint id of the account (`ep-...`). """
    content: list[
        AudioUrlContent | DraftTaskContent | ImageUrlContent | TextContent | VideoUrlContent
    ]
    """ Roles `first_frame, last_frame, reference_image, reference_video, reference_audio`. """
    resolution: None | str | Unset = UNSET
    """ Output resolution, for example 720p; the values depend on the model. """
    ratio: None | Unset | VideoRatio = UNSET
    """ Output aspect ratio; `adaptive` lets the model choose from the input. """
    duration: int | None | Unset = UNSET
    """ Video length in seconds; the values depend on the model. """
    frames: FrameCount | None | Unset = UNSET
    """ Number of frames to generate instead of `duration`: 25 + 4n, from 29 to 289. Not together with `duration`.
    """
    seed: int | None | Unset = UNSET
    """ Random seed; -1 (or null) picks one at random. Pages disagree on the upper bound (4294967295 on Volcengine's
    create page and some BytePlus pages, 2147483647 on others): the lower, which every page accepts, is enforced.
    """
    camera_fixed: bool | None | Unset = UNSET
    """ Whether the camera stays fixed. """
    watermark: bool | None | Unset = UNSET
    """ Whether the video carries a watermark. """
    generate_audio: bool | None | Unset = UNSET
    """ Whether the video gets a generated audio track. """
    draft: bool | None | Unset = UNSET
    """ Whether to generate a draft (preview) video. """
    callback_url: None | str | Unset = UNSET
    """ URL Ark POSTs the task (the body of `get_task`) to whenever its status changes. A succeeded or failed
    callback not acknowledged within 5 seconds is sent three times; no signature is documented. See the
    `task_status_changed` webhook. """
    return_last_frame: bool | None | Unset = UNSET
    """ Whether the task returns the video's last frame as `content.last_frame_url`. """
    execution_expires_after: int | None | Unset = UNSET
    """ Seconds after creation at which an unfinished task expires (status `expired`), 3600 to 259200. """
    priority: int | None | Unset = UNSET
    """ The task's scheduling priority. """
    safety_identifier: None | str | Unset = UNSET
    """ An identifier of the end user the request is made for. """
    service_tier: None | ServiceTier | Unset = UNSET
    output_format: None | str | Unset = UNSET
    """ The output format (sent by the official SDK; no provider page documents its values). """
    omni_reference_task_type: None | str | Unset = UNSET
    """ The kind of omni-reference task (sent by the official SDK; no provider page documents its values). """
    tools: list[ContentGenerationTool] | None | Unset = UNSET
    """ Tools the model may use, for example `[{"type": "web_search"}]` (Volcengine SDK and gateways only; no
    provider page documents them). """
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

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        ratio: None | str | Unset
        if isinstance(self.ratio, Unset):
            ratio = UNSET
        elif isinstance(self.ratio, str):
            ratio = self.ratio
        else:
            ratio = self.ratio

        duration: int | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        frames: int | None | Unset
        if isinstance(self.frames, Unset):
            frames = UNSET
        elif isinstance(self.frames, int):
            frames = self.frames
        else:
            frames = self.frames

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        camera_fixed: bool | None | Unset
        if isinstance(self.camera_fixed, Unset):
            camera_fixed = UNSET
        else:
            camera_fixed = self.camera_fixed

        watermark: bool | None | Unset
        if isinstance(self.watermark, Unset):
            watermark = UNSET
        else:
            watermark = self.watermark

        generate_audio: bool | None | Unset
        if isinstance(self.generate_audio, Unset):
            generate_audio = UNSET
        else:
            generate_audio = self.generate_audio

        draft: bool | None | Unset
        if isinstance(self.draft, Unset):
            draft = UNSET
        else:
            draft = self.draft

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        return_last_frame: bool | None | Unset
        if isinstance(self.return_last_frame, Unset):
            return_last_frame = UNSET
        else:
            return_last_frame = self.return_last_frame

        execution_expires_after: int | None | Unset
        if isinstance(self.execution_expires_after, Unset):
            execution_expires_after = UNSET
        else:
            execution_expires_after = self.execution_expires_after

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        safety_identifier: None | str | Unset
        if isinstance(self.safety_identifier, Unset):
            safety_identifier = UNSET
        else:
            safety_identifier = self.safety_identifier

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        elif isinstance(self.service_tier, str):
            service_tier = self.service_tier
        else:
            service_tier = self.service_tier

        output_format: None | str | Unset
        if isinstance(self.output_format, Unset):
            output_format = UNSET
        else:
            output_format = self.output_format

        omni_reference_task_type: None | str | Unset
        if isinstance(self.omni_reference_task_type, Unset):
            omni_reference_task_type = UNSET
        else:
            omni_reference_task_type = self.omni_reference_task_type

        tools: list[dict[str, Any]] | None | Unset
        if isinstance(self.tools, Unset):
            tools = UNSET
        elif isinstance(self.tools, list):
            tools = []
            for tools_type_0_item_data in self.tools:
                tools_type_0_item = tools_type_0_item_data.to_dict()
                tools.append(tools_type_0_item)

        else:
            tools = self.tools

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
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if omni_reference_task_type is not UNSET:
            field_dict["omni_reference_task_type"] = omni_reference_task_type
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_url_content import AudioUrlContent  # noqa: PLC0415
        from ..models.content_generation_tool import ContentGenerationTool  # noqa: PLC0415
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

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_ratio(data: object) -> None | Unset | VideoRatio:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ratio_type_0 = check_video_ratio(data)

                return ratio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoRatio, data)

        ratio = _parse_ratio(d.pop("ratio", UNSET))

        def _parse_duration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_frames(data: object) -> FrameCount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                frames_type_0 = check_frame_count(data)

                return frames_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrameCount | None | Unset, data)

        frames = _parse_frames(d.pop("frames", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_camera_fixed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        camera_fixed = _parse_camera_fixed(d.pop("camera_fixed", UNSET))

        def _parse_watermark(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        watermark = _parse_watermark(d.pop("watermark", UNSET))

        def _parse_generate_audio(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        generate_audio = _parse_generate_audio(d.pop("generate_audio", UNSET))

        def _parse_draft(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        draft = _parse_draft(d.pop("draft", UNSET))

        def _parse_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        def _parse_return_last_frame(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        return_last_frame = _parse_return_last_frame(d.pop("return_last_frame", UNSET))

        def _parse_execution_expires_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_expires_after = _parse_execution_expires_after(
            d.pop("execution_expires_after", UNSET)
        )

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_safety_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_identifier = _parse_safety_identifier(d.pop("safety_identifier", UNSET))

        def _parse_service_tier(data: object) -> None | ServiceTier | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_tier_type_0 = check_service_tier(data)

                return service_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceTier | Unset, data)

        service_tier = _parse_service_tier(d.pop("service_tier", UNSET))

        def _parse_output_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_format = _parse_output_format(d.pop("output_format", UNSET))

        def _parse_omni_reference_task_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        omni_reference_task_type = _parse_omni_reference_task_type(
            d.pop("omni_reference_task_type", UNSET)
        )

        def _parse_tools(data: object) -> list[ContentGenerationTool] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tools_type_0 = []
                _tools_type_0 = data
                for tools_type_0_item_data in _tools_type_0:
                    tools_type_0_item = ContentGenerationTool.from_dict(tools_type_0_item_data)

                    tools_type_0.append(tools_type_0_item)

                return tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContentGenerationTool] | None | Unset, data)

        tools = _parse_tools(d.pop("tools", UNSET))

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
            output_format=output_format,
            omni_reference_task_type=omni_reference_task_type,
            tools=tools,
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
