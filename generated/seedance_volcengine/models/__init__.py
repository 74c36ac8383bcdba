"""Contains all the data models used in inputs/outputs"""

from .audio_url import AudioUrl
from .audio_url_content import AudioUrlContent
from .audio_url_content_role import AudioUrlContentRole
from .content_generation_tool import ContentGenerationTool
from .create_task_request import CreateTaskRequest
from .draft_task_content import DraftTaskContent
from .draft_task_reference import DraftTaskReference
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .frame_count import FrameCount
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .image_url_content_role import ImageUrlContentRole
from .service_tier import ServiceTier
from .task import Task
from .task_content import TaskContent
from .task_created import TaskCreated
from .task_deleted import TaskDeleted
from .task_error import TaskError
from .task_list import TaskList
from .task_status_type_0 import TaskStatusType0
from .task_status_type_1 import TaskStatusType1
from .task_usage import TaskUsage
from .task_usage_tool_usage import TaskUsageToolUsage
from .text_content import TextContent
from .video_ratio import VideoRatio
from .video_url import VideoUrl
from .video_url_content import VideoUrlContent
from .video_url_content_role import VideoUrlContentRole

__all__ = (
    "AudioUrl",
    "AudioUrlContent",
    "AudioUrlContentRole",
    "ContentGenerationTool",
    "CreateTaskRequest",
    "DraftTaskContent",
    "DraftTaskReference",
    "ErrorDetail",
    "ErrorResponse",
    "FrameCount",
    "ImageUrl",
    "ImageUrlContent",
    "ImageUrlContentRole",
    "ServiceTier",
    "Task",
    "TaskContent",
    "TaskCreated",
    "TaskDeleted",
    "TaskError",
    "TaskList",
    "TaskStatusType0",
    "TaskStatusType1",
    "TaskUsage",
    "TaskUsageToolUsage",
    "TextContent",
    "VideoRatio",
    "VideoUrl",
    "VideoUrlContent",
    "VideoUrlContentRole",
)
