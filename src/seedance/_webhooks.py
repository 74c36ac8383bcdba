"""Webhook deliveries: verify them, turn them into `Job` objects, and let waits hear about them."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Mapping

from ._models import Job
from .adapters import adapter

__all__ = ["JobEvents", "parse_webhook"]

DEFAULT_TOLERANCE = 300.0


def parse_webhook(
    provider: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    secret: str | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Job:
    """Verify a webhook delivery from *provider* and return the job it reports.

    *body* must be the raw request body, byte for byte: the signature covers exactly those bytes.
    Raises `WebhookVerificationError` for a bad signature, an event older (or newer) than
    *tolerance* seconds (a replay), or a body that is not the provider's event.

    >>> job = parse_webhook("genray", request_body, request_headers, secret=WEBHOOK_SECRET)
    ... # doctest: +SKIP
    """
    return adapter(provider).webhook_job(body, headers, secret, tolerance)


class JobEvents:
    """An inbox of job updates that webhook handlers publish and waits listen to.

    Give it to ``wait(..., events=inbox)``: the wait returns as soon as a webhook reports the job
    finished, and keeps polling (more slowly) in case a delivery is lost. Thread-safe; usable from
    sync and async code alike.

    >>> inbox = JobEvents()
    >>> inbox.publish(parse_webhook("genray", body, headers, secret=secret))  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._condition = threading.Condition()
        self._async_waiters: dict[str, list[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def publish(self, job: Job) -> None:
        with self._condition:
            self._jobs[job.id] = job
            self._condition.notify_all()
            waiters = self._async_waiters.pop(job.id, [])
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    def latest(self, job_id: str) -> Job | None:
        with self._condition:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float) -> Job | None:
        """Block until an update for *job_id* arrives (or is already here), at most *timeout* s."""
        with self._condition:
            self._condition.wait_for(lambda: job_id in self._jobs, timeout=timeout)
            return self._jobs.pop(job_id, None)

    async def wait_async(self, job_id: str, timeout: float) -> Job | None:
        event = asyncio.Event()
        with self._condition:
            if job_id in self._jobs:
                return self._jobs.pop(job_id)
            self._async_waiters.setdefault(job_id, []).append((asyncio.get_running_loop(), event))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)
        with self._condition:
            return self._jobs.pop(job_id, None)
