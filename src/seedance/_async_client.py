"""`AsyncSeedanceClient`: the same API as `SeedanceClient`, with ``async``/``await``.

It shares `SeedanceClient`'s configuration, core and decisions (`ClientBase`, `seedance._core`);
only the I/O differs: each effect the core yields is awaited (`_perform`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from ._client import ClientBase, OnUpdate, Operation
from ._deadline import request_deadline
from ._download import Fetch, ProgressCallback, araw_chunks
from ._effects import Runner, Send, Sleep, Steps
from ._engine import job_id_of
from ._models import Job, VideoRequest
from ._webhooks import JobEvents
from .adapters import Call

if TYPE_CHECKING:  # loaded on first use: `import seedance` loads no provider's client
    from seedance_genray.models import Account, CreatedApiKey, UploadedFile, UpscaleResult

    from ._extensions import ApiKeys

__all__ = ["AsyncSeedanceClient"]

T = TypeVar("T")


class AsyncSeedanceClient(ClientBase[httpx.AsyncClient, httpx.AsyncBaseTransport]):
    """An asyncio client for one provider; every method of `SeedanceClient`, awaitable.

    >>> async with AsyncSeedanceClient("genray") as client:  # doctest: +SKIP
    ...     job = await client.generate(VideoRequest(prompt="a cat cooking pasta", duration=5))
    ...     await client.download(job, "cat.mp4")

    Cancelling a task that waits leaves the job running; the `CancelledError` carries a note with
    the job id and how to resume.
    """

    _INTERRUPTS = (KeyboardInterrupt, asyncio.CancelledError)
    _ASYNC = True

    parse_webhook = ClientBase.parse_webhook  # listed on the class: the public surface
    genray, modelark = ClientBase.genray, ClientBase.modelark

    # --- jobs: see `SeedanceClient` for each method's documentation ---------------------------
    async def submit(self, request: VideoRequest) -> Job:
        return await self._run(self._core.submit(request))

    async def get(self, job: Job | str) -> Job:
        return await self._run(self._core.get(job_id_of(job)))

    async def wait(
        self, job: Job | str, *, timeout: float | None = None,
        on_update: OnUpdate | None = None, events: JobEvents | None = None,
    ) -> Job:  # fmt: skip
        return await self._run(self._core.wait(job, timeout, on_update, events))

    async def generate(
        self, request: VideoRequest, *, timeout: float | None = None,
        on_update: OnUpdate | None = None, events: JobEvents | None = None,
    ) -> Job:  # fmt: skip
        job = await self.submit(request)
        if on_update is not None:
            on_update(job)
        return await self.wait(job, timeout=timeout, on_update=on_update, events=events)

    async def cancel(self, job: Job | str) -> None:
        await self._run(self._core.cancel(job_id_of(job)))

    async def download(
        self, job: Job | str, path: str | Path, *,
        on_progress: ProgressCallback | None = None, verify: bool = True,
    ) -> Path:  # fmt: skip
        return await self._run(self._download_steps(job, path, on_progress, verify))

    async def request(
        self, operation: Operation[T], *, idempotent: bool = True, **arguments: Any
    ) -> T:
        """`SeedanceClient.request`, awaited.

        >>> from seedance_genray.api.account import get_account  # doctest: +SKIP
        >>> (await client.request(get_account)).credits  # doctest: +SKIP
        """
        call = Call(cast(ModuleType, operation), arguments, idempotent=idempotent)
        return cast(T, await self._run(self._core.execute(call)))

    # --- deprecated: each provider's own operations moved to its extension ------------------
    async def list_jobs(self, **filters: Any) -> list[Job]:
        self._deprecated("list_jobs", "list", "modelark.list_jobs")
        return await self.modelark.list_jobs(**filters)

    async def upload(
        self, file: str | Path | bytes, *, filename: str | None = None
    ) -> UploadedFile:
        self._deprecated("upload", "upload", "genray.upload")
        return await self.genray.upload(file, filename=filename)

    async def from_person(self, person_image_url: str, prompt: str, **fields: Any) -> Job:
        self._deprecated("from_person", "from_person", "genray.from_person")
        return await self.genray.from_person(person_image_url, prompt, **fields)

    async def upscale(self, video_id: int) -> UpscaleResult:
        self._deprecated("upscale", "upscale", "genray.upscale")
        return await self.genray.upscale(video_id)

    async def account(self) -> Account:
        self._deprecated("account", "account", "genray.account")
        return await self.genray.account()

    async def create_api_key(self, *, webhook_url: str | None = None) -> CreatedApiKey:
        self._deprecated("create_api_key", "api_keys", "genray.create_api_key")
        return await self.genray.create_api_key(webhook_url=webhook_url)

    async def list_api_keys(self) -> ApiKeys:
        self._deprecated("list_api_keys", "api_keys", "genray.list_api_keys")
        return await self.genray.list_api_keys()

    async def revoke_api_key(self, key_id: str) -> None:
        self._deprecated("revoke_api_key", "api_keys", "genray.revoke_api_key")
        await self.genray.revoke_api_key(key_id)

    # --- the I/O ------------------------------------------------------------------------------
    async def _run(self, steps: Steps[T]) -> T:
        """Run a core operation, awaiting each effect it yields."""
        run = Runner(steps)
        while (effect := run.next()) is not None:
            try:
                run.outcome(await self._perform(effect))
            except BaseException as error:  # cancellation too: the core adds its resume note
                run.fail(error)
        return run.result

    async def _perform(self, effect: Any) -> Any:
        kind = type(effect)
        if kind is Send:
            return await self._send(effect)
        if kind is Sleep:
            return await self._engine.clock.async_sleep(effect.seconds)
        if kind is Fetch:
            return await self._fetch(effect)
        return await effect.events._next_update_async(
            effect.job_id, effect.seconds, hold=effect.hold
        )

    async def _send(self, send: Send) -> httpx.Response:
        with request_deadline(send.end):
            streamed = await self._http.send(
                send.request, stream=True, follow_redirects=send.follow
            )
            try:
                reader = self._engine.answer_reader(streamed, send.end)
                if not streamed.is_stream_consumed:  # else the reader has read it
                    async for chunk in streamed.aiter_raw():
                        reader.feed(chunk)
            finally:
                await streamed.aclose()
        return reader.response()

    async def _fetch(self, fetch: Fetch) -> None:
        http, into = self._http, fetch.into
        with fetch.deadline:
            async with http.stream(
                "GET", fetch.url, headers=fetch.headers, timeout=fetch.timeout
            ) as response:
                into.start(response)
                async for chunk in araw_chunks(response):
                    into.feed(chunk)
                into.end()

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncSeedanceClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
