from typing import Literal

ModelPredictionRequestWebhookEventsFilterItem = Literal["completed", "logs", "output", "start"]

MODEL_PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES: set[
    ModelPredictionRequestWebhookEventsFilterItem
] = {
    "completed",
    "logs",
    "output",
    "start",
}


def check_model_prediction_request_webhook_events_filter_item(
    value: str,
) -> ModelPredictionRequestWebhookEventsFilterItem:
    if value in MODEL_PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MODEL_PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES!r}"
    )
