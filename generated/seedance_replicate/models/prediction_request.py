from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.prediction_request_version import (
    PredictionRequestVersion,
    check_prediction_request_version,
)
from ..models.prediction_request_webhook_events_filter_item import (
    PredictionRequestWebhookEventsFilterItem,
    check_prediction_request_webhook_events_filter_item,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prediction_request_input import PredictionRequestInput


T = TypeVar("T", bound="PredictionRequest")


@_attrs_define
class PredictionRequest:
    """
    Example:
        {'version': 'bytedance/seedance-2.0', 'input': {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': 5,
            'resolution': '720p', 'aspect_ratio': '16:9'}}

    """

    input_: PredictionRequestInput
    """ The model's input as a JSON object. The input schema depends on what model you are running. Files should be
    passed as HTTP URLs or data URLs. """
    version: PredictionRequestVersion
    """ The official model to run, `bytedance/<model>`. """
    stream: bool | Unset = UNSET
    """ **This field is deprecated.** """
    webhook: str | Unset = UNSET
    """ An HTTPS URL for receiving a webhook when the prediction has new output. The webhook will be a POST request
    where the request body is the same as the response body of the get prediction operation. """
    webhook_events_filter: list[PredictionRequestWebhookEventsFilterItem] | Unset = UNSET
    """ Which events trigger webhook requests: `start`, `output`, `logs`, `completed`. """

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_.to_dict()

        version: str = self.version

        stream = self.stream

        webhook = self.webhook

        webhook_events_filter: list[str] | Unset = UNSET
        if not isinstance(self.webhook_events_filter, Unset):
            webhook_events_filter = []
            for webhook_events_filter_item_data in self.webhook_events_filter:
                webhook_events_filter_item: str = webhook_events_filter_item_data
                webhook_events_filter.append(webhook_events_filter_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "input": input_,
                "version": version,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if webhook_events_filter is not UNSET:
            field_dict["webhook_events_filter"] = webhook_events_filter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prediction_request_input import PredictionRequestInput  # noqa: PLC0415

        d = dict(src_dict)
        input_ = PredictionRequestInput.from_dict(d.pop("input"))

        version = check_prediction_request_version(d.pop("version"))

        stream = d.pop("stream", UNSET)

        webhook = d.pop("webhook", UNSET)

        _webhook_events_filter = d.pop("webhook_events_filter", UNSET)
        webhook_events_filter: list[PredictionRequestWebhookEventsFilterItem] | Unset = UNSET
        if _webhook_events_filter is not UNSET:
            webhook_events_filter = []
            for webhook_events_filter_item_data in _webhook_events_filter:
                webhook_events_filter_item = check_prediction_request_webhook_events_filter_item(
                    webhook_events_filter_item_data
                )

                webhook_events_filter.append(webhook_events_filter_item)

        prediction_request = cls(
            input_=input_,
            version=version,
            stream=stream,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
        )

        return prediction_request
