"""Contains all the data models used in inputs/outputs"""

from .cancel_result import CancelResult
from .cancel_result_status import CancelResultStatus
from .error_response import ErrorResponse
from .error_response_detail_type_1_item import ErrorResponseDetailType1Item
from .file import File
from .queue_status import QueueStatus
from .queue_status_logs_type_0_item import QueueStatusLogsType0Item
from .queue_status_metrics import QueueStatusMetrics
from .queue_status_status import QueueStatusStatus
from .seedance_2i2v_fast_input import Seedance2I2VFastInput
from .seedance_2i2v_fast_input_aspect_ratio import Seedance2I2VFastInputAspectRatio
from .seedance_2i2v_fast_input_duration import Seedance2I2VFastInputDuration
from .seedance_2i2v_fast_input_resolution import Seedance2I2VFastInputResolution
from .seedance_2i2v_input import Seedance2I2VInput
from .seedance_2i2v_input_aspect_ratio import Seedance2I2VInputAspectRatio
from .seedance_2i2v_input_duration import Seedance2I2VInputDuration
from .seedance_2i2v_input_resolution import Seedance2I2VInputResolution
from .seedance_2r2v_fast_input import Seedance2R2VFastInput
from .seedance_2r2v_fast_input_aspect_ratio import Seedance2R2VFastInputAspectRatio
from .seedance_2r2v_fast_input_duration import Seedance2R2VFastInputDuration
from .seedance_2r2v_fast_input_resolution import Seedance2R2VFastInputResolution
from .seedance_2r2v_input import Seedance2R2VInput
from .seedance_2r2v_input_aspect_ratio import Seedance2R2VInputAspectRatio
from .seedance_2r2v_input_duration import Seedance2R2VInputDuration
from .seedance_2r2v_input_resolution import Seedance2R2VInputResolution
from .seedance_2t2v_fast_input import Seedance2T2VFastInput
from .seedance_2t2v_fast_input_aspect_ratio import Seedance2T2VFastInputAspectRatio
from .seedance_2t2v_fast_input_duration import Seedance2T2VFastInputDuration
from .seedance_2t2v_fast_input_resolution import Seedance2T2VFastInputResolution
from .seedance_2t2v_input import Seedance2T2VInput
from .seedance_2t2v_input_aspect_ratio import Seedance2T2VInputAspectRatio
from .seedance_2t2v_input_duration import Seedance2T2VInputDuration
from .seedance_2t2v_input_resolution import Seedance2T2VInputResolution
from .seedance_image_to_video_input import SeedanceImageToVideoInput
from .seedance_image_to_video_input_aspect_ratio import (
    SeedanceImageToVideoInputAspectRatio,
)
from .seedance_image_to_video_input_duration import SeedanceImageToVideoInputDuration
from .seedance_image_to_video_input_resolution import (
    SeedanceImageToVideoInputResolution,
)
from .seedance_pro_fast_image_to_video_input import SeedanceProFastImageToVideoInput
from .seedance_pro_fast_image_to_video_input_aspect_ratio import (
    SeedanceProFastImageToVideoInputAspectRatio,
)
from .seedance_pro_fast_image_to_video_input_duration import (
    SeedanceProFastImageToVideoInputDuration,
)
from .seedance_pro_fast_image_to_video_input_resolution import (
    SeedanceProFastImageToVideoInputResolution,
)
from .seedance_pro_fast_text_to_video_input import SeedanceProFastTextToVideoInput
from .seedance_pro_fast_text_to_video_input_aspect_ratio import (
    SeedanceProFastTextToVideoInputAspectRatio,
)
from .seedance_pro_fast_text_to_video_input_duration import (
    SeedanceProFastTextToVideoInputDuration,
)
from .seedance_pro_fast_text_to_video_input_resolution import (
    SeedanceProFastTextToVideoInputResolution,
)
from .seedance_pro_image_to_video_input import SeedanceProImageToVideoInput
from .seedance_pro_image_to_video_input_aspect_ratio import (
    SeedanceProImageToVideoInputAspectRatio,
)
from .seedance_pro_image_to_video_input_duration import (
    SeedanceProImageToVideoInputDuration,
)
from .seedance_pro_image_to_video_input_resolution import (
    SeedanceProImageToVideoInputResolution,
)
from .seedance_pro_text_to_video_input import SeedanceProTextToVideoInput
from .seedance_pro_text_to_video_input_aspect_ratio import (
    SeedanceProTextToVideoInputAspectRatio,
)
from .seedance_pro_text_to_video_input_duration import (
    SeedanceProTextToVideoInputDuration,
)
from .seedance_pro_text_to_video_input_resolution import (
    SeedanceProTextToVideoInputResolution,
)
from .seedance_prov_15_image_to_video_input import SeedanceProv15ImageToVideoInput
from .seedance_prov_15_image_to_video_input_aspect_ratio import (
    SeedanceProv15ImageToVideoInputAspectRatio,
)
from .seedance_prov_15_image_to_video_input_duration import (
    SeedanceProv15ImageToVideoInputDuration,
)
from .seedance_prov_15_image_to_video_input_resolution import (
    SeedanceProv15ImageToVideoInputResolution,
)
from .seedance_prov_15_text_to_video_input import SeedanceProv15TextToVideoInput
from .seedance_prov_15_text_to_video_input_aspect_ratio import (
    SeedanceProv15TextToVideoInputAspectRatio,
)
from .seedance_prov_15_text_to_video_input_duration import (
    SeedanceProv15TextToVideoInputDuration,
)
from .seedance_prov_15_text_to_video_input_resolution import (
    SeedanceProv15TextToVideoInputResolution,
)
from .seedance_reference_to_video_input import SeedanceReferenceToVideoInput
from .seedance_reference_to_video_input_aspect_ratio import (
    SeedanceReferenceToVideoInputAspectRatio,
)
from .seedance_reference_to_video_input_duration import (
    SeedanceReferenceToVideoInputDuration,
)
from .seedance_reference_to_video_input_resolution import (
    SeedanceReferenceToVideoInputResolution,
)
from .seedance_text_to_video_input import SeedanceTextToVideoInput
from .seedance_text_to_video_input_aspect_ratio import (
    SeedanceTextToVideoInputAspectRatio,
)
from .seedance_text_to_video_input_duration import SeedanceTextToVideoInputDuration
from .seedance_text_to_video_input_resolution import SeedanceTextToVideoInputResolution
from .seedance_video_output import SeedanceVideoOutput
from .webhook_payload import WebhookPayload
from .webhook_payload_payload_type_0 import WebhookPayloadPayloadType0
from .webhook_payload_status import WebhookPayloadStatus

__all__ = (
    "CancelResult",
    "CancelResultStatus",
    "ErrorResponse",
    "ErrorResponseDetailType1Item",
    "File",
    "QueueStatus",
    "QueueStatusLogsType0Item",
    "QueueStatusMetrics",
    "QueueStatusStatus",
    "Seedance2I2VFastInput",
    "Seedance2I2VFastInputAspectRatio",
    "Seedance2I2VFastInputDuration",
    "Seedance2I2VFastInputResolution",
    "Seedance2I2VInput",
    "Seedance2I2VInputAspectRatio",
    "Seedance2I2VInputDuration",
    "Seedance2I2VInputResolution",
    "Seedance2R2VFastInput",
    "Seedance2R2VFastInputAspectRatio",
    "Seedance2R2VFastInputDuration",
    "Seedance2R2VFastInputResolution",
    "Seedance2R2VInput",
    "Seedance2R2VInputAspectRatio",
    "Seedance2R2VInputDuration",
    "Seedance2R2VInputResolution",
    "Seedance2T2VFastInput",
    "Seedance2T2VFastInputAspectRatio",
    "Seedance2T2VFastInputDuration",
    "Seedance2T2VFastInputResolution",
    "Seedance2T2VInput",
    "Seedance2T2VInputAspectRatio",
    "Seedance2T2VInputDuration",
    "Seedance2T2VInputResolution",
    "SeedanceImageToVideoInput",
    "SeedanceImageToVideoInputAspectRatio",
    "SeedanceImageToVideoInputDuration",
    "SeedanceImageToVideoInputResolution",
    "SeedanceProFastImageToVideoInput",
    "SeedanceProFastImageToVideoInputAspectRatio",
    "SeedanceProFastImageToVideoInputDuration",
    "SeedanceProFastImageToVideoInputResolution",
    "SeedanceProFastTextToVideoInput",
    "SeedanceProFastTextToVideoInputAspectRatio",
    "SeedanceProFastTextToVideoInputDuration",
    "SeedanceProFastTextToVideoInputResolution",
    "SeedanceProImageToVideoInput",
    "SeedanceProImageToVideoInputAspectRatio",
    "SeedanceProImageToVideoInputDuration",
    "SeedanceProImageToVideoInputResolution",
    "SeedanceProTextToVideoInput",
    "SeedanceProTextToVideoInputAspectRatio",
    "SeedanceProTextToVideoInputDuration",
    "SeedanceProTextToVideoInputResolution",
    "SeedanceProv15ImageToVideoInput",
    "SeedanceProv15ImageToVideoInputAspectRatio",
    "SeedanceProv15ImageToVideoInputDuration",
    "SeedanceProv15ImageToVideoInputResolution",
    "SeedanceProv15TextToVideoInput",
    "SeedanceProv15TextToVideoInputAspectRatio",
    "SeedanceProv15TextToVideoInputDuration",
    "SeedanceProv15TextToVideoInputResolution",
    "SeedanceReferenceToVideoInput",
    "SeedanceReferenceToVideoInputAspectRatio",
    "SeedanceReferenceToVideoInputDuration",
    "SeedanceReferenceToVideoInputResolution",
    "SeedanceTextToVideoInput",
    "SeedanceTextToVideoInputAspectRatio",
    "SeedanceTextToVideoInputDuration",
    "SeedanceTextToVideoInputResolution",
    "SeedanceVideoOutput",
    "WebhookPayload",
    "WebhookPayloadPayloadType0",
    "WebhookPayloadStatus",
)
