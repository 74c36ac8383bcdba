"""Issue 6, item 5: downloading a large file with the facade, against ``curl`` to the same URL.

A ModelArk simulator serves a ``video_size``-byte file at ``<root>/files/<task id>.mp4`` from its
own process (it builds the body in memory once, on the first request: a warm-up ``curl`` pays for
that). Each repetition downloads the file once with ``curl -o`` and once with
``SeedanceClient.download`` in a fresh worker process, alternating which goes first, both into
the same temporary directory. Throughput is bytes / seconds as each tool times itself (curl's
``time_total``; the facade's call, from before ``download`` to its return), so that process
start-up counts for neither.

The facade's call includes what curl does not do: ``fsync`` of the file and the rename into place
(its atomic-download guarantee); the time up to the last byte received (from ``on_progress``) is
reported beside it. Peak memory is the worker's ``VmHWM`` (reset through ``/proc/self/clear_refs``
just before the download) minus its ``VmRSS`` at that moment: the client process only.
"""

from __future__ import annotations

import hashlib
import json
import shutil
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
    """``worker MODE BASE_URL URL TARGET``: download URL to TARGET with the facade (MODE
    ``facade``) or with a bare ``httpx.Client.stream`` loop (``raw_httpx``); print timings, CPU
    and memory as JSON."""
    import resource

    import httpx

    from seedance import SeedanceClient

    mode, base_url, url, target = sys.argv[1:5]
    last_byte = [0.0]

    def on_progress(done: int, total: int | None) -> None:
        if done == total:
            last_byte[0] = time.perf_counter()

    def raw(http: httpx.Client) -> None:
        headers = {"Authorization": f"Bearer {API_KEY}", "Accept-Encoding": "identity"}
        with http.stream("GET", url, headers=headers) as response, open(target, "wb") as file:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                file.write(chunk)
        last_byte[0] = time.perf_counter()

    with (
        SeedanceClient("modelark", base_url=base_url, api_key=API_KEY) as client,
        httpx.Client() as http,
    ):
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
            raw(http)
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


def _python(mode: str, base_url: str, url: str, target: Path) -> dict[str, Any]:
    boot = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r});"
        " from benchmarks.bench_download import worker; worker()"
    )
    done = subprocess.run(
        [sys.executable, "-c", boot, mode, base_url, url, str(target)],
        env=project_env(), cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    measured: dict[str, Any] = json.loads(done.stdout)
    return measured


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


def run(quick: bool) -> dict[str, Any]:
    size = (16 if quick else 256) * MIB
    # The brief asks for the median of 3; the full run takes 5, since single downloads on this
    # shared 2-core machine vary by +-40% (every repetition is listed, first ones included).
    repetitions = 3 if quick else 5
    if shutil.which("curl") is None:
        return {"skipped": "curl is not installed (apt-get install -y curl)"}
    curl_version = subprocess.run(["curl", "--version"], capture_output=True, text=True)
    result: dict[str, Any] = {
        "machine": machine(),
        "size_bytes": size,
        "repetitions": repetitions,
        "curl": curl_version.stdout.splitlines()[0],
    }
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
                    runs[tool].append(_python(tool, server.base_url, url, targets[tool]))
                server_cpus[tool].append(_process_cpu(server.pid) - server_cpu)
            for tool, target in targets.items():
                assert target.stat().st_size == size, (tool, target.stat().st_size)
            if repetition == repetitions - 1:
                digests = {_sha256(target) for target in targets.values()}
                result["identical_files"] = len(digests) == 1
            for target in targets.values():
                target.unlink()
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
    result["targets"] = {
        "throughput_ge_0.8x_curl": result["throughput_ratio_vs_curl"]["facade"] >= 0.8,
        "peak_rss_growth_le_64MB": max(growth) <= 64,
    }
    return result
