"""The pipeline: raw article -> clean ``Article`` -> language -> ``Record``.

``extract`` codes one text or article; ``process`` streams many, in chunks, asking the
caller which ids are already stored so that a resumed run does not code them again. An
article that raises is recorded as a ``Failure`` (reason ``pipeline-error``) and the run
goes on.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from msgspec.structs import replace

from .clean import clean
from .errors import InputError
from .language import detect_language
from .record import Article, Failure, Record, content_hash
from .sources import RawArticle, read_txt

log = logging.getLogger(__name__)

# Articles are cleaned and looked up in the store this many at a time: large enough that
# the store lookup costs nothing per article, small enough to keep memory flat.
CHUNK_SIZE = 64
CODED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class Known:
    """An article whose id is already in the store: not coded again."""

    id: str
    source: str


@dataclass(frozen=True)
class Crash:
    """An article the pipeline raised on; its failure is stored and the run goes on."""

    failure: Failure


Outcome = Record | Failure | Known | Crash
# Given candidate ids, the content hash of each one already stored.
StoredHashes = Callable[[list[str]], dict[str, str]]


def extract(source: str | Article | RawArticle, *, published: str | None = None) -> Record:
    """Code one article: raw text (first line the headline), a ``RawArticle`` or an ``Article``."""
    return code_article(with_published(prepare(source), published))


def prepare(source: str | Article | RawArticle) -> Article:
    if isinstance(source, Article):
        return source
    if isinstance(source, str):
        item = next(read_txt(io.BytesIO(source.encode("utf-8")), "<text>"))
        if isinstance(item, Failure):
            raise InputError(item.reason, item.detail)
        source = item
    return clean(source)


def with_published(article: Article, published: str | None) -> Article:
    """The article with ``published`` as its date when its source gave none."""
    return replace(article, published=published) if published and not article.published else article


def code_article(article: Article) -> Record:
    """The record of one clean article; a non-English article is recorded as skipped."""
    language = article.language or detect_language(article.text)
    article = replace(article, language=language)
    if language is not None and language not in CODED_LANGUAGES:
        return Record(article=article, status="skipped", skip_reason=f"language:{language}")
    return Record(article=article)


def process(
    items: Iterable[RawArticle | Failure],
    stored: StoredHashes | None = None,
    published: str | None = None,
) -> Iterator[Outcome]:
    """Records (and failures) for a stream of read items, skipping already-stored ids.

    ``published`` is the publication date given to articles whose source has none.
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        yield from process_chunk(chunk, stored, published)


def process_chunk(
    chunk: list[RawArticle | Failure], stored: StoredHashes | None, published: str | None
) -> Iterator[Outcome]:
    prepared = [guarded_clean(item, published) for item in chunk]
    articles = [a for a in prepared if isinstance(a, Article)]
    candidates = [i for a in articles for i in (a.id, alternate_id(a))]
    known = stored(candidates) if stored and articles else {}
    for item in prepared:
        if not isinstance(item, Article):
            yield item
            continue
        article = identify(item, known)
        if article is None:
            yield Known(id=item.id, source=item.source or "")
        else:
            known[article.id] = content_hash(article.text)
            yield guarded_code(article)


def alternate_id(article: Article) -> str:
    """The id an article takes when its source's id is already used by another text."""
    return f"{article.id}~{content_hash(article.text)[:8]}"


def identify(article: Article, known: dict[str, str]) -> Article | None:
    """The article under the id to store it with, or None when this very text is stored.

    Sources reuse ids (truncated slugs, rolling updates): the same id with another text is
    another article and is kept, under ``id~hash8``, so that nothing is lost.
    """
    digest = content_hash(article.text)
    if known.get(article.id, digest) == digest:
        return None if article.id in known else article
    other = alternate_id(article)
    if other in known:
        return None
    log.warning("%s: id %s is already used by another text; stored as %s", article.source, article.id, other)
    return replace(article, id=other)


def guarded_clean(item: RawArticle | Failure, published: str | None = None) -> Article | Failure | Crash:
    if isinstance(item, Failure):
        return item
    try:
        return with_published(clean(item), published)
    except Exception as exc:  # a bad article must never take the batch down
        return crash(item.source, "clean", exc)


def guarded_code(article: Article) -> Record | Crash:
    try:
        return code_article(article)
    except Exception as exc:  # a bad article must never take the batch down
        return crash(article.source or article.id, "code", exc)


def crash(source: str, stage: str, exc: Exception) -> Crash:
    log.exception("%s: the %s stage failed", source, stage)
    detail = f"{source}: {stage} stage raised {type(exc).__name__}: {exc}"
    return Crash(Failure(source=source, reason="pipeline-error", detail=detail))
