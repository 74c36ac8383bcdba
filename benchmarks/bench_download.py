"""Issues 6 and 12, item 5: downloading a large file with the facade, against ``curl``.

A ModelArk simulator serves a ``video_size``-byte file (64 MB and 256 MB) at
``<root>/files/<task id>.mp4`` from its own process (it builds the body in memory once, on the
first request: a warm-up ``curl`` pays for that). Each repetition downloads the file once with
``curl -o``, once with ``SeedanceClient.download`` and once with a bare httpx streaming loop,
rotating the order, all into the same temporary directory. The two Python clients each live in
one long-running worker process that downloads when told (a program that downloads its videos
keeps its client), so neither interpreter start-up nor a worker's exit overlaps a measurement.
Throughput is bytes / seconds as each tool times itself (curl's ``time_total``; the facade's
call, from before ``download`` to its return); ratios are curl's seconds over the client's, per
repetition (the three ran back to back, so their ratio cancels most of the machine's load),
reported as median, quartiles and range.

The facade's call includes what curl does not do: ``fsync`` of the file and the rename into place
(its atomic-download guarantee); the time up to the last byte received (from ``on_progress``) is
reported beside it. Peak memory is the worker's ``VmHWM`` (reset through ``/proc/self/clear_refs``
just before the download) minus its ``VmRSS`` at that moment: the client process only.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ._support import ROOT, SimulatorProcess, machine, median, project_env, ratio

API_KEY = "sk_bench"
MIB = 1024 * 1024


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(who: int) -> float:
    import resource

    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def worker() -> None:
    """``worker MODE BASE_URL URL``: for each TARGET path read from stdin, download URL to it
    with the facade (MODE ``facade``) or with a bare ``httpx.Client.stream`` loop
    (``raw_httpx``), one client for all, as a long-running program would; print each one's
    timings, CPU and memory as a JSON line."""
    import httpx

    from seedance import SeedanceClient

    mode, base_url, url = sys.argv[1:4]
    with (
        SeedanceClient("modelark", base_url=base_url, api_key=API_KEY) as client,
        httpx.Client(timeout=60) as http,  # as the facade's stall timeout: a loaded machine
    ):
        for line in sys.stdin:
            _download_once(mode, client, http, url, line.strip())


def _download_once(mode: str, client: Any, http: Any, url: str, target: str) -> None:
    import resource

    last_byte = [0.0]

    def on_progress(done: int, total: int | None) -> None:
        if done == total:
            last_byte[0] = time.perf_counter()

    def raw() -> None:
        headers = {"Authorization": f"Bearer {API_KEY}", "Accept-Encoding": "identity"}
        with http.stream("GET", url, headers=headers) as response, open(target, "wb") as file:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                file.write(chunk)
        last_byte[0] = time.perf_counter()

    rss_before = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        reset = True
    except OSError:
        reset = False
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
    started = time.perf_counter()
    if mode == "facade":
        client.download(url, target, on_progress=on_progress)
    else:
        raw()
    finished = time.perf_counter()
    cpu = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    hwm_after = _status_kb("VmHWM")
    print(
        json.dumps(
            {
                "seconds": finished - started,
                "seconds_to_last_byte": (last_byte[0] or finished) - started,
                "cpu_seconds": cpu,
                "rss_before_kb": rss_before,
                "hwm_after_kb": hwm_after,
                "hwm_reset": reset,
                "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        ),
        flush=True,
    )


class _Worker:
    """A long-lived worker process (`worker`) downloading on request."""

    def __init__(self, mode: str, base_url: str, url: str) -> None:
        boot = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r});"
            " from benchmarks.bench_download import worker; worker()"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", boot, mode, base_url, url], env=project_env(), cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def download(self, target: Path) -> dict[str, Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(f"{target}\n")
        self.process.stdin.flush()
        measured: dict[str, Any] = json.loads(self.process.stdout.readline())
        return measured

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def _curl(url: str, target: Path) -> tuple[float, float]:
    """curl's own time_total, and the CPU seconds (user + system) the curl process used."""
    import resource

    cpu_before = _cpu_seconds(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [
            "curl", "-sS", "--fail", "-o", str(target), "-w", "%{time_total}",
            "-H", f"Authorization: Bearer {API_KEY}", url,
        ],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return float(done.stdout.strip()), _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(4 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def _spread(values: list[float]) -> dict[str, float]:
    """Median, quartiles and range of per-repetition figures."""
    ordered = sorted(values)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else [ordered[0]] * 3
    return {
        "median": round(statistics.median(ordered), 3),
        "q1": round(quartiles[0], 3),
        "q3": round(quartiles[2], 3),
        "min": round(ordered[0], 3),
        "max": round(ordered[-1], 3),
    }


def run(quick: bool) -> dict[str, Any]:
    # The brief asks for the median of 3; the full run takes 7 per size, since single downloads
    # on this shared 2-core machine vary by +-40% (every repetition is listed, first ones
    # included). 64 MB and 256 MB: the sizes of the independent measurement of issue 12.
    sizes = (16,) if quick else (64, 256)
    repetitions = 3 if quick else 7
    if shutil.which("curl") is None:
        return {"skipped": "curl is not installed (apt-get install -y curl)"}
    curl_version = subprocess.run(["curl", "--version"], capture_output=True, text=True)
    result: dict[str, Any] = {
        "machine": machine(),
        "repetitions": repetitions,
        "curl": curl_version.stdout.splitlines()[0],
        "method": "per size: one simulator process; each repetition runs curl, the facade and"
        " raw httpx once each (fresh worker processes), rotating the order; ratios are curl's"
        " seconds / the client's, per repetition (paired) and of the medians",
        "sizes": {},
    }
    for megabytes in sizes:
        result["sizes"][f"{megabytes}MB"] = _measure(megabytes * MIB, repetitions)
    last = result["sizes"][f"{sizes[-1]}MB"]
    result["targets"] = {
        "to_last_byte_ge_0.9x_curl (median of paired ratios, largest size)": last[
            "paired_ratio_vs_curl"
        ]["facade_to_last_byte"]["median"]
        >= 0.9,
        "peak_rss_growth_le_64MB": all(
            max(size["facade_peak_rss_growth_mb"]) <= 64 for size in result["sizes"].values()
        ),
    }
    return result


def _measure(size: int, repetitions: int) -> dict[str, Any]:
    result: dict[str, Any] = {"machine_at_start": machine(), "size_bytes": size}
    curl_seconds: list[float] = []
    curl_cpu: list[float] = []
    runs: dict[str, list[dict[str, Any]]] = {"facade": [], "raw_httpx": []}
    server_cpus: dict[str, list[float]] = {"curl": [], "facade": [], "raw_httpx": []}
    with (
        SimulatorProcess("modelark", video_size=size) as server,
        tempfile.TemporaryDirectory(prefix="seedance-bench-download-") as temporary,
    ):
        folder = Path(temporary)
        import httpx

        created = httpx.post(
            f"{server.base_url}/contents/generations/tasks",
            json={"model": "seedance-1-0-pro-250528", "content": [{"type": "text", "text": "x"}]},
            headers={"Authorization": f"Bearer {API_KEY}"},
        )
        created.raise_for_status()
        url = f"{server.root}/files/{created.json()['id']}.mp4"
        result["url"] = url
        _curl(url, Path("/dev/null"))  # warm-up: the server builds the body once
        tools = ["curl", "facade", "raw_httpx"]
        workers = {mode: _Worker(mode, server.base_url, url) for mode in ("facade", "raw_httpx")}
        for repetition in range(repetitions):
            order = tools[repetition % 3 :] + tools[: repetition % 3]
            targets = {tool: folder / f"{tool}.mp4" for tool in tools}
            for tool in order:
                server_cpu = _process_cpu(server.pid)
                if tool == "curl":
                    seconds, cpu = _curl(url, targets[tool])
                    curl_seconds.append(seconds)
                    curl_cpu.append(cpu)
                else:
                    runs[tool].append(workers[tool].download(targets[tool]))
                server_cpus[tool].append(_process_cpu(server.pid) - server_cpu)
            for tool, target in targets.items():
                assert target.stat().st_size == size, (tool, target.stat().st_size)
            if repetition == repetitions - 1:
                digests = {_sha256(target) for target in targets.values()}
                result["identical_files"] = len(digests) == 1
            for target in targets.values():
                target.unlink()
        for process in workers.values():
            process.close()
    facade_runs = runs["facade"]
    facade_seconds = [run["seconds"] for run in facade_runs]
    to_last_byte = [run["seconds_to_last_byte"] for run in facade_runs]
    raw_seconds = [run["seconds"] for run in runs["raw_httpx"]]
    growth = [(run["hwm_after_kb"] - run["rss_before_kb"]) / 1024 for run in facade_runs]
    mb = size / 1e6
    result["MB_per_s"] = {
        "curl": round(mb / median(curl_seconds), 1),
        "facade": round(mb / median(facade_seconds), 1),
        "facade_to_last_byte": round(mb / median(to_last_byte), 1),
        "raw_httpx_stream": round(mb / median(raw_seconds), 1),
    }
    result["seconds"] = {
        "curl": [round(s, 3) for s in curl_seconds],
        "facade": [round(s, 3) for s in facade_seconds],
        "facade_to_last_byte": [round(s, 3) for s in to_last_byte],
        "raw_httpx_stream": [round(s, 3) for s in raw_seconds],
    }
    result["throughput_ratio_vs_curl"] = {
        "facade": ratio(median(curl_seconds), median(facade_seconds)),
        "facade_to_last_byte": ratio(median(curl_seconds), median(to_last_byte)),
        "raw_httpx_stream": ratio(median(curl_seconds), median(raw_seconds)),
        "facade_paired_per_repetition": [
            round(c / f, 3) for c, f in zip(curl_seconds, facade_seconds, strict=True)
        ],
    }
    # Each repetition's three downloads ran back to back: their ratio cancels most of the load
    # the other work on the machine put on that repetition.
    paired = {
        "facade_durable": [c / f for c, f in zip(curl_seconds, facade_seconds, strict=True)],
        "facade_to_last_byte": [c / f for c, f in zip(curl_seconds, to_last_byte, strict=True)],
        "raw_httpx_stream": [c / f for c, f in zip(curl_seconds, raw_seconds, strict=True)],
    }
    result["paired_ratio_vs_curl"] = {name: _spread(values) for name, values in paired.items()}
    result["fsync_and_rename_seconds"] = _spread(
        [f - t for f, t in zip(facade_seconds, to_last_byte, strict=True)]
    )
    # CPU time is steadier than wall time on a shared 2-core machine, and says who is CPU-bound.
    result["client_cpu_seconds"] = {
        "curl": [round(s, 3) for s in curl_cpu],
        "facade": [round(run["cpu_seconds"], 3) for run in facade_runs],
        "raw_httpx_stream": [round(run["cpu_seconds"], 3) for run in runs["raw_httpx"]],
    }
    result["server_cpu_seconds_per_download"] = {
        tool: [round(s, 2) for s in values] for tool, values in server_cpus.items()
    }
    result["facade_peak_rss_growth_mb"] = [round(g, 1) for g in growth]
    result["raw_httpx_peak_rss_growth_mb"] = [
        round((run["hwm_after_kb"] - run["rss_before_kb"]) / 1024, 1) for run in runs["raw_httpx"]
    ]
    result["facade_rss_before_mb"] = round(facade_runs[0]["rss_before_kb"] / 1024, 1)
    result["hwm_reset_worked"] = all(run["hwm_reset"] for run in facade_runs)
    return result
