"""Typed provider extensions (``client.genray``, ``client.modelark``), their deprecated aliases
on the neutral clients, one retry policy for calls and downloads, and one source for sync and
async (issue 10)."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import assert_type

import httpx
import pytest
import respx
from seedance_genray.api.account import get_account
from seedance_genray.models import Account, ApiKey, CreatedApiKey, ErrorResponse, UploadedFile

from seedance import (
    APIConnectionError,
    AsyncSeedanceClient,
    DownloadError,
    InvalidRequestError,
    Job,
    JobStatus,
    RateLimitError,
    RetryPolicy,
    SeedanceClient,
    UnsupportedError,
    VideoRequest,
)
from seedance.testing import Simulator

from .conftest import FakeClock

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
URL = "https://files.example.com/video.mp4"


@pytest.fixture
def genray() -> Simulator:
    return Simulator("genray", rate_limits=False)


def _sync(sim: Simulator) -> SeedanceClient:
    client: SeedanceClient = sim.client()  # typed here: the simulator's factory is not
    return client


def _async(sim: Simulator) -> AsyncSeedanceClient:
    client: AsyncSeedanceClient = sim.async_client()
    return client


def test_genrays_operations_return_their_generated_models(genray: Simulator) -> None:
    with _sync(genray) as client:
        account = client.genray.account()
        assert_type(account, Account)
        assert isinstance(account, Account)
        assert account.plan == "standard"
        uploaded = client.genray.upload(PNG, filename="cat.png")
        assert_type(uploaded, UploadedFile)
        assert isinstance(uploaded, UploadedFile)
        created = client.genray.create_api_key()
        assert isinstance(created, CreatedApiKey)
        listed = client.genray.list_api_keys()
        assert isinstance(listed, list)  # the simulator answers with the bare list
        assert listed
        assert all(isinstance(key, ApiKey) for key in listed)
        client.genray.revoke_api_key(str(created.additional_properties["id"]))
        job = client.genray.from_person("https://cdn.example.com/me.png", "waves", duration=5)
        assert isinstance(job, Job)
        assert job.provider == "genray"


def test_the_async_extension_awaits_the_same_operations(genray: Simulator) -> None:
    async def run() -> tuple[Account, UploadedFile]:
        async with _async(genray) as client:
            account = await client.genray.account()
            uploaded = await client.genray.upload(PNG, filename="cat.png")
            return account, uploaded

    account, uploaded = asyncio.run(run())
    assert isinstance(account, Account)
    assert isinstance(uploaded, UploadedFile)


def test_request_returns_what_the_operation_parses(genray: Simulator) -> None:
    with _sync(genray) as client:
        parsed = client.request(get_account)
        assert_type(parsed, Account | ErrorResponse | None)
        assert isinstance(parsed, Account)


def test_the_old_methods_warn_and_name_their_replacement(genray: Simulator) -> None:
    with _sync(genray) as client:
        with pytest.warns(DeprecationWarning, match=r"account\(\).*client\.genray\.account\(\)"):
            account = client.account()
        assert isinstance(account, Account)
        with pytest.warns(DeprecationWarning, match=r"client\.genray\.upload\(\)"):
            assert isinstance(client.upload(PNG, filename="cat.png"), UploadedFile)


def test_the_old_async_methods_warn_too(genray: Simulator) -> None:
    async def run() -> Account:
        async with _async(genray) as client:
            return await client.account()

    with pytest.warns(DeprecationWarning, match=r"AsyncSeedanceClient\.account\(\)"):
        assert isinstance(asyncio.run(run()), Account)


def test_an_extension_serves_its_own_provider_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELARK_API_KEY", "sk_test_0123456789")
    with respx.mock() as router, SeedanceClient("modelark") as client:
        with pytest.raises(UnsupportedError, match=r"modelark does not support genray's own"):
            client.genray.account()
        # The deprecated alias keeps its old error: the operation is not offered.
        with (
            pytest.warns(DeprecationWarning, match=r"client\.genray\.upload\(\)"),
            pytest.raises(UnsupportedError, match="the upload operation"),
        ):
            client.upload(PNG)
        assert not router.calls, "nothing is sent"


def test_modelarks_task_list_is_typed_and_checked_before_sending() -> None:
    sim = Simulator("modelark")
    with _sync(sim) as client:
        submitted = client.submit(VideoRequest(prompt="a cat cooking pasta", duration=5))
        jobs = client.modelark.list_jobs(page_size=10)
        assert_type(jobs, list[Job])
        assert submitted.id in {job.id for job in jobs}
        with pytest.raises(InvalidRequestError, match="status"):
            client.modelark.list_jobs(status="sleeping")
        with pytest.warns(DeprecationWarning, match=r"client\.modelark\.list_jobs\(\)"):
            assert client.list_jobs(page_size=10)


# --- one retry policy ---------------------------------------------------------------------------
def test_next_delay_is_the_one_retry_decision() -> None:
    policy = RetryPolicy(max_retries=2, initial_backoff=1.0, jitter=0.0, max_retry_after=30.0)
    limited = RateLimitError("slow", provider="genray", status_code=429, retry_after=7.0)
    assert policy.next_delay(1, error=limited) == 7.0
    assert policy.next_delay(1, error=limited, idempotent=False) == 7.0, "a 429 was not accepted"
    assert policy.next_delay(3, error=limited) is None, "two retries were made"
    assert policy.next_delay(1, error=limited, remaining=5.0) is None, "past the deadline"
    assert policy.next_delay(1, status=429, retry_after=31.0) is None, "too long to wait"
    assert policy.next_delay(2, status=503) == 2.0
    assert policy.next_delay(1, status=503, idempotent=False) is None, "it may have run"
    assert policy.next_delay(1, status=400) is None
    refused = APIConnectionError("refused", provider="genray", may_have_been_accepted=False)
    assert policy.next_delay(1, error=refused, idempotent=False) == 1.0
    sent = APIConnectionError("reset", provider="genray", may_have_been_accepted=True)
    assert policy.next_delay(1, error=sent, idempotent=False) is None
    invalid = InvalidRequestError("duration", 99, "4 to 15", provider="genray")
    assert policy.next_delay(1, error=invalid) is None, "a bad request stays bad"
    assert policy.next_delay(1, error=httpx.ConnectError("no route"), idempotent=False) == 1.0


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_download_retries_within_the_policys_download_budget(
    kind: str, tmp_path: Path, clock: FakeClock
) -> None:
    policy = RetryPolicy(max_retries=1, download_extra_retries=3, jitter=0.0)
    assert policy.download_retries == 4
    job = Job(id="job-1", provider="genray", status=JobStatus.SUCCEEDED, video_url=URL)
    with respx.mock() as router:
        route = router.get(URL).mock(return_value=httpx.Response(503))
        with pytest.raises(DownloadError, match="gave up after 5 attempts"):
            _download(kind, policy, clock, job, tmp_path / "v.mp4")
        assert route.call_count == 1 + policy.download_retries
    assert not list(tmp_path.iterdir()), "nothing left behind"


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_download_retries_only_the_statuses_the_policy_names(
    kind: str, tmp_path: Path, clock: FakeClock
) -> None:
    policy = RetryPolicy(retry_statuses=frozenset({429}), jitter=0.0)
    job = Job(id="job-1", provider="genray", status=JobStatus.SUCCEEDED, video_url=URL)
    with respx.mock() as router:
        route = router.get(URL).mock(return_value=httpx.Response(503))
        with pytest.raises(DownloadError, match="HTTP 503"):
            _download(kind, policy, clock, job, tmp_path / "v.mp4")
        assert route.call_count == 1
    assert clock.sleeps == []


def _download(kind: str, policy: RetryPolicy, clock: FakeClock, job: Job, path: Path) -> Path:
    options = {"api_key": "sk_test_0123456789", "retry": policy, "clock": clock}
    if kind == "sync":
        with SeedanceClient("genray", **options) as client:  # type: ignore[arg-type]
            return client.download(job, path)

    async def run() -> Path:
        async with AsyncSeedanceClient("genray", **options) as client:  # type: ignore[arg-type]
            return await client.download(job, path)

    return asyncio.run(run())


# --- one source for sync and async --------------------------------------------------------------
def test_the_sync_and_async_methods_take_the_same_parameters() -> None:
    def shape(cls: type, name: str) -> list[tuple[str, object, object]]:
        signature = inspect.signature(getattr(cls, name))
        return [(p.name, p.kind, p.default) for p in signature.parameters.values()]

    public = [name for name in dir(SeedanceClient) if not name.startswith("_")]
    for name in set(public) - {"close"}:
        member = getattr(SeedanceClient, name)
        if callable(member) and not isinstance(member, type):
            assert shape(SeedanceClient, name) == shape(AsyncSeedanceClient, name), name
            twin = getattr(AsyncSeedanceClient, name)
            assert inspect.iscoroutinefunction(twin) or name == "parse_webhook", name


def test_an_error_of_the_transport_reaches_the_caller_as_it_was() -> None:
    """The core is a generator: a StopIteration thrown into it would turn into a RuntimeError."""

    def exhausted(request: httpx.Request) -> httpx.Response:
        raise StopIteration

    transport = httpx.MockTransport(exhausted)
    with (
        SeedanceClient("genray", api_key="sk_test_0123456789", transport=transport) as client,
        pytest.raises(StopIteration),
    ):
        client.get("job-1")
