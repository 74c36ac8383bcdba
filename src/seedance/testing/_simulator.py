"""`Simulator`: one provider's curated spec, served by a Starlette app that runs jobs.

Every request goes through the same pipeline: injected faults, then the key (a refused one gets
the provider's 401 before anything else is looked at), then validation against the curated spec
with openapi-core (authentication included), then the provider's rate limits, then the provider
module's handler. Responses are shaped by the provider module to the curated spec, and
the schemathesis suite checks that they are.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import itertools
import json
import threading
import uuid
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import httpx
from openapi_core import OpenAPI
from openapi_core.contrib.starlette import StarletteOpenAPIRequest
from openapi_core.validation.request.exceptions import (
    RequestBodyValidationError,
    SecurityValidationError,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .._spec import curated_spec
from ..adapters import adapter
from ._clock import Clock, ManualClock
from ._drift import Drift
from ._faults import Fault, Faults
from ._jobs import SimJob
from ._transport import SyncASGITransport
from .providers._base import ProviderShape

__all__ = ["Context", "Simulator", "WebhookDelivery"]

SAMPLE_MP4 = resources.files(__package__).joinpath("sample.mp4").read_bytes()
FILES_HOST = "https://files.seedance-simulator.test"
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
_BAD_GATEWAY = (
    "<html><head><title>502 Bad Gateway</title></head>"
    "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
)
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


class _ResetError(Exception):
    """Raised inside the app to drop the connection (the server closes it mid-response)."""


@dataclass
class Context:
    """What a provider handler gets: the request, already validated against the spec."""

    simulator: Simulator
    request: Request
    operation: str
    key: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    now: float


@dataclass
class WebhookDelivery:
    """One webhook (or callback) a job owes for entering *phase*, and what became of it.

    It is sent at *due*; an attempt not answered 2xx within *timeout* seconds is sent again after
    each of *retries* seconds in turn, then given up. *attempts* holds each attempt's HTTP status
    (0: not sent, the URL is not on this machine) or the name of the error it raised.
    """

    job_id: str
    url: str
    headers: dict[str, str]
    body: bytes
    due: float
    attempts: list[int | str] = field(default_factory=list)
    delivered: bool = False
    phase: str = ""
    retries: tuple[float, ...] = ()
    timeout: float = 5.0
    sending: bool = field(default=False, repr=False, compare=False)

    @property
    def given_up(self) -> bool:
        """Every attempt was made and none was acknowledged."""
        return not self.delivered and len(self.attempts) > len(self.retries)

    def is_due(self, now: float) -> bool:
        return not (self.delivered or self.sending or self.given_up) and self.due <= now


class Simulator:
    """An in-process (or served) stand-in for one provider, shaped by its curated spec.

    >>> sim = Simulator("genray")
    >>> client = sim.client()               # a SeedanceClient wired to the simulator
    >>> job = client.submit(VideoRequest(prompt="a cat"))   # doctest: +SKIP
    >>> sim.clock.advance(60); client.get(job).status       # doctest: +SKIP
    <JobStatus.SUCCEEDED: 'succeeded'>

    Jobs take *queue_seconds* then *run_seconds* of the simulator's clock (a `ManualClock` unless
    given one); a prompt containing ``simulate:fail`` ends in failure. ``faults`` plans
    injected failures; ``counters`` says what happened (``creates_accepted``, ``requests``, ...).

    Without *api_keys* any bearer key is let in; with them, only those (and keys the provider's
    own key management creates, Genray's). Any other key, and a revoked one (`revoke_key`, or
    Genray's ``DELETE /api/keys/{id}``), gets the provider's documented 401.
    """

    def __init__(
        self,
        provider: str,
        *,
        clock: Clock | None = None,
        queue_seconds: float = 2.0,
        run_seconds: float = 30.0,
        faults: Faults | None = None,
        api_keys: Iterable[str] | None = None,
        webhook_secret: str = "whsec_simulator",
        rate_limits: bool = True,
        video_size: int | None = None,
        files_url: str = FILES_HOST,
        deliver: Callable[[WebhookDelivery], int] | None = None,
        drift: Iterable[str] = (),
    ) -> None:
        self.provider = provider
        self.clock: Clock = clock or ManualClock()
        self.queue_seconds = queue_seconds
        self.run_seconds = run_seconds
        self.faults = faults or Faults()
        self.api_keys: tuple[str, ...] | None = (
            None
            if api_keys is None
            else tuple([api_keys] if isinstance(api_keys, str) else api_keys)
        )
        self.revoked_keys: set[str] = set()
        self.webhook_secret = webhook_secret
        self.rate_limits = rate_limits
        self.video_size = video_size
        self.files_url = files_url.rstrip("/")
        self.deliver = deliver or _deliver_to_loopback
        self.in_process = True
        self.jobs: dict[str, SimJob] = {}
        self.counters: Counter[str] = Counter()
        self.webhooks: list[WebhookDelivery] = []
        self._lock = threading.RLock()
        self._numbers = itertools.count(1)
        self._recent: dict[str, deque[float]] = {}
        self._adapter = adapter(provider)
        self.spec = curated_spec(provider, self._adapter.package)
        self.base_path: str = urlsplit(self.spec.document["servers"][0]["url"]).path.rstrip("/")
        self.openapi = OpenAPI.from_dict(_relative_servers(self.spec.document, self.base_path))
        module = importlib.import_module(f"{__package__}.providers.{provider}")
        self.shape: ProviderShape = module.SHAPE(self)
        # Drift mode (`_drift`): answers transformed after the shape renders them.
        self.drift = Drift(drift, self.spec)
        self.app = self._build_app()

    def mount(self, prefix: str) -> None:
        """Serve under *prefix* (a server with several simulators mounts each under its name)."""
        self.openapi = OpenAPI.from_dict(
            _relative_servers(self.spec.document, prefix.rstrip("/") + self.base_path)
        )

    # --- clients ----------------------------------------------------------------------------
    def http_client(self) -> httpx.Client:
        """A blocking httpx client whose every request reaches this simulator in-process."""
        return httpx.Client(transport=SyncASGITransport(self.app), base_url=self.base_url)

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=self.base_url
        )

    @property
    def base_url(self) -> str:
        """The provider's documented base URL (in-process requests to it reach the simulator)."""
        return str(self.spec.document["servers"][0]["url"]).rstrip("/")

    def client(self, **options: Any) -> Any:
        """A `SeedanceClient` for this provider, talking to this simulator."""
        from .._client import SeedanceClient

        options.setdefault("api_key", "sk_simulator")
        options.setdefault("clock", self.client_clock())
        return SeedanceClient(self.provider, http_client=self.http_client(), **options)

    def async_client(self, **options: Any) -> Any:
        from .._async_client import AsyncSeedanceClient

        options.setdefault("api_key", "sk_simulator")
        options.setdefault("clock", self.client_clock())
        return AsyncSeedanceClient(self.provider, http_client=self.async_http_client(), **options)

    def client_clock(self) -> Any:
        """The clock this simulator's clients sleep on: its own when time is moved by hand (a
        wait then moves the jobs along and returns at once), wall time otherwise."""
        return self.clock if isinstance(self.clock, ManualClock) else None

    # --- keys -------------------------------------------------------------------------------
    def accepts_key(self, key: str) -> bool:
        """Whether a request bearing *key* gets in: never an empty or revoked key; with
        ``api_keys`` set, only those."""
        with self._lock:
            if not key or key in self.revoked_keys:
                return False
            return self.api_keys is None or key in self.api_keys

    def add_key(self, key: str) -> None:
        """Accept *key* from now on (a key the provider's key management created)."""
        with self._lock:
            self.revoked_keys.discard(key)
            if self.api_keys is not None and key not in self.api_keys:
                self.api_keys = (*self.api_keys, key)

    def revoke_key(self, key: str) -> None:
        """Refuse *key* from now on, with the provider's 401, whether or not keys are configured."""
        with self._lock:
            self.revoked_keys.add(key)
            if self.api_keys is not None:
                self.api_keys = tuple(k for k in self.api_keys if k != key)

    # --- jobs -------------------------------------------------------------------------------
    def create_job(
        self, context: Context, *, prompt: Any, webhook_url: str | None = None
    ) -> SimJob:
        with self._lock:
            job = SimJob(
                id=self.shape.new_id(),
                number=next(self._numbers),
                operation=context.operation,
                body=context.body if isinstance(context.body, dict) else {},
                key=context.key,
                created=context.now,
                queue_seconds=self.queue_seconds,
                run_seconds=self.run_seconds,
                failure=SimJob.failure_from(prompt),
                webhook_url=webhook_url,
            )
            self.jobs[job.id] = job
            self.counters["creates_accepted"] += 1
            return job

    def video_url(self, job: SimJob) -> str:
        return f"{self.files_url}/files/{job.id}.mp4"

    def active_jobs(self, key: str, now: float) -> int:
        return sum(
            1
            for job in self.jobs.values()
            if job.key == key and job.phase(now) in ("queued", "running")
        )

    # --- webhooks ---------------------------------------------------------------------------
    def deliver_due(self) -> None:
        """Send the callbacks jobs owe (on the provider's schedule) whose (re)try time has come.

        Which phases call back, and how often an unacknowledged callback is sent again, is the
        provider shape's (`ProviderShape.callback_statuses`, ``callback_retries``): Genray calls
        once a job ends and retries after 2, 4 and 8 s; ModelArk calls on every status change
        and sends an unacknowledged succeeded or failed callback three times.
        """
        now = self.clock.now()
        with self._lock:
            self.owe_callbacks(now)
            pending = [delivery for delivery in self.webhooks if delivery.is_due(now)]
            for delivery in pending:
                delivery.sending = True  # the server's ticker and a request may both be here
        for delivery in pending:
            try:
                status: int | str = self.deliver(delivery)
            except Exception as error:
                status = type(error).__name__
            with self._lock:
                delivery.sending = False
                delivery.attempts.append(status)
                self.counters["webhook_attempts"] += 1
                if isinstance(status, int) and 200 <= status < 300:
                    delivery.delivered = True
                    self.counters["webhooks_delivered"] += 1
                elif delivery.given_up:
                    self.counters["webhooks_given_up"] += 1
                else:
                    delivery.due = self.clock.now() + delivery.retries[len(delivery.attempts) - 1]

    def owe_callbacks(self, now: float | None = None) -> None:
        """Queue the callbacks jobs owe by *now* (default: the clock's now); `deliver_due` sends
        them. A provider calls it before a job's record goes (ModelArk's DELETE)."""
        now = self.clock.now() if now is None else now
        with self._lock:
            for job in list(self.jobs.values()):
                self._owe_callbacks(job, now)

    def _owe_callbacks(self, job: SimJob, now: float) -> None:
        """Queue a callback for each phase *job* entered by *now* that calls back (once each)."""
        # "webhook": the CLI's state file marks a job whose callbacks an earlier process owed.
        if not job.webhook_url or "webhook" in job.extra or job.extra.get("callbacks_done"):
            return
        owed: list[str] = job.extra.setdefault("callbacks_owed", [])
        transitions = self.shape.transitions(job, now)
        if transitions[-1][0] not in ("queued", "running"):
            job.extra["callbacks_done"] = True  # a final phase: nothing more will call back
        for phase, at in transitions:
            if phase not in self.shape.callback_statuses or phase in owed:
                continue
            headers, body = self.shape.webhook(job, at)
            owed.append(phase)
            self.webhooks.append(
                WebhookDelivery(
                    job.id, job.webhook_url, headers, body, due=at, phase=phase,
                    retries=self.shape.callback_retries(phase),
                    timeout=self.shape.callback_timeout,
                )
            )  # fmt: skip

    # --- the app ----------------------------------------------------------------------------
    def _build_app(self) -> Starlette:
        routes = []
        # Literal paths first, each closed by a 405 for its other methods, so that a wrong method
        # on /videos/generations is not taken by the templated /videos/{video_id}.
        paths = self.spec.document.get("paths", {})
        for path in sorted(paths, key=lambda path: "{" in path):
            item = paths[path]
            allowed = [method.upper() for method in HTTP_METHODS if method in item]
            for method in allowed:
                endpoint = self._endpoint(item[method.lower()]["operationId"])
                routes.append(Route(self.base_path + path, endpoint, methods=[method]))
            routes.append(Route(self.base_path + path, _not_allowed(allowed), methods=_ALL_METHODS))
        routes.append(Route("/files/{name}", self._file, methods=["GET", "HEAD"]))
        routes.append(Route("/_simulator/state", self._state, methods=["GET"]))
        return Starlette(routes=routes)

    async def _state(self, request: Request) -> Response:
        """Not in any spec: the counters and jobs, for a test in another process."""
        now = self.clock.now()
        with self._lock:
            jobs = {job_id: job.phase(now) for job_id, job in self.jobs.items()}
            counters = dict(self.counters)
        accepted = counters.get("creates_accepted", 0)
        return JSONResponse({"counters": counters, "jobs": jobs, "creates_accepted": accepted})

    def _endpoint(self, operation: str) -> Callable[[Request], Any]:
        # An operation whose (inherited) security is empty is public: no key is asked for.
        security = self.spec.operation(operation).get(
            "security", self.spec.document.get("security", [])
        )
        needs_key = bool(security) and all(requirement for requirement in security)

        async def endpoint(request: Request) -> Response:
            return await self._dispatch(request, operation, needs_key=needs_key)

        return endpoint

    async def _dispatch(self, request: Request, operation: str, *, needs_key: bool) -> Response:
        self.counters["requests"] += 1
        self.counters[f"requests.{operation}"] += 1
        fault = self.faults.take(operation)
        early = await self._fault_before(fault)
        if early is not None:
            return early
        key = _bearer_key(request.headers.get("authorization")) or ""
        if needs_key and not self.accepts_key(key):
            # Before the request is read: a refused key learns nothing else (as FastAPI-style
            # security dependencies and API gateways answer).
            return self._unauthorized()
        raw = await request.body()
        if raw and "json" in request.headers.get("content-type", ""):
            try:
                json.loads(raw)
            except ValueError as error:  # includes bytes that are not UTF-8 at all
                return self._error(400, "invalid_request", f"the body is not JSON: {error}")
        try:
            result = self.openapi.unmarshal_request(StarletteOpenAPIRequest(request, raw))
        except Exception as error:
            return self._error(400, "invalid_request", f"request does not match the spec: {error}")
        problems = list(result.errors)
        multipart = "multipart/form-data" in request.headers.get("content-type", "")
        if multipart and self._takes_multipart(operation):
            # openapi-core 0.23 rejects every OAS 3.1 binary part (`format: binary`,
            # python-openapi/openapi-core#854): the parts are checked here instead.
            problems = [p for p in problems if not isinstance(p, RequestBodyValidationError)]
            missing = await self._missing_parts(request, operation)
            if missing:
                return self._error(400, "invalid_request", f"missing form part(s): {missing}")
        if problems:
            if isinstance(problems[0], SecurityValidationError):
                return self._unauthorized()
            return self._error(400, "invalid_request", _describe(problems[0]))
        now = self.clock.now()
        limited = self.shape.rate_limit(key, operation, now) if self.rate_limits else None
        if limited is not None:
            return limited
        context = Context(
            self, request, operation, key,
            path=dict(result.parameters.path), query=dict(result.parameters.query),
            body=_json_or_none(raw, request), now=now,
        )  # fmt: skip
        handler: Callable[[Context], Awaitable[Response]] = getattr(self.shape, operation)
        response = self.drift.apply(operation, await handler(context))
        if self.in_process:
            # No ticker in-process: requests are when callbacks go. A server's ticker sends them,
            # so that no answer waits on a receiver (up to a callback's 5 s).
            self.deliver_due()
        else:
            self.owe_callbacks(now)
        return self._fault_after(fault, response)

    def _takes_multipart(self, operation: str) -> bool:
        body = self.spec.operation(operation).get("requestBody", {})
        return "multipart/form-data" in body.get("content", {})

    async def _missing_parts(self, request: Request, operation: str) -> list[str]:
        content = self.spec.operation(operation)["requestBody"]["content"]["multipart/form-data"]
        schema = content["schema"]
        if "$ref" in schema:
            schema = self.spec.schema(schema["$ref"].rsplit("/", 1)[1])
        form = await request.form()
        return [name for name in schema.get("required", []) if name not in form]

    async def _fault_before(self, fault: Fault | None) -> Response | None:
        if fault is None:
            return None
        if fault.kind == "latency":
            await asyncio.sleep(fault.delay)
        elif fault.kind == "reset_before":
            self._reset(before=True)
        elif fault.kind == "status":
            headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
            code = "rate_limit_exceeded" if fault.status == 429 else "simulated_failure"
            return self._error(fault.status, code, "Injected by the simulator", headers=headers)
        elif fault.kind == "html_error":
            return HTMLResponse(_BAD_GATEWAY, status_code=502)
        return None

    def _fault_after(self, fault: Fault | None, response: Response) -> Response:
        if fault is None:
            return response
        if fault.kind == "reset_after":
            self._reset(before=False)
        if fault.kind == "malformed_json" and response.status_code < 300:
            body = bytes(response.body)
            return Response(
                body[: max(1, len(body) // 2)], response.status_code, media_type="application/json"
            )
        if fault.kind == "truncate":
            return _truncated(response)
        return response

    def _reset(self, *, before: bool) -> None:
        self.counters["resets_before" if before else "resets_after"] += 1
        if self.in_process:
            # The in-process transports re-raise app exceptions: the client sees what a dropped
            # connection looks like to httpx.
            if before:
                raise httpx.ConnectError("simulated connection reset before the request was read")
            raise httpx.RemoteProtocolError(
                "simulated connection reset after the request was processed"
            )
        raise _ResetError

    def _unauthorized(self) -> Response:
        """The provider's documented 401 (its error envelope, its words for a bad key)."""
        self.counters["unauthorized"] += 1
        return self._error(401, "unauthorized", "Missing or invalid API key")

    def _error(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None
    ) -> Response:
        body = self.shape.error(status, code, message)
        return JSONResponse(body, status_code=status, headers=headers)

    async def _file(self, request: Request) -> Response:
        self.counters["downloads"] += 1
        fault = self.faults.take("download")
        early = await self._fault_before(fault)
        if early is not None:
            return early
        data = _video(self.video_size)
        start = 0
        ranged = request.headers.get("range", "")
        if ranged.startswith("bytes=") and ranged.endswith("-"):
            start = int(ranged[6:-1])
            if start >= len(data):
                return Response(status_code=416, headers={"Content-Range": f"bytes */{len(data)}"})
            part = data[start:]
            headers = {
                "Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}",
                "Accept-Ranges": "bytes",
            }
            response = Response(part, 206, headers=headers, media_type="video/mp4")
        else:
            response = Response(
                data, 200, headers={"Accept-Ranges": "bytes"}, media_type="video/mp4"
            )
        return self._fault_after(fault, response)


def _not_allowed(allowed: list[str]) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return Response(status_code=405, headers={"Allow": ", ".join(allowed)})

    return endpoint


def _relative_servers(document: dict[str, Any], base_path: str) -> dict[str, Any]:
    """The spec with a host-less server, so that any host (127.0.0.1, in-process) matches."""
    relative = copy.deepcopy(document)
    relative["servers"] = [{"url": base_path or "/"}]
    return relative


def _bearer_key(header: str | None) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header (the scheme in any case), else None."""
    scheme, _, key = (header or "").strip().partition(" ")
    return key.strip() if scheme.lower() == "bearer" else None


def _json_or_none(raw: bytes, request: Request) -> Any:
    if not raw or "json" not in request.headers.get("content-type", ""):
        return None
    return json.loads(raw)


def _describe(error: Exception) -> str:
    causes = [str(error)]
    for attribute in ("schema_errors", "__cause__"):
        inner = getattr(error, attribute, None)
        if isinstance(inner, list | tuple):
            causes += [getattr(item, "message", str(item)) for item in inner]
        elif inner is not None:
            causes.append(_describe(inner) if isinstance(inner, Exception) else str(inner))
    return "; ".join(dict.fromkeys(cause for cause in causes if cause))


def _truncated(response: Response) -> Response:
    body = bytes(response.body)
    cut = Response(body[: len(body) // 2], response.status_code, media_type=response.media_type)
    for name, value in response.headers.items():
        if name.lower() not in ("content-length",):
            cut.headers[name] = value
    cut.headers["content-length"] = str(len(body))
    return cut


_LARGE: dict[int, bytes] = {}


def _video(size: int | None) -> bytes:
    """The sample MP4, or (for throughput tests) a still valid MP4 of *size* bytes: the sample
    with its final box, the ``mdat``, grown by that much zero padding (box sizes must add up)."""
    if size is None or size <= len(SAMPLE_MP4):
        return SAMPLE_MP4
    if size not in _LARGE:
        last = 0  # the offset of the sample's final top-level box
        while last + int.from_bytes(SAMPLE_MP4[last : last + 4]) < len(SAMPLE_MP4):
            last += int.from_bytes(SAMPLE_MP4[last : last + 4])
        if size - last >= 2**32:
            raise ValueError(f"video_size={size}: at most {last + 2**32 - 1} bytes")
        _LARGE[size] = (
            SAMPLE_MP4[:last]
            + (size - last).to_bytes(4)
            + SAMPLE_MP4[last + 4 :]
            + bytes(size - len(SAMPLE_MP4))
        )
    return _LARGE[size]


def _deliver_to_loopback(delivery: WebhookDelivery) -> int:
    """POST a webhook, but only to this machine: the simulator never calls out anywhere else."""
    host = urlsplit(delivery.url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        return 0
    response = httpx.post(
        delivery.url, content=delivery.body, headers=delivery.headers, timeout=delivery.timeout
    )
    return response.status_code


def new_uuid() -> str:
    return str(uuid.uuid4())
