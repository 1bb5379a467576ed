"""Language identification with lingua, which ships its models in the wheel (no download).

lingua was chosen over fastText-based detectors (their model is fetched from a hub at run
time, which fails offline) and over langdetect (unmaintained since 2021, non-deterministic).

Every text gets a language: an ISO 639-1 code, or ``und`` (undetermined, ISO 639-2) when it has
no letters or lingua cannot tell. Only English is coded, so a text of no known language is
skipped with its reason rather than coded by accident.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..knowledge.files import toml_data

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["UNDETERMINED", "detect_language"]

UNDETERMINED = "und"

# lingua's low-accuracy mode (trigrams only) is reliable from ~120 characters on; the first 1,000
# characters of an article decide its language as well as the whole. 400 were tried (faster): on
# the full corpus (`detente ingest ../shared/corpus`) three English articles that open with lists
# of names came out Latin or Tagalog and were skipped.
LANGUAGE_SAMPLE_CHARS = 1000
# Under ~120 characters trigram statistics guess ("Second text." comes out Tagalog, "Obama visited
# Kenya." Zulu): a shorter text is told by lingua's high-accuracy mode (n-grams up to five), with
# the languages of the world's news only (data/languages.toml), whose models take ~350 MB where
# all 75 take ~900 MB; they are loaded the first time a short text comes.
LANGUAGE_MIN_CHARS = 120


@cache
def detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@cache
def short_text_detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in toml_data("languages.toml")["short_texts"]]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


# What is no word of any language is left out of the sample: a run of 40 characters without a
# space (a URL, a hash, a line of quote marks) and runs of three or more punctuation marks.
NOT_WORDS = re.compile(r"(?<!\S)\S{40,}|[^\w\s]{3,}")
# How far into the text the sample is looked for (an article opening with a page of links).
SCAN_CHARS = 20 * LANGUAGE_SAMPLE_CHARS


def language_sample(text: str) -> str:
    """The first ``LANGUAGE_SAMPLE_CHARS`` characters of the text's words."""
    return " ".join(NOT_WORDS.sub(" ", text[:SCAN_CHARS]).split())[:LANGUAGE_SAMPLE_CHARS]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('en'), or ``und`` when it cannot be told."""
    sample = language_sample(text)
    if not any(c.isalpha() for c in sample):
        return UNDETERMINED
    short = len(sample) < LANGUAGE_MIN_CHARS
    language = (short_text_detector() if short else detector()).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else UNDETERMINED
