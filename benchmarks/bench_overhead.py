"""Issues 6 and 12: per-call overhead of one create + get round trip, four ways.

(a) raw httpx posting the same JSON, (b) the generated client ``seedance_modelark``, (c) the
facade ``SeedanceClient("modelark")`` (submit + get) and (d) the official BytePlus Ark SDK
(``byteplus-python-sdk-v2``, in its own venv under /tmp, never in the project's environment).
Two requests: ``minimal`` (a model and a prompt) and ``multimodal`` (the realistic one of issue
12: two reference images, a reference video, a reference audio and seven options). Every
variant builds its request inside the timed round trip (the facade its `VideoRequest`).

Each variant runs in its own worker process, kept alive for the whole run and told over stdin to
do a batch of round trips; the parent interleaves the batches in rounds so that the noise of
this machine falls on every variant alike. The rounds cycle through balanced orders (a Williams
design: every variant runs at every position and right after every other one equally often; a
plain rotation had raw httpx always run right after the official SDK). Ratios to raw httpx are
taken per round (variant's round median / raw httpx's in the same round) and reported as their
median with quartiles and range. Three modes:

- ``loopback``: real HTTP to one ModelArk simulator server on 127.0.0.1, in a process of its own
  (``benchmarks._support serve``). The server validates every request against the curated spec
  with openapi-core, so it costs far more than any client: the ratios here are diluted by it.
- ``mock``: the same four clients, in-process ``httpx.MockTransport`` returning canned bodies
  (a real create response and a real succeeded task from the simulator), so what is timed is the
  client-side cost alone: building, sending through httpx, parsing.
- ``mock_blocking``: as ``mock``, but each answer comes after a blocking ``time.sleep``
  (``NAP_SECONDS``, taken out of the timings). Over a socket every answer deschedules the client,
  which then resumes (most likely) with caches other processes used meanwhile; the more code a
  client runs per call, the more that costs. The tight ``mock`` loop never pays it, which
  is why its extra understates the facade's over loopback; this mode measures it without the
  server's noise.

The official SDK sends every optional field as ``null``, which the curated spec (and so the
simulator) rejects: in loopback mode its worker strips the nulls in a transport shim before
sending and subtracts the shim's own measured time from each round trip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._support import (
    ROOT,
    SDK_PACKAGE,
    SimulatorProcess,
    balanced_orders,
    machine,
    median,
    project_env,
    sdk_python,
    sdk_version,
    spread,
    summary,
)

MODEL = "seedance-1-0-pro-250528"
PROMPT = "a cat cooking pasta"
# What the facade sends for VideoRequest(prompt=PROMPT, model=MODEL): the others send the same.
BODY = {"model": MODEL, "content": [{"type": "text", "text": PROMPT}]}
MM_MODEL = "dreamina-seedance-2-0-260128"


def _minimal_body() -> dict[str, Any]:
    return {"model": MODEL, "content": [{"type": "text", "text": PROMPT}]}


def _multimodal_body() -> dict[str, Any]:
    """What the facade sends for the multimodal `VideoRequest`, byte for byte (the generated
    model's field order), written out as a caller of raw httpx would."""
    return {
        "model": MM_MODEL,
        "content": [
            {"type": "text", "text": PROMPT},
            {
                "type": "image_url",
                "image_url": {"url": "https://example.com/a.png"},
                "role": "reference_image",
            },
            {
                "type": "image_url",
                "image_url": {"url": "https://example.com/b.png"},
                "role": "reference_image",
            },
            {
                "type": "video_url",
                "video_url": {"url": "https://example.com/reference.mp4"},
                "role": "reference_video",
            },
            {
                "type": "audio_url",
                "audio_url": {"url": "https://example.com/reference.mp3"},
                "role": "reference_audio",
            },
        ],
        "resolution": "720p",
        "ratio": "16:9",
        "duration": 5,
        "seed": 42,
        "watermark": False,
        "generate_audio": True,
        "callback_url": "https://hooks.example.com/modelark",
    }


_BODIES = {"minimal": _minimal_body, "multimodal": _multimodal_body}
API_KEY = "sk_bench"
# The blocking mock's wait per answer: about what the simulator takes for a minimal create.
NAP_SECONDS = 0.003
MOCK_BASE = "http://127.0.0.1:9/api/v3"  # never connected to: the mock transport answers
VARIANTS = ("raw_httpx", "generated", "facade", "official_sdk")


# --- the worker side (runs in a child process, possibly in the SDK's venv) --------------------
def worker() -> None:
    """Serve ``run N`` / ``quit`` lines on stdin; answer each run with a JSON list of seconds."""
    config = json.loads(sys.argv[1])
    roundtrip, spent = _VARIANT_FACTORIES[config["variant"]](config)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "quit":
            break
        if command == "check":
            print(json.dumps(_sent_body(config)), flush=True)
            continue
        if command == "profile":
            print(json.dumps(_profile(roundtrip, int(argument))), flush=True)
            continue
        if command == "parts":
            print(json.dumps(_facade_parts(config, int(argument))), flush=True)
            continue
        times = []
        for _ in range(int(argument)):
            before = spent[0] + _NAPPED[0]
            started = time.perf_counter()
            roundtrip()
            elapsed = time.perf_counter() - started
            times.append(elapsed - (spent[0] + _NAPPED[0] - before))
        print(json.dumps(times), flush=True)


def _profile(roundtrip: Callable[[], None], count: int) -> list[list[Any]]:
    """The functions with the most own time over *count* round trips (where the time goes)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        roundtrip()
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = "/".join(Path(filename).parts[-2:])
        rows.append([f"{short}:{line}({name})", calls // count, own / count * 1e6, cumulative])
    rows.sort(key=lambda row: -row[2])
    return [[where, calls, round(own_us, 1)] for where, calls, own_us, _ in rows[:15]]


def _video_request(case: str) -> Callable[[], Any]:
    """A function making the facade's `VideoRequest` for *case* (the caller's own step)."""
    from seedance import VideoRequest

    def minimal() -> Any:
        return VideoRequest(prompt=PROMPT, model=MODEL)

    def multimodal() -> Any:
        return VideoRequest(
            prompt=PROMPT,
            model=MM_MODEL,
            duration=5,
            resolution="720p",
            aspect_ratio="16:9",
            seed=42,
            generate_audio=True,
            reference_images=["https://example.com/a.png", "https://example.com/b.png"],
            reference_videos=["https://example.com/reference.mp4"],
            reference_audios=["https://example.com/reference.mp3"],
            watermark=False,
            webhook_url="https://hooks.example.com/modelark",
        )

    return minimal if case == "minimal" else multimodal


def _sent_body(config: dict[str, Any]) -> Any:
    """The JSON body this variant's create sends (the parent checks they are all the same)."""
    import httpx

    sent: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            sent.append(json.loads(request.content))
        canned = config["canned"]
        body = canned["create"] if request.method == "POST" else canned["get"]
        return httpx.Response(200, content=body.encode(), headers=_JSON_TYPE)

    roundtrip, _ = _VARIANT_FACTORIES[config["variant"]](
        {**config, "mode": "mock"}, httpx.MockTransport(handler)
    )
    roundtrip()
    return sent[0]


def _facade_parts(config: dict[str, Any], count: int) -> dict[str, float]:
    """Median microseconds of the facade's own steps, unprofiled (where its overhead goes)."""
    from seedance import SeedanceClient

    client = SeedanceClient(
        "modelark", base_url=config["base_url"], api_key=API_KEY, transport=_transport(config)
    )
    engine = client._engine
    spec = engine.adapter.spec
    new_request = _video_request(config["case"])
    body = _BODIES[config["case"]]()
    call = engine.create_call(new_request())
    deadline = engine.call_deadline()
    created = client.submit(new_request())
    steps: dict[str, Callable[[], Any]] = {
        "VideoRequest(...)": new_request,
        "create_call: capabilities + body + spec validation": lambda: engine.create_call(
            new_request()
        ),
        "spec.validate_body alone": lambda: spec.validate_body("create_task", body),
        "build_request (create)": lambda: engine.build_request(client._http, call, deadline),
        "submit (create_call + send + parse + Job)": lambda: client.submit(new_request()),
        "get (send + parse + Job)": lambda: client.get(created),
    }
    from seedance import _engine

    parse_once = getattr(_engine, "_url", None)
    if parse_once is not None:  # since issue 12: URLs are parsed once (the bench polls one job)

        def first_poll() -> Any:
            parse_once.cache_clear()
            return client.get(created)

        steps["get, its URL not parsed before (a job's first poll)"] = first_poll
    if hasattr(spec, "body_check"):  # since issue 12: the jsonschema path explains errors only
        reference = spec.body_check("create_task").reference
        steps["spec.validate_body's reference path (jsonschema)"] = lambda: list(
            reference.iter_errors(body)
        )
    result = {}
    for name, step in steps.items():
        times = []
        for _ in range(count):
            started = time.perf_counter()
            step()
            times.append(time.perf_counter() - started)
        result[name] = round(sorted(times)[len(times) // 2] * 1e6, 1)
    return result


_JSON_TYPE = {"content-type": "application/json"}
# Seconds the blocking mock slept in this worker so far; each round trip has its naps taken out.
_NAPPED = [0.0]


def _transport(config: dict[str, Any]) -> Any:
    import httpx

    if config["mode"] not in ("mock", "mock_blocking"):
        return None
    created = config["canned"]["create"].encode()
    task = config["canned"]["get"].encode()
    nap = NAP_SECONDS if config["mode"] == "mock_blocking" else 0.0

    def handler(request: httpx.Request) -> httpx.Response:
        if nap:
            # Blocks as a real answer does: the client is descheduled and wakes up with caches
            # another process has used, which a tight in-memory loop never shows.
            started = time.perf_counter()
            time.sleep(nap)
            _NAPPED[0] += time.perf_counter() - started
        body = created if request.method == "POST" else task
        return httpx.Response(200, content=body, headers=_JSON_TYPE)

    return httpx.MockTransport(handler)


def _raw_httpx(
    config: dict[str, Any], transport: Any = None
) -> tuple[Callable[[], None], list[float]]:
    import httpx

    http = httpx.Client(transport=transport or _transport(config))
    base = config["base_url"]
    headers = {"Authorization": f"Bearer {API_KEY}"}
    new_body = _BODIES[config["case"]]

    def roundtrip() -> None:
        # The request's JSON is built here, as the other variants build theirs.
        created = http.post(f"{base}/contents/generations/tasks", json=new_body(), headers=headers)
        created.raise_for_status()
        task = http.get(
            f"{base}/contents/generations/tasks/{created.json()['id']}", headers=headers
        )
        task.raise_for_status()
        assert task.json()["status"]

    return roundtrip, [0.0]


def _generated(
    config: dict[str, Any], transport: Any = None
) -> tuple[Callable[[], None], list[float]]:
    from seedance_modelark import AuthenticatedClient
    from seedance_modelark.api.tasks import create_task, get_task
    from seedance_modelark.models import CreateTaskRequest, Task, TaskCreated

    transport = transport or _transport(config)
    args = {} if transport is None else {"transport": transport}
    client = AuthenticatedClient(base_url=config["base_url"], token=API_KEY, httpx_args=args)
    new_body = _BODIES[config["case"]]

    def roundtrip() -> None:
        created = create_task.sync(client=client, body=CreateTaskRequest.from_dict(new_body()))
        assert isinstance(created, TaskCreated), created
        task = get_task.sync(created.id, client=client)
        assert isinstance(task, Task), task

    return roundtrip, [0.0]


def _facade(
    config: dict[str, Any], transport: Any = None
) -> tuple[Callable[[], None], list[float]]:
    from seedance import SeedanceClient

    client = SeedanceClient(
        "modelark",
        base_url=config["base_url"],
        api_key=API_KEY,
        transport=transport or _transport(config),
    )
    new_request = _video_request(config["case"])

    def roundtrip() -> None:
        job = client.submit(new_request())
        assert client.get(job).id == job.id

    return roundtrip, [0.0]


def _official_sdk(
    config: dict[str, Any], transport: Any = None
) -> tuple[Callable[[], None], list[float]]:
    import httpx
    from byteplussdkarkruntime import Ark

    spent = [0.0]
    transport = transport or _transport(config)
    if transport is None:

        class StripNulls(httpx.HTTPTransport):
            """The SDK sends every unset field as null, which the curated spec rejects."""

            def handle_request(self, request: httpx.Request) -> httpx.Response:
                started = time.perf_counter()
                if request.method == "POST":
                    body = {k: v for k, v in json.loads(request.content).items() if v is not None}
                    content = json.dumps(body).encode()
                    headers = request.headers.copy()
                    headers["content-length"] = str(len(content))
                    request = httpx.Request(
                        request.method, request.url, headers=headers, content=content,
                        extensions=request.extensions,
                    )  # fmt: skip
                spent[0] += time.perf_counter() - started
                return super().handle_request(request)

        transport = StripNulls()
    client = Ark(
        base_url=config["base_url"], api_key=API_KEY, http_client=httpx.Client(transport=transport)
    )
    tasks = client.content_generation.tasks
    multimodal = config["case"] == "multimodal"

    def roundtrip() -> None:
        if multimodal:
            body = _multimodal_body()
            created = tasks.create(**body)
        else:
            created = tasks.create(model=MODEL, content=[{"type": "text", "text": PROMPT}])
        assert tasks.get(task_id=created.id).id == created.id

    return roundtrip, spent


_VARIANT_FACTORIES = {
    "raw_httpx": _raw_httpx,
    "generated": _generated,
    "facade": _facade,
    "official_sdk": _official_sdk,
}


# --- the parent side ---------------------------------------------------------------------------
class _Worker:
    def __init__(self, python: Path | str, config: dict[str, Any], env: dict[str, str]) -> None:
        boot = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r});"
            " from benchmarks.bench_overhead import worker; worker()"
        )
        self.process = subprocess.Popen(
            [str(python), "-c", boot, json.dumps(config)], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip

    def ask(self, line: str) -> Any:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"an overhead worker died (exit {self.process.wait()})")
        return json.loads(answer)

    def close(self) -> None:
        try:
            self.ask_quit()
        finally:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def ask_quit(self) -> None:
        if self.process.poll() is None and self.process.stdin is not None:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()


def _canned_bodies(body: dict[str, Any]) -> dict[str, str]:
    """A create response and a succeeded task for *body*, as the ModelArk simulator answers."""
    from seedance.testing import Simulator

    simulator = Simulator("modelark")
    with simulator.http_client() as http:
        headers = {"Authorization": f"Bearer {API_KEY}"}
        created = http.post("/contents/generations/tasks", json=body, headers=headers)
        simulator.clock.advance(120)  # type: ignore[attr-defined]
        task = http.get(f"/contents/generations/tasks/{created.json()['id']}", headers=headers)
    assert task.json()["status"] == "succeeded", task.text
    return {"create": created.text, "get": task.text}


def _same_bodies(workers: dict[str, _Worker], case: str) -> None:
    """Every variant sends the same body (the SDK's nulls aside); the facade byte for byte."""
    expected = _BODIES[case]()
    for name, each in workers.items():
        sent = each.ask("check")
        if name == "official_sdk":
            sent = {key: value for key, value in sent.items() if value is not None}
            assert sent == expected, (name, sent)
        else:
            assert json.dumps(sent) == json.dumps(expected), (name, sent)


def _measure(
    mode: str,
    case: str,
    base_url: str,
    sdk: Path | None,
    canned: dict[str, str],
    *,
    rounds: int,
    batch: int,
    profile: int,
) -> dict[str, Any]:
    names = [name for name in VARIANTS if name != "official_sdk" or sdk is not None]
    workers: dict[str, _Worker] = {}
    try:
        for name in names:
            config = {
                "variant": name, "mode": mode, "case": case, "base_url": base_url,
                "canned": canned,
            }  # fmt: skip
            if name == "official_sdk":
                assert sdk is not None
                env = {k: v for k, v in project_env().items() if k != "PYTHONPATH"}
                workers[name] = _Worker(sdk, config, env)
            else:
                workers[name] = _Worker(sys.executable, config, project_env())
        _same_bodies(workers, case)
        for name in names:
            workers[name].ask(f"run {max(5, batch // 4)}")  # warm-up: imports, connections
        samples: dict[str, list[float]] = {name: [] for name in names}
        per_round: dict[str, list[float]] = {name: [] for name in names}
        orders = balanced_orders(len(names))
        rounds = -(-rounds // len(orders)) * len(orders)  # whole cycles of the balanced orders
        for number in range(rounds):
            order = [names[index] for index in orders[number % len(orders)]]
            for name in order:
                times = workers[name].ask(f"run {batch}")
                samples[name] += times
                per_round[name].append(median(times))
        result: dict[str, Any] = {"rounds": rounds, "round_trips_per_batch": batch}
        raw = per_round["raw_httpx"]
        for name in names:
            paired = [mine / theirs for mine, theirs in zip(per_round[name], raw, strict=True)]
            result[name] = {
                "us_per_roundtrip": summary(samples[name]),
                "ratio_vs_raw_httpx": round(median(paired), 3),
                # The spread of the per-round ratios the median above is taken from.
                "ratio_vs_raw_httpx_per_round": spread(paired),
            }
        if "official_sdk" in names:
            paired = [
                facade / official
                for facade, official in zip(
                    per_round["facade"], per_round["official_sdk"], strict=True
                )
            ]
            result["facade_vs_official_sdk"] = round(median(paired), 3)
        result["raw_httpx_first_vs_last_round_us"] = [round(raw[0] * 1e6), round(raw[-1] * 1e6)]
        result["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
        if profile:
            facade = workers["facade"]
            result["facade_steps_us"] = facade.ask(f"parts {profile}")
            result["facade_profile_top_own_time_us"] = facade.ask(f"profile {profile}")
        return result
    finally:
        for each in workers.values():
            each.close()


# Issue 12's targets: facade / raw httpx, client side (mock) per request, and over loopback.
TARGETS = {("mock", "minimal"): 1.4, ("mock", "multimodal"): 1.5}
LOOPBACK_TARGET = 1.05


def run(quick: bool) -> dict[str, Any]:
    sdk, sdk_note = sdk_python(create=not quick)
    result: dict[str, Any] = {
        "machine": machine(),
        "method": "create+get round trips, per-variant worker processes, interleaved rounds in"
        " balanced orders (each variant at each position and after each other equally often);"
        " ratio = median over rounds of (variant round median / raw httpx round median), with"
        " the quartiles and range of those per-round ratios",
        "official_sdk": sdk_note
        + ("" if sdk is None else f"; {SDK_PACKAGE} {sdk_version(sdk)} in {sdk.parent.parent}"),
    }
    loop_rounds, loop_batch = (4, 10) if quick else (36, 20)
    mock_rounds, mock_batch = (4, 50) if quick else (16, 300)
    blocking_rounds, blocking_batch = (4, 10) if quick else (16, 60)
    targets: dict[str, bool] = {}
    for case, new_body in _BODIES.items():
        canned = _canned_bodies(new_body())
        # The minimal case keeps the keys of earlier runs ("loopback", "mock").
        suffix = "" if case == "minimal" else f"_{case}"
        with SimulatorProcess("modelark", speed=1.0) as server:
            result[f"loopback{suffix}"] = _measure(
                "loopback", case, server.base_url, sdk, canned,
                rounds=loop_rounds, batch=loop_batch, profile=0,
            )  # fmt: skip
        result[f"mock{suffix}"] = mock = _measure(
            "mock", case, MOCK_BASE, sdk, canned,
            rounds=mock_rounds, batch=mock_batch, profile=0 if quick else 2000,
        )  # fmt: skip
        # The same canned answers, each after a blocking wait (taken out of the timings): what
        # the clients cost when every answer deschedules them, as every answer over a socket does.
        result[f"mock_blocking{suffix}"] = blocking = _measure(
            "mock_blocking", case, MOCK_BASE, sdk, canned,
            rounds=blocking_rounds, batch=blocking_batch, profile=0,
        )  # fmt: skip
        loopback = result[f"loopback{suffix}"]
        loop_raw = loopback["raw_httpx"]["us_per_roundtrip"]["median"]
        mock_raw = mock["raw_httpx"]["us_per_roundtrip"]["median"]
        extra = mock["facade"]["us_per_roundtrip"]["median"] - mock_raw
        blocked = (
            blocking["facade"]["us_per_roundtrip"]["median"]
            - blocking["raw_httpx"]["us_per_roundtrip"]["median"]
        )
        result[f"summary{suffix}"] = {
            "server_and_socket_share_of_raw_loopback": round(1 - mock_raw / loop_raw, 3),
            "facade_client_side_extra_us_over_raw": round(extra, 1),
            "facade_extra_as_share_of_loopback_raw_roundtrip": round(extra / loop_raw, 3),
            "facade_client_side_extra_us_over_raw_when_blocking": round(blocked, 1),
            # What the loopback ratio would be if the facade's only extra were that cost.
            "loopback_ratio_explained_by_blocking_extra": round(1 + blocked / loop_raw, 3),
        }
        limit = TARGETS[("mock", case)]
        targets[f"{case}: facade <= {limit}x raw httpx (mock, client side)"] = (
            mock["facade"]["ratio_vs_raw_httpx"] <= limit
        )
        targets[f"{case}: facade <= {LOOPBACK_TARGET}x raw httpx (loopback)"] = (
            loopback["facade"]["ratio_vs_raw_httpx"] <= LOOPBACK_TARGET
        )
        if sdk is not None:
            targets[f"{case}: facade faster than the official SDK (mock)"] = (
                mock["facade_vs_official_sdk"] < 1
            )
            targets[f"{case}: facade faster than the official SDK (loopback)"] = (
                loopback["facade_vs_official_sdk"] < 1
            )
    result["targets"] = targets
    return result
