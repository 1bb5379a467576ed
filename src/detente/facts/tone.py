"""Tone, as GDELT reports it: the share of positive and of negative words, and their difference.

Word valences come from the VADER lexicon (Hutto & Gilbert 2014, MIT, shipped inside the
``vaderSentiment`` package: no download). GDELT's own dictionaries are not public, and the
Lexicoder Sentiment Dictionary, made for political news, is not packaged and is licensed for
academic use only; VADER's 7,500 rated words are general English and rated by people, which is
what a word-share measure needs. As in GDELT, a word counts by its lexicon entry alone: no
negation or intensifier rules, so the figures stay comparable with GDELT's (positive and negative
in percent of words; score = positive − negative).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..nlp import words_of
from ..record import SentenceTone, Tone

if TYPE_CHECKING:
    from spacy.tokens import Span

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["find_tone", "tone_of"]


@cache
def lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def counts(span: Span) -> tuple[int, int, int]:
    """(words, positive words, negative words) of a span."""
    valence = lexicon()
    table = words_of(span.doc)
    words = positive = negative = 0
    for i in range(span.start, span.end):
        if not table.alpha[i]:
            continue
        words += 1
        value = valence.get(table.lowers[i], 0.0)
        positive += value > 0
        negative += value < 0
    return words, positive, negative


def tone_of(words: int, positive: int, negative: int) -> tuple[float, float, float]:
    """(score, positive %, negative %), rounded as GDELT prints them."""
    if words == 0:
        return 0.0, 0.0, 0.0
    pos, neg = 100 * positive / words, 100 * negative / words
    return round(pos - neg, 3), round(pos, 3), round(neg, 3)


def find_tone(sentences: list[Span]) -> tuple[Tone, tuple[SentenceTone, ...]]:
    """The article's tone and each sentence's."""
    per_sentence = []
    total = [0, 0, 0]
    for sentence in sentences:
        words, positive, negative = counts(sentence)
        total = [total[0] + words, total[1] + positive, total[2] + negative]
        score, pos, neg = tone_of(words, positive, negative)
        per_sentence.append(
            SentenceTone(start=sentence.start_char, end=sentence.end_char, score=score, positive=pos, negative=neg)
        )
    score, pos, neg = tone_of(*total)
    return Tone(score=score, positive=pos, negative=neg, words=total[0]), tuple(per_sentence)
