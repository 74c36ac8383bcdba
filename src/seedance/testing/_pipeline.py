"""The simulator's HTTP side: the Starlette app, each request's pipeline, the files it serves.

Every request goes through the same pipeline: injected faults, then the key (a refused one gets
the provider's 401 before anything else is looked at), then validation against the curated spec
with openapi-core (authentication included), then the provider's rate limits, then the provider
module's handler. Responses are shaped by the provider module to the curated spec, and
the schemathesis suite checks that they are.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

from ._callbacks import Callbacks
from ._faults import Fault, Faults

if TYPE_CHECKING:
    from .._spec import CuratedSpec
    from ._drift import Drift
    from ._simulator import Simulator

__all__ = ["STATE_PATH", "Context", "Pipeline"]

STATE_PATH = "/_simulator/state"
"""Not in any spec: `Simulator.state` as JSON, for a test or a person in another process."""
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


class Pipeline(Callbacks):
    """The `Simulator`'s HTTP half: routes from the spec, the request pipeline, files, state."""

    spec: CuratedSpec
    base_path: str
    openapi: OpenAPI
    faults: Faults
    rate_limits: bool
    drift: Drift
    in_process: bool

    def accepts_key(self, key: str) -> bool:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def video(self, name: str) -> bytes:
        raise NotImplementedError

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
        routes.append(Route(STATE_PATH, self._state, methods=["GET"]))
        return Starlette(routes=routes)

    async def _state(self, request: Request) -> Response:
        return JSONResponse(self.state())

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
        key = _key_of(request.headers.get("authorization"), self.shape.auth_scheme) or ""
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
            self, request, operation, key,  # type: ignore[arg-type]  # a Pipeline is a Simulator
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
        data = self.video(request.path_params["name"])
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


def relative_servers(document: dict[str, Any], base_path: str) -> dict[str, Any]:
    """The spec with a host-less server, so that any host (127.0.0.1, in-process) matches."""
    relative = copy.deepcopy(document)
    relative["servers"] = [{"url": base_path or "/"}]
    return relative


def _key_of(header: str | None, expected: str) -> str | None:
    """The key of an ``Authorization: <expected> <key>`` header (the scheme in any case), else
    None: a key sent with another scheme than the provider reads is no key to it."""
    scheme, _, key = (header or "").strip().partition(" ")
    return key.strip() if scheme.lower() == expected.lower() else None


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
