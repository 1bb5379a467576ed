"""The API under load, for ``detente bench``: concurrent clients on loopback against the real
service (`detente serve`, uvicorn) over a store of synthetic events; latency and errors."""

from __future__ import annotations

import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import aiohttp

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["ApiBench", "api_markdown", "measure_api", "running_service"]

CLIENTS = 100
REQUESTS_PER_CLIENT = 20
COUNTRIES = ("IND", "RUS", "USA", "CHN", "PAK", "UKR", "DEU", "FRA")  # those of the synthetic events
# Service processes: one per core of the machine measured here (2).
WORKERS = 2
START_SECONDS = 60


@dataclass
class ApiBench:
    clients: int
    workers: int = 1
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, endpoint: str, share: float) -> float:
        ordered = sorted(self.latencies[endpoint])
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def series_path(r: random.Random) -> str:
    a, b = r.sample(COUNTRIES, 2)
    return f"/dyads/{a}/{b}/series?freq={r.choice(['week', 'month'])}"


def events_path(r: random.Random) -> str:
    """A pair's events in one month of the ten synthetic years, a page at a random offset."""
    a, b = r.sample(COUNTRIES, 2)
    year, month = r.randrange(2015, 2025), r.randrange(1, 13)
    return f"/events?pair={a},{b}&from={year}-{month:02d}-01&to={year}-{month:02d}-28&limit=100"


ENDPOINTS = {"series": series_path, "events": events_path}


async def client(url: str, seed: int, bench: ApiBench, http: aiohttp.ClientSession) -> None:
    r = random.Random(seed)
    for n in range(REQUESTS_PER_CLIENT):
        endpoint = "series" if n % 2 else "events"
        path = ENDPOINTS[endpoint](r)
        started = time.perf_counter()
        try:
            async with http.get(url + path) as response:
                await response.read()
                ok = response.status == 200
        except Exception:  # a refused or dropped connection is an error to count, not to raise
            ok = False
        bench.latencies.setdefault(endpoint, []).append(time.perf_counter() - started)
        if not ok:
            bench.errors[endpoint] = bench.errors.get(endpoint, 0) + 1


async def load(url: str, bench: ApiBench) -> None:
    """The clients on one connection each (aiohttp: a load generator must not be what is measured,
    and httpx's async client took a whole core here)."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=bench.clients)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        async with http.get(url + "/health") as response:
            await response.read()
        started = time.perf_counter()
        await asyncio.gather(*(client(url, seed, bench, http) for seed in range(bench.clients)))
        bench.seconds = time.perf_counter() - started


def measure_api(db: Path, clients: int = CLIENTS, workers: int = WORKERS) -> ApiBench:
    """``clients`` concurrent clients, each asking for a series and a page of events in turn."""
    with running_service(db, workers) as url:
        bench = ApiBench(clients, workers)
        asyncio.run(load(url, bench))
        return bench


@contextmanager
def running_service(db: Path, workers: int = 1) -> Iterator[str]:
    """`detente serve` over ``db`` on a free port of 127.0.0.1, up and answering (every worker
    process: each takes its snapshot before it listens): its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port)]
    command += ["--workers", str(workers)]
    # The server's log goes to a file, not a pipe: a pipe nobody reads fills, and the server stops.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(url, server, log, workers)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def wait_until_up(url: str, server: subprocess.Popen[bytes], log: IO[bytes], workers: int = 1) -> None:
    """Until ``workers`` processes have answered /health (each on a new connection, which any
    process that has taken its snapshot may accept)."""
    import httpx

    answered: set[int] = set()
    deadline = time.monotonic() + START_SECONDS * workers
    while server.poll() is None and time.monotonic() < deadline:
        try:
            response = httpx.get(url + "/health", timeout=2)
            if response.status_code == 200:
                answered.add(response.json()["worker"])
                if len(answered) >= workers:
                    return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"the service did not start: {log.read().decode()[-2000:]}")


def api_markdown(bench: ApiBench, events: int) -> list[str]:
    lines = [
        "",
        "## The API under load",
        "",
        f"{bench.clients} concurrent clients on loopback (aiohttp, one connection each, on the same two"
        f" cores as the service) against `detente serve --workers {bench.workers}` (uvicorn) over a store of"
        f" {events:,} synthetic events; each client asks {REQUESTS_PER_CLIENT} times, a series and a page of"
        " events in turn, for random pairs, months and frequencies. Each worker answers from its own snapshot,"
        " which keeps every pair's whole series and every event as JSON, in order of pair and newest first,"
        " in files mapped into memory: a series is one slice of its file, and a page of a pair's events in a"
        " month a run of rows found by bisection on their days, one slice too, with no query and no thread"
        ' (docs/service.md, "Speed").',
        "",
        "| endpoint | requests | p50 ms | p99 ms | max ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for endpoint, times in bench.latencies.items():
        lines.append(
            f"| `{endpoint}` | {len(times)} | {bench.percentile(endpoint, 0.5) * 1000:.0f}"
            f" | {bench.percentile(endpoint, 0.99) * 1000:.0f} | {max(times) * 1000:.0f}"
            f" | {bench.errors.get(endpoint, 0)} |"
        )
    total = sum(len(t) for t in bench.latencies.values())
    lines += [
        "",
        f"- {total} requests in {bench.seconds:.1f} s: {total / bench.seconds:.0f} requests/s;"
        f" mean latency {statistics.mean(t for ts in bench.latencies.values() for t in ts) * 1000:.0f} ms.",
        "- The goal is p99 under 200 ms with no errors.",
    ]
    return lines
