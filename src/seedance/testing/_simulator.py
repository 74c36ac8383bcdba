"""`Simulator`: one provider's curated spec, served by a Starlette app that runs jobs.

The simulator is split by concern: this module holds its state (jobs, keys, counters, videos)
and its clients; `_pipeline` its HTTP side (routes, each request's pipeline, files, the state
endpoint); `_callbacks` the webhooks jobs owe; `_videos` the MP4 each job gets.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
from openapi_core import OpenAPI

from .. import registry
from .._spec import curated_spec
from ..adapters import adapter
from ._callbacks import WebhookDelivery, deliver_to_loopback
from ._clock import Clock, ManualClock, RealClock
from ._drift import Drift
from ._faults import Faults
from ._jobs import SimJob
from ._pipeline import STATE_PATH, Context, Pipeline, relative_servers
from ._transport import SyncASGITransport
from ._videos import SAMPLE_MP4, padded, video_for
from .providers._base import ProviderShape

if TYPE_CHECKING:
    from .._async_client import AsyncSeedanceClient
    from .._client import SeedanceClient
    from .._clock import Clock as ClientClock

__all__ = ["FILES_HOST", "SAMPLE_MP4", "STATE_PATH", "Context", "Simulator", "WebhookDelivery"]

FILES_HOST = "https://files.seedance-simulator.test"


class Simulator(Pipeline):
    """An in-process (or served) stand-in for one provider, shaped by its curated spec.

    >>> sim = Simulator("genray")
    >>> client = sim.client()               # a SeedanceClient wired to the simulator
    >>> job = client.submit(VideoRequest(prompt="a cat"))   # doctest: +SKIP
    >>> sim.clock.advance(60); client.get(job).status       # doctest: +SKIP
    <JobStatus.SUCCEEDED: 'succeeded'>
    >>> sim.state()["counters"]["creates_accepted"]         # doctest: +SKIP
    1

    Jobs take *queue_seconds* then *run_seconds* of the simulator's clock (a `ManualClock` unless
    given one); a prompt containing ``simulate:fail`` ends in failure. A succeeded job's video is
    an MP4 of the duration and size the job asked for (`video`). ``faults`` plans injected
    failures; ``counters`` says what happened (``creates_accepted``, ``requests``, ...) and
    `state` says it all as JSON (also served at ``GET /_simulator/state``).

    Without *api_keys* any bearer key is let in; with them, only those (and keys the provider's
    own key management creates, Genray's). Any other key, and a revoked one (`revoke_key`, or
    Genray's ``DELETE /api/keys/{id}``), gets the provider's documented 401.
    """

    def __init__(
        self,
        provider: str,
        *,
        clock: Clock | None = None,
        queue_seconds: float = 2.0,
        run_seconds: float = 30.0,
        faults: Faults | None = None,
        api_keys: Iterable[str] | None = None,
        webhook_secret: str = "whsec_simulator",
        rate_limits: bool = True,
        video_size: int | None = None,
        files_url: str = FILES_HOST,
        deliver: Callable[[WebhookDelivery], int] | None = None,
        drift: Iterable[str] = (),
    ) -> None:
        self.provider = provider
        self.clock: Clock = clock or ManualClock()
        self.epoch = time.time() - self.clock.now()
        """Unix time of the clock's zero: a job created at clock time t was created at
        ``epoch + t`` (every timestamp a provider shows derives from it, so it never moves)."""
        self.queue_seconds = queue_seconds
        self.run_seconds = run_seconds
        self.faults = faults or Faults()
        self.api_keys: tuple[str, ...] | None = (
            None
            if api_keys is None
            else tuple([api_keys] if isinstance(api_keys, str) else api_keys)
        )
        self.revoked_keys: set[str] = set()
        self.webhook_secret = webhook_secret
        self.rate_limits = rate_limits
        self.video_size = video_size
        self.files_url = files_url.rstrip("/")
        self.deliver = deliver or deliver_to_loopback
        self.in_process = True
        self.jobs: dict[str, SimJob] = {}
        self.counters: Counter[str] = Counter()
        self.webhooks: list[WebhookDelivery] = []
        self._lock = threading.RLock()
        self._numbers = itertools.count(1)
        self._recent: dict[str, deque[float]] = {}
        self._adapter = adapter(provider)
        self.spec = curated_spec(provider, self._adapter.package)
        self.base_path: str = urlsplit(self.spec.document["servers"][0]["url"]).path.rstrip("/")
        self.openapi = OpenAPI.from_dict(relative_servers(self.spec.document, self.base_path))
        self.shape: ProviderShape = registry.provider(provider).load_shape()(self)
        # Drift mode (`_drift`): answers transformed after the shape renders them.
        self.drift = Drift(drift, self.spec)
        self.app = self._build_app()

    def mount(self, prefix: str) -> None:
        """Serve under *prefix* (a server with several simulators mounts each under its name)."""
        self.openapi = OpenAPI.from_dict(
            relative_servers(self.spec.document, prefix.rstrip("/") + self.base_path)
        )

    # --- clients ----------------------------------------------------------------------------
    def http_client(self) -> httpx.Client:
        """A blocking httpx client whose every request reaches this simulator in-process."""
        return httpx.Client(transport=SyncASGITransport(self.app), base_url=self.base_url)

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=self.base_url
        )

    @property
    def base_url(self) -> str:
        """The provider's documented base URL (in-process requests to it reach the simulator)."""
        return str(self.spec.document["servers"][0]["url"]).rstrip("/")

    def client(self, **options: Any) -> SeedanceClient:
        """A `SeedanceClient` for this provider, talking to this simulator."""
        from .._client import SeedanceClient

        options.setdefault("api_key", "sk_simulator")
        options.setdefault("clock", self.client_clock())
        return SeedanceClient(self.provider, http_client=self.http_client(), **options)

    def async_client(self, **options: Any) -> AsyncSeedanceClient:
        """An `AsyncSeedanceClient` for this provider, talking to this simulator."""
        from .._async_client import AsyncSeedanceClient

        options.setdefault("api_key", "sk_simulator")
        options.setdefault("clock", self.client_clock())
        return AsyncSeedanceClient(self.provider, http_client=self.async_http_client(), **options)

    def client_clock(self) -> ClientClock | None:
        """The clock this simulator's clients sleep on: its own when time is moved by hand (a
        wait then moves the jobs along and returns at once), wall time otherwise."""
        return self.clock if isinstance(self.clock, ManualClock) else None

    def paced_clock(self) -> ClientClock | None:
        """The clock a client of this simulator over HTTP should sleep on: its own when it is a
        `ManualClock` or a sped-up `RealClock` (a poll every 10 s of the provider's pace is then
        every 10 s of the simulator's), wall time otherwise."""
        if isinstance(self.clock, ManualClock | RealClock):
            return self.clock
        return None

    # --- keys -------------------------------------------------------------------------------
    def accepts_key(self, key: str) -> bool:
        """Whether a request bearing *key* gets in: never an empty or revoked key; with
        ``api_keys`` set, only those."""
        with self._lock:
            if not key or key in self.revoked_keys:
                return False
            return self.api_keys is None or key in self.api_keys

    def add_key(self, key: str) -> None:
        """Accept *key* from now on (a key the provider's key management created)."""
        with self._lock:
            self.revoked_keys.discard(key)
            if self.api_keys is not None and key not in self.api_keys:
                self.api_keys = (*self.api_keys, key)

    def revoke_key(self, key: str) -> None:
        """Refuse *key* from now on, with the provider's 401, whether or not keys are configured."""
        with self._lock:
            self.revoked_keys.add(key)
            if self.api_keys is not None:
                self.api_keys = tuple(k for k in self.api_keys if k != key)

    # --- jobs -------------------------------------------------------------------------------
    def create_job(
        self, context: Context, *, prompt: Any, webhook_url: str | None = None
    ) -> SimJob:
        with self._lock:
            job = SimJob(
                id=self.shape.new_id(),
                number=next(self._numbers),
                operation=context.operation,
                body=context.body if isinstance(context.body, dict) else {},
                key=context.key,
                created=context.now,
                queue_seconds=self.queue_seconds,
                run_seconds=self.run_seconds,
                failure=SimJob.failure_from(prompt),
                webhook_url=webhook_url,
            )
            self.jobs[job.id] = job
            self.counters["creates_accepted"] += 1
            return job

    def video_url(self, job: SimJob) -> str:
        return f"{self.files_url}/files/{job.id}.mp4"

    def video(self, job_id: str) -> bytes:
        """The MP4 served for *job_id*: the duration, width and height the job asked for (the
        provider's defaults for what it did not), grown to ``video_size`` bytes when set. Any
        other name gets the bundled 1 s, 160x90 sample.

        >>> sim = Simulator("genray")
        >>> sim.video("no-such-job") == SAMPLE_MP4
        True
        """
        job = self.jobs.get(job_id.removesuffix(".mp4"))
        if job is None:
            return padded(SAMPLE_MP4, self.video_size)
        form = self.shape.video_format(job)
        return video_for(
            duration=form.duration, width=form.width, height=form.height, size=self.video_size
        )

    def active_jobs(self, key: str, now: float) -> int:
        return sum(
            1
            for job in self.jobs.values()
            if job.key == key and job.phase(now) in ("queued", "running")
        )

    # --- state ------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What the simulator did and holds, as JSON (``GET /_simulator/state`` serves it)::

            {"provider": "genray", "now": 42.0, "creates_accepted": 1,
             "counters": {"requests": 3, "requests.create_video": 1, "creates_accepted": 1, ...},
             "jobs": {"<id>": {"phase": "succeeded", "operation": "create_video",
                               "created": 0.0, "progress": 1.0,
                               "video": {"duration": 5.0, "width": 1280, "height": 720}}},
             "webhooks": [{"job_id": "<id>", "phase": "succeeded", "attempts": [200],
                           "delivered": true, "given_up": false}]}

        Times are seconds of the simulator's clock. No key and no webhook URL is shown.
        """
        now = self.clock.now()
        with self._lock:
            jobs = {
                job.id: {
                    "phase": self.shape.job_phase(job, now),
                    "operation": job.operation,
                    "created": job.created,
                    "progress": job.progress(now),
                    "video": vars(self.shape.video_format(job)),
                }
                for job in self.jobs.values()
            }
            webhooks = [
                {
                    "job_id": delivery.job_id,
                    "phase": delivery.phase,
                    "attempts": list(delivery.attempts),
                    "delivered": delivery.delivered,
                    "given_up": delivery.given_up,
                }
                for delivery in self.webhooks
            ]
            counters = dict(self.counters)
        return {
            "provider": self.provider,
            "now": now,
            "creates_accepted": counters.get("creates_accepted", 0),
            "counters": counters,
            "jobs": jobs,
            "webhooks": webhooks,
        }


def _video(size: int | None) -> bytes:
    """The bundled sample grown to *size* bytes (kept for tests written before `video`)."""
    return padded(SAMPLE_MP4, size)
