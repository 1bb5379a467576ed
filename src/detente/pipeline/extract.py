"""The pipeline: raw article -> clean ``Article`` -> language -> spaCy ``Doc`` -> ``Record``.

``extract`` codes one text or article; ``process`` streams many, in chunks, asking the
caller which ids are already stored so that a resumed run does not code them again. The
English articles of a chunk are parsed together with ``nlp.pipe`` (the parser is most of the
cost, and batching is what makes it fast). An article that raises is recorded as a
``Failure`` (reason ``pipeline-error``) and the run goes on.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..errors import InputError
from ..nlp import parse
from ..options import DEFAULT_OPTIONS, Options
from ..read.clean import clean
from ..read.sanitize import safe, sanitize
from ..read.sources import RawArticle, read_txt
from ..record import Article, Failure, Record, content_hash
from .annotate import annotate
from .coding import AlreadyStored, Crash, Prepared, articles_in, code_articles, crash
from .workers import worker_pool

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Outcome", "extract", "extract_many", "extract_parsed", "process"]

log = logging.getLogger(__name__)

# Articles are cleaned and looked up in the store this many at a time: large enough that
# the store lookup costs nothing per article, small enough to keep memory flat.
CHUNK_SIZE = 64


Outcome = Record | Failure | AlreadyStored | Crash
# Given candidate ids, the content hash of each one already stored.
StoredHashes = Callable[[list[str]], dict[str, str]]


def extract(
    source: str | Article | RawArticle, *, published: str | None = None, options: Options = DEFAULT_OPTIONS
) -> Record:
    """Code one article: raw text (first line the headline), a ``RawArticle`` or an ``Article``."""
    return code_article(with_published(prepare(source), published), options)


def extract_parsed(
    source: str | Article | RawArticle, *, published: str | None = None, options: Options = DEFAULT_OPTIONS
) -> tuple[Record, Doc]:
    """One article's record with the parse it was coded from (for ``detente explain``)."""
    article = with_published(prepare(source), published)
    doc = next(iter(parse([article.text])))
    return annotate(article, doc, options), doc


def extract_many(
    sources: Iterable[RawArticle], *, published: str | None = None, options: Options = DEFAULT_OPTIONS
) -> Iterator[Record | Failure]:
    """Records for many articles, parsed in batches; a failure in place of each one that fails."""
    for outcome in process(sources, published=published, options=options):
        if isinstance(outcome, Crash):
            yield outcome.failure
        elif not isinstance(outcome, AlreadyStored):
            yield outcome


def prepare(source: str | Article | RawArticle) -> Article:
    """The clean article of what ``extract`` was given; a string's lone surrogates and control
    characters are taken out first (it could not be read as UTF-8 otherwise), with a warning."""
    if isinstance(source, Article):
        return sanitized_article(source)
    if isinstance(source, str):
        text, warnings = sanitize(source)
        item = next(read_txt(io.BytesIO(text.encode("utf-8")), "<text>"))
        if isinstance(item, Failure):
            raise InputError(item.reason, item.detail)
        source = dataclasses.replace(item, warnings=(*item.warnings, *warnings))
    article = clean(source)
    if not article.text.strip():
        raise InputError("empty", f"{source.source}: no article text (after cleaning)")
    return article


def sanitized_article(article: Article) -> Article:
    """An article given whole, its text and title made storable (see ``read.sanitize``)."""
    text, warnings = sanitize(article.text)
    title = safe(article.title) if article.title else article.title
    if text == article.text and title == article.title:
        return article
    return replace(article, text=text, title=title, warnings=(*article.warnings, *warnings))


def with_published(article: Article, published: str | None) -> Article:
    """The article with ``published`` as its date when its source gave none."""
    return replace(article, published=published) if published and not article.published else article


def code_article(article: Article, options: Options = DEFAULT_OPTIONS) -> Record:
    """The record of one clean article; a non-English article is recorded as skipped."""
    outcome = code_articles([article], options)[0]
    if isinstance(outcome, Crash):
        raise InputError(outcome.failure.reason, outcome.failure.detail)
    return outcome


def process(
    items: Iterable[RawArticle | Failure],
    stored: StoredHashes | None = None,
    published: str | None = None,
    workers: int = 1,
    peak_memory: dict[int, int] | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Iterator[Outcome]:
    """Records (and failures) for a stream of read items, in order, skipping already-stored ids.

    ``published`` is the publication date given to articles whose source has none. With
    ``workers`` > 1, chunks are coded (parsed and annotated) in that many worker processes,
    while this process reads, cleans and looks ids up in the store; ``peak_memory``, when
    given, is filled with each worker's peak resident memory in bytes, by process id.
    """
    iterator = iter(items)
    chunks = (prepare_chunk(chunk, stored, published) for chunk in iter(lambda: list(islice(iterator, CHUNK_SIZE)), []))
    if workers <= 1:
        for prepared in chunks:
            yield from merge_coded(prepared, code_articles(articles_in(prepared), options))
        return
    with worker_pool(workers, peak_memory, options) as pool:
        for prepared, coded in pool.code(chunks):
            yield from merge_coded(prepared, coded)


def prepare_chunk(chunk: list[RawArticle | Failure], stored: StoredHashes | None, published: str | None) -> Prepared:
    """A chunk cleaned, with each article under its final id, or ``AlreadyStored`` when already stored."""
    prepared = [guarded_clean(item, published) for item in chunk]
    articles = [a for a in prepared if isinstance(a, Article)]
    candidates = [i for a in articles for i in (a.id, alternate_id(a))]
    known = stored(candidates) if stored and articles else {}
    return [identify_new(item, known) if isinstance(item, Article) else item for item in prepared]


def merge_coded(prepared: Prepared, coded: list[Record | Crash]) -> Iterator[Outcome]:
    """The chunk's outcomes in input order, each article replaced by its record."""
    records = iter(coded)
    for item in prepared:
        yield next(records) if isinstance(item, Article) else item


def identify_new(article: Article, known: dict[str, str]) -> Article | AlreadyStored:
    """The article to code under its final id, or ``AlreadyStored`` when this very text is stored."""
    identified = identify(article, known)
    if identified is None:
        return AlreadyStored(id=article.id, source=article.source or "")
    known[identified.id] = content_hash(identified.text)
    return identified


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
