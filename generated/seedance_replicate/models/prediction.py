from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prediction_status import PredictionStatus, check_prediction_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prediction_input import PredictionInput
    from ..models.prediction_metrics_type_0 import PredictionMetricsType0
    from ..models.prediction_urls_type_0 import PredictionUrlsType0


T = TypeVar("T", bound="Prediction")


@_attrs_define
class Prediction:
    """A prediction of a Seedance model on Replicate, as the get operation returns it.

    Example:
        {'id': 'gm3qorzdhgbfurvjtvhg6dckhu', 'model': 'bytedance/seedance-2.0', 'version':
            'd456b64a60da3903c3692f7128d491004d021bbc2e1e19c63bccb117d3f4ab7b', 'input': {'prompt': 'a lighthouse at dusk'},
            'logs': '', 'output': 'https://replicate.delivery/xezq/output.mp4', 'error': None, 'status': 'succeeded',
            'created_at': '2026-01-01T00:00:00.000Z', 'started_at': '2026-01-01T00:00:02.000Z', 'completed_at':
            '2026-01-01T00:01:10.000Z', 'metrics': {'predict_time': 68.0}, 'urls': {'get':
            'https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu', 'cancel':
            'https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel'}}

    """

    id: str
    version: str
    model: str
    """ The model, `owner/name`. """
    status: PredictionStatus
    """ starting (a worker is starting), processing (the model is running), then succeeded, failed or canceled. """
    data_removed: bool | Unset = UNSET
    input_: PredictionInput | Unset = UNSET
    error: None | str | Unset = UNSET
    """ The error encountered during the prediction, when it failed. """
    output: None | str | Unset = UNSET
    """ The video's URL once the prediction succeeded, else null. """
    logs: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    """ When the prediction was created (ISO 8601). """
    started_at: None | str | Unset = UNSET
    """ When the prediction started running (ISO 8601). """
    completed_at: None | str | Unset = UNSET
    """ When the prediction finished (ISO 8601). """
    metrics: None | PredictionMetricsType0 | Unset = UNSET
    urls: None | PredictionUrlsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.prediction_metrics_type_0 import PredictionMetricsType0  # noqa: PLC0415
        from ..models.prediction_urls_type_0 import PredictionUrlsType0  # noqa: PLC0415

        id = self.id

        version = self.version

        model = self.model

        status: str = self.status

        data_removed = self.data_removed

        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        logs: None | str | Unset
        if isinstance(self.logs, Unset):
            logs = UNSET
        else:
            logs = self.logs

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, PredictionMetricsType0):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        urls: dict[str, Any] | None | Unset
        if isinstance(self.urls, Unset):
            urls = UNSET
        elif isinstance(self.urls, PredictionUrlsType0):
            urls = self.urls.to_dict()
        else:
            urls = self.urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "model": model,
                "status": status,
            }
        )
        if data_removed is not UNSET:
            field_dict["data_removed"] = data_removed
        if input_ is not UNSET:
            field_dict["input"] = input_
        if error is not UNSET:
            field_dict["error"] = error
        if output is not UNSET:
            field_dict["output"] = output
        if logs is not UNSET:
            field_dict["logs"] = logs
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prediction_input import PredictionInput  # noqa: PLC0415
        from ..models.prediction_metrics_type_0 import PredictionMetricsType0  # noqa: PLC0415
        from ..models.prediction_urls_type_0 import PredictionUrlsType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        model = d.pop("model")

        status = check_prediction_status(d.pop("status"))

        data_removed = d.pop("data_removed", UNSET)

        _input_ = d.pop("input", UNSET)
        input_: PredictionInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = PredictionInput.from_dict(_input_)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_logs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logs = _parse_logs(d.pop("logs", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_metrics(data: object) -> None | PredictionMetricsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = PredictionMetricsType0.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PredictionMetricsType0 | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_urls(data: object) -> None | PredictionUrlsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                urls_type_0 = PredictionUrlsType0.from_dict(data)

                return urls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PredictionUrlsType0 | Unset, data)

        urls = _parse_urls(d.pop("urls", UNSET))

        prediction = cls(
            id=id,
            version=version,
            model=model,
            status=status,
            data_removed=data_removed,
            input_=input_,
            error=error,
            output=output,
            logs=logs,
            created_at=created_at,
            started_at=started_at,
            completed_at=completed_at,
            metrics=metrics,
            urls=urls,
        )

        prediction.additional_properties = d
        return prediction

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
