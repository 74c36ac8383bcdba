"""Webhook deliveries: verify them, turn them into `Job` objects, and let waits hear about them.

A delivery is only as trustworthy as its signature. Genray signs its webhooks (HMAC-SHA256 in
``X-Genray-Signature``): `parse_webhook` checks the signature and the timestamp and marks the job
``signature_verified``. ModelArk's callbacks are not signed, so anyone who learns the callback URL
can post a "succeeded" task with a video URL of their choosing: such a job (and any job published
by hand) is a *hint*. A wait that hears a hint asks the provider (``get``) and believes the answer.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ._models import Job
from .adapters import adapter

if TYPE_CHECKING:
    import asyncio

__all__ = ["JobEvents", "parse_webhook"]

DEFAULT_TOLERANCE = 300.0
# Undelivered updates an inbox keeps; past that the oldest are dropped, so a flood of forged
# deliveries for made-up job ids cannot grow it without end (a wait then falls back to polling).
MAX_PENDING = 10_000


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
    *tolerance* seconds (a replay), or a body that is not the provider's event (too large, not
    UTF-8 JSON, nested too deeply, not an object, a field of the wrong type, an unknown status);
    never another exception for anything the body holds.

    The job is ``signature_verified`` only where the provider signs its deliveries and the
    signature matched (Genray, with *secret*). ModelArk callbacks carry no signature: the job is
    unverified, and `JobEvents` treats it as a hint to confirm.

    >>> job = parse_webhook("genray", request_body, request_headers, secret=WEBHOOK_SECRET)
    ... # doctest: +SKIP
    >>> job.signature_verified  # doctest: +SKIP
    True
    """
    return adapter(provider).webhook_job(body, headers, secret, tolerance)


class JobEvents:
    """An inbox of job updates that webhook handlers publish and waits listen to.

    Give it to ``wait(..., events=inbox)`` (or ``generate``); polling goes on as the fallback in
    case a delivery is lost. What a delivery does to the wait depends on its signature:

    - a terminal job with ``signature_verified`` (from `parse_webhook` of a signed provider,
      Genray) ends the wait at once: the wait returns that job;
    - anything else (an unsigned ModelArk callback, a job published by hand) is a hint: the wait
      confirms it with a ``get`` through the client (retries, deadline and limits apply) and
      returns the job from that ``get`` if it is terminal, or goes on polling if it is not. Hints
      never make it poll more often than the polling policy's floor (``PollingPolicy.fastest``),
      however many arrive, nor sooner than planned where the key has a request budget.

    Thread-safe; usable from sync and async code alike.

    >>> inbox = JobEvents()
    >>> # in the webhook handler (Genray: signed, so a finished job ends the wait directly)
    >>> inbox.publish(parse_webhook("genray", body, headers, secret=secret))  # doctest: +SKIP
    >>> # ModelArk's callbacks are unsigned: the wait checks with `get` before it believes them
    >>> inbox.publish(parse_webhook("modelark", body, headers))  # doctest: +SKIP
    >>> job = client.wait(job_id, events=inbox)  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._condition = threading.Condition()
        self._async_waiters: dict[str, list[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def publish(self, job: Job) -> None:
        """Hand a waiting ``wait`` the latest update of *job* (it replaces an unread one).

        Whether the wait may act on it without asking the provider is ``job.signature_verified``:
        False (the default of a `Job` made by hand) makes it a hint.
        """
        with self._condition:
            self._jobs.pop(job.id, None)
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_PENDING:
                del self._jobs[next(iter(self._jobs))]
            self._condition.notify_all()
            waiters = self._async_waiters.pop(job.id, [])
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that loop has closed meanwhile
                loop.call_soon_threadsafe(event.set)

    def latest(self, job_id: str) -> Job | None:
        """The unread update of *job_id*, if any, without taking it."""
        with self._condition:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float) -> Job | None:
        """Block until an update for *job_id* arrives (or is already here), at most *timeout* s;
        take it and return it (verified or not)."""
        return self._next_update(job_id, timeout, hold=0.0)

    async def wait_async(self, job_id: str, timeout: float) -> Job | None:
        """`wait` for async code."""
        return await self._next_update_async(job_id, timeout, hold=0.0)

    def _next_update(self, job_id: str, timeout: float, *, hold: float) -> Job | None:
        """What a client's wait listens with: wait at most *timeout* s for an update of *job_id*.

        A terminal ``signature_verified`` update is returned as soon as it arrives. Any other
        update (a hint) is returned no sooner than *hold* s after the call (the latest one, if
        several arrived), so that hints cannot make the caller poll faster than that.
        """
        start = time.monotonic()
        hint: Job | None = None
        with self._condition:
            while True:
                hint, remaining = self._take(job_id, hint, timeout, hold, time.monotonic() - start)
                if remaining <= 0:
                    return hint
                self._condition.wait(remaining)

    async def _next_update_async(self, job_id: str, timeout: float, *, hold: float) -> Job | None:
        """`_next_update` for async code."""
        # asyncio is imported here, under a running loop (so already loaded), not with the
        # package: it is ~10% of a cold `import seedance` that sync programs never use.
        import asyncio

        loop = asyncio.get_running_loop()
        start = loop.time()
        hint: Job | None = None
        while True:
            event = asyncio.Event()
            waiter = (loop, event)
            with self._condition:
                hint, remaining = self._take(job_id, hint, timeout, hold, loop.time() - start)
                if remaining <= 0:
                    return hint
                self._async_waiters.setdefault(job_id, []).append(waiter)
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), remaining)
            finally:
                with self._condition:
                    waiters = self._async_waiters.get(job_id, [])
                    if waiter in waiters:
                        waiters.remove(waiter)
                    if not waiters:
                        self._async_waiters.pop(job_id, None)

    def _take(
        self, job_id: str, hint: Job | None, timeout: float, hold: float, waited: float
    ) -> tuple[Job | None, float]:
        """One look at the inbox for `_next_update` and its async twin (under the condition's
        lock): take the update of *job_id*, if any; return the job the wait has (a trusted end,
        else the latest hint, else None) and the seconds it may still wait, *waited* s in.
        None left (<= 0): the wait returns that job."""
        update = self._jobs.pop(job_id, None)
        if update is not None:
            if _trusted_end(update):
                return update, 0.0
            hint = update
        limit = timeout if hint is None else min(hold, timeout)
        return hint, limit - waited


def _trusted_end(job: Job) -> bool:
    """A finished job whose delivery's signature was verified: a wait may return it as it is."""
    return job.signature_verified and job.status.is_terminal
