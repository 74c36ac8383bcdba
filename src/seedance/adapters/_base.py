"""The contract every provider adapter fulfils (one module per provider, fsspec style).

An adapter is pure mapping, no I/O: it turns a `VideoRequest` into a generated operation call,
a generated response model into a `Job`, and a provider's error body into a code and a message.
The clients run the calls (retries, deadlines, errors), so sync and async share every adapter.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import cached_property
from types import ModuleType
from typing import Any, ClassVar

import attrs

from .._capabilities import ModelCapabilities, ProviderCapabilities
from .._errors import ResponseError, UnsupportedError, WebhookVerificationError
from .._models import Job, JobError, JobStatus, VideoRequest
from .._retry import PollingPolicy
from .._spec import CuratedSpec, curated_spec

__all__ = ["MAX_WEBHOOK_BYTES", "Adapter", "Call", "drop_unset", "read_from", "timestamp"]

MAX_WEBHOOK_BYTES = 2**20
"""The largest webhook body read (a job event is a few KB); a larger one is refused unread."""


@attrs.frozen
class Call:
    """One operation of a generated client, with the arguments for its ``_get_kwargs``.

    ``idempotent`` decides the retry policy: a call that may create a paid job is not.
    """

    operation: ModuleType
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    idempotent: bool = True


class WireBody:
    """A create body already in the form the generated model writes (`Adapter.create`): the
    generated ``_get_kwargs`` sends ``to_dict()``, which is the body itself."""

    __slots__ = ("body",)

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body

    def to_dict(self) -> dict[str, Any]:
        return self.body


# The JSON of the last answer parsed in this thread or task, with the model parsed from it.
_ANSWER: ContextVar[tuple[Any, Any] | None] = ContextVar("seedance_answer", default=None)


def read_from(parsed: Any, data: Any) -> None:
    """Note that the generated model *parsed* was read from the JSON *data*: a `Job` made from
    it keeps *data* itself as its ``raw`` instead of writing the model back out."""
    _ANSWER.set((parsed, data))


def drop_unset(value: Any) -> Any:
    """A generated model's field value, or None where the model left it unset (each generated
    package has its own ``Unset`` class, so it is recognised by name)."""
    return None if type(value).__name__ == "Unset" else value


def timestamp(value: Any) -> datetime | None:
    """Unix seconds or an ISO 8601 string (UTC when no offset is given) as an aware datetime."""
    value = drop_unset(value)
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None  # out of any plausible range
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


class Adapter:
    """Base class of the provider adapters. Subclasses set the class attributes and implement
    `capabilities_from_spec`, `create_body` and `to_job`; the rest has working defaults."""

    name: ClassVar[str]
    package: ClassVar[str]
    """The generated client package."""
    base_url: ClassVar[str]
    api_key_env: ClassVar[tuple[str, ...]]
    create_operation: ClassVar[str]
    """operationId of the create call, whose body is validated against the curated spec."""
    create_with: ClassVar[tuple[ModuleType, Any]]
    """The generated create operation and its body model."""
    get_with: ClassVar[tuple[ModuleType, str]]
    """The generated status operation and the name of its job id parameter."""
    polling: ClassVar[PollingPolicy]
    statuses: ClassVar[Mapping[str, JobStatus]]
    """The provider's status vocabulary; anything else is an error, not a reason to keep polling."""
    request_id_headers: ClassVar[tuple[str, ...]] = ("x-request-id", "request-id", "x-tt-logid")
    max_queued_jobs: ClassVar[int | None] = None
    """Jobs the provider lets an account have queued at once, where it documents a number."""
    auth_scheme: ClassVar[str] = "Bearer"
    """The scheme of the ``Authorization`` header that carries the key (fal's is ``Key``)."""

    def __init__(self) -> None:
        self.spec: CuratedSpec = curated_spec(self.name, self.package)
        self.capabilities: ProviderCapabilities = self.capabilities_from_spec(self.spec)

    # --- what each provider implements ------------------------------------------------------
    def capabilities_from_spec(self, spec: CuratedSpec) -> ProviderCapabilities:
        raise NotImplementedError

    def create_body(self, request: VideoRequest, caps: ModelCapabilities) -> dict[str, Any]:
        """The JSON body for *request*, before ``extras`` are merged in."""
        raise NotImplementedError

    def merge_extras(self, body: dict[str, Any], extras: Mapping[str, Any]) -> None:
        """Put a request's ``extras`` into its create *body* (validated against the curated spec
        afterwards): at the top level, where most providers take their options."""
        body.update(extras)

    def create(self, body: dict[str, Any], *, as_built: bool = False) -> Call:
        """The create call for a body that already passed the curated spec's validation.

        A body *as_built* by `create_body` (no extras merged in) holds only fields the generated
        model knows, with the values and nested objects it would write: it is sent as it is, its
        fields put in the model's order, without a round trip through the model (the bytes sent
        are the same: ``tests/facade/test_validation_parity.py``). Any other body goes through
        the model. Not idempotent: a second attempt could start (and bill) a second job.
        """
        operation, model = self.create_with
        if as_built:
            try:
                names = sorted(body, key=self._wire_order.__getitem__)
            except KeyError:  # a field the model does not know: the model writes it first
                pass
            else:
                wire = {name: body[name] for name in names}
                return Call(operation, {"body": WireBody(wire)}, idempotent=False)
        return Call(operation, {"body": model.from_dict(body)}, idempotent=False)

    @cached_property
    def _wire_order(self) -> dict[str, int]:
        """The create body's fields in the order the generated model writes them: as
        openapi-python-client declares them, the required ones first, each in the spec's order."""
        schema = self.spec.operation(self.create_operation)["requestBody"]["content"]
        schema = schema["application/json"]["schema"]
        if "$ref" in schema:
            schema = self.spec.schema(schema["$ref"].rsplit("/", 1)[1])
        required = set(schema.get("required", ()))
        names = list(schema.get("properties", {}))
        ordered = [name for name in names if name in required]
        ordered += [name for name in names if name not in required]
        return {name: index for index, name in enumerate(ordered)}

    def get(self, job_id: str) -> Call:
        operation, parameter = self.get_with
        return Call(operation, {parameter: job_id})

    def to_job(self, parsed: Any) -> Job:
        """A `Job` from the generated model of a create or status response."""
        raise NotImplementedError

    # --- defaults ---------------------------------------------------------------------------
    def cancel(self, job_id: str) -> Call:
        raise UnsupportedError("cancelling a job", provider=self.name)

    def status(self, value: Any) -> JobStatus:
        """Map the provider's status word; an unknown one is an error."""
        try:
            return self.statuses[str(value)]
        except KeyError:
            known = ", ".join(self.statuses)
            raise ResponseError(
                f"unknown job status {value!r} (known: {known})",
                provider=self.name,
                status_code=200,
            ) from None

    def error_details(self, body: Any) -> tuple[str | None, str | None]:
        """(provider error code, message) from an error body in any of the common envelopes."""
        if not isinstance(body, dict):
            return None, None
        for key in ("error", "detail"):
            inner = body.get(key)
            if isinstance(inner, dict):
                code = inner.get("code", inner.get("error", inner.get("type")))
                message = inner.get("message")
                return _text(code), _text(message)
            if isinstance(inner, str):
                return None, inner
        return _text(body.get("code")), _text(body.get("message"))

    def job_error(self, message: Any, code: Any = None) -> JobError | None:
        message, code = drop_unset(message), drop_unset(code)
        if not message and not code:
            return None
        return JobError(message=str(message or code), code=None if code is None else str(code))

    def job(self, *, raw: Any, **fields: Any) -> Job:
        return Job(provider=self.name, raw=_raw(raw), **fields)

    def jobs(self, parsed: Any) -> list[Job]:
        """The jobs of a list response."""
        raise UnsupportedError("listing jobs", provider=self.name)

    def follow_up(self, job: Job) -> Call | None:
        """The call that completes *job* after a status answer (a provider that serves a finished
        job's video from another operation), or None: the job is complete as it is. The clients
        make it at once, within the same deadline (`seedance._core.ClientCore.get`)."""
        return None

    # --- webhooks ---------------------------------------------------------------------------
    def webhook_job(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """Verify a webhook delivery and return the job it reports.

        Whatever the delivery holds (anyone may post to a webhook URL), the only errors are
        `WebhookVerificationError` and, for a provider without webhooks, `UnsupportedError`: the
        body is size-capped before anything reads it, and every failure of the provider's
        `verify_webhook` (bad JSON, nesting too deep, wrong types, unknown status, ...) becomes a
        `WebhookVerificationError`.
        """
        if type(self).verify_webhook is Adapter.verify_webhook:
            raise UnsupportedError("webhooks", provider=self.name)
        if not isinstance(body, bytes | bytearray | memoryview):
            raise WebhookVerificationError(
                f"the webhook body must be the raw request bytes, not {type(body).__name__}"
            )
        if len(body) > MAX_WEBHOOK_BYTES:
            raise WebhookVerificationError(
                f"the webhook body has {len(body)} bytes; at most {MAX_WEBHOOK_BYTES} are read"
            )
        try:
            return self.verify_webhook(bytes(body), headers, secret, tolerance)
        except WebhookVerificationError:
            raise
        except Exception as error:  # a hostile body must not escape as anything else
            raise WebhookVerificationError(
                f"the webhook body is not a {self.name} event ({_brief(error)})"
            ) from error

    def verify_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str | None, tolerance: float
    ) -> Job:
        """What a provider with webhooks implements: check one delivery, return its job.

        *body* is at most `MAX_WEBHOOK_BYTES`; any exception raised here reaches the caller as a
        `WebhookVerificationError`. Set ``signature_verified=True`` on the job only after checking
        a signature.
        """
        raise UnsupportedError("webhooks", provider=self.name)

    def webhook_event(self, body: bytes, schema: str) -> Any:
        """The JSON object of a webhook *body*, valid against the curated spec's *schema*."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise WebhookVerificationError("the webhook body is not UTF-8 text") from None
        try:
            event = json.loads(text)
        except RecursionError:
            raise WebhookVerificationError("the webhook body nests too deeply") from None
        except ValueError as error:
            raise WebhookVerificationError(
                f"the webhook body is not JSON ({_brief(error)})"
            ) from None
        if not isinstance(event, dict):
            raise WebhookVerificationError(
                f"the webhook body is a JSON {type(event).__name__}, not an object"
            )
        problem = self.spec.schema_check(schema).error(event)
        if problem is not None:
            where = "/".join(str(part) for part in problem.absolute_path) or "(body)"
            detail = _brief(problem.message)
            raise WebhookVerificationError(
                f"the webhook body is not a {self.name} {schema}: {where}: {detail}"
            )
        return event


def _brief(error: object, limit: int = 200) -> str:
    """An error in one short printable line (it may quote what an attacker sent)."""
    text = str(error) if isinstance(error, str) else f"{type(error).__name__}: {error}"
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= limit else text[:limit] + "..."


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _raw(parsed: Any) -> dict[str, Any]:
    held = _ANSWER.get()
    if held is not None and held[0] is parsed:
        _ANSWER.set(None)
        if type(held[1]) is dict:
            return held[1]  # the answer's JSON, which the model was read from
    to_dict = getattr(parsed, "to_dict", None)
    if callable(to_dict):
        result: dict[str, Any] = to_dict()
        return result
    return dict(parsed) if isinstance(parsed, Mapping) else {}
