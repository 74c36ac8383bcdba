"""Callbacks on each provider's documented schedule: ModelArk posts the task on every status change
(queued, running, succeeded, failed, expired) and sends an unacknowledged succeeded or failed
callback three times, 5 s to answer each; Genray posts once a job ends and retries after 2, 4 and
8 s. In-process on a manual clock, and over real HTTP to a receiver on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

import seedance
from seedance import JobStatus
from seedance.testing import ManualClock, RealClock, Simulator, WebhookDelivery
from seedance.testing._server import SimulatorServer

HOOK = "https://hooks.example.com/modelark"
KEY = {"Authorization": "Bearer sk_test"}
TASKS = "/contents/generations/tasks"


def task_body(prompt: str = "a cat", **options: Any) -> dict[str, Any]:
    return {
        "model": "seedance-1-0-pro-250528",
        "content": [{"type": "text", "text": prompt}],
        "callback_url": HOOK,
        **options,
    }


class Receiver:
    """A `deliver` for the simulator: answers *answers* in turn (then the last one again), and
    keeps what came."""

    def __init__(self, *answers: int | Exception) -> None:
        self.answers = list(answers) or [200]
        self.received: list[tuple[float, WebhookDelivery]] = []
        self.clock: ManualClock | None = None

    def __call__(self, delivery: WebhookDelivery) -> int:
        assert self.clock is not None
        self.received.append((self.clock.now(), delivery))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def statuses(self) -> list[tuple[float, str]]:
        """(time, the posted task's status) of each attempt."""
        return [(at, json.loads(delivery.body)["status"]) for at, delivery in self.received]


def modelark(receiver: Receiver, **options: Any) -> tuple[Simulator, ManualClock, httpx.Client]:
    clock = ManualClock()
    receiver.clock = clock
    options = {"queue_seconds": 10.0, "run_seconds": 30.0, **options}
    sim = Simulator("modelark", clock=clock, deliver=receiver, **options)
    return sim, clock, sim.http_client()


def run(sim: Simulator, clock: ManualClock, until: float, step: float = 1.0) -> None:
    """Move the clock to *until*, delivering what is due at every *step* (as a server's ticker)."""
    while clock.now() < until:
        clock.advance(step)
        sim.deliver_due()


# --- ModelArk -----------------------------------------------------------------------------------
def test_modelark_calls_back_on_every_status_change_once_acknowledged() -> None:
    receiver = Receiver(200)
    sim, clock, http = modelark(receiver)
    task_id = http.post(TASKS, json=task_body(), headers=KEY).json()["id"]
    assert receiver.statuses() == [(0.0, "queued")]  # right after the create answers
    run(sim, clock, until=60)
    assert receiver.statuses() == [(0.0, "queued"), (10.0, "running"), (40.0, "succeeded")]
    assert [json.loads(d.body)["id"] for _, d in receiver.received] == [task_id] * 3
    # Each body is the task as get_task showed it then (the succeeded one with its video).
    succeeded = json.loads(receiver.received[-1][1].body)
    assert succeeded == http.get(f"{TASKS}/{task_id}", headers=KEY).json()
    assert succeeded["content"]["video_url"]
    assert [d.phase for d in sim.webhooks] == ["queued", "running", "succeeded"]
    assert all(d.delivered and d.timeout == 5.0 for d in sim.webhooks)
    assert sim.counters["webhooks_delivered"] == 3


def test_an_unacknowledged_modelark_succeeded_callback_is_sent_three_times() -> None:
    receiver = Receiver(500)
    sim, clock, http = modelark(receiver)
    http.post(TASKS, json=task_body(), headers=KEY)
    run(sim, clock, until=120)
    # queued and running once each; succeeded three times in all, each when the previous
    # attempt's 5 s to answer were up; then never again.
    assert receiver.statuses() == [
        (0.0, "queued"),
        (10.0, "running"),
        (40.0, "succeeded"),
        (45.0, "succeeded"),
        (50.0, "succeeded"),
    ]
    final = sim.webhooks[-1]
    assert final.attempts == [500, 500, 500]
    assert final.given_up
    assert not final.delivered
    assert sim.counters["webhooks_given_up"] == 3  # queued, running and succeeded


def test_a_modelark_callback_acknowledged_on_the_second_send_is_not_sent_again() -> None:
    timeout = httpx.ReadTimeout("no answer within 5 s")
    receiver = Receiver(200, 200, timeout, 204)
    sim, clock, http = modelark(receiver)
    http.post(TASKS, json=task_body(), headers=KEY)
    run(sim, clock, until=120)
    assert [status for _, status in receiver.statuses()] == [
        "queued", "running", "succeeded", "succeeded"
    ]  # fmt: skip
    assert sim.webhooks[-1].attempts == ["ReadTimeout", 204]


def test_a_failed_modelark_task_is_resent_too() -> None:
    receiver = Receiver(200, 200, 503)
    sim, clock, http = modelark(receiver)
    http.post(TASKS, json=task_body("simulate:fail sensitive content"), headers=KEY)
    run(sim, clock, until=120)
    statuses = receiver.statuses()
    assert statuses[2:] == [(40.0, "failed"), (45.0, "failed"), (50.0, "failed")]
    assert json.loads(receiver.received[-1][1].body)["error"]["code"] == (
        "OutputVideoSensitiveContentDetected"
    )


def test_an_expired_modelark_task_calls_back_once() -> None:
    receiver = Receiver(500)
    sim, clock, http = modelark(receiver, queue_seconds=2000.0, run_seconds=3000.0)
    created = http.post(TASKS, json=task_body(execution_expires_after=3600), headers=KEY)
    assert created.is_success, created.text
    run(sim, clock, until=7200, step=100)
    assert receiver.statuses() == [(0.0, "queued"), (2000.0, "running"), (3600.0, "expired")]


def test_a_cancelled_modelark_task_sends_no_callback_of_its_cancel() -> None:
    """No page says a cancel calls back: only the documented statuses do."""
    receiver = Receiver(200)
    sim, clock, http = modelark(receiver)
    task_id = http.post(TASKS, json=task_body(), headers=KEY).json()["id"]
    clock.advance(5)
    assert http.delete(f"{TASKS}/{task_id}", headers=KEY).json() == {}
    run(sim, clock, until=120)
    assert receiver.statuses() == [(0.0, "queued")]
    assert json.loads(receiver.received[0][1].body)["status"] == "queued"


def test_a_deleted_modelark_tasks_callbacks_are_still_sent() -> None:
    receiver = Receiver(500)
    sim, clock, http = modelark(receiver, run_seconds=5.0)
    task_id = http.post(TASKS, json=task_body(), headers=KEY).json()["id"]
    clock.advance(20)  # succeeded, nothing delivered since the create
    assert http.delete(f"{TASKS}/{task_id}", headers=KEY).json() == {}
    assert task_id not in sim.jobs
    run(sim, clock, until=60)
    assert [status for _, status in receiver.statuses()] == [
        "queued", "running", "succeeded", "succeeded", "succeeded"
    ]  # fmt: skip


def test_the_modelark_schedule_comes_from_the_curated_spec() -> None:
    sim = Simulator("modelark")
    post = sim.spec.document["webhooks"]["task_status_changed"]["post"]
    assert sim.shape.callback_retries("succeeded") == (5.0,) * (post["x-callback-attempts"] - 1)
    assert sim.shape.callback_timeout == post["x-callback-timeout-seconds"]
    assert sim.shape.callback_retries("running") == ()


# --- Genray (unchanged: once, when the job ends) -------------------------------------------------
def test_genray_calls_back_once_the_job_ends_and_retries_after_2_4_and_8_s() -> None:
    receiver = Receiver(500)
    clock = ManualClock()
    receiver.clock = clock
    sim = Simulator("genray", clock=clock, deliver=receiver, queue_seconds=10, run_seconds=30)
    with sim.client() as client:
        client.submit(
            seedance.VideoRequest(prompt="a cat", webhook_url="https://hooks.example.com")
        )
    run(sim, clock, until=120, step=0.5)
    assert [at for at, _ in receiver.received] == [40.0, 42.0, 46.0, 54.0]
    assert [d.phase for d in sim.webhooks] == ["succeeded"]
    assert sim.webhooks[0].given_up


# --- over real HTTP -----------------------------------------------------------------------------
@dataclass
class Hook:
    """A webhook receiver on 127.0.0.1: it answers *answer* after *delay* seconds."""

    url: str = ""
    received: list[dict[str, Any]] = field(default_factory=list)
    answer: int = 500
    delay: float = 0.0


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            state.received.append(json.loads(self.rfile.read(length)))
            time.sleep(state.delay)
            self.send_response(state.answer)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def served_modelark() -> Simulator:
    # 100x: the 10 s queue, 20 s run and 5 s re-sends take 0.1, 0.2 and 0.05 s.
    return Simulator("modelark", clock=RealClock(speed=100.0), queue_seconds=10, run_seconds=20)


def test_modelark_callbacks_over_real_http(hook: Hook) -> None:
    sim = served_modelark()
    with SimulatorServer([sim]) as server:
        tasks = server.base_url("modelark") + TASKS
        task_id = httpx.post(tasks, json=task_body(callback_url=hook.url), headers=KEY).json()["id"]
        wait_for(lambda: len(hook.received) >= 5)
        time.sleep(0.5)  # 50 s more of the simulator's time: nothing else comes
        assert [task["status"] for task in hook.received] == [
            "queued", "running", "succeeded", "succeeded", "succeeded"
        ]  # fmt: skip
        assert {task["id"] for task in hook.received} == {task_id}
        assert sim.webhooks[-1].attempts == [500, 500, 500]
        job = seedance.parse_webhook("modelark", json.dumps(hook.received[-1]).encode(), {})
        assert job.status is JobStatus.SUCCEEDED


def test_an_acknowledged_modelark_callback_over_real_http_is_sent_once(hook: Hook) -> None:
    hook.answer = 200
    sim = served_modelark()
    with SimulatorServer([sim]) as server:
        tasks = server.base_url("modelark") + TASKS
        httpx.post(tasks, json=task_body(callback_url=hook.url), headers=KEY)
        wait_for(lambda: len(hook.received) >= 3)
        time.sleep(0.5)
    assert [task["status"] for task in hook.received] == ["queued", "running", "succeeded"]
    assert sim.counters["webhooks_delivered"] == 3


def test_a_served_answer_does_not_wait_for_a_slow_receiver(hook: Hook) -> None:
    """The server's ticker sends callbacks: the create that owes one answers at once."""
    hook.answer, hook.delay = 200, 2.0
    sim = Simulator("modelark", clock=RealClock(), queue_seconds=600, run_seconds=600)
    with SimulatorServer([sim]) as server:
        tasks = server.base_url("modelark") + TASKS
        started = time.monotonic()
        created = httpx.post(tasks, json=task_body(callback_url=hook.url), headers=KEY)
        assert created.is_success
        assert time.monotonic() - started < 1.5
        wait_for(lambda: sim.counters["webhooks_delivered"] == 1)
    assert [task["status"] for task in hook.received] == ["queued"]
