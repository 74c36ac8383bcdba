"""Everything the sync and async clients share except the I/O itself.

Requests are built by the generated clients (each operation module's ``_get_kwargs``) and their
responses parsed by them (``_parse_response``); the engine adds the base URL, the key, the
timeout, the retry decision and the mapping of failures to the `SeedanceError` hierarchy.
"""

from __future__ import annotations

import functools
import importlib
import logging
import math
import re
import time
from typing import Any

import httpx

from ._bounded import ACCEPT_ENCODING, AnswerReader
from ._clock import SYSTEM_CLOCK, Clock
from ._config import logger, resolve_api_key, resolve_base_url, same_origin
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    JobFailedError,
    RateLimitError,
    ResponseError,
    SeedanceError,
    api_error_class,
)
from ._limits import Limits
from ._models import Job, JobStatus, VideoRequest
from ._polling import Pacer
from ._redact import redact_url
from ._retry import NOT_SENT, Deadline, PollingPolicy, RetryPolicy, parse_retry_after
from .adapters import Adapter, Call, adapter
from .adapters._base import read_from

__all__ = ["DEFAULT_TIMEOUT", "Engine"]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
# What parsing a hostile body can raise (deep nesting, huge numbers, bad charsets, odd types).
MALFORMED = (
    ValueError, TypeError, KeyError, AttributeError, IndexError,
    RecursionError, OverflowError, UnicodeError, OSError,
)  # fmt: skip
USER_AGENT = "seedance-python/0.1.0"
_CLIP_SLACK = 0.01  # seconds
_TAGS = re.compile(r"<[^>]+>")


class Engine:
    """One provider's configuration and the request/response logic around its generated client."""

    def __init__(
        self,
        provider: str,
        *,
        api_key: str | None,
        base_url: str | None,
        retry: RetryPolicy | None,
        polling: PollingPolicy | None,
        timeout: httpx.Timeout | float,
        limits: Limits | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.adapter: Adapter = adapter(provider)
        self.provider = provider
        self.capabilities = self.adapter.capabilities
        self.api_key = resolve_api_key(provider, api_key, self.adapter.api_key_env)
        self.base_url = resolve_base_url(provider, base_url, self.adapter.base_url)
        self.retry = retry or RetryPolicy()
        self.limits = limits or Limits()
        self.clock: Clock = clock or SYSTEM_CLOCK
        self.polling = polling or self.adapter.polling
        # One per client: its jobs share the key's request budget (`seedance._polling`).
        self.pacer = Pacer(self.polling, self.clock)
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        phases = [self.timeout.connect, self.timeout.read, self.timeout.write, self.timeout.pool]
        # The wall time of one request, from connect to the answer's last byte: a float timeout
        # itself, or an httpx.Timeout's largest phase (a trickling server cannot stretch it).
        self.request_timeout: float | None = (
            float(timeout)
            if not isinstance(timeout, httpx.Timeout)
            else max((p for p in phases if p is not None), default=None)
        )
        self._timeout: dict[str, float | None] = self.timeout.as_dict()
        phase_limits = [p for p in phases if p is not None]
        self._clip_below = (
            max(phase_limits) - _CLIP_SLACK if len(phase_limits) == len(phases) else math.inf
        )
        # Built once per client: the key header, and what every API request carries besides.
        key = f"{self.adapter.auth_scheme} {self.api_key.reveal()}"  # "Bearer sk-...", "Key ..."
        self._key_header = _KeyHeaders(Authorization=key)
        self._shared_headers = {"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING}
        self._all_headers = _KeyHeaders(**self._key_header, **self._shared_headers)
        self._adopted: httpx.Client | httpx.AsyncClient | None = None
        package = importlib.import_module(self.adapter.package)
        # _parse_response only reads `raise_on_unexpected_status` from the client it is given.
        self._parse_client = package.Client(base_url=self.base_url)

    # --- calls --------------------------------------------------------------------------------
    def create_call(self, request: VideoRequest) -> Call:
        """Check *request* against the capabilities and the curated spec; nothing is sent."""
        caps = self.capabilities.check(request)
        body = self.adapter.create_body(request, caps)
        extras = request.extras
        if extras:
            self.adapter.merge_extras(body, extras)
        # The adapter's own body holds only JSON types; extras may hold anything.
        self.adapter.spec.validate_body(self.adapter.create_operation, body, plain=not extras)
        return self.adapter.create(body, as_built=not extras)

    # --- one attempt --------------------------------------------------------------------------
    def build_request(
        self, http: httpx.Client | httpx.AsyncClient, call: Call, deadline: Deadline
    ) -> tuple[httpx.Request, float | None]:
        """The request of one attempt, and the `time.monotonic()` by which it must be over."""
        kwargs = dict(call.operation._get_kwargs(**call.arguments))
        kwargs["url"] = _url(self.base_url + kwargs["url"])
        # The client's own pool carries User-Agent and Accept-Encoding (`adopt`); the key goes
        # on each request, so that it never reaches a file host through the same pool.
        headers = {**kwargs.pop("headers", {}), **self._headers(http)}
        budget = self._budget(deadline)
        timeout = dict(self._timeout) if budget is None else self._clipped_timeout(budget)
        # The timeout as httpx passes it to the transport (`Timeout.as_dict()`), made directly.
        request = http.build_request(**kwargs, headers=headers, extensions={"timeout": timeout})
        return request, None if budget is None else time.monotonic() + budget

    def adopt(self, http: httpx.Client | httpx.AsyncClient) -> None:
        """Give the client's own *http* the headers every API request carries but the key."""
        http.headers.update(self._shared_headers)
        self._adopted = http

    def _headers(self, http: httpx.Client | httpx.AsyncClient) -> dict[str, str]:
        return self._key_header if http is self._adopted else self._all_headers

    def call_deadline(self) -> Deadline:
        """The deadline of one call made outside a wait: every attempt and retry sleep within
        the client's timeout."""
        return Deadline(self.request_timeout, clock=self.clock, ends_wait=False)

    def _budget(self, deadline: Deadline) -> float | None:
        budget = deadline.remaining()
        limit = self.request_timeout
        if budget is None or (limit is not None and limit < budget):
            budget = limit
        return None if budget is None else max(0.001, budget)

    def _clipped_timeout(self, budget: float) -> dict[str, float | None]:
        if budget >= self._clip_below:
            # A fresh call: its end (`request_deadline`) is kept to the microsecond; no phase
            # needs to be shorter than it is by less than `_CLIP_SLACK`.
            return dict(self._timeout)

        def clip(phase: float | None) -> float:
            return budget if phase is None else min(phase, budget)

        return {phase: clip(limit) for phase, limit in self._timeout.items()}

    @staticmethod
    def follow_redirects(call: Call) -> bool:
        """Reads follow redirects; a create never does (the first hop may have started a job)."""
        return call.idempotent

    def answer_reader(self, response: httpx.Response, end: float | None) -> AnswerReader:
        """Reads the streamed *response* within the limits; raises `ResponseTooLargeError`.

        A response that was read already (built in memory, by mock and in-process transports) is
        fed to the reader at once; the caller feeds any other one its raw chunks."""
        reader = AnswerReader(
            response, provider=self.provider, max_bytes=self.limits.max_response_bytes, end=end
        )
        if response.is_stream_consumed:
            reader.feed_decoded(response.content)
        return reader

    # --- outcomes -----------------------------------------------------------------------------
    def result(self, call: Call, response: httpx.Response) -> Any:
        """The generated model parsed from a success response, or the typed error."""
        if logger.isEnabledFor(logging.DEBUG):
            name = operation_name(call)
            logger.debug("%s %s -> %d", self.provider, name, response.status_code)
        if not response.is_success:
            raise self.api_error(response)
        answer = _Answer(response)
        try:
            parsed = call.operation._parse_response(client=self._parse_client, response=answer)
        except MALFORMED as error:
            body = json_of(response)
            unknown = _unknown_status(body, self.adapter.statuses)
            # A union response (two status shapes) that fails on its first shape reports the
            # last shape's error: an unknown status word is the likelier cause, so name it.
            reason = f"unknown job status {unknown!r}" if unknown else None
            raise ResponseError(
                reason or f"{type(error).__name__}: {error}",
                provider=self.provider,
                status_code=response.status_code,
                body=json_of(response) or _excerpt(_text(response)),
            ) from None
        if answer.data is not _UNREAD:
            read_from(parsed, answer.data)
        return parsed

    def api_error(self, response: httpx.Response) -> APIError:
        body = json_of(response)
        code, message = self.adapter.error_details(body)
        text = message or _excerpt(_text(response)) or response.reason_phrase or "no message"
        fields: dict[str, Any] = {
            "provider": self.provider,
            "status_code": response.status_code,
            "code": code,
            "request_id": self._request_id(response.headers),
            "body": body if body is not None else _excerpt(_text(response)),
        }
        if response.is_redirect:
            location = response.headers.get("location", "")
            text = (
                f"a redirect to {redact_url(location) or 'nowhere'} (not followed for a create:"
                " it may have been accepted, check before sending it again)"
            )
        error_class = api_error_class(response.status_code)
        if error_class is RateLimitError:
            return RateLimitError(
                text, retry_after=parse_retry_after(response.headers, body), **fields
            )
        return error_class(text, **fields)

    def connection_error(self, error: httpx.RequestError) -> APIConnectionError:
        accepted = not isinstance(error, NOT_SENT)
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if isinstance(error, httpx.TimeoutException) and self.request_timeout is not None:
            limit = self.request_timeout
            shown = f"{limit:g}s" if math.isfinite(limit) else str(limit)
            message += f" (timeout={shown} per request; raise it with the client's timeout=)"
        if accepted:
            message += " (the request had been sent: it may have been accepted)"
        error_class = (
            APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        )
        return error_class(message, provider=self.provider, may_have_been_accepted=accepted)

    def _request_id(self, headers: httpx.Headers) -> str | None:
        return next(
            (headers[name] for name in self.adapter.request_id_headers if name in headers), None
        )

    # --- jobs ---------------------------------------------------------------------------------
    def job(self, parsed: Any) -> Job:
        if parsed is None:
            raise ResponseError("no job in the response", provider=self.provider, status_code=200)
        try:
            return self.adapter.to_job(parsed)
        except SeedanceError:
            raise
        except MALFORMED as error:
            # A body that parses but does not hold a job as the spec describes it.
            raw = getattr(parsed, "to_dict", lambda: None)()
            raise ResponseError(
                f"{type(error).__name__}: {error}",
                provider=self.provider,
                status_code=200,
                body=raw,
            ) from None

    def finished(self, job: Job) -> Job:
        """Return a succeeded job; raise `JobFailedError` for any other final state."""
        if job.status is not JobStatus.SUCCEEDED:
            raise JobFailedError(job)
        if not job.video_url:
            raise ResponseError(
                f"job {job.id} succeeded without a video URL",
                provider=self.provider,
                status_code=200,
                body=dict(job.raw),
            )
        return job

    @staticmethod
    def changed(before: Job | None, after: Job) -> bool:
        return before is None or (before.status, before.progress) != (after.status, after.progress)

    def resume_note(self, job_id: str) -> str:
        return (
            f"seedance: {self.provider} job {job_id} is still running;"
            f" resume with SeedanceClient({self.provider!r}).wait({job_id!r})"
        )

    def download_headers(self, url: str) -> dict[str, str]:
        """The API key goes to the API host only, never to a file host."""
        same_host = same_origin(url, self.base_url)
        key = f"{self.adapter.auth_scheme} {self.api_key.reveal()}"
        auth = {"Authorization": key} if same_host else {}
        return {**auth, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"}


_UNREAD: Any = object()


class _Answer:
    """What a generated ``_parse_response`` reads of a response, with the JSON parsed once:
    the engine keeps what the parser read as the job's ``raw``."""

    __slots__ = ("data", "response", "status_code")

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        self.data: Any = _UNREAD

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    def json(self, **kwargs: Any) -> Any:
        if kwargs:
            return self.response.json(**kwargs)
        if self.data is _UNREAD:
            self.data = self.response.json()
        return self.data


class _KeyHeaders(dict[str, str]):
    """Headers holding the API key, which never shows in a repr."""

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{name!r}: '***'" for name in self) + "}"


@functools.lru_cache(maxsize=256)
def _url(text: str) -> httpx.URL:
    """*text* parsed once: a create's URL, a polled job's (httpx parses a string URL on every
    request; an `httpx.URL` is immutable and passes through as it is)."""
    return httpx.URL(text)


def job_id_of(job: Job | str) -> str:
    return job.id if isinstance(job, Job) else job


def json_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except MALFORMED:
        return None


def _text(response: httpx.Response) -> str:
    """The body as text, whatever charset the response claims."""
    try:
        return response.text
    except (UnicodeError, LookupError):
        return response.content.decode("utf-8", "replace")


def _unknown_status(body: Any, known: Any) -> str | None:
    """A ``status`` value anywhere in *body* that is not in the provider's vocabulary."""
    if isinstance(body, dict):
        status = body.get("status")
        if isinstance(status, str) and status not in known:
            return status
        for value in body.values():
            found = _unknown_status(value, known)
            if found is not None:
                return found
    return None


def _excerpt(text: str, limit: int = 200) -> str:
    plain = " ".join(_TAGS.sub(" ", text).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


def operation_name(call: Call) -> str:
    return call.operation.__name__.rsplit(".", 1)[-1]
