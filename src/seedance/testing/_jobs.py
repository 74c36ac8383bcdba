"""Simulated jobs: their life cycle on the simulator's clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Phase", "SimJob"]

Phase = Literal["queued", "running", "succeeded", "failed", "cancelled", "expired"]

# A prompt containing this marker makes the job fail (with the text after it as the reason).
FAIL_MARKER = "simulate:fail"


@dataclass
class SimJob:
    """One job: queued for ``queue_seconds``, then running for ``run_seconds``, then done."""

    id: str
    number: int
    """A numeric id, for providers that also number their generations (Genray's upscale)."""
    operation: str
    body: dict[str, Any]
    key: str
    created: float
    queue_seconds: float
    run_seconds: float
    failure: str | None = None
    cancelled_at: float | None = None
    webhook_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def phase(self, now: float) -> Phase:
        # Before its cancel (a callback's body looks back), a cancelled job was what it was then.
        if self.cancelled_at is not None and now >= self.cancelled_at:
            return "cancelled"
        elapsed = now - self.created
        if elapsed < self.queue_seconds:
            return "queued"
        if elapsed < self.queue_seconds + self.run_seconds:
            return "running"
        return "failed" if self.failure else "succeeded"

    def progress(self, now: float) -> float:
        """Completion from 0.0 to 1.0 (1.0 once finished)."""
        running = now - self.created - self.queue_seconds
        if running <= 0:
            return 0.0
        return min(1.0, running / self.run_seconds) if self.run_seconds else 1.0

    def finished_at(self) -> float:
        if self.cancelled_at is not None:
            return self.cancelled_at
        return self.created + self.queue_seconds + self.run_seconds

    @staticmethod
    def failure_from(prompt: Any) -> str | None:
        """The failure reason a prompt asks for, or None."""
        if not isinstance(prompt, str) or FAIL_MARKER not in prompt:
            return None
        reason = prompt.split(FAIL_MARKER, 1)[1].strip(" :")
        return reason or "The simulator was asked to fail this job"
