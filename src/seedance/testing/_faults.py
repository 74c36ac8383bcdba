"""Faults the simulator injects on demand, and the counts that prove what happened."""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Fault", "FaultKind", "Faults"]

FaultKind = Literal[
    "latency",
    "status",
    "reset_before",
    "reset_after",
    "truncate",
    "malformed_json",
    "html_error",
]


@dataclass
class Fault:
    """One fault, applied to the next *times* matching requests.

    - ``latency``: answer after *delay* seconds (real time);
    - ``status``: answer *status* (5xx, or 429 with ``Retry-After: retry_after``) without
      processing the request;
    - ``reset_before`` / ``reset_after``: drop the connection before / after the request is
      processed (after: a create did start a job);
    - ``truncate``: send half the body with the full ``Content-Length``;
    - ``malformed_json``: a 200 whose JSON is cut off;
    - ``html_error``: a proxy's HTML 502 page.

    *operation* limits the fault to one operationId (``"create_video"``, ``"download"``, ...).
    """

    kind: FaultKind
    operation: str | None = None
    times: int = 1
    status: int = 503
    retry_after: float | None = None
    delay: float = 0.0


@dataclass
class Faults:
    """The queue of planned faults, an optional random fault rate, and what was injected."""

    planned: list[Fault] = field(default_factory=list)
    rate: float = 0.0
    """Probability of a random fault per request (a soak test's background noise)."""
    kinds: tuple[FaultKind, ...] = ("status", "reset_before", "reset_after", "malformed_json")
    seed: int = 0
    injected: Counter[str] = field(default_factory=Counter)
    _random: random.Random = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def add(self, fault: Fault) -> None:
        with self._lock:
            self.planned.append(fault)

    def take(self, operation: str) -> Fault | None:
        """The fault for this request, if any (and count it)."""
        with self._lock:
            for fault in self.planned:
                if fault.operation in (None, operation) and fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        self.planned.remove(fault)
                    self.injected[fault.kind] += 1
                    return fault
            if self.rate and self._random.random() < self.rate:
                kind = self._random.choice(self.kinds)
                status = self._random.choice((500, 502, 503, 429)) if kind == "status" else 503
                fault = Fault(
                    kind, operation, status=status, retry_after=1.0 if status == 429 else None
                )
                self.injected[kind] += 1
                return fault
        return None
