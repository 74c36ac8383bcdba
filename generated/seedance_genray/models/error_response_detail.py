from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode, check_error_code
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponseDetail")


@_attrs_define
class ErrorResponseDetail:
    """The error."""

    error: ErrorCode | str
    """ Machine-readable error code; see ErrorCode for the documented values. """
    message: str
    """ Human-readable description of the error. """
    credits_required: int | Unset = UNSET
    """ Credits the requested generation needs (insufficient_credits). """
    credits_available: int | Unset = UNSET
    """ Credits the account has (insufficient_credits). """
    retry_after: float | Unset = UNSET
    """ Seconds to wait before retrying (rate_limit_exceeded). The page says "Check retry_after field" without
    giving its place or unit: in `detail`, in seconds, is inferred. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: str
        if isinstance(self.error, str):
            error = self.error
        else:
            error = self.error

        message = self.message

        credits_required = self.credits_required

        credits_available = self.credits_available

        retry_after = self.retry_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
            }
        )
        if credits_required is not UNSET:
            field_dict["credits_required"] = credits_required
        if credits_available is not UNSET:
            field_dict["credits_available"] = credits_available
        if retry_after is not UNSET:
            field_dict["retry_after"] = retry_after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error(data: object) -> ErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                error_type_0 = check_error_code(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorCode | str, data)

        error = _parse_error(d.pop("error"))

        message = d.pop("message")

        credits_required = d.pop("credits_required", UNSET)

        credits_available = d.pop("credits_available", UNSET)

        retry_after = d.pop("retry_after", UNSET)

        error_response_detail = cls(
            error=error,
            message=message,
            credits_required=credits_required,
            credits_available=credits_available,
            retry_after=retry_after,
        )

        error_response_detail.additional_properties = d
        return error_response_detail

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
