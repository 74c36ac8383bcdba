from typing import Literal

ServiceTier = Literal["default", "flex"]

SERVICE_TIER_VALUES: set[ServiceTier] = {
    "default",
    "flex",
}


def check_service_tier(value: str) -> ServiceTier:
    if value in SERVICE_TIER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVICE_TIER_VALUES!r}")
