"""Contains all the data models used in inputs/outputs"""

from .create_model_prediction_model_name import CreateModelPredictionModelName
from .create_model_prediction_model_owner import CreateModelPredictionModelOwner
from .model_prediction_request import ModelPredictionRequest
from .model_prediction_request_webhook_events_filter_item import (
    ModelPredictionRequestWebhookEventsFilterItem,
)
from .prediction import Prediction
from .prediction_input import PredictionInput
from .prediction_metrics_type_0 import PredictionMetricsType0
from .prediction_request import PredictionRequest
from .prediction_request_input import PredictionRequestInput
from .prediction_request_version import PredictionRequestVersion
from .prediction_request_webhook_events_filter_item import (
    PredictionRequestWebhookEventsFilterItem,
)
from .prediction_status import PredictionStatus
from .prediction_urls_type_0 import PredictionUrlsType0
from .problem import Problem
from .seedance_1_lite_input import Seedance1LiteInput
from .seedance_1_lite_input_aspect_ratio import Seedance1LiteInputAspectRatio
from .seedance_1_lite_input_fps import Seedance1LiteInputFps
from .seedance_1_lite_input_resolution import Seedance1LiteInputResolution
from .seedance_1_pro_input import Seedance1ProInput
from .seedance_1_pro_input_aspect_ratio import Seedance1ProInputAspectRatio
from .seedance_1_pro_input_fps import Seedance1ProInputFps
from .seedance_1_pro_input_resolution import Seedance1ProInputResolution
from .seedance_20_fast_input import Seedance20FastInput
from .seedance_20_fast_input_aspect_ratio_type_0 import (
    Seedance20FastInputAspectRatioType0,
)
from .seedance_20_fast_input_aspect_ratio_type_1 import (
    Seedance20FastInputAspectRatioType1,
)
from .seedance_20_fast_input_resolution import Seedance20FastInputResolution
from .seedance_20_input import Seedance20Input
from .seedance_20_input_aspect_ratio_type_0 import Seedance20InputAspectRatioType0
from .seedance_20_input_aspect_ratio_type_1 import Seedance20InputAspectRatioType1
from .seedance_20_input_resolution import Seedance20InputResolution
from .webhook_secret import WebhookSecret

__all__ = (
    "CreateModelPredictionModelName",
    "CreateModelPredictionModelOwner",
    "ModelPredictionRequest",
    "ModelPredictionRequestWebhookEventsFilterItem",
    "Prediction",
    "PredictionInput",
    "PredictionMetricsType0",
    "PredictionRequest",
    "PredictionRequestInput",
    "PredictionRequestVersion",
    "PredictionRequestWebhookEventsFilterItem",
    "PredictionStatus",
    "PredictionUrlsType0",
    "Problem",
    "Seedance1LiteInput",
    "Seedance1LiteInputAspectRatio",
    "Seedance1LiteInputFps",
    "Seedance1LiteInputResolution",
    "Seedance1ProInput",
    "Seedance1ProInputAspectRatio",
    "Seedance1ProInputFps",
    "Seedance1ProInputResolution",
    "Seedance20FastInput",
    "Seedance20FastInputAspectRatioType0",
    "Seedance20FastInputAspectRatioType1",
    "Seedance20FastInputResolution",
    "Seedance20Input",
    "Seedance20InputAspectRatioType0",
    "Seedance20InputAspectRatioType1",
    "Seedance20InputResolution",
    "WebhookSecret",
)
