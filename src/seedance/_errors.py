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
    │   └── ResponseTooLargeError    the answer passed `Limits.max_response_bytes`
    ├── APIConnectionError           no answer (APITimeoutError: none in time)
    ├── JobFailedError               the job ended failed, cancelled or expired
    ├── WaitTimeoutError             the wait deadline passed (carries the job id to resume)
    ├── DownloadError                the video could not be fetched completely
    │   └── DownloadLimitError       a download passed its size cap, stall timeout or deadline
    └── WebhookVerificationError     a webhook's signature or timestamp is wrong

Every error also says whether the request ``may_have_been_accepted``: True when a create may
have started a (paid) job although it raised, so that nobody sends it again blindly.
`LimitExceededError` is the common base of every overrun of a configured bound
(``ResponseTooLargeError``, ``DownloadLimitError``): each names the limit, its value and how to
raise it. Messages, bodies and reprs never hold an API key or a signed URL's query string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ._redact import redact, redact_value

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
    "DownloadLimitError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "JobFailedError",
    "LimitExceededError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "ResponseTooLargeError",
    "SeedanceError",
    "ServerError",
    "UnprocessableEntityError",
    "UnsupportedError",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "api_error_class",
]


class SeedanceError(Exception):
    """The root of every error this package raises.

    Its message never holds a registered API key (see `seedance._redact`).
    """

    may_have_been_accepted: bool = False
    """True when the request may have reached the provider and been acted on although this was
    raised: a create may then have started a (paid) job, so it must not be sent again blindly."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(arg) if isinstance(arg, str) else arg for arg in args))


class LimitExceededError(SeedanceError):
    """A bound this package enforces was reached (a mixin of the concrete errors).

    ``limit`` names the setting (``"Limits.max_response_bytes"``, ...) and ``value`` its value.
    """

    limit: str
    value: float | int


class Problem(NamedTuple):
    """One thing wrong with a request: the field, its value and what is allowed."""

    field: str
    value: Any
    allowed: str


class RequestError(SeedanceError):
    """The request was rejected before anything was sent.

    ``problems`` lists everything found wrong with it at once (the error's own field first), so
    that a request is fixed in one go rather than one rejection at a time.
    """

    problems: tuple[Problem, ...] = ()


class InvalidRequestError(RequestError, ValueError):
    """A field has a value that is not allowed.

    >>> str(InvalidRequestError("duration", 16, "4 to 15", provider="genray"))
    'genray: duration=16 is not allowed; allowed: 4 to 15'

    A check that found several problems lists them all in ``problems`` (the attributes are the
    first one's):

    >>> error = InvalidRequestError(
    ...     "duration", 16, "4 to 15", problems=(Problem("duration", 16, "4 to 15"),
    ...                                          Problem("seed", -1, "0 to 99")))
    >>> [problem.field for problem in error.problems]
    ['duration', 'seed']
    >>> str(error)
    'duration=16 is not allowed; allowed: 4 to 15 (and 1 more problem: seed)'
    """

    def __init__(
        self,
        field: str,
        value: Any,
        allowed: str,
        *,
        provider: str | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.provider = provider
        self.problems = problems or (Problem(field, value, allowed),)
        where = f"{provider}: " if provider else ""
        also = _more(self.problems if problems else ())
        super().__init__(f"{where}{field}={value!r} is not allowed; allowed: {allowed}{also}")


def _more(problems: tuple[Problem, ...]) -> str:
    """The tail of a message whose error found several problems: the other fields, by name."""
    others = list(dict.fromkeys(problem.field for problem in problems[1:]))
    if not others:
        return ""
    return f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''}: " + (
        ", ".join(others) + ")"
    )


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
        problems: tuple[Problem, ...] = (),
    ) -> None:
        self.what = what
        self.field = field
        self.problems = problems
        """The request field that is not supported, when it is a field."""
        self.provider = provider
        self.model = model
        on = f"{provider} ({model})" if model else provider
        text = f"{on} does not support {what}"
        also = _more(problems)
        super().__init__((f"{text}; {hint}" if hint else text) + also)


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
        self.message = redact(message)
        self.provider = provider
        self.status_code = status_code
        self.code = None if code is None else redact(code)
        self.request_id = None if request_id is None else redact(request_id)
        self.body = redact_value(body)
        # A redirect on a create was not followed, and a 5xx may come after the job was stored.
        self.may_have_been_accepted = 300 <= status_code < 400 or status_code >= 500
        details = ", ".join(
            part
            for part in (
                f"code {code}" if code else "",
                f"request {request_id}" if request_id else "",
            )
            if part
        )
        suffix = f" ({details})" if details else ""
        super().__init__(f"{provider} answered {status_code}: {self.message}{suffix}")


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
    """The provider answered with a success status, but the body is not what its spec says.

    The provider did answer, so a create may well have been accepted (``may_have_been_accepted``).
    """

    may_have_been_accepted = True

    def __init__(self, message: str, *, provider: str, status_code: int, body: Any = None) -> None:
        self.provider = provider
        self.status_code = status_code
        self.body = redact_value(body)
        super().__init__(f"{provider} answered {status_code} with an unexpected body: {message}")


class ResponseTooLargeError(ResponseError, LimitExceededError):
    """The answer's body (counted after decompression) passed `Limits.max_response_bytes`."""

    def __init__(self, *, provider: str, status_code: int, limit_bytes: int) -> None:
        self.limit = "Limits.max_response_bytes"
        self.value = limit_bytes
        super().__init__(
            f"the body passed {limit_bytes:,} bytes (Limits.max_response_bytes); raise it with"
            " SeedanceClient(..., limits=Limits(max_response_bytes=...)) if this is expected",
            provider=provider,
            status_code=status_code,
        )


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


class DownloadLimitError(DownloadError, LimitExceededError):
    """A download passed one of its bounds: size cap, stall timeout or overall deadline.

    >>> str(DownloadLimitError("stopped", limit="Limits.max_download_bytes", value=10))
    'stopped (Limits.max_download_bytes=10; raise it with limits=Limits(max_download_bytes=...))'
    """

    def __init__(self, message: str, *, limit: str, value: float | int) -> None:
        self.limit = limit
        self.value = value
        setting = limit.removeprefix("Limits.")
        super().__init__(
            f"{message} ({limit}={value!r}; raise it with limits=Limits({setting}=...))"
        )


class WebhookVerificationError(SeedanceError):
    """A webhook delivery failed verification (signature, timestamp or body)."""
