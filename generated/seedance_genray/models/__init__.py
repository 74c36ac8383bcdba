"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .api_key import ApiKey
from .api_key_list_envelope import ApiKeyListEnvelope
from .create_api_key_request import CreateApiKeyRequest
from .create_video_request import CreateVideoRequest
from .create_video_request_aspect_ratio import CreateVideoRequestAspectRatio
from .create_video_request_model import CreateVideoRequestModel
from .created_api_key import CreatedApiKey
from .error_code import ErrorCode
from .error_response import ErrorResponse
from .error_response_detail import ErrorResponseDetail
from .upload_base_64 import UploadBase64
from .upload_form import UploadForm
from .uploaded_file import UploadedFile
from .upscale_result import UpscaleResult
from .video_from_person_job_created import VideoFromPersonJobCreated
from .video_from_person_request import VideoFromPersonRequest
from .video_from_person_request_aspect_ratio import VideoFromPersonRequestAspectRatio
from .video_from_person_request_model import VideoFromPersonRequestModel
from .video_job import VideoJob
from .video_job_created import VideoJobCreated
from .video_status import VideoStatus
from .webhook_event import WebhookEvent
from .webhook_payload import WebhookPayload
from .webhook_payload_data import WebhookPayloadData

__all__ = (
    "Account",
    "ApiKey",
    "ApiKeyListEnvelope",
    "CreateApiKeyRequest",
    "CreatedApiKey",
    "CreateVideoRequest",
    "CreateVideoRequestAspectRatio",
    "CreateVideoRequestModel",
    "ErrorCode",
    "ErrorResponse",
    "ErrorResponseDetail",
    "UploadBase64",
    "UploadedFile",
    "UploadForm",
    "UpscaleResult",
    "VideoFromPersonJobCreated",
    "VideoFromPersonRequest",
    "VideoFromPersonRequestAspectRatio",
    "VideoFromPersonRequestModel",
    "VideoJob",
    "VideoJobCreated",
    "VideoStatus",
    "WebhookEvent",
    "WebhookPayload",
    "WebhookPayloadData",
)
