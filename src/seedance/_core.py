"""What `SeedanceClient` and `AsyncSeedanceClient` share: every decision of a call and a wait,
written once, without I/O (the effects and their loop: `seedance._effects`).

Each operation is a generator that yields the I/O it needs (`Send`, `Sleep`, `Listen`); the sync
client performs it with blocking calls, the async client awaits it. Only the performing differs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import httpx

from ._config import logger
from ._download import ProgressCallback, download
from ._effects import Listen, Send, Sleep, Steps
from ._engine import Engine, json_of, operation_name
from ._errors import (
    APIConnectionError,
    DownloadError,
    RateLimitError,
    ResponseError,
    ServerError,
    WaitTimeoutError,
)
from ._models import Job
from ._retry import Deadline, parse_retry_after
from ._webhooks import JobEvents
from .adapters import Call

if TYPE_CHECKING:
    from ._client import ClientBase

__all__ = ["TRANSIENT", "ClientCore", "LazyExtension", "OnUpdate"]

M = TypeVar("M")
S = TypeVar("S")
A = TypeVar("A")
OnUpdate = Callable[[Job], None]
# Errors a poll may hit that say nothing about the job itself; at the deadline they end the wait.
TRANSIENT = (APIConnectionError, ServerError, RateLimitError)


class OutOfTime(Exception):  # noqa: N818 (internal signal, never escapes a public method)
    """A retry was due but the deadline leaves no room for it; raised from the failed attempt."""


class ClientCore:
    """A client's calls and waits over its `Engine`; *interrupts* are the exceptions that stop
    a wait from outside (Ctrl-C, a cancelled task): they get a note telling how to resume."""

    def __init__(
        self,
        engine: Engine,
        http: httpx.Client | httpx.AsyncClient,
        interrupts: tuple[type[BaseException], ...],
    ) -> None:
        self.engine = engine
        self.http = http  # only to build requests: the shells send them
        self.interrupts = interrupts

    # --- one call -----------------------------------------------------------------------------
    def execute(self, call: Call, deadline: Deadline | None = None) -> Steps[Any]:
        """Run *call* with retries within *deadline* (default: the client's timeout); return the
        generated model parsed from the answer."""
        engine = self.engine
        deadline = deadline or engine.call_deadline()
        attempt = 0
        while True:
            attempt += 1
            request, end = engine.build_request(self.http, call, deadline)
            try:
                response = yield Send(request, engine.follow_redirects(call), end)
            except httpx.RequestError as error:  # transport, decoding, redirect loops
                delay = self._retry_delay(call, attempt, deadline, error=error)
                if delay is None:
                    raise engine.connection_error(error) from None
            else:
                delay = self._retry_delay(call, attempt, deadline, response=response)
                if delay is None:
                    try:
                        return engine.result(call, response)
                    except ResponseError as error:
                        # A cut-off body on a read is as transient as a dropped connection.
                        if not call.idempotent:
                            raise
                        delay = self._retry_delay(call, attempt, deadline, error=error)
                        if delay is None:
                            raise
            yield Sleep(delay)

    def _retry_delay(
        self,
        call: Call,
        attempt: int,
        deadline: Deadline,
        *,
        error: Exception | None = None,
        response: httpx.Response | None = None,
    ) -> float | None:
        """Seconds to wait before retrying, or None to stop and report this outcome: what the
        `RetryPolicy` says (`RetryPolicy.next_delay`), within *deadline*.

        Raises `OutOfTime` when only a wait's deadline stands in the way of a retry.
        """
        status = None if response is None else response.status_code
        retry_after = None
        if response is not None and status in self.engine.retry.retry_statuses:
            retry_after = parse_retry_after(response.headers, json_of(response))
        delay = self.engine.retry.next_delay(
            attempt, error=error, status=status, retry_after=retry_after, idempotent=call.idempotent
        )
        if delay is None:
            return None
        if not deadline.fits(delay):
            if deadline.ends_wait:
                raise OutOfTime
            return None

        logger.info(
            "%s %s: %s; retrying in %.2fs (attempt %d of %d)",
            self.engine.provider,
            operation_name(call),
            f"HTTP {status}" if status is not None else type(error).__name__,
            delay,
            attempt + 1,
            self.engine.retry.max_retries + 1,
        )
        return delay

    def typed(self, call: Call, model: type[M]) -> Steps[M]:
        """`execute`, checking that the answer parsed as *model* (a documented success)."""
        parsed = yield from self.execute(call)
        if not isinstance(parsed, model):
            raise self.undocumented(parsed)
        return parsed

    def undocumented(self, parsed: Any) -> ResponseError:
        """The error for a 2xx answer that parsed as something else than the documented success."""
        return ResponseError(
            f"the answer is a {type(parsed).__name__}, not the documented success",
            provider=self.engine.provider,
            status_code=200,
            body=getattr(parsed, "to_dict", lambda: None)(),
        )

    def job(self, call: Call, deadline: Deadline | None = None) -> Steps[Job]:
        """`execute` a call that answers with a job."""
        return self.engine.job((yield from self.execute(call, deadline)))

    def submit(self, request: Any) -> Steps[Job]:
        job = yield from self.job(self.engine.create_call(request))
        self.engine.pacer.submitted(job.id)  # its age, and the create's slot in the budget
        return job

    def get(self, job_id: str, deadline: Deadline | None = None) -> Steps[Job]:
        """The job's state, completed by the adapter's `follow_up` call where it has one."""
        adapter = self.engine.adapter
        job = yield from self.job(adapter.get(job_id), deadline)
        follow_up = adapter.follow_up(job)
        if follow_up is None:
            return job
        return (yield from self.job(follow_up, deadline))

    def cancel(self, job_id: str) -> Steps[None]:
        self.engine.capabilities.require("cancel")
        yield from self.execute(self.engine.adapter.cancel(job_id))

    def download(
        self, job: Job | str, path: Path, on_progress: ProgressCallback | None, verify: bool
    ) -> Steps[Path]:
        """The download of *job*'s video (or of the URL *job*) to *path* (`seedance._download`)."""
        if isinstance(job, str):
            url = job
        elif job.video_url:
            url = job.video_url
        else:
            raise DownloadError(f"job {job.id} has no video URL (status {job.status.value})")
        engine = self.engine
        return download(
            url, path, headers=engine.download_headers(url), retry=engine.retry,
            limits=engine.limits, timeout=engine.timeout, on_progress=on_progress, verify=verify,
            clock=engine.clock,
        )  # fmt: skip

    # --- waiting ------------------------------------------------------------------------------
    def wait(
        self,
        job: Job | str,
        timeout: float | None,
        on_update: OnUpdate | None,
        events: JobEvents | None,
    ) -> Steps[Job]:
        """The wait loop (see `SeedanceClient.wait`)."""
        engine = self.engine
        if isinstance(job, Job) and job.status.is_terminal:
            return engine.finished(job)
        job_id = job.id if isinstance(job, Job) else job
        deadline = Deadline(timeout, clock=engine.clock)
        last = job if isinstance(job, Job) else None
        try:
            poll = 0
            # No poll before the policy's floor (or the provider's shortest job) after the submit;
            # then the one place each next poll's delay is decided: the client's pacer.
            pause, final = self._next_pause(job_id, 0, last, deadline)
            while True:
                if poll or pause > 0:
                    pushed = yield from self._pause(job_id, pause, events)
                    if (
                        pushed is not None
                        and pushed.status.is_terminal
                        and pushed.signature_verified
                        and pushed.provider == engine.provider
                    ):
                        if on_update is not None:
                            on_update(pushed)
                        return engine.finished(pushed)
                    # Anything else is a hint (ModelArk's callbacks are unsigned: whoever knows
                    # the URL can post to it): the loop polls at once, and only what `get` says
                    # is returned.
                if final:
                    raise self._timed_out(job_id, timeout, last)
                current = yield from self._poll(job_id, deadline, last, timeout)
                poll += 1
                if engine.changed(last, current) and on_update is not None:
                    on_update(current)
                last = current
                if current.status.is_terminal:
                    return engine.finished(current)
                pause, final = self._next_pause(job_id, poll, current, deadline)
                if deadline.expired:
                    raise self._timed_out(job_id, timeout, last)
        except self.interrupts as interrupt:
            interrupt.add_note(engine.resume_note(job_id))
            raise

    def _next_pause(
        self, job_id: str, poll: int, job: Job | None, deadline: Deadline
    ) -> tuple[float, bool]:
        """The pause before the next poll, within *deadline*, and whether the wait ends after it
        without polling: when the key's request budget has no slot for the poll before the
        deadline (a poll at the deadline would be over the provider's limit)."""
        pacer = self.engine.pacer
        wanted = pacer.delay(job_id, poll, job)
        pause = deadline.clip(wanted)
        return pause, pacer.budget is not None and pause < wanted

    def _poll(
        self, job_id: str, deadline: Deadline, last: Job | None, timeout: float | None
    ) -> Steps[Job]:
        try:
            return (yield from self.get(job_id, deadline))
        except OutOfTime as out_of_time:
            raise self._timed_out(job_id, timeout, last) from out_of_time.__context__
        except TRANSIENT as error:
            if deadline.expired:
                raise self._timed_out(job_id, timeout, last) from error
            raise

    def _pause(self, job_id: str, seconds: float, events: JobEvents | None) -> Steps[Job | None]:
        """Sleep between polls; with *events*, listen for the job's updates meanwhile.

        A signed, verified terminal update comes at once; a hint no sooner than the polling
        policy's floor (`PollingPolicy.fastest`), so that forged deliveries cannot speed up
        polling, nor sooner than the pause where the key has a request budget. On a clock that
        is not wall time (a simulator's, a test's), deliveries are looked at after the sleep.
        """
        if events is None:
            yield Sleep(seconds)
            return None
        # Under a per-key request budget the next poll's slot is already taken: one sooner
        # could be over the provider's limit, so hints wait for it (a signed end still does not).
        pacer = self.engine.pacer
        hold = seconds if pacer.budget is not None else self.engine.polling.fastest
        if not self.engine.clock.real_time:
            yield Sleep(seconds)
            seconds = hold = 0.0
        pushed: Job | None = yield Listen(events, job_id, seconds, hold)
        return pushed

    def _timed_out(self, job_id: str, timeout: float | None, last: Job | None) -> WaitTimeoutError:
        provider = self.engine.provider
        return WaitTimeoutError(job_id, provider=provider, timeout=timeout or 0.0, last=last)


class LazyExtension(Generic[S, A]):
    """A provider's own operations on a client (``client.genray``): its extension *name*, made
    by the client on first use (`ClientBase._extension`) and kept. Typed *S* on a sync client,
    *A* on an async one."""

    def __init__(self, name: str, doc: str) -> None:
        self._name, self.__doc__ = name, doc

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: ClientBase[httpx.Client, Any], owner: type) -> S: ...
    @overload
    def __get__(self, client: ClientBase[httpx.AsyncClient, Any], owner: type) -> A: ...
    def __get__(self, client: ClientBase[Any, Any] | None, owner: type) -> Any:
        if client is None:
            return self
        # kept where `functools.cached_property` keeps it: later reads do not come here
        extension = client.__dict__[self._attribute] = client._extension(self._name)
        return extension
