"""The pytest option (`--seedance-live`) and the validating proxy, against the simulator."""

from __future__ import annotations

import asyncio
import io
import json

import httpx
import pytest

from seedance import VideoRequest
from seedance._errors import SeedanceError
from seedance.contract._proxy import ValidatingProxy
from seedance.testing import Simulator

pytest_plugins = ["pytester"]
KEY = "sk_contract_proxy_key_0123"


def test_live_option_skips_with_the_variable_to_set(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = pytester.runpytest(
        "-p", "seedance.testing.pytest_plugin", "--seedance-live=genray", "-rs"
    )
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(["*no key; set GENRAY_API_KEY*"])


def proxied(simulator: Simulator, log: io.StringIO) -> tuple[ValidatingProxy, httpx.AsyncClient]:
    upstream = httpx.ASGITransport(app=simulator.app)
    proxy = ValidatingProxy(simulator.spec, simulator.base_url, violations=log, transport=upstream)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy), base_url="http://proxy")
    return proxy, client


async def _journey(simulator: Simulator, log: io.StringIO) -> ValidatingProxy:
    proxy, http = proxied(simulator, log)
    from seedance import AsyncSeedanceClient

    async with AsyncSeedanceClient(
        simulator.provider, api_key=KEY, base_url="http://proxy", http_client=http,
        clock=simulator.client_clock(),
    ) as client:  # fmt: skip
        job = await client.submit(VideoRequest(prompt="a cat", duration=5))
        await client.wait(job, timeout=600)
        await http.get("/api/v1/videos/nope", headers={"Authorization": "Bearer wrong-key-123456"})
    await proxy.aclose()
    return proxy


def test_the_proxy_finds_nothing_on_the_faithful_simulator() -> None:
    log = io.StringIO()
    proxy = asyncio.run(_journey(Simulator("genray", api_keys=[KEY]), log))
    assert proxy.summary()["errors"] == 0, log.getvalue()
    assert proxy.summary()["exchanges"] >= 3
    assert KEY not in log.getvalue()


def test_the_proxy_names_drift_as_json_lines() -> None:
    log = io.StringIO()
    simulator = Simulator("genray", api_keys=[KEY], drift=("renamed-field",))
    with pytest.raises(SeedanceError):  # the facade refuses the drifted body
        asyncio.run(_journey(simulator, log))
    lines = [json.loads(line) for line in log.getvalue().splitlines()]
    assert any(
        line["kind"] == "renamed_field" and line["operation"] == "create_video" for line in lines
    ), lines
    assert KEY not in log.getvalue()
