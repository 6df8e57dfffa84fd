"""Near-duplicate articles (syndicated copies) by MinHash over word shingles, banded as in LSH.

A wire story reprinted by several outlets, with a new headline, a trimmed last paragraph or a
different dateline, is one report: the linker marks every later copy with the article it copies
(`dup_of`) so that mention, article and outlet counts take it once.

Articles are compared in publication order through a sliding window of COPY_WINDOW_DAYS, and the
work is done with numpy on batches of signatures (a batch plus the last days of the one before),
so the cost grows linearly with the articles and memory holds a few days of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from datasketch import MinHashLSH

from tacitus.store.signature import NUM_PERM, ArticleSignature

# Two texts are copies of one report when their shingle sets overlap this much (estimated
# Jaccard similarity, the LSH threshold) ...
MIN_JACCARD = 0.5
# ... and the shorter text lies this much inside the longer one: a reprint that cut the last
# paragraph is still a copy. Rewrites of the same news by other outlets share few shingles (< 0.2).
MIN_CONTAINMENT = 0.8
# Copies are published within days of each other; older articles are not searched.
COPY_WINDOW_DAYS = 7
# Signatures compared at once: bounds the memory of one step, not what is found.
BATCH_ROWS = 20_000

# Undated articles sort after every date (date.max is ordinal 3,652,059) and, all sharing this
# day, are compared with each other only.
UNDATED_DAY = 1 << 23
_DAY_SPAN = 1 << 24  # a band group and a day packed into one int64: group * _DAY_SPAN + day
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_PAIRS_AT_ONCE = 200_000  # candidate pairs whose signatures are compared in one numpy step


@dataclass
class SignatureBatch:
    """Signatures of articles in comparison order (`copy_order`), as columns."""

    doc_ids: np.ndarray  # str
    days: np.ndarray  # int64 date ordinals, UNDATED_DAY when undated
    hashvalues: np.ndarray  # (rows, NUM_PERM) uint32
    shingles: np.ndarray  # int64
    dup_of: np.ndarray  # object: the original of a known copy (or, once found, of a new one), else None
    is_new: np.ndarray  # bool: to be linked now (known articles are only compared against)

    def __len__(self) -> int:
        return len(self.doc_ids)

    @classmethod
    def from_signatures(cls, pairs: list[tuple[ArticleSignature, bool]]) -> SignatureBatch:
        return cls(
            doc_ids=np.array([a.doc_id for a, _ in pairs], dtype=object),
            days=np.array([a.published.toordinal() if a.published else UNDATED_DAY for a, _ in pairs], dtype=np.int64),
            hashvalues=np.frombuffer(b"".join(a.minhash for a, _ in pairs), dtype=np.uint32).reshape(-1, NUM_PERM),
            shingles=np.array([a.shingles for a, _ in pairs], dtype=np.int64),
            dup_of=np.array([a.dup_of for a, _ in pairs], dtype=object),
            is_new=np.array([is_new for _, is_new in pairs], dtype=bool),
        )

    @classmethod
    def from_arrow(cls, batch: pa.RecordBatch) -> SignatureBatch:
        """From columns doc_id, published (date32), minhash (binary), shingles, dup_of, is_new."""
        days = pc.cast(batch.column("published"), pa.int32()).to_numpy(zero_copy_only=False)
        nulls = batch.column("published").is_null().to_numpy(zero_copy_only=False)
        return cls(
            doc_ids=np.array(batch.column("doc_id").to_pylist(), dtype=object),
            days=np.where(nulls, UNDATED_DAY, np.nan_to_num(days, nan=0).astype(np.int64) + _EPOCH_ORDINAL),
            hashvalues=_signature_matrix(batch.column("minhash")),
            shingles=batch.column("shingles").to_numpy(zero_copy_only=False).astype(np.int64),
            dup_of=np.array(batch.column("dup_of").to_pylist(), dtype=object),
            is_new=batch.column("is_new").to_numpy(zero_copy_only=False).astype(bool),
        )

    def take(self, rows: np.ndarray) -> SignatureBatch:
        return SignatureBatch(*(column[rows] for column in self._columns()))

    def then(self, other: SignatureBatch) -> SignatureBatch:
        return SignatureBatch(*(np.concatenate([a, b]) for a, b in zip(self._columns(), other._columns())))

    def _columns(self) -> tuple[np.ndarray, ...]:
        return self.doc_ids, self.days, self.hashvalues, self.shingles, self.dup_of, self.is_new


def _signature_matrix(column: pa.Array) -> np.ndarray:
    """The MinHash signatures of a binary column as one (rows, NUM_PERM) matrix, without a copy per row."""
    width = NUM_PERM * 4
    if column.null_count:
        raise ValueError("an article has no MinHash signature")
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[column.offset:column.offset + len(column) + 1]
    if len(column) and not (np.diff(offsets) == width).all():
        raise ValueError(f"a MinHash signature is not {NUM_PERM} 32-bit values: the store was written by another scheme")
    data = np.frombuffer(column.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]] if len(column) else b""
    return np.frombuffer(data, dtype=np.uint32).reshape(-1, NUM_PERM)


def find_copies(known: Iterable[ArticleSignature], new: Iterable[ArticleSignature]) -> dict[str, str]:
    """For each new article that copies another (known or new), the doc_id of the original.

    Articles are taken oldest first through a sliding window of COPY_WINDOW_DAYS, so only the
    articles of a few days are compared with each other and the cost grows linearly with the articles.
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
    """`find_copies` over (article, is new) pairs already in `copy_order`, read as a stream."""
    iterator = iter(ordered)
    batches = (SignatureBatch.from_signatures(chunk)
               for chunk in iter(lambda: list(itertools.islice(iterator, BATCH_ROWS)), []))
    return find_copies_in_batches(batches)


def find_copies_in_batches(batches: Iterable[SignatureBatch]) -> dict[str, str]:
    """`find_copies` over batches of signatures in `copy_order`: each batch is compared with
    itself and with the last COPY_WINDOW_DAYS of the batches before it, so any number of
    articles can be linked in the memory of a batch and a few days."""
    copies: dict[str, str] = {}
    window: SignatureBatch | None = None
    for batch in batches:
        if not len(batch):
            continue
        carried = len(window) if window is not None else 0
        window = batch if window is None else window.then(batch)
        _find_in_window(window, carried, copies)
        window = window.take(np.flatnonzero(window.days >= window.days[-1] - COPY_WINDOW_DAYS))
    return copies


@functools.cache
def _band_shape() -> tuple[int, int]:
    """Bands and rows per band of the LSH index: datasketch's choice for MIN_JACCARD and NUM_PERM."""
    lsh = MinHashLSH(threshold=MIN_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _find_in_window(window: SignatureBatch, first: int, copies: dict[str, str]) -> None:
    """Mark the new articles from row `first` on that copy an earlier article of the window.

    An article's candidates are the earlier articles of the last COPY_WINDOW_DAYS that agree with
    it on every slot of at least one band; a candidate is a match when the estimated Jaccard
    similarity and containment reach the thresholds. The original is the earliest match (by
    publication date, then doc_id), or the original that match itself copies.
    """
    later, earlier = _candidate_pairs(window, first)
    matched_later, matched_earlier = [], []
    for start in range(0, len(later), _PAIRS_AT_ONCE):
        i, j = later[start:start + _PAIRS_AT_ONCE], earlier[start:start + _PAIRS_AT_ONCE]
        jaccard = (window.hashvalues[i] == window.hashvalues[j]).mean(axis=1)
        keep = _containment(jaccard, window.shingles[i], window.shingles[j]) >= MIN_CONTAINMENT
        matched_later.append(i[keep])
        matched_earlier.append(j[keep])
    if not matched_later:
        return
    later, earlier = np.concatenate(matched_later), np.concatenate(matched_earlier)
    if not len(later):
        return
    rank = np.empty(len(window), dtype=np.int64)
    rank[np.lexsort((window.doc_ids.astype(str), window.days))] = np.arange(len(window))
    order = np.lexsort((rank[earlier], later))
    later, earlier = later[order], earlier[order]
    firsts = np.flatnonzero(np.r_[True, later[1:] != later[:-1]])
    # In window order, so an earlier copy's original is known when a later article meets it.
    for i, j in zip(later[firsts].tolist(), earlier[firsts].tolist()):
        original = window.dup_of[j] or window.doc_ids[j]
        window.dup_of[i] = original
        copies[window.doc_ids[i]] = original


def _candidate_pairs(window: SignatureBatch, first: int) -> tuple[np.ndarray, np.ndarray]:
    """(later row, earlier row) pairs of the window sharing a band, each once: the later row a new
    article from `first` on, the earlier published at most COPY_WINDOW_DAYS before it."""
    rows = len(window)
    bands, per_band = _band_shape()
    keys = np.ascontiguousarray(window.hashvalues[:, :bands * per_band]).reshape(rows, bands, per_band)
    # A 64-bit hash of each (band, slots) groups the rows; equality of the slots is checked below.
    hashed = np.broadcast_to(np.arange(bands, dtype=np.uint64), (rows, bands)).copy()
    for slot in range(per_band):
        hashed = hashed * np.uint64(0x100000001B3) ^ keys[:, :, slot].astype(np.uint64)
    hashed = hashed.ravel()
    position = np.repeat(np.arange(rows), bands)
    order = np.lexsort((position, hashed))
    hashed, entry = hashed[order], order
    group = np.cumsum(np.r_[False, hashed[1:] != hashed[:-1]]).astype(np.int64)
    days = window.days[entry // bands]
    packed = group * _DAY_SPAN + days
    lowest = np.searchsorted(packed, packed - COPY_WINDOW_DAYS, side="left")
    asking = (entry // bands >= first) & window.is_new[entry // bands]
    counts = np.where(asking, np.arange(len(entry)) - lowest, 0)
    total = int(counts.sum())
    if not total:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    asker = np.repeat(np.arange(len(entry)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    later_entry, earlier_entry = entry[asker], entry[lowest[asker] + offsets]
    later, earlier, band = later_entry // bands, earlier_entry // bands, later_entry % bands
    same_band = (band == earlier_entry % bands) & (keys[later, band] == keys[earlier, band]).all(axis=1)
    unique = np.unique(later[same_band] * rows + earlier[same_band])
    return unique // rows, unique % rows


def _containment(jaccard: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """Share of the smaller shingle set inside the larger, from their Jaccard similarity and sizes
    (0 below MIN_JACCARD: LSH candidates include some below the threshold)."""
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    contained = np.minimum(1.0, shared / np.maximum(1, np.minimum(size_a, size_b)))
    return np.where(jaccard < MIN_JACCARD, 0.0, contained)


def signature_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[SignatureBatch]:
    """Arrow record batches (as `SignatureBatch.from_arrow` reads them) as signature batches."""
    for batch in batches:
        if batch.num_rows:
            yield SignatureBatch.from_arrow(batch)
