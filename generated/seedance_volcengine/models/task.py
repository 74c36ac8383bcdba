from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_type_0 import TaskStatusType0, check_task_status_type_0
from ..models.task_status_type_1 import TaskStatusType1, check_task_status_type_1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_generation_tool import ContentGenerationTool
    from ..models.task_content import TaskContent
    from ..models.task_error import TaskError
    from ..models.task_usage import TaskUsage


T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A video generation task.

    Example:
        {'id': 'cgt-20250101000000-abcde', 'model': 'doubao-seedance-1-0-pro-250528', 'status': 'succeeded', 'content':
            {'video_url': 'https://example.com/cgt-20250101000000-abcde.mp4'}, 'usage': {'completion_tokens': 108900,
            'total_tokens': 108900}, 'created_at': 1767225600, 'updated_at': 1767225690, 'seed': 1276, 'resolution': '720p',
            'ratio': '16:9', 'duration': 5, 'framespersecond': 24, 'generate_audio': False, 'draft': False, 'service_tier':
            'default', 'execution_expires_after': 172800}

    """

    id: str
    model: str
    status: TaskStatusType0 | TaskStatusType1
    """ queued and running are waiting; succeeded, failed, cancelled and expired are final. `expired`: the task did
    not finish within `execution_expires_after` (some pages omit it). `pending` (waiting, like queued) and
    `processing` (like running) are not documented by the provider; a gateway that relays this API handles them. """
    content: TaskContent | Unset = UNSET
    """ The output, once the task succeeded. """
    usage: TaskUsage | Unset = UNSET
    created_at: int | Unset = UNSET
    """ When the task was created, in unix seconds. """
    updated_at: int | Unset = UNSET
    """ When the task last changed, in unix seconds. """
    seed: int | Unset = UNSET
    resolution: str | Unset = UNSET
    ratio: str | Unset = UNSET
    duration: int | Unset = UNSET
    """ Video length in seconds. """
    frames: int | Unset = UNSET
    """ Number of frames, when the task was created with `frames` (then `duration` is absent). """
    framespersecond: int | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    draft: bool | Unset = UNSET
    service_tier: str | Unset = UNSET
    execution_expires_after: int | Unset = UNSET
    """ Seconds after creation at which the unfinished task expires. """
    error: None | TaskError | Unset = UNSET
    """ Why the task failed; null (or absent) when it did not fail. """
    revised_prompt: str | Unset = UNSET
    """ The prompt as the model revised it. """
    draft_task_id: str | Unset = UNSET
    """ The draft task this task was generated from, if any. """
    safety_identifier: str | Unset = UNSET
    """ The end-user identifier sent with the request. """
    subdivisionlevel: str | Unset = UNSET
    """ The subdivision level of the task (read by the official SDK; undocumented). """
    fileformat: str | Unset = UNSET
    """ The file format of the output (read by the official SDK; undocumented). """
    output_format: str | Unset = UNSET
    """ The output format the task was created with. """
    priority: int | Unset = UNSET
    """ The priority the task runs with. """
    tools: list[ContentGenerationTool] | Unset = UNSET
    """ The tools the task was created with. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_error import TaskError  # noqa: PLC0415

        id = self.id

        model = self.model

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at

        seed = self.seed

        resolution = self.resolution

        ratio = self.ratio

        duration = self.duration

        frames = self.frames

        framespersecond = self.framespersecond

        generate_audio = self.generate_audio

        draft = self.draft

        service_tier = self.service_tier

        execution_expires_after = self.execution_expires_after

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, TaskError):
            error = self.error.to_dict()
        else:
            error = self.error

        revised_prompt = self.revised_prompt

        draft_task_id = self.draft_task_id

        safety_identifier = self.safety_identifier

        subdivisionlevel = self.subdivisionlevel

        fileformat = self.fileformat

        output_format = self.output_format

        priority = self.priority

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "model": model,
                "status": status,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if usage is not UNSET:
            field_dict["usage"] = usage
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if seed is not UNSET:
            field_dict["seed"] = seed
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if frames is not UNSET:
            field_dict["frames"] = frames
        if framespersecond is not UNSET:
            field_dict["framespersecond"] = framespersecond
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if draft is not UNSET:
            field_dict["draft"] = draft
        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier
        if execution_expires_after is not UNSET:
            field_dict["execution_expires_after"] = execution_expires_after
        if error is not UNSET:
            field_dict["error"] = error
        if revised_prompt is not UNSET:
            field_dict["revised_prompt"] = revised_prompt
        if draft_task_id is not UNSET:
            field_dict["draft_task_id"] = draft_task_id
        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier
        if subdivisionlevel is not UNSET:
            field_dict["subdivisionlevel"] = subdivisionlevel
        if fileformat is not UNSET:
            field_dict["fileformat"] = fileformat
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if priority is not UNSET:
            field_dict["priority"] = priority
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_generation_tool import ContentGenerationTool  # noqa: PLC0415
        from ..models.task_content import TaskContent  # noqa: PLC0415
        from ..models.task_error import TaskError  # noqa: PLC0415
        from ..models.task_usage import TaskUsage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        model = d.pop("model")

        def _parse_status(data: object) -> TaskStatusType0 | TaskStatusType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_task_status_type_0 = check_task_status_type_0(data)

                return componentsschemas_task_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_task_status_type_1 = check_task_status_type_1(data)

            return componentsschemas_task_status_type_1

        status = _parse_status(d.pop("status"))

        _content = d.pop("content", UNSET)
        content: TaskContent | Unset
        if isinstance(_content, Unset):
            content = UNSET
        else:
            content = TaskContent.from_dict(_content)

        _usage = d.pop("usage", UNSET)
        usage: TaskUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = TaskUsage.from_dict(_usage)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        seed = d.pop("seed", UNSET)

        resolution = d.pop("resolution", UNSET)

        ratio = d.pop("ratio", UNSET)

        duration = d.pop("duration", UNSET)

        frames = d.pop("frames", UNSET)

        framespersecond = d.pop("framespersecond", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        draft = d.pop("draft", UNSET)

        service_tier = d.pop("service_tier", UNSET)

        execution_expires_after = d.pop("execution_expires_after", UNSET)

        def _parse_error(data: object) -> None | TaskError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = TaskError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        revised_prompt = d.pop("revised_prompt", UNSET)

        draft_task_id = d.pop("draft_task_id", UNSET)

        safety_identifier = d.pop("safety_identifier", UNSET)

        subdivisionlevel = d.pop("subdivisionlevel", UNSET)

        fileformat = d.pop("fileformat", UNSET)

        output_format = d.pop("output_format", UNSET)

        priority = d.pop("priority", UNSET)

        _tools = d.pop("tools", UNSET)
        tools: list[ContentGenerationTool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = ContentGenerationTool.from_dict(tools_item_data)

                tools.append(tools_item)

        task = cls(
            id=id,
            model=model,
            status=status,
            content=content,
            usage=usage,
            created_at=created_at,
            updated_at=updated_at,
            seed=seed,
            resolution=resolution,
            ratio=ratio,
            duration=duration,
            frames=frames,
            framespersecond=framespersecond,
            generate_audio=generate_audio,
            draft=draft,
            service_tier=service_tier,
            execution_expires_after=execution_expires_after,
            error=error,
            revised_prompt=revised_prompt,
            draft_task_id=draft_task_id,
            safety_identifier=safety_identifier,
            subdivisionlevel=subdivisionlevel,
            fileformat=fileformat,
            output_format=output_format,
            priority=priority,
            tools=tools,
        )

        task.additional_properties = d
        return task

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
