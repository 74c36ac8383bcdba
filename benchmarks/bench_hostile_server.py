"""Hostile server (issue 6, deliverable 9): what each misbehaviour of a real server costs a caller.

Every behaviour of ``tests/hostile`` (the same `HostileServer`: raw sockets on 127.0.0.1, each
connection answered by a scripted behaviour) is run against `SeedanceClient` and
`AsyncSeedanceClient`: redirected creates, redirected reads, oversized answers (endless, 1 GiB
chunked or with its length, a ``Content-Length`` claiming 1 GiB, 1 MiB of gzip inflating to
1 GiB), trickling servers, error pages that quote the key, keys unfit for a header, lying file
hosts, and hostile webhooks. A fresh server and client per run; the client is built before the
clock starts (except where building it is the call).

Per scenario and client: ``reps`` runs without tracemalloc give the wall time (median and max)
and the RSS growth (VmHWM reset through ``/proc/self/clear_refs`` just before the call, minus the
RSS at that moment; the max over runs); one more run under tracemalloc gives its peak above the
start. ``--quick``: that one traced run only (its wall time then includes tracemalloc's cost).
The server runs in the same process (threads): what it allocates is counted too, which is why
it streams one prebuilt chunk instead of building bodies.

Each run is checked against the contract the tests pin: the error class (or success), the wall
time within the deadline + 1.5 s, a tracemalloc peak under 64 MiB, a create received once, no
file (nor ``.part``) left by a failed download, and the API key nowhere in what the error shows.
"""

from __future__ import annotations

import hmac
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hostile._server import (
    JSON_OPENING,
    Behaviour,
    HostileServer,
    cut_off,
    dead_url,
    echo_request,
    endless,
    gzip_bomb,
    gzip_response,
    huge,
    json_response,
    longer_than_declared,
    lying_length,
    redirect,
    respond,
    sequence,
    stall,
    trickle_body,
    trickle_head,
)
from hostile._support import (
    KEY,
    MARGIN,
    MEMORY_BOUND,
    MODES,
    ROUTES,
    SIGNED_QUERY,
    Facade,
    GiB,
    MiB,
    Mode,
    Outcome,
    Route,
    exposed,
    make_facade,
    observe,
)

import seedance
from seedance import (
    APITimeoutError,
    DownloadError,
    DownloadLimitError,
    InvalidRequestError,
    JobEvents,
    Limits,
    PollingPolicy,
    ResponseTooLargeError,
    RetryPolicy,
    SeedanceError,
    WaitTimeoutError,
    WebhookVerificationError,
)

from ._support import machine

TIMEOUT = 3.0
MP4 = (Path(seedance.__file__).parent / "testing" / "sample.mp4").read_bytes()
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01" + b"\x00" * 4000
FAST_RETRY = RetryPolicy(max_retries=1, initial_backoff=0.05)
SECRET = "whsec_bench"
REAL_VIDEO = "https://files.example.com/real.mp4"
FORGED_VIDEO = "https://attacker.example/forged.mp4"


@dataclass
class Context:
    """One run: its servers, client, provider route and download folder."""

    mode: Mode
    server: HostileServer
    other: HostileServer
    route: Route
    folder: Path
    facade: Facade | None = None

    @property
    def client(self) -> Facade:
        assert self.facade is not None
        return self.facade

    @property
    def target(self) -> Path:
        return self.folder / "video.mp4"

    def download_url(self) -> str:
        return self.server.url(f"/files/video.mp4?{SIGNED_QUERY}")


@dataclass(frozen=True)
class Scenario:
    group: str
    """The behaviour's number and name in the issue's list."""
    name: str
    serve: Callable[[Context], None]
    call: Callable[[Context], object]
    expected: tuple[type[Exception], ...] = ()
    """Error classes one of which the call must raise; empty: it must succeed."""
    deadline: float = TIMEOUT
    options: Mapping[str, Any] = field(default_factory=dict)
    """Client options (``timeout``, ``limits``, ``retry``, ...)."""
    provider: str = "modelark"
    creates: bool = False
    """A create: the server must receive it once."""
    accepted: bool = False
    """The error must say ``may_have_been_accepted`` (a create the server may have acted on)."""
    downloads: bool = False
    build_client: bool = True
    check: Callable[[Context, Outcome], str | None] | None = None
    """A further check: a problem to report, or None."""


# --- the calls --------------------------------------------------------------------------------
def _get(ctx: Context) -> object:
    return ctx.client.get("x")


def _create(ctx: Context) -> object:
    return ctx.client.submit(ctx.route.request)


def _wait(ctx: Context) -> object:
    return ctx.client.wait("x", timeout=3)


def _download(**options: Any) -> Callable[[Context], object]:
    def call(ctx: Context) -> object:
        return ctx.client.download(ctx.download_url(), ctx.target, **options)

    return call


def _on_get(behaviour: Callable[[], Behaviour]) -> Callable[[Context], None]:
    def serve(ctx: Context) -> None:
        ctx.server.serve(behaviour(), method="GET")

    return serve


def _on_create(behaviour: Callable[[], Behaviour]) -> Callable[[Context], None]:
    def serve(ctx: Context) -> None:
        ctx.server.serve(behaviour(), method="POST", path=ctx.route.create_path)

    return serve


def _on_any(behaviour: Callable[[], Behaviour]) -> Callable[[Context], None]:
    def serve(ctx: Context) -> None:
        ctx.server.serve(behaviour())

    return serve


def _nothing(ctx: Context) -> None:
    pass


# --- scenario builders ------------------------------------------------------------------------
def _redirected_create(status: int, target: str) -> Scenario:
    def serve(ctx: Context) -> None:
        location = dead_url(ctx.route.create_path) if target == "dead port" else target
        behaviour = redirect(location, status=status)
        ctx.server.serve(behaviour, method="POST", path=ctx.route.create_path)

    return Scenario(
        "1 redirected create",
        f"create: {status} to {target}",
        serve,
        _create,
        (SeedanceError,),
        creates=True,
        accepted=True,
    )


def _same_server_redirect(ctx: Context) -> None:
    moved = ctx.route.prefix + "/moved/x"
    ctx.server.serve(redirect(ctx.server.url(moved)), method="GET", path=ctx.route.get_path("x"))
    ctx.server.serve(json_response(ctx.route.succeeded), method="GET", path=moved)


def _other_origin_redirect(ctx: Context) -> None:
    behaviour = redirect(ctx.other.url("/stolen/x"), status=307)
    ctx.server.serve(behaviour, method="GET", path=ctx.route.get_path("x"))
    ctx.other.serve(json_response(ctx.route.succeeded))


def _key_at_other_origin(ctx: Context, outcome: Outcome) -> str | None:
    for request in ctx.other.received:
        if "authorization" in request.headers or KEY.encode() in request.raw:
            return "the key reached the other origin"
    return None


def _oversized(bomb: bytes) -> dict[str, Callable[[], Behaviour]]:
    return {
        "endless": endless,
        "1 GiB chunked": lambda: huge(GiB, chunked=True),
        "1 GiB with its length": lambda: huge(GiB, chunked=False),
        "Content-Length: 1 GiB (lie)": lambda: lying_length(GiB, JSON_OPENING + b"x" * 100),
        "gzip 1 MiB -> 1 GiB": lambda: gzip_response(bomb),
    }


def _padded_get(ctx: Context) -> None:
    body = {**ctx.route.succeeded, "padding": "x" * 2048}
    ctx.server.serve(json_response(body), method="GET")


def _bad_key(ctx: Context) -> object:
    route = ctx.route
    return make_facade(
        ctx.mode, route.provider, base_url=route.base_url(ctx.server), api_key="sk_test_abc\r"
    )


def _signed(body: bytes) -> dict[str, str]:
    return {"X-Genray-Signature": "sha256=" + hmac.new(SECRET.encode(), body, "sha256").hexdigest()}


def _webhook(provider: str, body: bytes) -> Callable[[Context], object]:
    def call(ctx: Context) -> object:
        headers = _signed(body) if provider == "genray" else {}
        secret = SECRET if provider == "genray" else None
        return seedance.parse_webhook(provider, body, headers, secret=secret)

    return call


def _forged_callback_serve(ctx: Context) -> None:
    route = ctx.route
    queued = json_response({**route.pending, "id": "cgt-forge", "status": "queued"})
    real = {**route.succeeded, "id": "cgt-forge", "content": {"video_url": REAL_VIDEO}}
    ctx.server.serve(
        sequence(queued, queued, json_response(real)),
        method="GET",
        path=route.get_path("cgt-forge"),
    )


def _forged_callback_call(ctx: Context) -> object:
    body = json.dumps(
        {
            "id": "cgt-forge",
            "model": "dreamina-seedance-2-0-260128",
            "status": "succeeded",
            "content": {"video_url": FORGED_VIDEO},
        }
    ).encode()
    inbox = JobEvents()
    inbox.publish(seedance.parse_webhook("modelark", body, {}))
    return ctx.client.wait("cgt-forge", events=inbox, timeout=6)


def _returns_real_video(ctx: Context, outcome: Outcome) -> str | None:
    url = getattr(outcome.value, "video_url", None)
    return None if url == REAL_VIDEO else f"returned video_url {url!r}"


def _saved(ctx: Context, outcome: Outcome) -> str | None:
    if not ctx.target.exists():
        return "nothing saved"
    return None


def scenarios(bomb: bytes) -> list[Scenario]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    deep = b'{"data": ' * 100_000 + b"1" + b"}" * 100_000
    not_utf8 = (
        b'{"event": "video.completed", "timestamp": "' + now.encode() + b'", "data": '
        b'{"id": "\xff\xfe", "status": "completed"}}'
    )
    array = b'[{"event": "video.completed"}]'
    found: list[Scenario] = [
        _redirected_create(303, "dead port"),
        _redirected_create(307, "dead port"),
        _redirected_create(302, "file:///etc/passwd"),
        Scenario("2 redirected read", "get: 302 to the same server", _same_server_redirect, _get),
        Scenario(
            "2 redirected read",
            "get: 307 to another origin",
            _other_origin_redirect,
            _get,
            (),
            check=_key_at_other_origin,
        ),
    ]
    for name, behaviour in _oversized(bomb).items():
        found.append(
            Scenario(
                "3 oversized answer",
                f"get: {name}",
                _on_get(behaviour),
                _get,
                (ResponseTooLargeError,),
            )
        )
    for name, behaviour in _oversized(bomb).items():
        found.append(
            Scenario(
                "3 oversized answer",
                f"create: {name}",
                _on_create(behaviour),
                _create,
                (ResponseTooLargeError,),
                creates=True,
                accepted=True,
            )
        )
    found += [
        Scenario(
            "3 oversized answer",
            "get: 2 KB, max_response_bytes=1000",
            _padded_get,
            _get,
            (ResponseTooLargeError,),
            options={"limits": Limits(max_response_bytes=1000)},
        ),
        Scenario(
            "4 trickle",
            "get: body 1 B/0.5 s, timeout=2",
            _on_get(lambda: trickle_body(0.5)),
            _get,
            (APITimeoutError,),
            deadline=2,
            options={"timeout": 2},
        ),
        Scenario(
            "4 trickle",
            "get: headers 1 B/0.5 s, timeout=2",
            _on_get(lambda: trickle_head(0.5)),
            _get,
            (APITimeoutError,),
            deadline=2,
            options={"timeout": 2},
        ),
        Scenario(
            "4 trickle",
            "wait(timeout=3): every poll trickles",
            _on_get(lambda: trickle_body(0.5)),
            _wait,
            (WaitTimeoutError, APITimeoutError),
            options={"timeout": 60.0},
        ),
        Scenario(
            "4 trickle",
            "create: body 1 B/0.5 s, timeout=2",
            _on_create(lambda: trickle_body(0.5)),
            _create,
            (APITimeoutError,),
            deadline=2,
            options={"timeout": 2},
            creates=True,
            accepted=True,
        ),
        Scenario(
            "5 key echoed",
            "get: 401 JSON quoting the request",
            _on_get(lambda: echo_request(401)),
            _get,
            (seedance.AuthenticationError,),
        ),
        Scenario(
            "5 key echoed",
            "get: 502 HTML quoting the request",
            _on_get(lambda: echo_request(502, html=True)),
            _get,
            (seedance.ServerError,),
            options={"retry": FAST_RETRY},
        ),
        Scenario(
            "5 key echoed",
            "create: 400 JSON quoting the request",
            _on_create(lambda: echo_request(400)),
            _create,
            (seedance.BadRequestError,),
            creates=True,
        ),
        Scenario(
            "6 bad key",
            "construct: key ending in \\r",
            _nothing,
            _bad_key,
            (InvalidRequestError,),
            build_client=False,
        ),
    ]
    html = b"<html><body>Access denied</body></html>"
    downloads: list[tuple[str, Callable[[], Behaviour], tuple[type[Exception], ...], Any]] = [
        (
            "HTML page with 200",
            lambda: respond(200, html, content_type="text/html"),
            (DownloadError,),
            {},
        ),
        ("JSON body with 200", lambda: respond(200, b'{"error": "expired"}'), (DownloadError,), {}),
        (
            "longer than its Content-Length",
            lambda: longer_than_declared(MP4, len(MP4) // 2),
            (DownloadError,),
            {},
        ),
        ("cut off halfway, no length", lambda: cut_off(MP4, len(MP4) // 2), (DownloadError,), {}),
        (
            "trickle 1 B/0.5 s, download_timeout=2",
            lambda: trickle_body(0.5, declared=len(MP4), content_type="video/mp4", body=MP4),
            (DownloadLimitError,),
            {"limits": Limits(download_stall_timeout=1, download_timeout=2)},
        ),
        (
            "stall after 1 KB, stall 1 s, download_timeout=3",
            lambda: stall(200, MP4[:1000], declared=len(MP4)),
            (DownloadLimitError,),
            {"limits": Limits(download_stall_timeout=1, download_timeout=3)},
        ),
        (
            "6 KB over max_download_bytes=1000",
            lambda: respond(200, MP4, content_type="video/mp4"),
            (DownloadLimitError,),
            {"limits": Limits(max_download_bytes=1000)},
        ),
        (
            "endless, no length, cap 4 MiB",
            lambda: endless(prefix=MP4, filler=MP4 * 10, content_type="video/mp4"),
            (DownloadLimitError,),
            {"limits": Limits(max_download_bytes=4 * MiB)},
        ),
    ]
    for name, behaviour, expected, options in downloads:
        limits = options.get("limits")
        deadline = (limits.download_timeout if limits else None) or TIMEOUT
        found.append(
            Scenario(
                "7 download",
                name,
                _on_any(behaviour),
                _download(),
                expected,
                deadline=deadline,
                options={"retry": FAST_RETRY, **options},
                downloads=True,
            )
        )
    found += [
        Scenario(
            "7 download",
            "a real MP4 (control)",
            _on_any(lambda: respond(200, MP4, content_type="video/mp4")),
            _download(),
            options={"retry": FAST_RETRY},
            downloads=True,
            check=_saved,
        ),
        Scenario(
            "7 download",
            "WebM with verify=False",
            _on_any(lambda: respond(200, WEBM, content_type="video/webm")),
            _download(verify=False),
            options={"retry": FAST_RETRY},
            downloads=True,
            check=_saved,
        ),
        Scenario(
            "8 webhook",
            "genray: 100,000 deep, signed",
            _nothing,
            _webhook("genray", deep),
            (WebhookVerificationError,),
            build_client=False,
        ),
        Scenario(
            "8 webhook",
            "genray: not UTF-8, signed",
            _nothing,
            _webhook("genray", not_utf8),
            (WebhookVerificationError,),
            build_client=False,
        ),
        Scenario(
            "8 webhook",
            "genray: a JSON array, signed",
            _nothing,
            _webhook("genray", array),
            (WebhookVerificationError,),
            build_client=False,
        ),
        Scenario(
            "8 webhook",
            "modelark: 100,000 deep",
            _nothing,
            _webhook("modelark", deep),
            (WebhookVerificationError,),
            build_client=False,
        ),
        Scenario(
            "8 webhook",
            "wait: forged callback, then GET queued, queued, succeeded",
            _forged_callback_serve,
            _forged_callback_call,
            deadline=6,
            options={"polling": PollingPolicy(initial=0.2, maximum=0.2)},
            check=_returns_real_video,
        ),
    ]
    return found


# --- running ----------------------------------------------------------------------------------
def _one(scenario: Scenario, mode: Mode, *, trace: bool) -> tuple[Outcome, list[str], int | None]:
    """One run: (outcome, problems found, creates received or None)."""
    route = ROUTES[scenario.provider]
    with (
        HostileServer() as server,
        HostileServer() as other,
        tempfile.TemporaryDirectory(prefix="bench-hostile-") as folder,
    ):
        ctx = Context(mode, server, other, route, Path(folder))
        scenario.serve(ctx)
        if scenario.build_client:
            options = {"timeout": TIMEOUT, **scenario.options}  # the wait keeps 60 s
            ctx.facade = make_facade(
                mode, route.provider, base_url=route.base_url(server), **options
            )
        try:
            outcome = observe(lambda: scenario.call(ctx), trace=trace)
        finally:
            if ctx.facade is not None:
                ctx.facade.close()
        problems = _problems(scenario, ctx, outcome, trace=trace)
        creates = server.count("POST", route.create_path) if scenario.creates else None
    return outcome, problems, creates


def _problems(scenario: Scenario, ctx: Context, outcome: Outcome, *, trace: bool) -> list[str]:
    problems: list[str] = []
    error = outcome.error
    if scenario.expected and not isinstance(error, scenario.expected):
        problems.append(f"expected {'/'.join(k.__name__ for k in scenario.expected)}")
    if not scenario.expected and error is not None:
        problems.append("expected success")
    if outcome.seconds >= scenario.deadline + MARGIN:
        problems.append(f"over {scenario.deadline:g}+{MARGIN:g} s")
    if trace and outcome.peak_bytes >= MEMORY_BOUND:
        problems.append(f"tracemalloc peak >= {MEMORY_BOUND // MiB} MiB")
    if error is not None and any(KEY in text for text in exposed(error).values()):
        problems.append("key shown")
    if scenario.creates:
        sent = ctx.server.count("POST", ctx.route.create_path)
        if sent != 1:
            problems.append(f"create sent {sent} times")
    if scenario.accepted and getattr(error, "may_have_been_accepted", False) is not True:
        problems.append("may_have_been_accepted is not True")
    if scenario.downloads and error is not None:
        left = sorted(path.name for path in ctx.folder.iterdir())
        if left:
            problems.append(f"left {left}")
        if "secret123" in str(error):
            problems.append("signed query string shown")
    if scenario.check is not None:
        extra = scenario.check(ctx, outcome)
        if extra:
            problems.append(extra)
    return problems


def _outcome_name(outcome: Outcome) -> str:
    return "ok" if outcome.error is None else type(outcome.error).__name__


def _measure(scenario: Scenario, mode: Mode, reps: int) -> dict[str, Any]:
    seconds: list[float] = []
    rss: list[int] = []
    problems: list[str] = []
    outcomes: list[str] = []
    creates: list[int | None] = []
    for _ in range(reps):
        outcome, found, sent = _one(scenario, mode, trace=False)
        seconds.append(outcome.seconds)
        rss.append(outcome.rss_growth_bytes)
        problems += found
        outcomes.append(_outcome_name(outcome))
        creates.append(sent)
    traced, found, sent = _one(scenario, mode, trace=True)
    problems += found
    outcomes.append(_outcome_name(traced))
    creates.append(sent)
    if not seconds:  # --quick: the traced run is the only one
        seconds, rss = [traced.seconds], [traced.rss_growth_bytes]
    return {
        "outcome": outcomes[-1],
        "outcomes": sorted(set(outcomes)),
        "message": "" if traced.error is None else str(traced.error)[:300],
        "seconds_median": round(statistics.median(seconds), 3),
        "seconds_max": round(max(seconds), 3),
        "tracemalloc_peak_mib": round(traced.peak_bytes / MiB, 2),
        "rss_growth_mib": round(max(rss) / MiB, 2),
        "creates_received": creates[-1],
        "problems": sorted(set(problems)),
        "ok": not problems,
    }


def run(quick: bool) -> dict[str, Any]:
    started = time.perf_counter()
    bomb = gzip_bomb()
    reps = 0 if quick else 3
    built = round(time.perf_counter() - started, 2)
    results: list[dict[str, Any]] = []
    table = [
        "| # | call and behaviour | expected | sync: outcome | s | peak MiB | RSS MiB"
        " | async: outcome | s | peak MiB | RSS MiB | contract |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    missed: list[str] = []
    for scenario in scenarios(bomb):
        row: dict[str, Any] = {
            "group": scenario.group,
            "name": scenario.name,
            "provider": scenario.provider,
            "expected": [k.__name__ for k in scenario.expected] or ["ok"],
            "deadline_s": scenario.deadline,
        }
        cells: list[str] = []
        for mode in MODES:
            measured = _measure(scenario, mode, reps)
            row[mode] = measured
            cells += [
                measured["outcome"],
                f"{measured['seconds_median']:.2f}",
                f"{measured['tracemalloc_peak_mib']:.1f}",
                f"{measured['rss_growth_mib']:.1f}",
            ]
            if not measured["ok"]:
                missed.append(f"{scenario.name} ({mode}): {', '.join(measured['problems'])}")
        ok = row["sync"]["ok"] and row["async"]["ok"]
        verdict = (
            "met"
            if ok
            else "NO: " + "; ".join(sorted(set(row["sync"]["problems"] + row["async"]["problems"])))
        )
        results.append(row)
        table.append(
            f"| {scenario.group.split()[0]} | {scenario.name} | {'/'.join(row['expected'])}"
            f" | {' | '.join(cells)} | {verdict} |"
        )
    return {
        "method": "tests/hostile's HostileServer (real sockets, 127.0.0.1, same process) x"
        " SeedanceClient/AsyncSeedanceClient; fresh server and client per run; "
        + (
            "one run under tracemalloc per cell (--quick)"
            if quick
            else f"median of {reps} untraced runs (time, RSS growth = VmHWM reset - RSS) +"
            " 1 traced run (tracemalloc peak)"
        ),
        "machine": machine(),
        "gzip_bomb": {"bytes": len(bomb), "inflates_to": GiB + 10, "built_s": built},
        "scenarios": results,
        "table": table,
        "targets_missed": missed,
        "target_met": not missed,
    }
