"""The per-article context the stages after `nlp` share.

`actors` fills in the mentions; `when`, `where` and `events` only read them. It lives outside
every stage package so that an earlier stage (`when`, `where`) can take it without importing a
later one (`events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from tacitus.actors import Mention
from tacitus.records import Article


@dataclass
class ArticleContext:
    """Everything the coder and the date/place stages know about one article."""

    article: Article
    doc: Doc
    mentions: Sequence[Mention]
    # The mention covering each token (the first, where mentions overlap).
    token_mentions: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self.token_mentions.setdefault(i, mention)
