"""The simulator's own promises: real HTTP on 127.0.0.1, webhooks, rate limits, the plugin."""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from pathlib import Path

import httpx
import pytest
import seedance_genray

import seedance
from seedance import JobStatus, RateLimitError, VideoRequest
from seedance.testing import ManualClock, RealClock, Simulator, WebhookDelivery
from seedance.testing._server import SimulatorServer

from .conftest import SIMULATED, profile_of

pytest_plugins = ["pytester"]
FAST = seedance.PollingPolicy(initial=0.05, maximum=0.2)


def test_every_provider_over_real_http(tmp_path: Path) -> None:
    clock = RealClock(speed=400.0)
    simulators = [Simulator(name, clock=clock) for name in SIMULATED]
    with SimulatorServer(simulators) as server:
        for name in SIMULATED:
            base_url = server.base_url(name)
            assert base_url.startswith("http://127.0.0.1:")
            with seedance.SeedanceClient(
                name, base_url=base_url, api_key="sk", polling=FAST
            ) as client:
                job = client.generate(profile_of(name).request, timeout=30)
                path = client.download(job, tmp_path / f"{name}.mp4")
            assert path.read_bytes() == server.simulators[name].video(job.id), name
            assert server.state(name)["jobs"][job.id]["phase"] == "succeeded"


def test_a_documented_example_gets_a_spec_valid_answer_over_http() -> None:
    with SimulatorServer([Simulator("genray")]) as server:
        response = httpx.post(
            server.base_url("genray") + "/api/v1/videos",
            headers={"Authorization": "Bearer sk_live_YOUR_KEY"},
            json={"prompt": "A golden retriever running through a sunlit meadow", "duration": 5,
                  "aspect_ratio": "16:9"},
        )  # fmt: skip
    assert response.status_code == 202
    assert response.json()["status"] == "queued"


def test_a_truncated_download_over_http_is_resumed(tmp_path: Path) -> None:
    simulator = Simulator("genray", clock=RealClock(speed=400.0), video_size=3_000_000)
    with SimulatorServer([simulator]) as server:
        client = seedance.SeedanceClient(
            "genray", base_url=server.base_url("genray"), api_key="sk", polling=FAST
        )
        job = client.generate(VideoRequest(prompt="a cat"), timeout=30)
        simulator.faults.add(seedance.testing.Fault("truncate", operation="download"))
        path = client.download(job, tmp_path / "video.mp4")
    assert path.stat().st_size == 3_000_000
    assert simulator.counters["downloads"] == 2


def test_genray_webhooks_are_signed_and_retried() -> None:
    answers = iter([500, 200])
    received: list[WebhookDelivery] = []

    def receiver(delivery: WebhookDelivery) -> int:
        received.append(delivery)
        return next(answers)

    clock = ManualClock()
    simulator = Simulator("genray", clock=clock, deliver=receiver)
    client = simulator.client()
    client.submit(VideoRequest(prompt="a cat", webhook_url="https://hooks.example.com/genray"))
    clock.advance(60)
    simulator.deliver_due()
    clock.advance(2)  # Genray retries after 2, 4 and 8 s
    simulator.deliver_due()
    assert [delivery.attempts for delivery in simulator.webhooks] == [[500, 200]]
    delivery = received[-1]
    expected = hmac.new(
        simulator.webhook_secret.encode(), delivery.body, hashlib.sha256
    ).hexdigest()
    assert delivery.headers["X-Genray-Signature"] == f"sha256={expected}"
    job = seedance.parse_webhook(
        "genray", delivery.body, delivery.headers, secret=simulator.webhook_secret
    )
    assert job.status is JobStatus.SUCCEEDED
    assert job.video_url


def test_webhooks_go_nowhere_but_this_machine() -> None:
    clock = ManualClock()
    simulator = Simulator("genray", clock=clock)
    client = simulator.client()
    client.submit(VideoRequest(prompt="a cat", webhook_url="https://hooks.example.com/genray"))
    clock.advance(60)
    simulator.deliver_due()
    assert simulator.webhooks[0].attempts == [0], "not sent: the host is not a loopback address"


def test_genray_rate_limits_answer_the_documented_429() -> None:
    clock = ManualClock()
    simulator = Simulator("genray", clock=clock)
    client = simulator.client(max_retries=0)
    job = client.submit(VideoRequest(prompt="a cat"))
    for _ in range(9):
        client.get(job)
    with pytest.raises(RateLimitError) as raised:
        client.get(job)
    assert raised.value.code == "rate_limit_exceeded"
    assert raised.value.retry_after is not None
    clock.advance(raised.value.retry_after)
    assert client.get(job).id == job.id


def test_genray_limits_concurrent_jobs_per_key() -> None:
    simulator = Simulator("genray")
    client = simulator.client(max_retries=0)
    client.submit(VideoRequest(prompt="one"))
    client.submit(VideoRequest(prompt="two"))
    with pytest.raises(RateLimitError, match="2 concurrent jobs"):
        client.submit(VideoRequest(prompt="three"))
    assert simulator.counters["creates_accepted"] == 2


def test_the_pytest_plugin_gives_other_projects_a_wired_client(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from seedance import JobStatus, VideoRequest

        def test_default_provider(seedance_client, seedance_simulator):
            job = seedance_client.generate(VideoRequest(prompt="a cat"))
            assert job.status is JobStatus.SUCCEEDED
            assert seedance_simulator.counters["creates_accepted"] == 1

        @pytest.mark.seedance_provider("modelark")
        def test_marked_provider(seedance_client):
            assert seedance_client.provider == "modelark"

        def test_server(seedance_server):
            assert seedance_server.base_url("genray").startswith("http://127.0.0.1:")
        """
    )
    result = pytester.runpytest("-p", "seedance.testing.pytest_plugin", "-q")
    result.assert_outcomes(passed=3)


def test_the_pytest_plugin_does_not_need_the_testing_extra(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loaded before the plugin, this makes the `testing` extra's packages impossible to import,
    # as on a plain `pip install seedance`.
    pytester.makepyfile(
        without_extra="""
        import sys
        for name in ("starlette", "openapi_core", "uvicorn", "multipart", "python_multipart"):
            sys.modules[name] = None
        """,
        test_downstream="""
        def test_unrelated():
            assert 1 + 1 == 2

        def test_wants_the_simulator(seedance_simulator):
            pass
        """,
    )
    # A fresh interpreter, as a downstream project's pytest run is: seedance from this checkout.
    here = [str(Path(module.__file__ or "").parents[1]) for module in (seedance, seedance_genray)]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(pytester.path), *here]))
    result = pytester.runpytest_subprocess(
        "-p", "without_extra", "-p", "seedance.testing.pytest_plugin", "-q"
    )
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.re_match_lines([r".*needs its packages: pip install 'seedance\[testing\]'"])
    result.stdout.no_fnmatch_line("*During handling*")


@pytest.mark.parametrize("provider", SIMULATED)
def test_a_simulator_client_finishes_at_once_outside_any_fixture(provider: str) -> None:
    """Its clients sleep on the simulator's clock: a wait moves the jobs along, in no real time,
    and the wait's timeout counts the same (simulated) time as its sleeps."""
    simulator = Simulator(provider)
    started = time.monotonic()
    with simulator.client() as client:
        job = client.generate(profile_of(provider).request, timeout=3600)
    assert job.status is JobStatus.SUCCEEDED
    assert time.monotonic() - started < 5
    assert simulator.clock.now() > 0, "the wait moved the simulator's clock"
    with simulator.client() as client, pytest.raises(seedance.WaitTimeoutError):
        client.generate(profile_of(provider).request, timeout=1)
