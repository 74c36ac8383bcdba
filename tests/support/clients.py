"""Run a test once against `SeedanceClient` and once against `AsyncSeedanceClient`."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import seedance


class Blocking:
    """The async client behind the sync client's API: each coroutine runs to completion."""

    def __init__(self, client: seedance.AsyncSeedanceClient) -> None:
        self._client = client
        self._loop = asyncio.new_event_loop()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute

        def run(*args: Any, **kwargs: Any) -> Any:
            return self._loop.run_until_complete(attribute(*args, **kwargs))

        return run

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()
