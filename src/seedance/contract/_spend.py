"""``verify --spend N``: up to N real jobs, the cheapest the spec allows, through to a verified
download, every API answer checked against the curated spec.

The budget counts create *attempts*: each is counted before it is sent, so a create whose outcome
is unknown (no answer, a 5xx, a dropped connection) is spent, and N is never exceeded whatever
the provider does.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import attrs
import httpx

from .._client import SeedanceClient
from .._config import same_origin
from .._errors import (
    AuthenticationError,
    InsufficientCreditsError,
    PermissionDeniedError,
    ResponseError,
    SeedanceError,
)
from .._models import VideoRequest
from .._redact import redact
from ..adapters import adapter
from ._findings import Exchange, Finding
from ._verify_exchange import exchange_of

__all__ = ["SpendResult", "cheapest_request", "run_spend"]

PROMPT = "seedance verify: a red ball rolling across a wooden table"
REFERENCE_IMAGE = (
    "https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png"
)
"""A stable public image for reference-to-video models (``SEEDANCE_VERIFY_IMAGE`` overrides)."""


@dataclass
class SpendResult:
    """What ``--spend`` did: attempts (never above the budget), jobs, downloads, failures."""

    budget: int
    attempts: int = 0
    """Creates sent (or that may have been sent): what the budget counts."""
    accepted: list[str] = field(default_factory=list)
    unknown: int = 0
    """Creates whose outcome is unknown: they may have started a paid job."""
    downloaded: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    request: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    problem_code: int = 0
    findings: list[Finding] = field(default_factory=list)
    """Answers the spec allows but the facade could not read (a status word it does not know)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def cheapest_request(provider: str) -> VideoRequest:
    """The cheapest job the curated spec allows: a fast/lite model where there is one, the
    shortest duration, the lowest resolution, a short prompt."""
    caps = adapter(provider).capabilities
    names = list(caps.models)
    plain = [n for n in names if not re.search(r"i2v|ref|r2v|spicy", n, re.IGNORECASE)] or names
    model = next((n for n in plain if re.search(r"lite|fast", n, re.IGNORECASE)), plain[0])
    chosen = caps.model(model)
    ratios = [r for r in chosen.aspect_ratios or () if r != "adaptive"]
    ratio = "16:9" if "16:9" in ratios else (ratios[0] if ratios else None)
    duration = min(chosen.durations) if chosen.durations else None
    resolution = (
        min(chosen.resolutions, key=lambda r: int(re.sub(r"\D", "", r) or 0))
        if chosen.resolutions
        else None
    )
    # A reference-to-video model (Siray's only one) needs an image to start from.
    needs_image = (
        bool(re.search(r"ref2v|r2v", model, re.IGNORECASE)) and chosen.max_reference_images
    )
    images = (os.environ.get("SEEDANCE_VERIFY_IMAGE", REFERENCE_IMAGE),) if needs_image else ()
    return VideoRequest(
        prompt=PROMPT, model=model, duration=duration, resolution=resolution, aspect_ratio=ratio,
        reference_images=images,
    )  # fmt: skip


def run_spend(
    provider: str,
    *,
    api_key: str,
    base_url: str,
    budget: int,
    http_client: httpx.Client,
    timeout: float,
    keep: Callable[[Exchange], None],
    client_options: dict[str, Any],
) -> SpendResult:
    """Run up to *budget* cheapest jobs; every API answer is handed to *keep* to be checked."""
    request = cheapest_request(provider)
    shown = {k: v for k, v in attrs.asdict(request).items() if v not in (None, (), [])}
    result = SpendResult(budget, request=shown)

    def hook(response: httpx.Response) -> None:
        if not same_origin(str(response.request.url), base_url):
            return  # the video's own host: the facade checks the download itself
        if "json" in response.headers.get("content-type", ""):
            response.read()
        keep(exchange_of(response, probe="spend"))

    http_client.event_hooks["response"].append(hook)
    client = SeedanceClient(
        provider, api_key=api_key, base_url=base_url, http_client=http_client, **client_options
    )
    try:
        with tempfile.TemporaryDirectory(prefix="seedance-verify-") as folder:
            for number in range(1, budget + 1):
                if not _one(
                    client, request, result, Path(folder) / f"verify-{number}.mp4", timeout
                ):
                    break
    finally:
        http_client.event_hooks["response"].remove(hook)
    return result


def _one(
    client: SeedanceClient, request: VideoRequest, result: SpendResult, path: Path, timeout: float
) -> bool:
    """One paid job, counted before it is sent; False when the run must stop."""
    result.attempts += 1
    try:
        job = client.submit(request)
    except (AuthenticationError, PermissionDeniedError) as error:
        result.problem, result.problem_code = redact(f"spend: the key was refused: {error}"), 4
        return False
    except InsufficientCreditsError as error:
        result.problem, result.problem_code = redact(f"spend: {error}"), 5
        return False
    except SeedanceError as error:
        _unreadable(result, error, "create")
        if getattr(error, "may_have_been_accepted", False):
            result.unknown += 1
            result.failures.append(redact(f"create (outcome unknown, counted as spent): {error}"))
        else:
            result.failures.append(redact(f"create refused: {error}"))
        return True
    result.accepted.append(job.id)
    try:
        done = client.wait(job, timeout=timeout)
        client.download(done, path)
    except SeedanceError as error:
        result.failures.append(redact(f"job {job.id}: {type(error).__name__}: {error}"))
        _unreadable(result, error, "status")
        return True
    result.downloaded.append(job.id)
    return True


def _unreadable(result: SpendResult, error: SeedanceError, step: str) -> None:
    """An answer the facade could not turn into a `Job` is drift even where the spec is loose."""
    if not isinstance(error, ResponseError):
        return
    text = redact(str(error))
    kind, where = ("unknown_enum", "status") if "status" in text else ("invalid_value", "")
    result.findings.append(Finding(kind, f"{step} (facade)", where, text, f"spend: {step}"))
