"""`ValidatingProxy`: a reverse proxy (an ASGI app, served by uvicorn) that forwards every
request to the provider, streams the answer back, and checks both against the curated spec.

Violations are written as JSON lines (one per finding, with the redacted request); `summary`
counts them. Requests and answers are never held beyond what checking needs: a JSON answer is
read whole (it is bounded), anything else (a video) streams through chunk by chunk.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import IO, Any
from urllib.parse import urlsplit

import httpx
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from .._redact import redact, register_secret
from .._spec import CuratedSpec
from ._check import SpecChecker
from ._findings import Exchange, Finding

__all__ = ["ValidatingProxy"]

_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length", "content-encoding",
}  # fmt: skip
MAX_CHECKED_BYTES = 16 * 1024 * 1024


class ValidatingProxy:
    """Forwards to *upstream* (the provider's base URL); checks each exchange against *spec*."""

    def __init__(
        self,
        spec: CuratedSpec,
        upstream: str,
        *,
        violations: IO[str] | None = None,
        on_exchange: Callable[[Exchange], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 120.0,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.checker = SpecChecker(spec, urlsplit(self.upstream).path)
        self.violations = violations
        self.on_exchange = on_exchange
        self.counts: Counter[str] = Counter()
        self.findings: list[Finding] = []
        self._lock = threading.Lock()
        self._client = httpx.AsyncClient(transport=transport, timeout=timeout)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        response = await self._forward(Request(scope, receive))
        await response(scope, receive, send)

    async def _forward(self, request: Request) -> Response:
        body = await request.body()
        key = request.headers.get("authorization", "").partition(" ")[2]
        if key.strip():
            register_secret(key.strip())  # never shown in a violation, a log or a cassette
        path = request.url.path
        url = self.upstream + path + (f"?{request.url.query}" if request.url.query else "")
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _HOP]
        outgoing = self._client.build_request(request.method, url, headers=headers, content=body)
        try:
            answer = await self._client.send(outgoing, stream=True)
        except httpx.HTTPError as error:
            self.counts["upstream_errors"] += 1
            return Response(redact(f"seedance proxy: upstream failed: {error!r}"), 502)
        exchange = Exchange(
            request.method, url, dict(request.headers), body, answer.status_code,
            dict(answer.headers), b"",
        )  # fmt: skip
        findings = self.checker.check_request(exchange)
        if not exchange.operation:  # a download, or a path no spec names: passed through
            findings = [replace(f, severity="warning") for f in findings]
        out_headers = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP}
        media = answer.headers.get("content-type", "")
        if exchange.operation and ("json" in media or "html" in media or "text" in media):
            data = b""
            async for chunk in answer.aiter_bytes():
                data += chunk
                if len(data) > MAX_CHECKED_BYTES:
                    break
            await answer.aclose()
            exchange.response_body = data
            findings += self.checker.check_response(exchange)
            self._record(exchange, findings)
            return Response(data, answer.status_code, headers=out_headers)
        if exchange.operation:
            findings += self.checker.check_response(exchange)
        self._record(exchange, findings)
        return StreamingResponse(_stream(answer), answer.status_code, headers=out_headers)

    def _record(self, exchange: Exchange, findings: list[Finding]) -> None:
        exchange.findings = findings
        with self._lock:
            self.counts["exchanges"] += 1
            for finding in findings:
                self.counts[finding.severity] += 1
                self.findings.append(finding)
                if self.violations is not None:
                    self.violations.write(redact(json.dumps(finding.to_dict())) + "\n")
                    self.violations.flush()
        if self.on_exchange is not None:
            self.on_exchange(exchange)

    def summary(self) -> dict[str, Any]:
        kinds = Counter(f"{f.kind} {f.operation} {f.field}".strip() for f in self.findings)
        return {
            "exchanges": self.counts["exchanges"],
            "errors": self.counts["error"],
            "warnings": self.counts["warning"],
            "upstream_errors": self.counts["upstream_errors"],
            "findings": dict(kinds.most_common()),
        }

    async def aclose(self) -> None:
        await self._client.aclose()


async def _stream(answer: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in answer.aiter_bytes():
            yield chunk
    finally:
        await answer.aclose()
