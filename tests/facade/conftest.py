"""Fixtures of the facade suites: every provider's profile, a fake clock, and one client API
that runs each test against both `SeedanceClient` and `AsyncSeedanceClient`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

import seedance
from seedance import registry
from support.clients import Blocking

from .profiles._profile import Profile

# Every registered provider with a test profile (seedance.registry); one that names a profile
# module that is missing fails here, naming its registration.
PROFILES: list[Profile] = [
    unit.load_profile() for unit in registry.providers().values() if unit.profile is not None
]
API_KEY = "sk_live_TESTKEY_0123456789abcdef"


class FakeClock:
    """The clients' clock in these suites: sleeping only moves it forward."""

    real_time = False

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


CASES = {"status_case": "statuses", "unsupported_case": "unsupported", "error_case": "errors"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test for every provider, and for each of its cases where the test takes one."""
    if "profile" not in metafunc.fixturenames:
        return
    for name, attribute in CASES.items():
        if name in metafunc.fixturenames:
            pairs = [(p, case) for p in PROFILES for case in getattr(p, attribute)]
            ids = [
                f"{p.provider}-{index}"
                for p in PROFILES
                for index, _ in enumerate(getattr(p, attribute))
            ]
            metafunc.parametrize(("profile", name), pairs, indirect=["profile"], ids=ids)
            return
    metafunc.parametrize("profile", PROFILES, indirect=True, ids=[p.provider for p in PROFILES])


@pytest.fixture
def profile(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Profile:
    value: Profile = request.param
    monkeypatch.setenv(value.api_key_env, API_KEY)
    return value


MakeClient = Callable[..., Any]


@pytest.fixture(params=["sync", "async"])
def make_client(request: pytest.FixtureRequest, clock: FakeClock) -> Iterator[MakeClient]:
    """make_client(provider, **options): a client with the sync API, sync or async underneath."""
    made: list[Any] = []

    def make(provider: str, **options: Any) -> Any:
        options.setdefault("clock", clock)
        if request.param == "sync":
            client: Any = seedance.SeedanceClient(provider, **options)
        else:
            client = Blocking(seedance.AsyncSeedanceClient(provider, **options))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def router(profile: Profile) -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=profile.base_url, assert_all_called=False) as mock:
        yield mock
