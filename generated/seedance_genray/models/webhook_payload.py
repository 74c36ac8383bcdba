from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event import WebhookEvent, check_webhook_event
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_payload_data import WebhookPayloadData


T = TypeVar("T", bound="WebhookPayload")


@_attrs_define
class WebhookPayload:
    """The body of the finished-job webhook (X-Genray-Signature signs its raw bytes).

    Example:
        {'event': 'video.completed', 'data': {'id': 'a1b2c3d4-e5f6-...', 'status': 'completed', 'video_url':
            'https://genray.ai/videos/abc123.mp4', 'width': 1280, 'height': 720, 'duration_ms': 5040}, 'timestamp':
            '2026-04-02T12:05:00'}

    """

    event: str | WebhookEvent
    """ The event; video.completed is the only documented value. """
    data: WebhookPayloadData
    """ The finished job. """
    timestamp: str | Unset = UNSET
    """ When the event was sent: an ISO 8601 date and time without a UTC offset (the time zone is not documented).
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str
        if isinstance(self.event, str):
            event = self.event
        else:
            event = self.event

        data = self.data.to_dict()

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_payload_data import WebhookPayloadData  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_event(data: object) -> str | WebhookEvent:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_type_0 = check_webhook_event(data)

                return event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WebhookEvent, data)

        event = _parse_event(d.pop("event"))

        data = WebhookPayloadData.from_dict(d.pop("data"))

        timestamp = d.pop("timestamp", UNSET)

        webhook_payload = cls(
            event=event,
            data=data,
            timestamp=timestamp,
        )

        webhook_payload.additional_properties = d
        return webhook_payload

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
