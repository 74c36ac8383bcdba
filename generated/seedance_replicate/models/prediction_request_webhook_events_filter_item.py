from typing import Literal

PredictionRequestWebhookEventsFilterItem = Literal["completed", "logs", "output", "start"]

PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES: set[
    PredictionRequestWebhookEventsFilterItem
] = {
    "completed",
    "logs",
    "output",
    "start",
}


def check_prediction_request_webhook_events_filter_item(
    value: str,
) -> PredictionRequestWebhookEventsFilterItem:
    if value in PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PREDICTION_REQUEST_WEBHOOK_EVENTS_FILTER_ITEM_VALUES!r}"
    )
