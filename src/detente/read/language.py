"""Language identification with lingua, which ships its models in the wheel (no download).

lingua was chosen over fastText-based detectors (their model is fetched from a hub at run
time, which fails offline) and over langdetect (unmaintained since 2021, non-deterministic).
"""

from __future__ import annotations

from functools import cache
from typing import Any

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["detect_language"]

# lingua's low-accuracy mode (trigrams only) is reliable from ~120 characters on; the first 1,000
# characters of an article decide its language as well as the whole. 400 were tried (faster): on
# the full corpus (`detente ingest ../shared/corpus`) three English articles that open with lists
# of names came out Latin or Tagalog and were skipped.
LANGUAGE_SAMPLE_CHARS = 1000
# Under ~120 characters trigram statistics guess ("Second text." comes out Tagalog): such a
# text is left undetermined and coded, rather than skipped on a guess.
LANGUAGE_MIN_CHARS = 120


@cache
def detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ('en'), or None when it cannot be told."""
    sample = text[:LANGUAGE_SAMPLE_CHARS].strip()
    if len(sample) < LANGUAGE_MIN_CHARS:
        return None
    language = detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
