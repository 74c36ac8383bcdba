"""Contains all the data models used in inputs/outputs"""

from .audio_url import AudioUrl
from .audio_url_content import AudioUrlContent
from .audio_url_content_role import AudioUrlContentRole
from .create_task_request import CreateTaskRequest
from .create_task_request_frames import CreateTaskRequestFrames
from .create_task_request_ratio import CreateTaskRequestRatio
from .draft_task_content import DraftTaskContent
from .draft_task_reference import DraftTaskReference
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .image_url_content_role import ImageUrlContentRole
from .service_tier import ServiceTier
from .task import Task
from .task_content import TaskContent
from .task_created import TaskCreated
from .task_error import TaskError
from .task_list import TaskList
from .task_status import TaskStatus
from .task_usage import TaskUsage
from .text_content import TextContent
from .video_url import VideoUrl
from .video_url_content import VideoUrlContent
from .video_url_content_role import VideoUrlContentRole

__all__ = (
    "AudioUrl",
    "AudioUrlContent",
    "AudioUrlContentRole",
    "CreateTaskRequest",
    "CreateTaskRequestFrames",
    "CreateTaskRequestRatio",
    "DraftTaskContent",
    "DraftTaskReference",
    "ErrorDetail",
    "ErrorResponse",
    "ImageUrl",
    "ImageUrlContent",
    "ImageUrlContentRole",
    "ServiceTier",
    "Task",
    "TaskContent",
    "TaskCreated",
    "TaskError",
    "TaskList",
    "TaskStatus",
    "TaskUsage",
    "TextContent",
    "VideoUrl",
    "VideoUrlContent",
    "VideoUrlContentRole",
)
