"""A blocking httpx transport that hands each request to an ASGI app running on its own loop."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

__all__ = ["SyncASGITransport"]


class SyncASGITransport(httpx.BaseTransport):
    """httpx's `ASGITransport` is async-only; this runs it on a background event loop.

    Exceptions the app raises (the simulator raises httpx's own to drop a connection) reach the
    caller unchanged, as they do through `ASGITransport`.
    """

    def __init__(self, app: Any) -> None:
        self._transport = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()

        async def send() -> tuple[int, httpx.Headers, bytes]:
            response = await self._transport.handle_async_request(request)
            return response.status_code, response.headers, await response.aread()

        status, headers, content = asyncio.run_coroutine_threadsafe(send(), self._loop).result()
        return httpx.Response(status, headers=headers, content=content)

    def close(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        self._loop.close()
