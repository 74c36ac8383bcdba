"""Keys that cannot go into a header (a Windows ``\\r`` from a .env file, a space, a NUL, a
non-ASCII character) are refused when the client is made: `InvalidRequestError`, the key's text
nowhere in it, and not a byte sent."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from seedance import InvalidRequestError

from ._server import HostileServer
from ._support import (
    MAIN_PROVIDERS,
    MODES,
    PROVIDERS,
    ROUTES,
    Mode,
    assert_no_key,
    expect,
    make_facade,
    observe,
)

BAD_KEYS = {
    "carriage return": "sk_test_Zq81Wx\r",
    "space": "sk_test_Zq8 1Wx",
    "NUL": "sk_test_Zq8\x001Wx",
    "non-ASCII": "sk_test_Zq8\u00e91Wx",
    "line feed": "sk_test_Zq8\n1Wx",
}


def _fragments(key: str) -> list[str]:
    """The key, and each run of 4+ visible characters in it: none may show."""
    return [key, *(part for part in re.split(r"[^!-~]", key) if len(part) >= 4)]


# Every provider with the key passed in; the main two with the key in the environment (where a
# NUL cannot be put at all).
CASES = [
    *((problem, "argument", provider) for problem in BAD_KEYS for provider in PROVIDERS),
    *(
        (problem, "environment", provider)
        for problem in BAD_KEYS
        if "\x00" not in BAD_KEYS[problem]
        for provider in MAIN_PROVIDERS
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("problem", "source", "provider"), CASES)
def test_a_key_unfit_for_a_header_is_refused_up_front(
    server: HostileServer,
    logs: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
    mode: Mode,
    provider: str,
    source: str,
    problem: str,
) -> None:
    key = BAD_KEYS[problem]
    route = ROUTES[provider]
    options = {"api_key": key} if source == "argument" else {"api_key": None}
    if source == "environment":
        monkeypatch.setenv(route.profile.api_key_env, key)

    outcome = observe(
        lambda: make_facade(mode, provider, base_url=route.base_url(server), **options)
    )

    error = expect(outcome, InvalidRequestError)
    assert_no_key(error, logs(), *_fragments(key))
    assert server.received == []
