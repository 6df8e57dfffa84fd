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
        names = vectorizer.get_feature_names_out()
        left, right = _candidate_pairs(nodes, first_new)
        cosine = np.asarray(vectors[left].multiply(vectors[right]).sum(axis=1)).ravel()
        for i, j, similarity in zip(left.tolist(), right.tolist(), cosine.tolist()):
            if similarity >= MIN_COSINE or (similarity >= MIN_COSINE_SAME_SIGNATURE
                                            and nodes[i].signatures & nodes[j].signatures):
                union(i, j)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        members[find(i)].append(i)
    story_of: dict[str, str] = {}
    merged: set[str] = set()
    terms: dict[str, list[str]] = {}

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
        if vectors is not None:
            terms[story_id] = _top_terms(vectors[indexes], names)
    return StoryGrouping(story_of, merged, terms)


def _top_terms(rows, names: np.ndarray) -> list[str]:
    """The terms with the largest summed TF-IDF weight over some rows (sparse, so cheap per story)."""
    columns, inverse = np.unique(rows.indices, return_inverse=True)
    weights = np.bincount(inverse, weights=rows.data)
    top = np.argsort(-weights, kind="stable")[:TOP_TERMS]
    return [str(names[columns[i]]) for i in top]


def _candidate_pairs(nodes: Sequence[StoryArticle], first_new: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (new article, neighbour in time sharing an actor pair), each pair once."""
    by_dyad: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(nodes):
        for dyad in article.dyads:
            by_dyad[dyad].append(i)
    pairs: set[tuple[int, int]] = set()
    for indexes in by_dyad.values():
        indexes.sort(key=lambda i: (nodes[i].published or dt.date.max, nodes[i].doc_id))
        for place, i in enumerate(indexes):
            if i < first_new:
                continue
            for step in (-1, 1):
                found, other = 0, place + step
                while 0 <= other < len(indexes) and found < NEIGHBOURS:
                    j = indexes[other]
                    if not _near(nodes[i].published, nodes[j].published):
                        break
                    pairs.add((min(i, j), max(i, j)))
                    found += 1
                    other += step
    if not pairs:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    array = np.array(sorted(pairs), dtype=np.int64)
    return array[:, 0], array[:, 1]


def _near(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= WINDOW_DAYS
