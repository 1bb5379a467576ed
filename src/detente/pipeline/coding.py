"""Coding clean articles: language, parse and annotation, one article's exception its own.

The part of the pipeline a worker process runs: ``code_articles`` takes a chunk of clean
articles and gives each its record, parsing the English ones together with ``nlp.pipe``; an
article that raises in any stage becomes a ``Crash`` (a ``pipeline-error`` failure) and the rest
of the chunk is coded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..nlp import parse
from ..options import DEFAULT_OPTIONS, Options
from ..read.language import detect_language
from ..record import Article, Failure, Record
from .annotate import annotate

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
    coded = [a for a in outcomes if isinstance(a, Article)]
    docs = iter(parse([a.text for a in coded]))
    return [guarded_annotate(o, next(docs), options) if isinstance(o, Article) else o for o in outcomes]


def guarded_language(article: Article) -> Article | Record | Crash:
    """The article with its language when it is to be coded, else its skipped record."""
    try:
        language = article.language or detect_language(article.text)
    except Exception as exc:  # a bad article must never take the batch down
        return crash(article.source or article.id, "language", exc)
    article = replace(article, language=language)
    if language is not None and language not in CODED_LANGUAGES:
        return Record(article=article, status="skipped", skip_reason=f"language:{language}")
    return article


def guarded_annotate(article: Article, doc: Doc, options: Options) -> Record | Crash:
    try:
        return annotate(article, doc, options)
    except Exception as exc:  # a bad article must never take the batch down
        return crash(article.source or article.id, "code", exc)


def crash(source: str, stage: str, exc: Exception) -> Crash:
    log.exception("%s: the %s stage failed", source, stage)
    detail = f"{source}: {stage} stage raised {type(exc).__name__}: {exc}"
    return Crash(Failure(source=source, reason="pipeline-error", detail=detail))
