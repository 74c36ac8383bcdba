"""Where a provider serves a finished job's video from another call than its status (fal's result
route: `Adapter.follow_up`), the shared suites mock that call too, as the adapter builds it.

The route comes from the adapter itself, so a suite follows whatever the client would request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import respx

from seedance import Job, JobStatus
from seedance.adapters import adapter

if TYPE_CHECKING:
    from facade.profiles._profile import Profile


def follow_up_route(provider: str, job_id: str) -> tuple[str, str] | None:
    """(method, URL path) of the call that completes finished job *job_id* of *provider*, or
    None where the status answer is the whole job.

    >>> follow_up_route("genray", "job-1") is None
    True
    """
    provider_adapter = adapter(provider)
    finished = Job(id=job_id, provider=provider, status=JobStatus.SUCCEEDED)
    call = provider_adapter.follow_up(finished)
    if call is None:
        return None
    kwargs = call.operation._get_kwargs(**call.arguments)
    prefix = httpx.URL(provider_adapter.base_url).path.rstrip("/")
    return str(kwargs["method"]).upper(), prefix + str(kwargs["url"])


def finished_answer(profile: Profile, router: respx.MockRouter, job_id: str) -> httpx.Response:
    """The status answer of finished job *job_id*: `Profile.succeeded` itself, or, where a
    follow-up call reads the video, the profile's SUCCEEDED status body, with that call mocked
    to answer `Profile.succeeded`."""
    route = follow_up_route(profile.provider, job_id)
    if route is None:
        return httpx.Response(200, json=profile.succeeded)
    router.route(method=route[0], path=route[1]).respond(200, json=profile.succeeded)
    status = next(case for case in profile.statuses if case.status is JobStatus.SUCCEEDED)
    return httpx.Response(200, json=status.body)
