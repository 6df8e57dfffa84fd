"""The signature of an article's text for finding copies: a MinHash over word shingles.

The store computes it once when it stores an article (``articles.minhash``, ``.shingles``);
the linker (`tacitus.link.dedup`) compares signatures to find syndicated copies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 3
MINHASH_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@functools.cache
def _empty_minhash() -> MinHash:
    # Creating a MinHash draws its permutations, which costs more than hashing a text: copy one.
    return MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)


def signature(text: str) -> tuple[bytes, int]:
    """The MinHash signature of a text and its number of shingles (``articles.minhash``, ``.shingles``)."""
    words = shingles(text)
    minhash = _empty_minhash().copy()
    minhash.update_batch(list(words))
    return minhash.hashvalues.tobytes(), len(words)


@dataclass
class ArticleSignature:
    doc_id: str
    published: dt.date | None
    minhash: bytes
    shingles: int
    dup_of: str | None = None
