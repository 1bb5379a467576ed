"""Coding clean articles: language, parse and annotation, one article's exception its own.

The part of the pipeline a worker process runs: ``code_articles`` takes a chunk of clean
articles and gives each its record, parsing the English ones together with ``nlp.pipe``. An
article that raises in any stage becomes a ``Crash`` (a ``pipeline-error`` failure, or
``timeout`` past its time budget) and the rest of the chunk is coded: when the batch parse
raises, the articles it had not yet given are parsed one by one. An article longer than a piece
(``pieces.PIECE_CHARS``) is parsed and coded piece by piece.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..nlp import parse, parse_one
from ..options import DEFAULT_OPTIONS, Options
from ..read.language import UNDETERMINED, detect_language
from ..read.sanitize import short
from ..record import Article, Failure, Record
from .annotate import annotate
from .budget import OverBudget, budget_for, time_budget
from .pieces import PIECE_CHARS, code_in_pieces

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["AlreadyStored", "Crash", "Prepared", "articles_in", "code_articles", "crash"]

log = logging.getLogger(__name__)

CODED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class AlreadyStored:
    """An article whose id is already in the store: not coded again."""

    id: str
    source: str


@dataclass(frozen=True)
class Crash:
    """An article the pipeline raised on; its failure is stored and the run goes on."""

    failure: Failure


Prepared = list["Article | Failure | Crash | AlreadyStored"]


def articles_in(prepared: Prepared) -> list[Article]:
    return [a for a in prepared if isinstance(a, Article)]


def code_articles(articles: list[Article], options: Options = DEFAULT_OPTIONS) -> list[Record | Crash]:
    """Records for clean articles, in order; English ones are parsed together in one batch."""
    outcomes: list[Record | Crash | Article] = [guarded_language(a) for a in articles]
    batched = [a for a in outcomes if isinstance(a, Article) and len(a.text) <= PIECE_CHARS]
    docs = guarded_parse([a.text for a in batched])
    return [code_one(o, docs, options) if isinstance(o, Article) else o for o in outcomes]


def code_one(article: Article, docs: Iterator[Doc | Exception], options: Options) -> Record | Crash:
    """The record of one article; a short one takes the next doc of the batch parse."""
    source = article.source or article.id
    if len(article.text) > PIECE_CHARS:
        return guarded(
            article,
            "code",
            lambda: code_in_pieces(article, lambda p: parse_and_annotate(p, options), PIECE_CHARS),
            options,
        )
    doc = next(docs)
    if isinstance(doc, Exception):
        return crash(source, "parse", doc)
    return guarded(article, "code", lambda: annotate(article, doc, options), options)


def parse_and_annotate(article: Article, options: Options) -> Record:
    return annotate(article, parse_one(article.text), options)


def guarded(article: Article, stage: str, code: Callable[[], Record], options: Options) -> Record | Crash:
    """What ``code`` returns, or the article's crash when it raises or runs over its budget."""
    source = article.source or article.id
    try:
        with time_budget(budget_for(article.text, options.time_budget)):
            return code()
    except OverBudget as exc:
        log.warning("%s: %s", source, exc)
        return Crash(Failure(source=source, reason="timeout", detail=f"{source}: the {stage} stage ran {exc}"))
    except Exception as exc:  # a bad article must never take the batch down
        return crash(source, stage, exc)


def guarded_parse(texts: list[str]) -> Iterator[Doc | Exception]:
    """Each text's doc, parsed in batches; once the batch parse raises, the texts it had not
    given are parsed one at a time, and a text that raises alone gives its exception."""
    given = 0
    try:
        for doc in parse(texts):
            given += 1
            yield doc
    except Exception as exc:  # which text of the batch raised is not known: each is tried alone
        log.warning(
            "the batch parse raised %s: parsing its remaining %d text(s) one by one",
            type(exc).__name__,
            len(texts) - given,
        )
        for text in texts[given:]:
            yield parse_alone(text)


def parse_alone(text: str) -> Doc | Exception:
    try:
        return next(parse([text]))
    except Exception as exc:  # the text's own failure, recorded with its article
        return exc


def guarded_language(article: Article) -> Article | Record | Crash:
    """The article with its language when it is to be coded, else its skipped record."""
    try:
        language = article.language or detect_language(article.text)
    except Exception as exc:  # a bad article must never take the batch down
        return crash(article.source or article.id, "language", exc)
    article = replace(article, language=language)
    if language not in CODED_LANGUAGES:
        reason = "language:und" if language == UNDETERMINED else f"language:{language}"
        return Record(article=article, status="skipped", skip_reason=reason)
    return article


def crash(source: str, stage: str, exc: Exception) -> Crash:
    log.exception("%s: the %s stage failed", source, stage, exc_info=exc)
    detail = f"{source}: {stage} stage raised {type(exc).__name__}: {exc}"
    return Crash(Failure(source=source, reason="pipeline-error", detail=short(detail)))
