"""The reliability figures of docs/reliability.md that are not fuzzing (``make reliability``).

- Hostile inputs, each in a fresh process (peak memory from ``wait4``): the 1.1 GB gzip bomb
  read, an article of 1.05 million characters against one of 100,000 (one piece), 6,000 quote
  marks against the same prose without them, and the directory of ``tests/pipeline/hostile.py``
  ingested by the CLI.
- What the session's two widened mechanisms fire on in ../shared/corpus (never the gold): how
  many texts hold a run of ``nlp.LONG_RUN_CHARS`` characters without a space (cut into tokens),
  and how many texts' language decision changed (the old rule: the first 1,000 characters,
  under 120 left undetermined and coded; the new: words only, short texts by the
  high-accuracy mode), with the texts that changed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .fuzzing import SHARED, write_section
from .pipeline import hostile

HEADING = "## Hostile inputs and the corpus: figures"
ROOT = Path(__file__).resolve().parent.parent


def in_child(code: str) -> tuple[float, int]:
    """(seconds, peak resident MB) of ``python -c code`` run from the repository."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise RuntimeError(f"the child failed ({status}): {code[:200]}")
    return time.perf_counter() - started, usage.ru_maxrss // 1024


def extract_code(setup: str) -> str:
    return f"import detente\nfrom tests.pipeline import hostile\n{setup}\ndetente.extract(text)"


def hostile_figures(tmp: Path) -> list[str]:
    hostile.gzip_bomb(tmp)
    bomb = in_child(f"from detente.read.sources import read_path\nlist(read_path({str(tmp / 'bomb.warc.gz')!r}))")
    long = in_child(extract_code("text = 'Long\\n' + hostile.story(1_050_000)"))
    piece = in_child(extract_code("text = 'Long\\n' + hostile.story(100_000)"))
    prose = "'Prose\\n' + hostile.story(600)"
    timing = "import time\nt = time.perf_counter()\ndetente.extract(text)\nprint(time.perf_counter() - t)"
    warm = "detente.extract('Warm up\\n' + hostile.story(300))"
    plain = child_seconds(f"{extract_code('text = ' + prose)}\n{warm}\n{timing}")
    quoted = child_seconds(f"{extract_code('text = ' + prose + ' + chr(34) * 6000')}\n{warm}\n{timing}")
    inputs = tmp / "inputs"
    inputs.mkdir()
    hostile.good_articles(inputs)
    for make in (
        hostile.long_article, hostile.surrogate_lines, hostile.fifo, hostile.gzip_bomb, hostile.quote_marks,
        hostile.long_token, hostile.truncated_warc, hostile.empty_json_list, hostile.late_nul,
        hostile.random_bytes, hostile.chinese, hostile.deep_html, hostile.symlink_loop,
    ):  # fmt: skip
        make(inputs)
    started = time.perf_counter()
    command = [sys.executable, "-m", "detente", "ingest", str(inputs), "--db", str(tmp / "h.duckdb")]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    ingest = time.perf_counter() - started
    return [
        f"- The 1.1 GB gzip bomb (`hostile.gzip_bomb`) is refused in {bomb[0]:.1f} s, at {bomb[1]} MB peak"
        " (the process, Python and Détente's imports included).",
        f"- Coding an article of 1,050,000 characters: {long[0]:.0f} s, {long[1]} MB peak; of 100,000 (one"
        f" piece): {piece[0]:.0f} s, {piece[1]} MB peak. Memory is that of a piece.",
        f"- 6,000 quote marks after 600 characters of prose: {quoted * 1000:.0f} ms; the prose alone:"
        f" {plain * 1000:.0f} ms.",
        f"- `detente ingest` of the hostile directory of `tests/pipeline/test_hostile.py`: {ingest:.0f} s.",
    ]


def child_seconds(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def corpus_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            texts.append((f"{path.stem}:{item.get('id')}", item.get("text") or ""))
    return texts


def old_language(text: str) -> str | None:
    """The rule before this change: the first 1,000 characters; under 120, undetermined (and coded)."""
    from detente.read.language import detector

    sample = text[:1000].strip()
    if len(sample) < 120:
        return None
    found = detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


def corpus_figures() -> list[str]:
    from detente.nlp import LONG_RUN, LONG_RUN_CHARS
    from detente.read.language import detect_language

    texts = corpus_texts()
    if not texts:
        return [f"- {SHARED / 'corpus'} is absent: the corpus check was not run."]
    runs = [(name, match.group()[:60]) for name, text in texts for match in LONG_RUN.finditer(text)]
    fired = sorted({n for n, _ in runs})
    same, compared = events_alike([(n, t) for n, t in texts if n in set(fired[:EVENT_CHECKS])])
    changed = []
    for name, text in texts:
        before, after = old_language(text), detect_language(text)
        if (before or "und (coded)") != after and not (before is None and after == "en"):
            changed.append((name, before or "undetermined, coded", after))
    lines = [
        f"- Corpus: {len(texts):,} texts of ../shared/corpus.",
        f"- Runs of {LONG_RUN_CHARS}+ characters without a space (cut into tokens by `nlp.BoundedTokenizer`):"
        f" {len(runs)} in {len({n for n, _ in runs})} texts.",
        *(f"  - {name}: `{run}…`" for name, run in runs[:8]),
        f"- Of the first {compared} of those texts, {same} get the same events (source, target, CAMEO) as with"
        " spaCy's tokenizer alone.",
        f"- Language decisions changed (other than an undetermined text now English, coded either way):"
        f" {len(changed)}.",
        *(f"  - {name}: {before} → {after}" for name, before, after in changed[:12]),
    ]
    return lines


EVENT_CHECKS = 40


def events_alike(texts: list[tuple[str, str]]) -> tuple[int, int]:
    """How many texts get the same events with the bounded tokenizer as with spaCy's own."""
    import detente
    from detente.nlp import load_pipeline

    nlp = load_pipeline()
    bounded = nlp.tokenizer

    def events(text: str) -> list[str]:
        record = detente.extract("Headline\n" + text)
        return sorted(repr((e.source.country, e.target.country if e.target else None, e.cameo)) for e in record.events)

    same = 0
    for _name, text in texts:
        with_bounded = events(text)
        nlp.tokenizer = bounded.tokenizer
        try:
            same += events(text) == with_bounded
        finally:
            nlp.tokenizer = bounded
    return same, len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, help="write the figures into this page (docs/reliability.md)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="detente-reliability-") as tmp:
        lines = hostile_figures(Path(tmp))
    text = "\n".join(
        [HEADING, "", "Measured with `make reliability` (one process per figure on this machine).", "",
         *lines, *corpus_figures(), ""]
    )  # fmt: skip
    print(text)
    if args.docs:
        write_section(args.docs, HEADING, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
