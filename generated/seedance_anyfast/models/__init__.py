"""Contains all the data models used in inputs/outputs"""

from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .flat_task_content import FlatTaskContent
from .flat_task_state import FlatTaskState
from .flat_task_status import FlatTaskStatus
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .task_created import TaskCreated
from .task_error import TaskError
from .task_usage import TaskUsage
from .text_content import TextContent
from .video_generation_request import VideoGenerationRequest
from .video_generation_request_ratio import VideoGenerationRequestRatio
from .video_generation_request_resolution import VideoGenerationRequestResolution
from .wrapped_task_state import WrappedTaskState
from .wrapped_task_status import WrappedTaskStatus
from .wrapped_task_status_data import WrappedTaskStatusData

__all__ = (
    "ErrorDetail",
    "ErrorResponse",
    "FlatTaskContent",
    "FlatTaskState",
    "FlatTaskStatus",
    "ImageUrl",
    "ImageUrlContent",
    "TaskCreated",
    "TaskError",
    "TaskUsage",
    "TextContent",
    "VideoGenerationRequest",
    "VideoGenerationRequestRatio",
    "VideoGenerationRequestResolution",
    "WrappedTaskState",
    "WrappedTaskStatus",
    "WrappedTaskStatusData",
)
