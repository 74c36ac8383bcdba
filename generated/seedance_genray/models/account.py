from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """Your current plan, credits balance, and API limits.

    Example:
        {'plan': 'standard', 'plan_name': 'Standard', 'plan_expires_at': '2026-05-02T00:00:00', 'credits_remaining':
            8450, 'credits_per_month': 4850, 'api_rpm': 10, 'api_concurrent': 2, 'max_api_keys': 2}

    """

    plan: str | Unset = UNSET
    """ Plan id, for example "standard". """
    plan_name: str | Unset = UNSET
    """ Plan display name, for example "Standard". """
    plan_expires_at: str | Unset = UNSET
    """ When the plan expires: an ISO 8601 date and time without a UTC offset (the time zone is not documented). """
    credits_remaining: int | Unset = UNSET
    """ Credit balance. """
    credits_per_month: int | Unset = UNSET
    """ Credits the plan grants per month (Standard 4,850, Advanced 9,900). """
    api_rpm: int | Unset = UNSET
    """ Requests per minute allowed per API key; status polling counts. """
    api_concurrent: int | Unset = UNSET
    """ Concurrent jobs allowed. """
    max_api_keys: int | Unset = UNSET
    """ How many API keys the plan allows. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan

        plan_name = self.plan_name

        plan_expires_at = self.plan_expires_at

        credits_remaining = self.credits_remaining

        credits_per_month = self.credits_per_month

        api_rpm = self.api_rpm

        api_concurrent = self.api_concurrent

        max_api_keys = self.max_api_keys

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if plan is not UNSET:
            field_dict["plan"] = plan
        if plan_name is not UNSET:
            field_dict["plan_name"] = plan_name
        if plan_expires_at is not UNSET:
            field_dict["plan_expires_at"] = plan_expires_at
        if credits_remaining is not UNSET:
            field_dict["credits_remaining"] = credits_remaining
        if credits_per_month is not UNSET:
            field_dict["credits_per_month"] = credits_per_month
        if api_rpm is not UNSET:
            field_dict["api_rpm"] = api_rpm
        if api_concurrent is not UNSET:
            field_dict["api_concurrent"] = api_concurrent
        if max_api_keys is not UNSET:
            field_dict["max_api_keys"] = max_api_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan = d.pop("plan", UNSET)

        plan_name = d.pop("plan_name", UNSET)

        plan_expires_at = d.pop("plan_expires_at", UNSET)

        credits_remaining = d.pop("credits_remaining", UNSET)

        credits_per_month = d.pop("credits_per_month", UNSET)

        api_rpm = d.pop("api_rpm", UNSET)

        api_concurrent = d.pop("api_concurrent", UNSET)

        max_api_keys = d.pop("max_api_keys", UNSET)

        account = cls(
            plan=plan,
            plan_name=plan_name,
            plan_expires_at=plan_expires_at,
            credits_remaining=credits_remaining,
            credits_per_month=credits_per_month,
            api_rpm=api_rpm,
            api_concurrent=api_concurrent,
            max_api_keys=max_api_keys,
        )

        account.additional_properties = d
        return account

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
