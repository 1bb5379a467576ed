"""The fuzz target: Hypothesis strategies over ``extract`` and the readers, for N inputs.

``make fuzz`` (``python -m tests.fuzzing --inputs 100000 --docs docs/reliability.md``) runs it and
writes its figures; ``make test`` runs a small version (tests/pipeline/test_fuzz.py). An input
is one of: a real article mutated (from ``examples/``, and from ``../shared/corpus`` when it is
there), random unicode, one of the hostile shapes of issue 21 (runs of quote marks, long tokens,
surrogates, control characters, deep brackets …) embedded in prose, or bytes given to a reader
(``.txt``, ``.html``, ``.json``, ``.jsonl``, ``.warc``). ``extract`` may refuse an input with an
``InputError`` (a clear reason: empty, a headline alone); a reader may only yield articles and
failures. Anything else raised is an exception escaping the pipeline, and is printed.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Shapes that broke or slowed a run before issue 21, each to be embedded in ordinary text.
HOSTILE: tuple[Callable[[random.Random], str], ...] = (
    lambda r: '"' * r.randint(1, 8000),
    lambda r: "“”‘’«»"[r.randrange(6)] * r.randint(1, 4000),
    lambda r: "http://" + "a/" * r.randint(1, 20_000),
    lambda r: "x" * r.randint(100, 50_000),
    lambda r: "\udc00" * r.randint(1, 5),
    lambda r: "".join(chr(r.randrange(0, 32)) for _ in range(r.randint(1, 50))),
    lambda r: "\x00" * r.randint(1, 20),
    lambda r: "(" * r.randint(1, 3000) + ")" * r.randint(1, 3000),
    lambda r: "\n" * r.randint(1, 5000),
    lambda r: ". " * r.randint(1, 5000),
    lambda r: "PRESIDENT BIDEN: " * r.randint(1, 500),
    lambda r: "said " * r.randint(1, 2000),
    lambda r: "\u202e\u200b\u0301\ufeff" * r.randint(1, 500),
    lambda r: "-" * r.randint(1, 10_000),
    lambda r: "<script>alert(1)</script>" * r.randint(1, 50),
)


@dataclass(frozen=True)
class Case:
    """One input: ``target`` is ``extract`` or a reader's suffix; ``data`` what it is given."""

    kind: str
    target: str
    data: str | bytes


@dataclass
class Report:
    """What a run of the fuzz target did."""

    tried: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    escaped: list[tuple[Case, str]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    slowest: list[tuple[float, Case]] = field(default_factory=list)

    def add(self, case: Case, seconds: float, error: str | None, refusal: str | None) -> None:
        self.tried += 1
        self.kinds[case.kind] += 1
        self.seconds.append(seconds)
        if refusal:
            self.refused[refusal] += 1
        if error:
            self.escaped.append((case, error))
        self.slowest = sorted([*self.slowest, (seconds, case)], key=lambda s: -s[0])[:SLOWEST]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


SLOWEST = 5
# Failures that say the pipeline broke (or ran out of time), not that the input was bad.
CRASHES = frozenset({"pipeline-error", "timeout"})


def seed_texts(limit: int = 200) -> list[str]:
    """Real articles to mutate: the project's examples, and corpus texts when ../shared is there."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "scraped").glob("*.txt"))]
    for line in (ROOT / "examples" / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append("Headline\n" + json.loads(line)["text"])
    corpus = SHARED / "corpus" / "wikinews-2019.jsonl"
    if corpus.exists():
        for line in corpus.read_text(encoding="utf-8").splitlines()[:limit]:
            item = json.loads(line)
            texts.append(f"{item.get('title') or 'Headline'}\n{item.get('text') or ''}")
    return texts


def mutate(text: str, r: random.Random) -> str:
    """A real article changed by a few edits: cut, spliced, a span repeated or dropped, a hostile
    shape or random characters put in, its case flipped."""
    text = text[: r.randint(0, 6000)]
    for _ in range(r.randint(1, 4)):
        at = r.randint(0, len(text))
        edit = r.randrange(6)
        if edit == 0:
            text = text[:at] + HOSTILE[r.randrange(len(HOSTILE))](r) + text[at:]
        elif edit == 1:
            text = text[:at] + "".join(chr(r.randrange(0x20, 0x2FFFF)) for _ in range(r.randint(1, 50))) + text[at:]
        elif edit == 2:
            text = text[:at] + text[r.randint(0, at) : at] * r.randint(1, 5) + text[at:]
        elif edit == 3:
            text = text[:at] + text[min(len(text), at + r.randint(1, 500)) :]
        elif edit == 4:
            text = text.upper() if r.random() < 0.5 else text.lower()
        else:
            text = text[:at] + "\n\n" + text[at:]
    return text


READER_SUFFIXES = (".txt", ".html", ".json", ".jsonl", ".warc")


def as_file(text: str, suffix: str, r: random.Random) -> bytes:
    """Text wrapped as a file of the reader's format, then possibly cut or its bytes flipped."""
    if suffix == ".html":
        data = f"<html><head><title>T</title></head><body>{'<div>' * r.randint(0, 400)}<p>{text}</p></body></html>"
    elif suffix in (".json", ".jsonl"):
        data = json.dumps({"id": str(r.random()), "title": "T", "text": text})
        data = f"[{data}]" if suffix == ".json" else data + "\n" + data[: r.randint(0, len(data))]
    elif suffix == ".warc":
        body = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{text}</p></body></html>"
        data = f"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {len(body.encode('utf-8', 'replace'))}\r\n\r\n"
        data += body
    else:
        data = text
    raw = bytearray(data.encode("utf-8", "surrogatepass"))
    if raw and r.random() < 0.3:
        del raw[r.randint(0, len(raw)) :]
    for _ in range(r.randint(0, 3) if raw else 0):
        raw[r.randrange(len(raw))] = r.randrange(256)
    return bytes(raw)


def cases(seeds: list[str]) -> Any:
    """The Hypothesis strategy of fuzz cases."""
    from hypothesis import strategies as st

    def built(kind: str, target: str, r: random.Random) -> Case:
        if kind == "mutated article":
            text = mutate(seeds[r.randrange(len(seeds))], r)
        elif kind == "hostile shape":
            prose = seeds[r.randrange(len(seeds))][:800]
            text = prose + "\n\n" + HOSTILE[r.randrange(len(HOSTILE))](r) + "\n\n" + prose
        else:
            text = ""
        return Case(kind, target, as_file(text, target, r) if target != "extract" else text)

    randoms = st.randoms(use_true_random=False)
    structured = st.builds(
        built,
        st.sampled_from(["mutated article", "hostile shape"]),
        st.sampled_from(["extract", "extract", "extract", *READER_SUFFIXES]),
        randoms,
    )
    unicode_text = st.builds(
        lambda t: Case("random unicode", "extract", t), st.text(st.characters(exclude_categories=()), max_size=2000)
    )
    random_bytes = st.builds(
        lambda suffix, b: Case("random bytes", suffix, b), st.sampled_from(READER_SUFFIXES), st.binary(max_size=4000)
    )
    return st.one_of(structured, structured, unicode_text, random_bytes)


def run_case(case: Case) -> tuple[str | None, str | None]:
    """(an escaping exception's traceback, a refusal's reason) for one input."""
    from detente import extract
    from detente.errors import InputError
    from detente.read.clean import clean
    from detente.read.sources import READERS, RawArticle, guarded

    try:
        if case.target == "extract":
            assert isinstance(case.data, str)
            extract(case.data)
            return None, None
        reader = dict(READERS)[case.target]
        assert isinstance(case.data, bytes)
        for item in guarded(reader, io.BytesIO(case.data), f"fuzz{case.target}"):
            if isinstance(item, RawArticle):
                clean(item)
            elif item.reason in CRASHES:  # a crash turned into a failure is still a crash
                return item.detail, None
            else:
                return None, item.reason
        return None, None
    except InputError as exc:  # extract's refusal; a reader's would be an escape
        if case.target == "extract":
            return (exc.message, None) if exc.reason in CRASHES else (None, exc.reason)
        return f"a reader raised InputError({exc.reason}) instead of yielding its failure", None
    except Exception:  # what the fuzz target exists to find
        return traceback.format_exc(limit=6), None


def fuzz(inputs: int, seed: int = 0, progress: Callable[[Report], None] | None = None) -> Report:
    """Run ``inputs`` fuzz cases (seeded: the same run each time) and report what happened."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    report = Report()
    seeds = seed_texts()

    @hypothesis_seed(seed)
    @settings(
        max_examples=inputs,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(seeds))
    def one(case: Case) -> None:
        started = time.perf_counter()
        error, refusal = run_case(case)
        report.add(case, time.perf_counter() - started, error, refusal)
        if progress and report.tried % 1000 == 0:
            progress(report)

    logging.disable(logging.WARNING)  # every refused input logs its reason: millions of lines
    try:
        one()
    finally:
        logging.disable(logging.NOTSET)
    return report


def describe(case: Case) -> str:
    unit = "bytes" if isinstance(case.data, bytes) else "chars"
    return f"{case.kind} → {case.target}, {len(case.data):,} {unit}: {case.data[:60]!r}"


def markdown(report: Report, command: str, seed: int = 0) -> str:
    lines = [
        "## Fuzzing: figures",
        "",
        f"Measured with `{command}` (Hypothesis, seed {seed}; one process).",
        "",
        "| | |",
        "|---|---|",
        f"| inputs tried | {report.tried:,} |",
        f"| exceptions escaping the pipeline | {len(report.escaped)} |",
        f"| inputs refused with a reason | {sum(report.refused.values()):,} ({format_counts(report.refused)}) |",
        f"| per-input time p50 / p90 / p99 / max | {ms(report.percentile(0.5))} / {ms(report.percentile(0.9))} / "
        f"{ms(report.percentile(0.99))} / {ms(max(report.seconds, default=0))} |",
        f"| inputs by kind | {format_counts(report.kinds)} |",
        "",
        "The slowest inputs:",
        "",
        *[f"- {ms(seconds)}: {describe(case)}" for seconds, case in report.slowest],
        "",
    ]
    return "\n".join(lines)


def format_counts(counts: Counter[str]) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in counts.most_common())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


FIGURES_MARK = "## Fuzzing: figures"


def write_section(path: Path, heading: str, text: str) -> None:
    """Replace the section of ``path`` that starts with ``heading`` (to the next ``## ``) with
    ``text``, or add it at the end."""
    page = path.read_text(encoding="utf-8") if path.exists() else ""
    start = page.find(heading)
    if start < 0:
        page = f"{page.rstrip()}\n\n{text}" if page.strip() else text
    else:
        following = page.find("\n## ", start + len(heading))
        end = len(page) if following < 0 else following + 1
        page = f"{page[:start]}{text.rstrip()}\n\n{page[end:]}"
    path.write_text(page.rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--docs", type=Path, help="write the figures into this page (docs/reliability.md)")
    args = parser.parse_args(argv)

    def progress(report: Report) -> None:
        print(f"  {report.tried:,} tried, {len(report.escaped)} escaped, p99 {ms(report.percentile(0.99))}", flush=True)

    report = fuzz(args.inputs, args.seed, progress)
    for case, error in report.escaped[:20]:
        print(f"ESCAPED: {describe(case)}\n{error}")
    text = markdown(report, f"make fuzz FUZZ_INPUTS={args.inputs}", args.seed)
    print(text)
    if args.docs:
        write_section(args.docs, FIGURES_MARK, text)
    return 1 if report.escaped else 0


if __name__ == "__main__":
    sys.exit(main())
