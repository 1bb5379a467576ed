"""``detente eval``: the pipeline scored against the gold sets in ``../shared``."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..options import DEFAULT_OPTIONS, Options
from ..pipeline.extract import extract_many
from ..read.sources import RawArticle
from ..record import Record
from .dev import score_dev
from .gold import (
    DEDUP_SUITES,
    PETRARCH_DICTIONARIES,
    PETRARCH_SUITE,
    PLOVER_SUITE,
    QUOTES_SUITE,
    WIKINEWS,
    GoldArticle,
    GoldMissing,
    dev_articles,
    gold_digests,
    require,
    suite,
)
from .polnear import polnear_articles, score_polnear
from .scores import Table
from .suites import score_petrarch, score_plover, score_textacy_quotes

__all__ = ["Evaluation", "GoldMissing", "evaluate"]

log = logging.getLogger(__name__)

PETRARCH_NOTE = (
    "Coded with the suite's PETR.Validate actor, agent and verb dictionaries in place of the packaged"
    " ones; its verb file is PETRARCH-1's dialect, read by the same converter (events/flat.py codes it)."
)


@dataclass
class Evaluation:
    tables: list[Table] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    dev: list[tuple[GoldArticle, Record | None]] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        return {name: value for table in self.tables for name, value in table.metrics().items()}


def evaluate(shared: Path) -> Evaluation:
    """Every gold set under ``shared`` that is present, scored; absent ones are listed as skipped."""
    result = Evaluation(digests=gold_digests_or_empty(shared))
    for part in (evaluate_dev, evaluate_petrarch, evaluate_plover, evaluate_quotes, evaluate_polnear, evaluate_stories):
        try:
            part(shared, result)
        except GoldMissing as exc:
            log.warning("%s", exc)
            result.skipped.append(str(exc))
    return result


def gold_digests_or_empty(shared: Path) -> dict[str, str]:
    try:
        return gold_digests(shared)
    except GoldMissing:
        return {}


def code_all(raws: list[RawArticle], options: Options = DEFAULT_OPTIONS) -> list[Record | None]:
    """Records in input order; None for an article the pipeline failed on (it scores as misses)."""
    return [o if isinstance(o, Record) else None for o in extract_many(raws, options=options)]


def evaluate_dev(shared: Path, result: Evaluation) -> None:
    articles = dev_articles(shared)
    result.dev = list(zip(articles, code_all([a.raw for a in articles]), strict=True))
    dev = score_dev(result.dev)
    result.tables += dev.tables
    result.misses.update(dev.misses)


def suite_records(
    cases: list[dict[str, Any]], name: str, options: Options = DEFAULT_OPTIONS
) -> list[tuple[dict[str, Any], Record | None]]:
    raws = [suite_article(case, f"{name}:{number}") for number, case in enumerate(cases, 1)]
    return list(zip(cases, code_all(raws, options), strict=True))


def suite_article(case: dict[str, Any], source: str) -> RawArticle:
    """A suite sentence as an English article, dated when the suite gives a date (``19950101``)."""
    date = str(case.get("date") or "").replace("-", "")
    published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else None
    return RawArticle(
        text=case["text"], source=source, id=case.get("id"), published=published, extracted=True, language="en"
    )


def evaluate_petrarch(shared: Path, result: Evaluation) -> None:
    cases = suite(shared, PETRARCH_SUITE)
    fictional = [c for c in cases if not c["real_world"]]
    real = [c for c in cases if c["real_world"]]
    options = Options(dictionaries=shared / PETRARCH_DICTIONARIES)
    result.tables.append(score_petrarch(suite_records(fictional, "petrarch", options), False, PETRARCH_NOTE))
    note = "Default dictionaries; codes compared on their first three letters."
    result.tables.append(score_petrarch(suite_records(real, "petrarch"), True, note))


def evaluate_plover(shared: Path, result: Evaluation) -> None:
    result.tables.append(score_plover(suite_records(suite(shared, PLOVER_SUITE), "plover")))


def evaluate_quotes(shared: Path, result: Evaluation) -> None:
    table, failures = score_textacy_quotes(suite_records(suite(shared, QUOTES_SUITE), "textacy"))
    result.tables.append(table)
    result.misses["quotes_textacy"] = failures


def evaluate_polnear(shared: Path, result: Evaluation) -> None:
    articles = polnear_articles(shared)
    table, misses = score_polnear(list(zip(articles, code_all([a.raw for a in articles]), strict=True)))
    result.tables.append(table)
    result.misses["quotes_polnear"] = misses


def evaluate_stories(shared: Path, result: Evaluation) -> None:
    """Near-duplicate pairs that land in one story; Wikinews articles (no known duplicates) kept apart."""
    from ..store.stories import THRESHOLD, group
    from .scores import Accuracy

    together, apart = Accuracy(), Accuracy()
    for path in sorted(require(shared, DEDUP_SUITES).glob("*.jsonl")):
        for pair in suite(shared, str(path.relative_to(shared))):
            stories = group([("a", pair["a"]["text"]), ("b", pair["b"]["text"])])
            together.add(stories["a"] == stories["b"])
    rows = suite(shared, WIKINEWS)
    stories = group((row["id"], row["text"]) for row in rows)
    sizes = {s: list(stories.values()).count(s) for s in set(stories.values())}
    for row in rows:
        apart.add(sizes[stories[row["id"]]] == 1)
    table = Table(
        "Story merging", "stories", accuracies={"dedup_pairs_together": together, "wikinews_kept_apart": apart}
    )
    table.notes.append(f"MinHash (128 permutations) of word 5-grams, LSH, Jaccard threshold {THRESHOLD}.")
    result.tables.append(table)
