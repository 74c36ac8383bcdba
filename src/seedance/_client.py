"""`SeedanceClient`: one blocking API over every provider.

Every decision of a call, a wait and a download is made once, in `seedance._core` and
`seedance._download`; this client only performs their I/O with blocking calls (`_perform`).
`AsyncSeedanceClient` shares everything here but the I/O.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar, cast

import httpx

from ._bounded import bound_pools
from ._capabilities import ProviderCapabilities
from ._clock import Clock
from ._core import TRANSIENT, ClientCore, LazyExtension, OnUpdate
from ._deadline import request_deadline
from ._download import Fetch, ProgressCallback, raw_chunks
from ._effects import Runner, Send, Sleep, Steps
from ._engine import DEFAULT_TIMEOUT, Engine, job_id_of
from ._limits import Limits
from ._models import Job, VideoRequest
from ._retry import PollingPolicy, RetryPolicy
from ._webhooks import DEFAULT_TOLERANCE, JobEvents
from .adapters import Call

if TYPE_CHECKING:  # loaded on first use: `import seedance` loads no provider's client
    from seedance_genray.models import Account, CreatedApiKey, UploadedFile, UpscaleResult

    from ._extensions import (
        ApiKeys,
        AsyncGenrayExtension,
        AsyncModelArkExtension,
        GenrayExtension,
        ModelArkExtension,
    )

__all__ = ["TRANSIENT", "GeneratedClient", "OnUpdate", "Operation", "SeedanceClient"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
Tr = TypeVar("Tr", httpx.BaseTransport, httpx.AsyncBaseTransport)


class Operation(Protocol[T_co]):
    """An operation module of a generated client (``seedance_genray.api.account.get_account``):
    `SeedanceClient.request` returns what its ``_parse_response`` returns."""

    def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

    def _parse_response(self, *, client: Any, response: httpx.Response) -> T_co: ...


class GeneratedClient(Protocol):
    """What every generated ``AuthenticatedClient`` offers (``client.generated``)."""

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


class ClientBase(Generic[H, Tr]):
    """What the sync and async clients share: configuration, properties and the core."""

    _INTERRUPTS: ClassVar[tuple[type[BaseException], ...]]
    _ASYNC: ClassVar[bool]  # picks the httpx client and each extension's class
    _run: Callable[[Steps[Any]], Any]  # each client's: performs the core's effects

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
        http_client: H | None = None,
        transport: Tr | None = None,
    ) -> None:
        if retry is None and max_retries is not None:
            retry = RetryPolicy(max_retries=max_retries)
        self._engine = Engine(
            provider, api_key=api_key, base_url=base_url, retry=retry, polling=polling,
            timeout=timeout, limits=limits, clock=clock,
        )  # fmt: skip
        self._owns_http = http_client is None
        self._transport: Tr | None = transport
        self._http: H = http_client or self._new_http(transport)
        bound_pools(self._http)
        if self._owns_http:
            self._engine.adopt(self._http)
        self._core = ClientCore(self._engine, self._http, self._INTERRUPTS)
        self._generated: GeneratedClient | None = None

    def _new_http(self, transport: Tr | None) -> H:
        http: type[Any] = httpx.AsyncClient if self._ASYNC else httpx.Client
        return cast(H, http(transport=transport, follow_redirects=True))

    def _extension(self, name: str) -> Any:
        """The class *name* of `seedance._extensions` (its ``Async`` twin on an async client)
        over this client's core and runner."""
        # imported on first use: it loads the generated clients, which `import seedance` does not
        from . import _extensions

        kind = getattr(_extensions, f"Async{name}" if self._ASYNC else name)
        return kind(self._core, self._run)

    genray: LazyExtension[GenrayExtension, AsyncGenrayExtension] = LazyExtension(
        "GenrayExtension",
        "Genray's own operations, typed: upload, from_person, upscale, account, API keys.",
    )
    modelark: LazyExtension[ModelArkExtension, AsyncModelArkExtension] = LazyExtension(
        "ModelArkExtension", "ModelArk's own operations, typed: list_jobs."
    )

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
    def generated(self) -> GeneratedClient:
        """The provider's generated `AuthenticatedClient`, for what the facade does not wrap."""
        if self._generated is None:
            package = importlib.import_module(self._engine.adapter.package)
            args = {"transport": self._transport} if self._transport is not None else {}
            self._generated = cast(
                GeneratedClient,
                package.AuthenticatedClient(
                    base_url=self.base_url, token=self._engine.api_key.reveal(), httpx_args=args
                ),
            )
        return self._generated

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider!r}, base_url={self.base_url!r})"

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

    def _download_steps(
        self, job: Job | str, path: str | Path, on_progress: ProgressCallback | None, verify: bool
    ) -> Steps[Path]:
        return self._core.download(job, Path(path), on_progress, verify)

    def _deprecated(self, name: str, operation: str, replacement: str) -> None:
        """Warn that the neutral client's *name* moved to ``client.<replacement>``."""
        warnings.warn(
            f"{type(self).__name__}.{name}() is deprecated since seedance 0.2 and will be removed"
            f" in 0.3: use client.{replacement}() (typed results)",
            DeprecationWarning,
            stacklevel=3,
        )
        self._engine.capabilities.require(operation)


class SeedanceClient(ClientBase[httpx.Client, httpx.BaseTransport]):
    """A blocking client for one provider.

    >>> with SeedanceClient("genray") as client:  # key from GENRAY_API_KEY  # doctest: +SKIP
    ...     job = client.generate(VideoRequest(prompt="a cat cooking pasta", duration=5))
    ...     client.download(job, "cat.mp4")

    The API key comes from *api_key* or the provider's environment variable (``GENRAY_API_KEY``,
    ``MODELARK_API_KEY`` or ``ARK_API_KEY``, ...); the base URL from *base_url*,
    ``<PROVIDER>_BASE_URL`` or the provider's documented host. Pass *http_client* or *transport*
    to route requests elsewhere (the simulator does). Requests are retried per *retry* (or
    *max_retries* with the default backoff); a create only when it cannot have been accepted.
    What only one provider offers is on its extension: ``client.genray``, ``client.modelark``.
    """

    _INTERRUPTS = (KeyboardInterrupt,)
    _ASYNC = False

    parse_webhook = ClientBase.parse_webhook  # listed on the class: the public surface
    genray, modelark = ClientBase.genray, ClientBase.modelark

    # --- jobs ---------------------------------------------------------------------------------
    def submit(self, request: VideoRequest) -> Job:
        """Start a job. Invalid or unsupported requests fail before anything is sent."""
        return self._run(self._core.submit(request))

    def get(self, job: Job | str) -> Job:
        """The job's current state."""
        return self._run(self._core.get(job_id_of(job)))

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
        return self._run(self._core.wait(job, timeout, on_update, events))

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
        return self.wait(job, timeout=timeout, on_update=on_update, events=events)

    def cancel(self, job: Job | str) -> None:
        """Cancel a queued job (or delete a finished one's record), where the provider can."""
        self._run(self._core.cancel(job_id_of(job)))

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
        return self._run(self._download_steps(job, path, on_progress, verify))

    def request(self, operation: Operation[T], *, idempotent: bool = True, **arguments: Any) -> T:
        """Run any operation of the generated client with this client's key, retries and errors;
        returns what the operation parses (its generated model).

        >>> from seedance_genray.api.account import get_account  # doctest: +SKIP
        >>> client.request(get_account).credits  # doctest: +SKIP
        """
        call = Call(cast(ModuleType, operation), arguments, idempotent=idempotent)
        return cast(T, self._run(self._core.execute(call)))

    # --- deprecated: each provider's own operations moved to its extension ------------------
    def list_jobs(self, **filters: Any) -> list[Job]:
        """Deprecated: ``client.modelark.list_jobs``."""
        self._deprecated("list_jobs", "list", "modelark.list_jobs")
        return self.modelark.list_jobs(**filters)

    def upload(self, file: str | Path | bytes, *, filename: str | None = None) -> UploadedFile:
        """Deprecated: ``client.genray.upload``."""
        self._deprecated("upload", "upload", "genray.upload")
        return self.genray.upload(file, filename=filename)

    def from_person(self, person_image_url: str, prompt: str, **fields: Any) -> Job:
        """Deprecated: ``client.genray.from_person``."""
        self._deprecated("from_person", "from_person", "genray.from_person")
        return self.genray.from_person(person_image_url, prompt, **fields)

    def upscale(self, video_id: int) -> UpscaleResult:
        """Deprecated: ``client.genray.upscale``."""
        self._deprecated("upscale", "upscale", "genray.upscale")
        return self.genray.upscale(video_id)

    def account(self) -> Account:
        """Deprecated: ``client.genray.account``."""
        self._deprecated("account", "account", "genray.account")
        return self.genray.account()

    def create_api_key(self, *, webhook_url: str | None = None) -> CreatedApiKey:
        """Deprecated: ``client.genray.create_api_key``."""
        self._deprecated("create_api_key", "api_keys", "genray.create_api_key")
        return self.genray.create_api_key(webhook_url=webhook_url)

    def list_api_keys(self) -> ApiKeys:
        """Deprecated: ``client.genray.list_api_keys``."""
        self._deprecated("list_api_keys", "api_keys", "genray.list_api_keys")
        return self.genray.list_api_keys()

    def revoke_api_key(self, key_id: str) -> None:
        """Deprecated: ``client.genray.revoke_api_key``."""
        self._deprecated("revoke_api_key", "api_keys", "genray.revoke_api_key")
        self.genray.revoke_api_key(key_id)

    # --- the I/O ------------------------------------------------------------------------------
    def _run(self, steps: Steps[T]) -> T:
        """Run a core operation, performing each effect it yields with blocking calls."""
        run = Runner(steps)
        while (effect := run.next()) is not None:
            try:
                run.outcome(self._perform(effect))
            except BaseException as error:  # Ctrl-C too: the core adds its resume note
                run.fail(error)
        return run.result

    def _perform(self, effect: Any) -> Any:
        kind = type(effect)
        if kind is Send:
            return self._send(effect)
        if kind is Sleep:
            return self._engine.clock.sleep(effect.seconds)
        if kind is Fetch:
            return self._fetch(effect)
        return effect.events._next_update(effect.job_id, effect.seconds, hold=effect.hold)

    def _send(self, send: Send) -> httpx.Response:
        """One attempt: send, and read the whole answer within the deadline and size limit."""
        with request_deadline(send.end):
            streamed = self._http.send(send.request, stream=True, follow_redirects=send.follow)
            try:
                reader = self._engine.answer_reader(streamed, send.end)
                if not streamed.is_stream_consumed:  # else the reader has read it
                    for chunk in streamed.iter_raw():
                        reader.feed(chunk)
            finally:
                streamed.close()
        return reader.response()

    def _fetch(self, fetch: Fetch) -> None:
        """One attempt of a download: the body goes to the attempt's checks and file."""
        http, into = self._http, fetch.into
        with (
            fetch.deadline,
            http.stream("GET", fetch.url, headers=fetch.headers, timeout=fetch.timeout) as response,
        ):
            into.start(response)
            for chunk in raw_chunks(response):
                into.feed(chunk)
            into.end()

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
