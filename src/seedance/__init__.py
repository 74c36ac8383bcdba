"""Typed, contract-tested clients for ByteDance Seedance video generation APIs.

One API over every provider (``siray``, ``siraya``, ``genray``, ``anyfast``, ``modelark``)::

    from seedance import SeedanceClient, VideoRequest

    with SeedanceClient("genray") as client:  # key from GENRAY_API_KEY
        job = client.generate(VideoRequest(prompt="a cat cooking pasta", duration=5),
                              timeout=600, on_update=print)
        client.download(job, "cat.mp4")

Each provider's typed client, generated from its curated OpenAPI spec, ships beside this package
as ``seedance_<provider>`` and stays reachable as ``client.generated``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from ._capabilities import ModelCapabilities, ProviderCapabilities
from ._client import SeedanceClient
from ._clock import Clock, SystemClock
from ._config import MissingAPIKeyError
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DownloadError,
    DownloadLimitError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobFailedError,
    LimitExceededError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestError,
    ResponseError,
    ResponseTooLargeError,
    SeedanceError,
    ServerError,
    UnprocessableEntityError,
    UnsupportedError,
    WaitTimeoutError,
    WebhookVerificationError,
)
from ._limits import Limits
from ._models import Job, JobError, JobStatus, VideoRequest
from ._retry import PollingPolicy, RetryPolicy
from ._webhooks import JobEvents, parse_webhook
from .adapters import adapter, provider_names

if TYPE_CHECKING:
    from ._async_client import AsyncSeedanceClient

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncSeedanceClient",
    "AuthenticationError",
    "BadRequestError",
    "Clock",
    "ConflictError",
    "DownloadError",
    "DownloadLimitError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "Job",
    "JobError",
    "JobEvents",
    "JobFailedError",
    "JobStatus",
    "LimitExceededError",
    "Limits",
    "MissingAPIKeyError",
    "ModelCapabilities",
    "NotFoundError",
    "PermissionDeniedError",
    "PollingPolicy",
    "ProviderCapabilities",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SeedanceClient",
    "SeedanceError",
    "ServerError",
    "SystemClock",
    "UnprocessableEntityError",
    "UnsupportedError",
    "VideoRequest",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "__version__",
    "capabilities",
    "parse_webhook",
    "providers",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `AsyncSeedanceClient` loads on first use: its module imports asyncio, about a tenth of a cold
    # `import seedance`, which programs that only use `SeedanceClient` never need.
    if name == "AsyncSeedanceClient":
        from ._async_client import AsyncSeedanceClient

        globals()[name] = AsyncSeedanceClient
        return AsyncSeedanceClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def providers() -> tuple[str, ...]:
    """The providers this package has an adapter for."""
    return provider_names()


@overload
def capabilities(provider: str) -> ProviderCapabilities: ...
@overload
def capabilities(provider: str, model: str) -> ModelCapabilities: ...
def capabilities(
    provider: str, model: str | None = None
) -> ProviderCapabilities | ModelCapabilities:
    """The capability matrix: a provider's `ProviderCapabilities`, or one model's.

    >>> capabilities("genray", "seedance-2.0").max_reference_images
    9
    """
    caps = adapter(provider).capabilities
    return caps if model is None else caps.model(model)
