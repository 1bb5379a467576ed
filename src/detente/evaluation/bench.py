"""``detente bench``: speed and memory of the whole pipeline, against spaCy alone, in one run.

No pipeline built on spaCy's parser can be faster than the parser itself, so the figure that
matters is the ratio: Détente's throughput (read, clean, parse, code, store) over spaCy's
``nlp.pipe`` on the same texts with the same batch size, measured in the same process,
alternating, several times, and reported as medians. Absolute figures vary between machines;
the ratio hardly does.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..knowledge.lexicon import load_lexicon
from ..nlp import BATCH_SIZE, load_pipeline
from ..pipeline.ingest import WRITE_BATCH, ingest
from ..pipeline.workers import peak_memory
from ..store.database import open_store
from .bench_api import ApiBench, api_markdown, measure_api

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["bench_markdown", "bench_texts", "run_bench"]

BENCH_CORPORA = ("corpus/wikinews-2019.jsonl", "corpus/whitehouse-2021.jsonl")
# ~150k words is ~20 s of spaCy on one core here: three alternating repetitions of the three
# runs take a few minutes, long enough for medians to be stable to a few percent.
DEFAULT_WORDS = 150_000
DEFAULT_REPEAT = 3
# The dyad query runs over this many synthetic events: the scale of a few years of GDELT for
# one busy pair of regions.
DEFAULT_DYAD_EVENTS = 1_000_000


@dataclass
class Bench:
    articles: int
    words: int
    runs: dict[str, list[float]] = field(default_factory=dict)
    memory: dict[str, int] = field(default_factory=dict)
    store: dict[str, float] = field(default_factory=dict)
    dyad: dict[str, float] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)
    api: ApiBench | None = None

    def median(self, run: str) -> float:
        return statistics.median(self.runs[run])

    def words_per_second(self, run: str) -> float:
        return self.words / self.median(run)

    def ratio(self, run: str) -> float:
        """Throughput of ``run`` over spaCy alone's (1.0: as fast as the parser)."""
        return self.median("spacy") / self.median(run)


def bench_texts(shared: Path, words: int) -> list[dict[str, Any]]:
    """Articles from the shared corpora, in order, until ``words`` words (repeated if needed)."""
    rows = [json.loads(line) for name in BENCH_CORPORA for line in (shared / name).read_text().splitlines()]
    chosen: list[dict[str, Any]] = []
    total = 0
    while total < words:
        row = rows[len(chosen) % len(rows)]
        chosen.append({**row, "id": f"{row['id']}#{len(chosen)}"})
        total += len(row["text"].split())
    return chosen


def run_bench(
    shared: Path, words: int = DEFAULT_WORDS, repeat: int = DEFAULT_REPEAT, dyad_events: int = DEFAULT_DYAD_EVENTS
) -> Bench:
    """Every measurement; takes a few minutes at the defaults."""
    rows = bench_texts(shared, words)
    texts = [r["text"] for r in rows]
    load_seconds = timed(load_pipeline)
    bench = Bench(articles=len(rows), words=sum(len(t.split()) for t in texts), machine=machine())
    bench.store["pipeline_load_seconds"] = load_seconds
    bench.store["dictionaries_load_seconds"] = dictionaries_load_seconds()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
        list(load_pipeline().pipe(texts[:4], batch_size=BATCH_SIZE))  # warm up
        for rep in range(repeat):
            record_run(bench, "spacy", timed(lambda: spacy_alone(texts)))
            for workers in (1, 2):
                detente_run(bench, corpus, Path(tmp) / f"run{rep}-{workers}.duckdb", workers)
        measure_store(bench, Path(tmp) / "run0-1.duckdb", Path(tmp))
        measure_dyad(bench, Path(tmp) / "dyad.duckdb", dyad_events)
        bench.api = measure_api(Path(tmp) / "dyad.duckdb")
    return bench


def detente_run(bench: Bench, corpus: Path, db: Path, workers: int) -> None:
    memory: dict[int, int] = {}
    record_run(bench, f"detente_{workers}", timed(lambda: ingest_into(db, corpus, workers, memory)))
    bench.memory[f"detente_{workers}"] = max(memory.values(), default=peak_memory())


def dictionaries_load_seconds() -> float:
    """Loading the actor lexicon (the converted Phoenix dictionaries and the project's tables), cold."""
    load_lexicon.cache_clear()
    return timed(load_lexicon)


def record_run(bench: Bench, name: str, seconds: float) -> None:
    bench.runs.setdefault(name, []).append(seconds)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def spacy_alone(texts: list[str]) -> None:
    for _doc in load_pipeline().pipe(texts, batch_size=BATCH_SIZE):
        pass


def ingest_into(db: Path, corpus: Path, workers: int, memory: dict[int, int]) -> None:
    with open_store(db) as store:
        summary = ingest(store, [str(corpus)], workers=workers)
    if summary.crashed or summary.stored == 0:
        raise RuntimeError(f"the bench run failed: {summary}")
    memory.update(summary.worker_memory)


def measure_store(bench: Bench, source: Path, tmp: Path) -> None:
    """Writing the run's records into a fresh store, in the batches ``ingest`` uses."""
    with open_store(source, read_only=True) as store:
        records = list(store.records())
    with open_store(tmp / "write.duckdb") as store:
        seconds = timed(lambda: [store.write(b) for b in batches(records, WRITE_BATCH)])
        rows = sum(store.count(t) for t in ("articles", "actors", "mentions", "quotes", "events", "dates", "amounts"))
    bench.store.update(
        records=len(records), rows=rows, write_seconds=seconds, records_per_second=len(records) / seconds
    )


def batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def measure_dyad(bench: Bench, db: Path, events: int) -> None:
    """The weekly IND–RUS series (once per story, by type, with tone) and its shifts over
    ``events`` synthetic events spread over ten years and 8 countries."""
    from ..analysis.series import explain_shifts

    with open_store(db) as store:
        bench.dyad["insert_seconds"] = timed(lambda: store.add_synthetic_events(events))
        bench.dyad["events"] = store.count("events")
        runs = [timed(lambda: explain_shifts(store, "IND", "RUS", "week")) for _ in range(5)]
        bench.dyad["query_seconds"] = statistics.median(runs)
        bench.dyad["rows"] = len(explain_shifts(store, "IND", "RUS", "week")[0])


def machine() -> dict[str, str]:
    nlp = load_pipeline()
    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": memory_total(),
        "python": platform.python_version(),
        "spaCy": version("spacy"),
        "pipeline": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "duckdb": version("duckdb"),
        "detente": version("detente"),
    }


def cpu_model() -> str:
    for line in read_lines("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_total() -> str:
    for line in read_lines("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    return "unknown"


def read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


RUN_TITLES = {
    "spacy": "spaCy alone (`nlp.pipe`, batch 32)",
    "detente_1": "Détente, 1 process (read, clean, parse, code, store)",
    "detente_2": "Détente, 2 worker processes",
}


def bench_markdown(bench: Bench, command: str) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')} with `{command}`: {bench.articles} articles,"
        f" {bench.words:,} words (Wikinews 2019, then White House 2021), {len(bench.runs['spacy'])}"
        " repetitions, alternating; medians.",
        "",
        "| run | median s | articles/s | words/s | vs spaCy alone | peak memory per worker |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for run, title in RUN_TITLES.items():
        memory = f"{bench.memory[run] / 2**30:.2f} GiB" if run in bench.memory else ""
        lines.append(
            f"| {title} | {bench.median(run):.1f} | {bench.articles / bench.median(run):.1f}"
            f" | {bench.words_per_second(run):,.0f} | {bench.ratio(run):.2f} | {memory} |"
        )
    s, d = bench.store, bench.dyad
    lines += [
        "",
        "- Runs (s): "
        + "; ".join(f"{run} {', '.join(f'{t:.1f}' for t in times)}" for run, times in bench.runs.items()),
        f"- Loading the spaCy pipeline: {s['pipeline_load_seconds']:.2f} s; the actor dictionaries (Phoenix"
        f" converted, {len(load_lexicon().entries):,} entries): {s['dictionaries_load_seconds']:.2f} s.",
        f"- DuckDB: writing the {s['records']:.0f} records ({s['rows']:.0f} rows in all tables) into a fresh store"
        f" in batches of {WRITE_BATCH} took {s['write_seconds']:.2f} s ({s['records_per_second']:,.0f} records/s).",
        f"- Dyad series with its shifts (`detente dyad IND RUS`: weekly, once per story, by quad class and"
        f" type, tone) over {d['events']:,.0f} synthetic events:"
        f" {d['query_seconds'] * 1000:.0f} ms (median of 5; {d['rows']:.0f} rows);"
        f" inserting them took {d['insert_seconds']:.1f} s.",
        "- The 1-process memory is the peak of the whole bench process (it also ran spaCy alone);"
        " with workers, each worker's own peak.",
        "",
        *(api_markdown(bench.api, int(d["events"])) + [""] if bench.api else []),
        "## Machine",
        "",
        *(f"- {k}: {v}" for k, v in bench.machine.items()),
        "",
    ]
    return "\n".join(lines)
