"""Contains all the data models used in inputs/outputs"""

from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .task_created import TaskCreated
from .task_created_data import TaskCreatedData
from .task_state_type_0 import TaskStateType0
from .task_state_type_1 import TaskStateType1
from .task_state_type_2 import TaskStateType2
from .task_status import TaskStatus
from .task_status_data import TaskStatusData
from .video_generation_request import VideoGenerationRequest
from .video_generation_request_aspect_ratio import VideoGenerationRequestAspectRatio
from .video_generation_request_duration import VideoGenerationRequestDuration
from .video_generation_request_model import VideoGenerationRequestModel
from .video_generation_request_size import VideoGenerationRequestSize

__all__ = (
    "ErrorDetail",
    "ErrorResponse",
    "TaskCreated",
    "TaskCreatedData",
    "TaskStateType0",
    "TaskStateType1",
    "TaskStateType2",
    "TaskStatus",
    "TaskStatusData",
    "VideoGenerationRequest",
    "VideoGenerationRequestAspectRatio",
    "VideoGenerationRequestDuration",
    "VideoGenerationRequestModel",
    "VideoGenerationRequestSize",
)
