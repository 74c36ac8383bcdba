"""The callbacks (webhooks) simulated jobs owe, and their delivery on the provider's schedule."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

if TYPE_CHECKING:
    from ._clock import Clock
    from ._jobs import SimJob
    from .providers._base import ProviderShape

__all__ = ["Callbacks", "WebhookDelivery", "deliver_to_loopback"]


@dataclass
class WebhookDelivery:
    """One webhook (or callback) a job owes for entering *phase*, and what became of it.

    It is sent at *due*; an attempt not answered 2xx within *timeout* seconds is sent again after
    each of *retries* seconds in turn, then given up. *attempts* holds each attempt's HTTP status
    (0: not sent, the URL is not on this machine) or the name of the error it raised.
    """

    job_id: str
    url: str
    headers: dict[str, str]
    body: bytes
    due: float
    attempts: list[int | str] = field(default_factory=list)
    delivered: bool = False
    phase: str = ""
    retries: tuple[float, ...] = ()
    timeout: float = 5.0
    sending: bool = field(default=False, repr=False, compare=False)

    @property
    def given_up(self) -> bool:
        """Every attempt was made and none was acknowledged."""
        return not self.delivered and len(self.attempts) > len(self.retries)

    def is_due(self, now: float) -> bool:
        return not (self.delivered or self.sending or self.given_up) and self.due <= now


class Callbacks:
    """The `Simulator`'s callback half: which deliveries jobs owe, and sending them."""

    clock: Clock
    shape: ProviderShape
    jobs: dict[str, SimJob]
    counters: Counter[str]
    webhooks: list[WebhookDelivery]
    deliver: Callable[[WebhookDelivery], int]
    _lock: threading.RLock

    def deliver_due(self) -> None:
        """Send the callbacks jobs owe (on the provider's schedule) whose (re)try time has come.

        Which phases call back, and how often an unacknowledged callback is sent again, is the
        provider shape's (`ProviderShape.callback_statuses`, ``callback_retries``): Genray calls
        once a job ends and retries after 2, 4 and 8 s; ModelArk calls on every status change
        and sends an unacknowledged succeeded or failed callback three times.
        """
        now = self.clock.now()
        with self._lock:
            self.owe_callbacks(now)
            pending = [delivery for delivery in self.webhooks if delivery.is_due(now)]
            for delivery in pending:
                delivery.sending = True  # the server's ticker and a request may both be here
        for delivery in pending:
            try:
                status: int | str = self.deliver(delivery)
            except Exception as error:
                status = type(error).__name__
            with self._lock:
                delivery.sending = False
                delivery.attempts.append(status)
                self.counters["webhook_attempts"] += 1
                if isinstance(status, int) and 200 <= status < 300:
                    delivery.delivered = True
                    self.counters["webhooks_delivered"] += 1
                elif delivery.given_up:
                    self.counters["webhooks_given_up"] += 1
                else:
                    delivery.due = self.clock.now() + delivery.retries[len(delivery.attempts) - 1]

    def owe_callbacks(self, now: float | None = None) -> None:
        """Queue the callbacks jobs owe by *now* (default: the clock's now); `deliver_due` sends
        them. A provider calls it before a job's record goes (ModelArk's DELETE)."""
        now = self.clock.now() if now is None else now
        with self._lock:
            for job in list(self.jobs.values()):
                self._owe_callbacks(job, now)

    def _owe_callbacks(self, job: SimJob, now: float) -> None:
        """Queue a callback for each phase *job* entered by *now* that calls back (once each)."""
        # "webhook": the CLI's state file marks a job whose callbacks an earlier process owed.
        if not job.webhook_url or "webhook" in job.extra or job.extra.get("callbacks_done"):
            return
        owed: list[str] = job.extra.setdefault("callbacks_owed", [])
        transitions = self.shape.transitions(job, now)
        if transitions[-1][0] not in ("queued", "running"):
            job.extra["callbacks_done"] = True  # a final phase: nothing more will call back
        for phase, at in transitions:
            if phase not in self.shape.callback_statuses or phase in owed:
                continue
            headers, body = self.shape.webhook(job, at)
            owed.append(phase)
            self.webhooks.append(
                WebhookDelivery(
                    job.id, job.webhook_url, headers, body, due=at, phase=phase,
                    retries=self.shape.callback_retries(phase),
                    timeout=self.shape.callback_timeout,
                )
            )  # fmt: skip


def deliver_to_loopback(delivery: WebhookDelivery) -> int:
    """POST a webhook, but only to this machine: the simulator never calls out anywhere else."""
    host = urlsplit(delivery.url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        return 0
    response = httpx.post(
        delivery.url, content=delivery.body, headers=delivery.headers, timeout=delivery.timeout
    )
    return response.status_code
