"""Contains all the data models used in inputs/outputs"""

from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .frame_image import FrameImage
from .frame_image_type import FrameImageType
from .generated_video import GeneratedVideo
from .generated_video_list import GeneratedVideoList
from .input_reference import InputReference
from .input_reference_role import InputReferenceRole
from .input_reference_type import InputReferenceType
from .video_generation_request import VideoGenerationRequest
from .video_generation_request_aspect_ratio import VideoGenerationRequestAspectRatio
from .video_generation_request_model import VideoGenerationRequestModel
from .video_generation_request_resolution import VideoGenerationRequestResolution
from .video_generation_request_seconds import VideoGenerationRequestSeconds
from .video_job import VideoJob
from .video_job_error import VideoJobError

__all__ = (
    "ErrorDetail",
    "ErrorResponse",
    "FrameImage",
    "FrameImageType",
    "GeneratedVideo",
    "GeneratedVideoList",
    "InputReference",
    "InputReferenceRole",
    "InputReferenceType",
    "VideoGenerationRequest",
    "VideoGenerationRequestAspectRatio",
    "VideoGenerationRequestModel",
    "VideoGenerationRequestResolution",
    "VideoGenerationRequestSeconds",
    "VideoJob",
    "VideoJobError",
)
