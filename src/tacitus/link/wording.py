"""How alike two event sentences are worded, once the actors are set aside.

Events compared here already share their actors and type, so actor names would make any two
sentences look alike: they are removed, and what is left (what was rejected, where, how) is
compared as sets of word stems.
"""

from __future__ import annotations

import re

from tacitus import rules

STEM_LENGTH = 6
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = rules.words("wording_stopwords")


def terms(sentence: str, *actor_texts: str | None) -> frozenset[str]:
    """Word stems of a sentence, without stopwords and without the words naming its actors."""
    actor_words = {w for text in actor_texts if text for w in _WORD.findall(text.lower())}
    return frozenset(
        word[:STEM_LENGTH] for word in _WORD.findall(sentence.lower())
        if word not in _STOPWORDS and word not in actor_words
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two term sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
