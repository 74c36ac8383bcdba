"""Contains all the data models used in inputs/outputs"""

from .audio_url import AudioUrl
from .audio_url_content import AudioUrlContent
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .flat_task_content import FlatTaskContent
from .flat_task_state_type_0 import FlatTaskStateType0
from .flat_task_state_type_1 import FlatTaskStateType1
from .flat_task_status import FlatTaskStatus
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .image_url_content_role import ImageUrlContentRole
from .task_created import TaskCreated
from .task_error import TaskError
from .task_error_response import TaskErrorResponse
from .task_usage import TaskUsage
from .text_content import TextContent
from .video_generation_request import VideoGenerationRequest
from .video_generation_request_ratio import VideoGenerationRequestRatio
from .video_generation_request_resolution import VideoGenerationRequestResolution
from .video_url import VideoUrl
from .video_url_content import VideoUrlContent
from .wrapped_task_state_type_0 import WrappedTaskStateType0
from .wrapped_task_state_type_1 import WrappedTaskStateType1
from .wrapped_task_state_type_2 import WrappedTaskStateType2
from .wrapped_task_state_type_3 import WrappedTaskStateType3
from .wrapped_task_status import WrappedTaskStatus
from .wrapped_task_status_data import WrappedTaskStatusData

__all__ = (
    "AudioUrl",
    "AudioUrlContent",
    "ErrorDetail",
    "ErrorResponse",
    "FlatTaskContent",
    "FlatTaskStateType0",
    "FlatTaskStateType1",
    "FlatTaskStatus",
    "ImageUrl",
    "ImageUrlContent",
    "ImageUrlContentRole",
    "TaskCreated",
    "TaskError",
    "TaskErrorResponse",
    "TaskUsage",
    "TextContent",
    "VideoGenerationRequest",
    "VideoGenerationRequestRatio",
    "VideoGenerationRequestResolution",
    "VideoUrl",
    "VideoUrlContent",
    "WrappedTaskStateType0",
    "WrappedTaskStateType1",
    "WrappedTaskStateType2",
    "WrappedTaskStateType3",
    "WrappedTaskStatus",
    "WrappedTaskStatusData",
)
