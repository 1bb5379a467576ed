"""Stories: the same story told by many outlets (or updated, or in another edition) grouped once.

Each article gets a MinHash signature (datasketch) of its word 5-gram shingles; an LSH index
finds earlier articles whose estimated Jaccard similarity is at least ``THRESHOLD``, and the new
article joins the story of the most similar one, else starts its own. The index is rebuilt
from the signatures kept in the store, so stories grow across runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["StoryIndex", "THRESHOLD", "from_bytes", "group", "shingles", "signature", "to_bytes"]

SHINGLE_WORDS = 5
PERMUTATIONS = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2's default hashing scheme, named so stored signatures read back the same
# The lowest word 5-gram Jaccard among the 38 near-duplicate pairs of ../shared/suites/dedup is
# 0.50 (rolling updates of one story); with 128 permutations the estimate's standard deviation
# there is about 0.044, so 0.40 keeps such pairs together, while distinct Wikinews articles
# share almost no 5-grams (see docs/quality.md).
THRESHOLD = 0.40
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> LeanMinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return LeanMinHash(minhash)


def to_bytes(minhash: LeanMinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


@dataclass
class StoryIndex:
    """Articles seen so far, their signatures and stories, searchable by LSH."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS))
    signatures: dict[str, LeanMinHash] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)

    def add_known(self, article_id: str, story_id: str, minhash: LeanMinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, minhash)
            self.signatures[article_id] = minhash
            self.story_of[article_id] = story_id

    def assign(self, article_id: str, text: str) -> tuple[str, LeanMinHash]:
        """The story an article belongs to (a new one, named after it, when it matches none)."""
        minhash = signature(text)
        if article_id in self.story_of:
            return self.story_of[article_id], minhash
        scored = [(minhash.jaccard(self.signatures[c]), c) for c in self.lsh.query(minhash)]
        close = [(score, c) for score, c in scored if score >= THRESHOLD]
        story = self.story_of[max(close)[1]] if close else article_id
        self.add_known(article_id, story, minhash)
        return story, minhash


def group(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Story ids for (id, text) pairs taken in order."""
    index = StoryIndex()
    return {article_id: index.assign(article_id, text)[0] for article_id, text in texts}
