from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.queue_status_status import QueueStatusStatus, check_queue_status_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.queue_status_logs_type_0_item import QueueStatusLogsType0Item
    from ..models.queue_status_metrics import QueueStatusMetrics


T = TypeVar("T", bound="QueueStatus")


@_attrs_define
class QueueStatus:
    status: QueueStatusStatus
    request_id: str | Unset = UNSET
    """ The request id. """
    response_url: str | Unset = UNSET
    """ The response url. """
    status_url: str | Unset = UNSET
    """ The status url. """
    cancel_url: str | Unset = UNSET
    """ The cancel url. """
    metrics: QueueStatusMetrics | Unset = UNSET
    """ The metrics. """
    queue_position: int | Unset = UNSET
    """ The queue position. """
    logs: list[QueueStatusLogsType0Item] | None | Unset = UNSET
    """ The logs (with ?logs=1), else null. """
    error: None | str | Unset = UNSET
    """ Why the request failed, on a COMPLETED status. """
    error_type: None | str | Unset = UNSET
    """ The kind of failure, on a COMPLETED status. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        request_id = self.request_id

        response_url = self.response_url

        status_url = self.status_url

        cancel_url = self.cancel_url

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        queue_position = self.queue_position

        logs: list[dict[str, Any]] | None | Unset
        if isinstance(self.logs, Unset):
            logs = UNSET
        elif isinstance(self.logs, list):
            logs = []
            for logs_type_0_item_data in self.logs:
                logs_type_0_item = logs_type_0_item_data.to_dict()
                logs.append(logs_type_0_item)

        else:
            logs = self.logs

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        error_type: None | str | Unset
        if isinstance(self.error_type, Unset):
            error_type = UNSET
        else:
            error_type = self.error_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if response_url is not UNSET:
            field_dict["response_url"] = response_url
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if cancel_url is not UNSET:
            field_dict["cancel_url"] = cancel_url
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if queue_position is not UNSET:
            field_dict["queue_position"] = queue_position
        if logs is not UNSET:
            field_dict["logs"] = logs
        if error is not UNSET:
            field_dict["error"] = error
        if error_type is not UNSET:
            field_dict["error_type"] = error_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.queue_status_logs_type_0_item import QueueStatusLogsType0Item  # noqa: PLC0415
        from ..models.queue_status_metrics import QueueStatusMetrics  # noqa: PLC0415

        d = dict(src_dict)
        status = check_queue_status_status(d.pop("status"))

        request_id = d.pop("request_id", UNSET)

        response_url = d.pop("response_url", UNSET)

        status_url = d.pop("status_url", UNSET)

        cancel_url = d.pop("cancel_url", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: QueueStatusMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = QueueStatusMetrics.from_dict(_metrics)

        queue_position = d.pop("queue_position", UNSET)

        def _parse_logs(data: object) -> list[QueueStatusLogsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                logs_type_0 = []
                _logs_type_0 = data
                for logs_type_0_item_data in _logs_type_0:
                    logs_type_0_item = QueueStatusLogsType0Item.from_dict(logs_type_0_item_data)

                    logs_type_0.append(logs_type_0_item)

                return logs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[QueueStatusLogsType0Item] | None | Unset, data)

        logs = _parse_logs(d.pop("logs", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_error_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_type = _parse_error_type(d.pop("error_type", UNSET))

        queue_status = cls(
            status=status,
            request_id=request_id,
            response_url=response_url,
            status_url=status_url,
            cancel_url=cancel_url,
            metrics=metrics,
            queue_position=queue_position,
            logs=logs,
            error=error,
            error_type=error_type,
        )

        queue_status.additional_properties = d
        return queue_status

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
