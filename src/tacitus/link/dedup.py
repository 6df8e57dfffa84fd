"""Near-duplicate articles (syndicated copies) by MinHash over word shingles (datasketch LSH).

A wire story reprinted by several outlets, with a new headline, a trimmed last paragraph or a
different dateline, is one report: the linker marks every later copy with the article it copies
(`dup_of`) so that mention, article and outlet counts take it once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
# Two texts are copies of one report when their shingle sets overlap this much (estimated
# Jaccard similarity, the LSH threshold) ...
MIN_JACCARD = 0.5
# ... and the shorter text lies this much inside the longer one: a reprint that cut the last
# paragraph is still a copy. Rewrites of the same news by other outlets share few shingles (< 0.2).
MIN_CONTAINMENT = 0.8
# Copies are published within days of each other; older articles are not searched.
COPY_WINDOW_DAYS = 7
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@functools.cache
def _empty_minhash() -> MinHash:
    # Creating a MinHash draws its permutations, which costs more than hashing a text: copy one.
    return MinHash(num_perm=NUM_PERM, scheme=_SCHEME)


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


def find_copies(known: Iterable[ArticleSignature], new: Iterable[ArticleSignature]) -> dict[str, str]:
    """For each new article that copies another (known or new), the doc_id of the original.

    Articles are taken oldest first through a sliding window of COPY_WINDOW_DAYS, so the LSH index
    only ever holds the articles of a few days and the cost grows linearly with the articles.
    The original of a group is its earliest article; a copy of a copy points at the original.
    Known articles keep their links: a new article older than a known copy of it is not marked.
    Undated articles are compared only with each other.
    """
    ordered = sorted([(a, False) for a in known] + [(a, True) for a in new], key=copy_order)
    return find_copies_in_order(ordered)


def copy_order(pair: tuple[ArticleSignature, bool]) -> tuple:
    """The order articles are compared in: oldest first, known before new on a day, then doc_id;
    undated last (``ORDER BY published IS NULL, published, is_new, doc_id`` in SQL)."""
    article, is_new = pair
    return article.published is None, article.published or dt.date.min, is_new, article.doc_id


def find_copies_in_order(ordered: Iterable[tuple[ArticleSignature, bool]]) -> dict[str, str]:
    """`find_copies` over (article, is new) pairs already in `copy_order`, read as a stream: only
    the articles of the last COPY_WINDOW_DAYS are held, so any number of articles can be linked."""
    index = _WindowIndex()
    copies: dict[str, str] = {}
    for article, is_new in ordered:
        index.advance(article.published)
        hashvalues = np.frombuffer(article.minhash, dtype=np.uint32)
        if is_new:
            original = index.original_of(hashvalues, article.shingles)
            if original is not None:
                copies[article.doc_id] = original
            index.add(article, hashvalues, copies.get(article.doc_id))
        else:
            index.add(article, hashvalues, article.dup_of)
    return copies


@functools.cache
def _band_shape() -> tuple[int, int]:
    """Bands and rows per band of the LSH index: datasketch's choice for MIN_JACCARD and NUM_PERM."""
    lsh = MinHashLSH(threshold=MIN_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class _WindowIndex:
    """An LSH index over the articles published in the last COPY_WINDOW_DAYS.

    Banded like datasketch's MinHashLSH (two articles are candidates when all the slots of one
    band agree), but with plain dicts from band bytes to doc_ids: adding and dropping an article
    is a few dict operations, which keeps a million articles to minutes.
    """

    def __init__(self) -> None:
        self.bands: list[dict[bytes, set[str]]] = []
        self.entries: dict[str, tuple[np.ndarray, int, str | None, dt.date | None, list[bytes]]] = {}
        self.order: deque[str] = deque()
        self.undated = False
        self._clear()

    def _clear(self) -> None:
        self.bands = [{} for _ in range(_band_shape()[0])]
        self.entries.clear()
        self.order.clear()

    @staticmethod
    def _keys(hashvalues: np.ndarray) -> list[bytes]:
        bands, rows = _band_shape()
        return [band.tobytes() for band in hashvalues[:bands * rows].reshape(bands, rows)]

    def advance(self, day: dt.date | None) -> None:
        if day is None:
            if not self.undated:  # dated articles are done: undated ones start a fresh index
                self._clear()
                self.undated = True
            return
        while self.order and self.entries[self.order[0]][3] < day - dt.timedelta(days=COPY_WINDOW_DAYS):
            doc_id = self.order.popleft()
            for band, key in zip(self.bands, self.entries.pop(doc_id)[4]):
                bucket = band[key]
                bucket.discard(doc_id)
                if not bucket:
                    del band[key]

    def add(self, article: ArticleSignature, hashvalues: np.ndarray, dup_of: str | None) -> None:
        keys = self._keys(hashvalues)
        for band, key in zip(self.bands, keys):
            band.setdefault(key, set()).add(article.doc_id)
        self.entries[article.doc_id] = (hashvalues, article.shingles, dup_of, article.published, keys)
        self.order.append(article.doc_id)

    def original_of(self, hashvalues: np.ndarray, shingles: int) -> str | None:
        buckets = (band.get(key, ()) for band, key in zip(self.bands, self._keys(hashvalues)))
        candidates = sorted(set().union(*buckets))
        if not candidates:
            return None
        # Estimated Jaccard similarity: the share of equal signature slots, for all candidates at once.
        jaccard = (np.stack([self.entries[d][0] for d in candidates]) == hashvalues).mean(axis=1)
        matches = [d for d, j in zip(candidates, jaccard.tolist())
                   if _containment(j, shingles, self.entries[d][1]) >= MIN_CONTAINMENT]
        if not matches:
            return None
        first = min(matches, key=lambda d: (self.entries[d][3] or dt.date.max, d))
        return self.entries[first][2] or first


def _containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set inside the larger, from their Jaccard similarity and sizes."""
    if jaccard < MIN_JACCARD:  # LSH candidates include some below the threshold
        return 0.0
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, shared / max(1, min(size_a, size_b)))
