"""The gold sets under ``../shared``: article-level gold (``gold/dev``) and the peer suites.

Gold files are read as they are; their texts come from ``corpus/``, matched by id and by the
sha256 of the text the gold was made on, so a changed corpus cannot be scored silently.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DetenteError
from ..read.sources import RawArticle, read_txt
from ..record import Failure

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "DEDUP_SUITES",
    "GoldArticle",
    "GoldMissing",
    "PETRARCH_DICTIONARIES",
    "PETRARCH_SUITE",
    "PLOVER_SUITE",
    "QUOTES_SUITE",
    "WIKINEWS",
    "dev_articles",
    "gold_digests",
    "require",
    "suite",
]

DEV_GOLD = "gold/dev"
CORPUS = "corpus"
PETRARCH_SUITE = "suites/petrarch/validation.jsonl"
PETRARCH_DICTIONARIES = "suites/petrarch"
PLOVER_SUITE = "suites/plover/gsr.jsonl"
QUOTES_SUITE = "suites/quotes/textacy-direct-quotations.jsonl"
DEDUP_SUITES = "suites/dedup"
WIKINEWS = "corpus/wikinews-2019.jsonl"
# What the floors are pinned on: the gold, the suites, and the dictionaries a suite is coded with.
GOLD_FILES = (
    f"{DEV_GOLD}/*.json",
    PETRARCH_SUITE,
    f"{PETRARCH_DICTIONARIES}/PETR.Validate.*.txt",
    PLOVER_SUITE,
    QUOTES_SUITE,
)


class GoldMissing(DetenteError):
    """A gold set is absent (``../shared`` not beside the repository)."""


@dataclass(frozen=True)
class GoldArticle:
    """One article's gold and the raw article it was made on."""

    gold: dict[str, Any]
    raw: RawArticle

    @property
    def id(self) -> str:
        return str(self.gold["id"])


def require(shared: Path, relative: str) -> Path:
    path = shared / relative
    if not path.exists():
        raise GoldMissing(f"{path} is absent: evaluation needs ../shared beside the repository (or --shared DIR)")
    return path


def dev_articles(shared: Path) -> list[GoldArticle]:
    """The ``gold/dev`` articles, each with its text from ``corpus/``."""
    golds = [json.loads(p.read_text()) for p in sorted(require(shared, DEV_GOLD).glob("*.json"))]
    texts = corpus_texts(shared, {g["text_sha256"] for g in golds})
    return [GoldArticle(gold=g, raw=raw_article(g, texts, shared)) for g in golds]


def raw_article(gold: dict[str, Any], texts: dict[str, dict[str, Any]], shared: Path) -> RawArticle:
    found = texts.get(gold["text_sha256"])
    if found is None:
        raise GoldMissing(f"no text in {shared / CORPUS} has the sha256 the gold of {gold['id']} was made on")
    if found.get("raw_txt"):  # a scraped page as saved: headline first, read as any .txt input
        item = next(read_txt(io.BytesIO(found["text"].encode("utf-8")), found["source"]))
        if isinstance(item, Failure):
            raise GoldMissing(f"{found['source']}: {item.detail}")
        return dataclasses.replace(item, id=gold["id"], published=gold.get("published"))
    return corpus_article(found, found["source"], gold["id"], gold.get("published"))


def corpus_article(row: dict[str, Any], source: str, id: str, published: str | None) -> RawArticle:
    """An article of a corpus row (``../shared/corpus/*.jsonl``) with its title, outlet and address."""
    return RawArticle(
        text=row["text"],
        source=source,
        id=id,
        title=row.get("title"),
        published=published,
        outlet=row.get("outlet"),
        url=row.get("url"),
    )


def corpus_texts(shared: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """Corpus texts by their sha256: lines of the ``.jsonl`` files and whole ``.txt`` files."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(require(shared, CORPUS).iterdir()):
        for row in corpus_rows(path):
            digest = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
            if digest in wanted:
                found[digest] = row
    return found


def corpus_rows(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".jsonl":
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield {**json.loads(line), "source": f"{path}:{number}"}
    elif path.suffix == ".txt":
        yield {"text": path.read_text(encoding="utf-8"), "source": str(path), "raw_txt": True}


def suite(shared: Path, relative: str) -> list[dict[str, Any]]:
    """The records of a ``.jsonl`` suite."""
    lines = require(shared, relative).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_digests(shared: Path) -> dict[str, str]:
    """sha256 of every gold file, by its path under ``../shared``: what the floors were pinned on."""
    digests: dict[str, str] = {}
    for pattern in GOLD_FILES:
        files = sorted(shared.glob(pattern))
        if not files:
            raise GoldMissing(f"{shared / pattern}: no such file; the gate needs ../shared beside the repository")
        for file in files:
            digests[str(file.relative_to(shared))] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digests
