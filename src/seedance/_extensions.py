"""Each provider's own operations, typed: ``client.genray`` and ``client.modelark``.

The neutral clients keep what every provider offers (submit, get, wait, download, cancel); what
only one provider has lives on its extension, with the generated models as result types:

>>> hosted = client.genray.upload("cat.png")  # an UploadedFile  # doctest: +SKIP
>>> page = client.modelark.list_jobs(status="running", page_size=20)  # doctest: +SKIP

An extension runs its calls through the client's core: same key, retries, deadlines and errors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from pathlib import Path
from typing import Protocol, TypedDict, TypeVar, Unpack

from seedance_genray.models import (
    Account,
    ApiKey,
    ApiKeyListEnvelope,
    CreatedApiKey,
    UploadedFile,
    UpscaleResult,
)

from ._core import ClientCore
from ._effects import Steps
from ._errors import UnsupportedError
from ._models import Job
from .adapters import Adapter
from .adapters.genray import GenrayAdapter
from .adapters.modelark import ModelArkAdapter

__all__ = [
    "AsyncGenrayExtension",
    "AsyncModelArkExtension",
    "GenrayExtension",
    "JobFilters",
    "ModelArkExtension",
    "PersonFields",
]

T = TypeVar("T")
A = TypeVar("A", bound=Adapter)
ApiKeys = ApiKeyListEnvelope | list[ApiKey]
"""Genray's key list: the documented envelope, or the bare list some deployments answer with."""


class SyncRun(Protocol):
    def __call__(self, steps: Steps[T], /) -> T: ...


class AsyncRun(Protocol):
    def __call__(self, steps: Steps[T], /) -> Awaitable[T]: ...


class PersonFields(TypedDict, total=False):
    """The optional fields of Genray's person video (``VideoFromPersonRequest``)."""

    model: str
    duration: int
    aspect_ratio: str
    clothing_details: str
    extra_reference_images: list[str]
    webhook_url: str


class JobFilters(TypedDict, total=False):
    """ModelArk's task list filters; *status* is a ModelArk status word (a `JobStatus` works)."""

    page_num: int
    page_size: int
    status: str
    task_ids: str | Iterable[str]
    model: str
    service_tier: str


class _Genray:
    """Genray's calls, checked against its capabilities before anything is sent."""

    def __init__(self, core: ClientCore) -> None:
        self._core, self._adapter = core, _own(core, GenrayAdapter)

    def _calls(self, operation: str) -> GenrayAdapter:
        self._core.engine.capabilities.require(operation)
        return self._adapter

    def _upload(self, file: str | Path | bytes, filename: str | None) -> Steps[UploadedFile]:
        return self._core.typed(self._calls("upload").upload(file, filename), UploadedFile)

    def _from_person(self, image: str, prompt: str, fields: PersonFields) -> Steps[Job]:
        body = {"person_image_url": image, "prompt": prompt, **fields}
        return self._core.job(self._calls("from_person").from_person(body))

    def _upscale(self, video_id: int) -> Steps[UpscaleResult]:
        return self._core.typed(self._calls("upscale").upscale(video_id), UpscaleResult)

    def _account(self) -> Steps[Account]:
        return self._core.typed(self._calls("account").account(), Account)

    def _create_key(self, webhook_url: str | None) -> Steps[CreatedApiKey]:
        call = self._calls("api_keys").create_api_key(webhook_url)
        return self._core.typed(call, CreatedApiKey)

    def _list_keys(self) -> Steps[ApiKeys]:
        parsed = yield from self._core.execute(self._calls("api_keys").list_api_keys())
        if isinstance(parsed, ApiKeyListEnvelope | list):
            return parsed
        raise self._core.undocumented(parsed)

    def _revoke_key(self, key_id: str) -> Steps[None]:
        yield from self._core.execute(self._calls("api_keys").revoke_api_key(key_id))


class GenrayExtension(_Genray):
    """Genray's own operations on a `SeedanceClient` (``client.genray``).

    >>> with SeedanceClient("genray") as client:  # doctest: +SKIP
    ...     print(client.genray.account().credits)
    """

    def __init__(self, core: ClientCore, run: SyncRun) -> None:
        super().__init__(core)
        self._run = run

    def upload(self, file: str | Path | bytes, *, filename: str | None = None) -> UploadedFile:
        """Host a reference image (a path or its bytes) with Genray; returns its URLs."""
        return self._run(self._upload(file, filename))

    def from_person(
        self, person_image_url: str, prompt: str, **fields: Unpack[PersonFields]
    ) -> Job:
        """Start a video of the person in a portrait performing *prompt* (wait for it as usual)."""
        return self._run(self._from_person(person_image_url, prompt, fields))

    def upscale(self, video_id: int) -> UpscaleResult:
        """Upscale a finished video 2x, by its numeric generation id."""
        return self._run(self._upscale(video_id))

    def account(self) -> Account:
        """The plan, credits and API limits of the key."""
        return self._run(self._account())

    def create_api_key(self, *, webhook_url: str | None = None) -> CreatedApiKey:
        """A new API key (shown once), optionally with a webhook URL for its jobs."""
        return self._run(self._create_key(webhook_url))

    def list_api_keys(self) -> ApiKeys:
        """The account's API keys (masked)."""
        return self._run(self._list_keys())

    def revoke_api_key(self, key_id: str) -> None:
        """Revoke the key with id *key_id*."""
        self._run(self._revoke_key(key_id))


class AsyncGenrayExtension(_Genray):
    """Genray's own operations on an `AsyncSeedanceClient`: `GenrayExtension`'s, awaitable."""

    def __init__(self, core: ClientCore, run: AsyncRun) -> None:
        super().__init__(core)
        self._arun = run

    async def upload(
        self, file: str | Path | bytes, *, filename: str | None = None
    ) -> UploadedFile:
        return await self._arun(self._upload(file, filename))

    async def from_person(
        self, person_image_url: str, prompt: str, **fields: Unpack[PersonFields]
    ) -> Job:
        return await self._arun(self._from_person(person_image_url, prompt, fields))

    async def upscale(self, video_id: int) -> UpscaleResult:
        return await self._arun(self._upscale(video_id))

    async def account(self) -> Account:
        return await self._arun(self._account())

    async def create_api_key(self, *, webhook_url: str | None = None) -> CreatedApiKey:
        return await self._arun(self._create_key(webhook_url))

    async def list_api_keys(self) -> ApiKeys:
        return await self._arun(self._list_keys())

    async def revoke_api_key(self, key_id: str) -> None:
        await self._arun(self._revoke_key(key_id))


class _ModelArk:
    """ModelArk's calls, checked against its capabilities before anything is sent."""

    def __init__(self, core: ClientCore) -> None:
        self._core, self._adapter = core, _own(core, ModelArkAdapter)

    def _list(self, filters: JobFilters) -> Steps[list[Job]]:
        self._core.engine.capabilities.require("list")
        parsed = yield from self._core.execute(self._adapter.list_jobs(**filters))
        return self._adapter.jobs(parsed)


class ModelArkExtension(_ModelArk):
    """ModelArk's own operations on a `SeedanceClient` (``client.modelark``).

    >>> running = client.modelark.list_jobs(status="running")  # doctest: +SKIP
    """

    def __init__(self, core: ClientCore, run: SyncRun) -> None:
        super().__init__(core)
        self._run = run

    def list_jobs(self, **filters: Unpack[JobFilters]) -> list[Job]:
        """One page of the account's tasks, newest first, as jobs."""
        return self._run(self._list(filters))


class AsyncModelArkExtension(_ModelArk):
    """ModelArk's own operations on an `AsyncSeedanceClient`: `ModelArkExtension`'s, awaitable."""

    def __init__(self, core: ClientCore, run: AsyncRun) -> None:
        super().__init__(core)
        self._arun = run

    async def list_jobs(self, **filters: Unpack[JobFilters]) -> list[Job]:
        return await self._arun(self._list(filters))


def _own(core: ClientCore, kind: type[A]) -> A:
    """The client's adapter, when it is of *kind*: an extension serves its own provider only."""
    adapter = core.engine.adapter
    if not isinstance(adapter, kind):
        raise UnsupportedError(
            f"{kind.name}'s own operations (client.{kind.name})",
            provider=core.engine.provider,
            hint=f"they need a client for {kind.name}",
        )
    return adapter
