"""`SeedanceClient`: one blocking API over every provider."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

import httpx

from ._bounded import bound_pools
from ._capabilities import ProviderCapabilities
from ._clock import Clock
from ._deadline import request_deadline
from ._download import ProgressCallback, download_sync
from ._engine import DEFAULT_TIMEOUT, Engine, OutOfTime, job_id_of
from ._errors import (
    APIConnectionError,
    DownloadError,
    RateLimitError,
    ResponseError,
    ServerError,
    WaitTimeoutError,
)
from ._limits import Limits
from ._models import Job, VideoRequest
from ._retry import Deadline, PollingPolicy, RetryPolicy
from ._webhooks import DEFAULT_TOLERANCE, JobEvents
from .adapters import Call

__all__ = ["SeedanceClient"]

OnUpdate = Callable[[Job], None]
# Errors a poll may hit that say nothing about the job itself; at the deadline they end the wait.
TRANSIENT = (APIConnectionError, ServerError, RateLimitError)


class SeedanceClient:
    """A blocking client for one provider.

    >>> with SeedanceClient("genray") as client:  # key from GENRAY_API_KEY  # doctest: +SKIP
    ...     job = client.generate(VideoRequest(prompt="a cat cooking pasta", duration=5))
    ...     client.download(job, "cat.mp4")

    The API key comes from *api_key* or the provider's environment variable (``GENRAY_API_KEY``,
    ``MODELARK_API_KEY`` or ``ARK_API_KEY``, ...); the base URL from *base_url*,
    ``<PROVIDER>_BASE_URL`` or the provider's documented host. Pass *http_client* or *transport*
    to route requests elsewhere (the simulator does). Requests are retried per *retry* (or
    *max_retries* with the default backoff); a create only when it cannot have been accepted.
    """

    def __init__(
        self,
        provider: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        polling: PollingPolicy | None = None,
        limits: Limits | None = None,
        clock: Clock | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if retry is None and max_retries is not None:
            retry = RetryPolicy(max_retries=max_retries)
        self._engine = Engine(
            provider, api_key=api_key, base_url=base_url, retry=retry, polling=polling,
            timeout=timeout, limits=limits, clock=clock,
        )  # fmt: skip
        self._owns_http = http_client is None
        self._transport = transport
        self._http = http_client or httpx.Client(transport=transport, follow_redirects=True)
        bound_pools(self._http)
        if self._owns_http:
            self._engine.adopt(self._http)
        self._generated: Any = None

    @property
    def provider(self) -> str:
        return self._engine.provider

    @property
    def base_url(self) -> str:
        return self._engine.base_url

    @property
    def capabilities(self) -> ProviderCapabilities:
        """What this provider and each of its models accept."""
        return self._engine.capabilities

    @property
    def generated(self) -> Any:
        """The provider's generated `AuthenticatedClient`, for what the facade does not wrap."""
        if self._generated is None:
            package = importlib.import_module(self._engine.adapter.package)
            args = {"transport": self._transport} if self._transport is not None else {}
            self._generated = package.AuthenticatedClient(
                base_url=self.base_url, token=self._engine.api_key.reveal(), httpx_args=args
            )
        return self._generated

    def __repr__(self) -> str:
        return f"SeedanceClient(provider={self.provider!r}, base_url={self.base_url!r})"

    # --- jobs ---------------------------------------------------------------------------------
    def submit(self, request: VideoRequest) -> Job:
        """Start a job. Invalid or unsupported requests fail before anything is sent."""
        return self._engine.job(self._execute(self._engine.create_call(request)))

    def get(self, job: Job | str) -> Job:
        """The job's current state."""
        return self._get(job_id_of(job), None)

    def wait(
        self,
        job: Job | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate | None = None,
        events: JobEvents | None = None,
    ) -> Job:
        """Poll until the job finishes; return it, or raise `JobFailedError`.

        *timeout* bounds the whole wait, polls and retry sleeps together (`WaitTimeoutError`
        carries the job id to resume). *on_update* is called on every status or progress change.
        With *events* (a `JobEvents` your webhook handler publishes to), polling is only the
        fallback: a finished job from a *signed* delivery (``job.signature_verified``: Genray via
        `parse_webhook` with the secret) ends the wait at once; an unsigned one (ModelArk's
        callbacks, a job published by hand) is a hint that the wait confirms with a ``get`` before
        returning the job from that ``get`` (it polls on if the job is not finished after all).

        >>> inbox = JobEvents()  # the webhook handler: inbox.publish(parse_webhook(...))
        >>> job = client.wait(job_id, timeout=900, events=inbox)  # doctest: +SKIP
        """
        if isinstance(job, Job) and job.status.is_terminal:
            return self._engine.finished(job)
        job_id = job_id_of(job)
        deadline = Deadline(timeout, clock=self._engine.clock)
        last = job if isinstance(job, Job) else None
        try:
            poll = 0
            while True:
                current = self._poll(job_id, deadline, last, timeout)
                poll += 1
                if self._engine.changed(last, current) and on_update is not None:
                    on_update(current)
                last = current
                if current.status.is_terminal:
                    return self._engine.finished(current)
                pause = deadline.clip(self._engine.polling.interval(poll))
                if deadline.expired:
                    raise self._timed_out(job_id, timeout, last)
                pushed = self._pause(job_id, pause, events)
                if (
                    pushed is not None
                    and pushed.status.is_terminal
                    and pushed.signature_verified
                    and pushed.provider == self.provider
                ):
                    if on_update is not None:
                        on_update(pushed)
                    return self._engine.finished(pushed)
                # Anything else is a hint (ModelArk's callbacks are unsigned: whoever knows the URL
                # can post to it): the loop polls at once, and only what `get` says is returned.
        except KeyboardInterrupt as interrupt:
            interrupt.add_note(self._engine.resume_note(job_id))
            raise

    def generate(
        self,
        request: VideoRequest,
        *,
        timeout: float | None = None,
        on_update: OnUpdate | None = None,
        events: JobEvents | None = None,
    ) -> Job:
        """Submit and wait. *on_update* first hears of the job right after it is accepted, so its
        id is known even if the wait is interrupted."""
        job = self.submit(request)
        if on_update is not None:
            on_update(job)
        if job.status.is_terminal:
            return self._engine.finished(job)
        return self.wait(job, timeout=timeout, on_update=on_update, events=events)

    def cancel(self, job: Job | str) -> None:
        """Cancel a queued job (or delete a finished one's record), where the provider can."""
        self._execute(self._engine.extra_call("cancel", "cancel", job_id_of(job)))

    def list_jobs(self, **filters: Any) -> list[Job]:
        """The provider's job list (ModelArk: page_num, page_size, status, task_ids, model)."""
        parsed = self._execute(self._engine.extra_call("list", "list_jobs", **filters))
        return self._engine.adapter.jobs(parsed)

    def download(
        self,
        job: Job | str,
        path: str | Path,
        *,
        on_progress: ProgressCallback | None = None,
        verify: bool = True,
    ) -> Path:
        """Stream the video to *path* atomically (resuming after a dropped connection or stall).

        Nothing is left at *path* unless the whole video arrived: a body shorter or longer than
        announced, an HTML or JSON page, or (with *verify*, the default) a file that is not a
        complete MP4 raises `DownloadError`; the client's `Limits` bound the size and time
        (`DownloadLimitError`). Pass ``verify=False`` for a video of another format.

        >>> path = client.download(job, "cat.mp4")  # doctest: +SKIP
        """
        if isinstance(job, str):
            url = job
        elif job.video_url:
            url = job.video_url
        else:
            raise DownloadError(f"job {job.id} has no video URL (status {job.status.value})")
        return download_sync(
            self._http, url, Path(path), headers=self._engine.download_headers(url),
            retry=self._engine.retry, limits=self._engine.limits, timeout=self._engine.timeout,
            on_progress=on_progress, verify=verify, clock=self._engine.clock,
        )  # fmt: skip

    # --- provider extras ----------------------------------------------------------------------
    def upload(self, file: str | Path | bytes, *, filename: str | None = None) -> Any:
        """Host a reference image with the provider (Genray); returns its URLs."""
        return self._execute(self._engine.extra_call("upload", "upload", file, filename))

    def from_person(self, person_image_url: str, prompt: str, **fields: Any) -> Job:
        """Genray: a video of the person in a portrait performing *prompt*."""
        call = self._engine.extra_call(
            "from_person",
            "from_person",
            {"person_image_url": person_image_url, "prompt": prompt, **fields},
        )
        return self._engine.job(self._execute(call))

    def upscale(self, video_id: int) -> Any:
        """Genray: upscale a finished video 2x (by its numeric generation id)."""
        return self._execute(self._engine.extra_call("upscale", "upscale", video_id))

    def account(self) -> Any:
        """Genray: plan, credits and API limits."""
        return self._execute(self._engine.extra_call("account", "account"))

    def create_api_key(self, *, webhook_url: str | None = None) -> Any:
        return self._execute(self._engine.extra_call("api_keys", "create_api_key", webhook_url))

    def list_api_keys(self) -> Any:
        return self._execute(self._engine.extra_call("api_keys", "list_api_keys"))

    def revoke_api_key(self, key_id: str) -> Any:
        return self._execute(self._engine.extra_call("api_keys", "revoke_api_key", key_id))

    def parse_webhook(
        self,
        body: bytes,
        headers: Mapping[str, str],
        *,
        secret: str | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> Job:
        """Verify a webhook delivery and return the job it reports (see `parse_webhook`)."""
        return self._engine.adapter.webhook_job(body, headers, secret, tolerance)

    def request(self, operation: ModuleType, *, idempotent: bool = True, **arguments: Any) -> Any:
        """Run any operation of the generated client with this client's key, retries and errors.

        >>> from seedance_genray.api.account import get_account  # doctest: +SKIP
        >>> client.request(get_account)  # doctest: +SKIP
        """
        return self._execute(Call(operation, arguments, idempotent=idempotent))

    # --- plumbing -----------------------------------------------------------------------------
    def _get(self, job_id: str, deadline: Deadline | None) -> Job:
        return self._engine.job(self._execute(self._engine.adapter.get(job_id), deadline))

    def _poll(
        self, job_id: str, deadline: Deadline, last: Job | None, timeout: float | None
    ) -> Job:
        try:
            return self._get(job_id, deadline)
        except OutOfTime as out_of_time:
            raise self._timed_out(job_id, timeout, last) from out_of_time.__context__
        except TRANSIENT as error:
            if deadline.expired:
                raise self._timed_out(job_id, timeout, last) from error
            raise

    def _pause(self, job_id: str, seconds: float, events: JobEvents | None) -> Job | None:
        """Sleep between polls; with *events*, listen for the job's updates meanwhile.

        A signed, verified terminal update comes at once; a hint no sooner than the polling
        policy's `initial` s, so that forged deliveries cannot speed up polling. On a clock that
        is not wall time (a simulator's, a test's), deliveries are looked at after the sleep.
        """
        clock = self._engine.clock
        if events is None:
            clock.sleep(seconds)
            return None
        if clock.real_time:
            return events._next_update(job_id, seconds, hold=self._engine.polling.initial)
        clock.sleep(seconds)
        return events._next_update(job_id, 0.0, hold=0.0)

    def _timed_out(self, job_id: str, timeout: float | None, last: Job | None) -> WaitTimeoutError:
        return WaitTimeoutError(job_id, provider=self.provider, timeout=timeout or 0.0, last=last)

    def _execute(self, call: Call, deadline: Deadline | None = None) -> Any:
        deadline = deadline or self._engine.call_deadline()
        engine = self._engine
        attempt = 0
        while True:
            attempt += 1
            request, end = engine.build_request(self._http, call, deadline)
            try:
                with request_deadline(end):
                    response = self._send(request, call, end)
            except httpx.RequestError as error:  # transport, decoding, redirect loops
                delay = engine.retry_delay(call, attempt, deadline, error=error)
                if delay is None:
                    raise engine.connection_error(error) from None
            else:
                delay = engine.retry_delay(call, attempt, deadline, response=response)
                if delay is None:
                    try:
                        return engine.result(call, response)
                    except ResponseError as error:
                        # A cut-off body on a read is as transient as a dropped connection.
                        if not call.idempotent:
                            raise
                        delay = engine.retry_delay(call, attempt, deadline, error=error)
                        if delay is None:
                            raise
            self._engine.clock.sleep(delay)

    def _send(self, request: httpx.Request, call: Call, end: float | None) -> httpx.Response:
        """One attempt: send, and read the whole answer within the deadline and size limit."""
        engine = self._engine
        streamed = self._http.send(
            request, stream=True, follow_redirects=engine.follow_redirects(call)
        )
        try:
            reader = engine.answer_reader(streamed, end)
            if streamed.is_stream_consumed:
                reader.feed_decoded(streamed.content)
            else:
                for chunk in streamed.iter_raw():
                    reader.feed(chunk)
        finally:
            streamed.close()
        return reader.response()

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> SeedanceClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
