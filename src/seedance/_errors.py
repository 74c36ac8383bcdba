"""One exception hierarchy for everything a public method can raise.

::

    SeedanceError
    ├── RequestError                 nothing was sent: the request itself is wrong
    │   ├── InvalidRequestError      a field's value is not allowed (names field, value, allowed)
    │   └── UnsupportedError         the provider or model cannot do this
    ├── APIError                     the provider answered with an error status
    │   ├── BadRequestError 400, AuthenticationError 401, InsufficientCreditsError 402,
    │   ├── PermissionDeniedError 403, NotFoundError 404, ConflictError 409,
    │   ├── UnprocessableEntityError 422, RateLimitError 429, ServerError 5xx
    ├── ResponseError                a success status with a body that does not parse
    ├── APIConnectionError           no answer (APITimeoutError: none in time)
    ├── JobFailedError               the job ended failed, cancelled or expired
    ├── WaitTimeoutError             the wait deadline passed (carries the job id to resume)
    ├── DownloadError                the video could not be fetched completely
    └── WebhookVerificationError     a webhook's signature or timestamp is wrong
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._models import Job

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DownloadError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "JobFailedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "SeedanceError",
    "ServerError",
    "UnprocessableEntityError",
    "UnsupportedError",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "api_error_class",
]


class SeedanceError(Exception):
    """The root of every error this package raises."""


class RequestError(SeedanceError):
    """The request was rejected before anything was sent."""


class InvalidRequestError(RequestError, ValueError):
    """A field has a value that is not allowed.

    >>> str(InvalidRequestError("duration", 16, "4 to 15", provider="genray"))
    'genray: duration=16 is not allowed; allowed: 4 to 15'
    """

    def __init__(
        self, field: str, value: Any, allowed: str, *, provider: str | None = None
    ) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.provider = provider
        where = f"{provider}: " if provider else ""
        super().__init__(f"{where}{field}={value!r} is not allowed; allowed: {allowed}")


class UnsupportedError(RequestError):
    """The provider (or the chosen model) does not offer this field or operation."""

    def __init__(
        self,
        what: str,
        *,
        provider: str,
        model: str | None = None,
        hint: str | None = None,
        field: str | None = None,
    ) -> None:
        self.what = what
        self.field = field
        """The request field that is not supported, when it is a field."""
        self.provider = provider
        self.model = model
        on = f"{provider} ({model})" if model else provider
        text = f"{on} does not support {what}"
        super().__init__(f"{text}; {hint}" if hint else text)


class APIError(SeedanceError):
    """The provider answered with an error status."""

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        status_code: int,
        code: str | None = None,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        self.message = message
        self.provider = provider
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.body = body
        details = ", ".join(
            part
            for part in (
                f"code {code}" if code else "",
                f"request {request_id}" if request_id else "",
            )
            if part
        )
        suffix = f" ({details})" if details else ""
        super().__init__(f"{provider} answered {status_code}: {message}{suffix}")


class BadRequestError(APIError):
    """400: the provider rejected the request."""


class AuthenticationError(APIError):
    """401: the API key is missing or wrong."""


class InsufficientCreditsError(APIError):
    """402: not enough credits or balance for this job."""


class PermissionDeniedError(APIError):
    """403: the key may not do this (plan, moderation, account)."""


class NotFoundError(APIError):
    """404: no such job (or it belongs to another account)."""


class ConflictError(APIError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIError):
    """422: the request was understood but cannot be processed."""


class RateLimitError(APIError):
    """429: too many requests; ``retry_after`` says how long to wait, when the provider says."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class ServerError(APIError):
    """5xx: the provider failed."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def api_error_class(status_code: int) -> type[APIError]:
    """The error class for an HTTP status."""
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, APIError)


class ResponseError(SeedanceError):
    """The provider answered with a success status, but the body is not what its spec says."""

    def __init__(self, message: str, *, provider: str, status_code: int, body: Any = None) -> None:
        self.provider = provider
        self.status_code = status_code
        self.body = body
        super().__init__(f"{provider} answered {status_code} with an unexpected body: {message}")


class APIConnectionError(SeedanceError):
    """No answer came back.

    ``may_have_been_accepted`` is True when the request had been sent: a create may then have
    started a (paid) job, so it is never retried blindly.
    """

    def __init__(self, message: str, *, provider: str, may_have_been_accepted: bool) -> None:
        self.provider = provider
        self.may_have_been_accepted = may_have_been_accepted
        super().__init__(f"{provider}: {message}")


class APITimeoutError(APIConnectionError):
    """No answer came back in time."""


class JobFailedError(SeedanceError):
    """The job ended without a video: failed, cancelled or expired. ``job`` says which and why."""

    def __init__(self, job: Job) -> None:
        self.job = job
        reason = f": {job.error.message}" if job.error else ""
        super().__init__(f"{job.provider} job {job.id} {job.status.value}{reason}")


class WaitTimeoutError(SeedanceError):
    """The wait deadline passed before the job finished; the job goes on and can be resumed."""

    def __init__(self, job_id: str, *, provider: str, timeout: float, last: Job | None) -> None:
        self.job_id = job_id
        self.provider = provider
        self.timeout = timeout
        self.last = last
        status = f" (last seen {last.status.value})" if last else ""
        super().__init__(
            f"{provider} job {job_id} did not finish within {timeout:g}s{status};"
            f" resume with client.wait({job_id!r})"
        )


class DownloadError(SeedanceError):
    """The video could not be downloaded completely; nothing was left at the target path."""


class WebhookVerificationError(SeedanceError):
    """A webhook delivery failed verification (signature, timestamp or body)."""
