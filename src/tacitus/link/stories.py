"""Stories: articles that follow one news story over days or weeks.

Two articles belong to one story when they report the same event (an event cluster), or when
they are published within a few weeks of each other, involve the same pair of actors and their
texts are alike (TF-IDF cosine, scikit-learn; a lower bar when they also share an event signature:
dyad and event type). Stories are the connected components of those links. A syndicated copy is
in its original's story.

Only neighbouring articles of the same actor pair are compared (the `NEIGHBOURS` closest in
time on each side), so the number of comparisons grows linearly with the articles. TF-IDF is
used rather than sentence embeddings: embeddings would need a model package the project does not
depend on, and the vectors are only compared between articles that already share actors.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from tacitus.records import content_hash

WINDOW_DAYS = 14
NEIGHBOURS = 8
# TF-IDF cosine above which two articles about the same actors are about the same story.
MIN_COSINE = 0.2
# ... or above this when they also share an event signature.
MIN_COSINE_SAME_SIGNATURE = 0.1
TOP_TERMS = 8


@dataclass
class StoryArticle:
    doc_id: str
    published: dt.date | None
    text: str
    dyads: frozenset[str]  # unordered actor pairs of its events ("IRN+USA"), or a lone source
    signatures: frozenset[str] = frozenset()  # directed dyad and event type of its events ("IRN>USA REJECT")
    clusters: frozenset[str] = frozenset()  # event clusters of its events
    story_id: str | None = None  # for articles already in a story
    dup_of: str | None = None


@dataclass
class StoryGrouping:
    story_of: dict[str, str]  # doc_id -> story_id, for new articles and known ones whose story changed
    merged: set[str]  # stories absorbed into another one
    terms: dict[str, list[str]] = field(default_factory=dict)  # story_id -> top terms among the compared texts


def group(known: Sequence[StoryArticle], new: Sequence[StoryArticle]) -> StoryGrouping:
    """Add new articles to the stories of `known` articles (those published near them) or to new stories."""
    nodes = list(known) + list(new)
    if not new:
        return StoryGrouping({}, set())
    position = {a.doc_id: i for i, a in enumerate(nodes)}
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_of_story: dict[str, int] = {}
    for i, article in enumerate(known):
        if article.story_id is not None:
            union(i, first_of_story.setdefault(article.story_id, i))
    for i, article in enumerate(nodes):
        if article.dup_of is not None and article.dup_of in position:
            union(i, position[article.dup_of])
    first_in_cluster: dict[str, int] = {}
    for i, article in enumerate(nodes):
        for cluster_id in article.clusters:
            union(i, first_in_cluster.setdefault(cluster_id, i))

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        vectors = vectorizer.fit_transform([a.text for a in nodes])
    except ValueError:  # no text has a single content word: nothing to compare
        vectors = None
    first_new = len(known)
    if vectors is not None:
        left, right = _candidate_pairs(nodes, first_new)
        cosine = np.asarray(vectors[left].multiply(vectors[right]).sum(axis=1)).ravel()
        alike = cosine >= MIN_COSINE
        for k in np.flatnonzero(~alike & (cosine >= MIN_COSINE_SAME_SIGNATURE)).tolist():
            alike[k] = bool(nodes[left[k]].signatures & nodes[right[k]].signatures)
        for i, j in zip(left[alike].tolist(), right[alike].tolist()):
            union(i, j)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        members[find(i)].append(i)
    story_of: dict[str, str] = {}
    merged: set[str] = set()
    grown: list[tuple[str, list[int]]] = []

    def order(i: int) -> tuple[dt.date, str]:
        return nodes[i].published or dt.date.max, nodes[i].doc_id

    for indexes in members.values():
        if all(i < first_new for i in indexes):
            continue  # no new article: the story is as it was
        # The story keeps the id of its oldest known article's story; stories it joins are merged in.
        with_story = [i for i in indexes if nodes[i].story_id]
        if with_story:
            story_id = nodes[min(with_story, key=order)].story_id
        else:
            story_id = "s" + content_hash(nodes[min(indexes, key=order)].doc_id, length=15)
        merged |= {nodes[i].story_id for i in with_story} - {story_id}
        for i in indexes:
            if nodes[i].story_id != story_id:
                story_of[nodes[i].doc_id] = story_id
        grown.append((story_id, indexes))
    terms = _top_terms(vectors, vectorizer.get_feature_names_out(), grown) if vectors is not None else {}
    return StoryGrouping(story_of, merged, terms)


def _top_terms(vectors, names: np.ndarray, stories: list[tuple[str, list[int]]]) -> dict[str, list[str]]:
    """Each story's terms with the largest summed TF-IDF weight over its articles' rows.

    The sums come from one sparse product of a story-by-article indicator (in the vectors' own
    sparse class) with the vectors; each story's articles are in ascending order, so every weight
    is summed in the order of its rows.
    """
    if not stories:
        return {}
    rows = np.repeat(np.arange(len(stories)), [len(indexes) for _, indexes in stories])
    columns = np.concatenate([np.asarray(indexes, dtype=np.int64) for _, indexes in stories])
    indicator = type(vectors)((np.ones(len(columns)), (rows, columns)), shape=(len(stories), vectors.shape[0]))
    weights = (indicator @ vectors).tocsr()
    weights.sort_indices()
    terms = {}
    for row, (story_id, _) in enumerate(stories):
        start, end = weights.indptr[row], weights.indptr[row + 1]
        top = np.argsort(-weights.data[start:end], kind="stable")[:TOP_TERMS]
        terms[story_id] = [str(names[column]) for column in weights.indices[start:end][top]]
    return terms


def _candidate_pairs(nodes: Sequence[StoryArticle], first_new: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (new article, neighbour in time sharing an actor pair), each pair once, as (lower, higher) index.

    Each actor pair's articles are put in order of publication (then doc_id); a new article
    meets the NEIGHBOURS next ones on each side, walking out until one is not near it in time.
    """
    dyad_ids: dict[str, int] = {}
    dyads, entries = [], []
    for i, article in enumerate(nodes):
        for dyad in article.dyads:
            dyads.append(dyad_ids.setdefault(dyad, len(dyad_ids)))
            entries.append(i)
    if not entries:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    undated = np.array([a.published is None for a in nodes])
    day = np.array([(a.published or dt.date.max).toordinal() for a in nodes], dtype=np.int64)
    rank = np.empty(len(nodes), dtype=np.int64)
    rank[np.lexsort((np.array([a.doc_id for a in nodes]), day))] = np.arange(len(nodes))
    dyad_of, node = np.asarray(dyads), np.asarray(entries, dtype=np.int64)
    ordered = np.lexsort((rank[node], dyad_of))
    dyad_of, node = dyad_of[ordered], node[ordered]
    is_new = node >= first_new
    forward = np.ones(len(node), dtype=bool)  # the walk from an entry has reached this far
    backward = np.ones(len(node), dtype=bool)
    left, right = [], []
    for step in range(1, NEIGHBOURS + 1):
        a, b = node[:-step], node[step:]
        near = (dyad_of[:-step] == dyad_of[step:]) & np.where(
            undated[a] | undated[b], undated[a] & undated[b], np.abs(day[a] - day[b]) <= WINDOW_DAYS)
        forward = forward[:-1] & near
        backward = backward[1:] & near
        found = (forward & is_new[:-step]) | (backward & is_new[step:])
        left.append(np.minimum(a[found], b[found]))
        right.append(np.maximum(a[found], b[found]))
        if not (forward.any() or backward.any()):
            break
    pairs = np.unique(np.concatenate(left) * len(nodes) + np.concatenate(right))
    return pairs // len(nodes), pairs % len(nodes)


def _near(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= WINDOW_DAYS
