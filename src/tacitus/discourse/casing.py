"""Title-case headlines re-cased to sentence case before parsing.

"Rouhani Refused Meeting With Obama" parses as a string of proper nouns; "Rouhani refused
meeting with Obama" parses as a refusal. Function words and the event words of the trigger
lexicon are lowercased; every other capitalised word is taken for a name and kept. The text
keeps its length, so every character offset stays that of the original article.
"""

from __future__ import annotations

import re

from tacitus.discourse.rules import discourse_rules
from tacitus.events.lexicon import Lexicon

WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A headline is title case when at least this share of its longer words is capitalised.
TITLE_CASE_SHARE = 0.8
LONG_WORD = 4
MIN_LONG_WORDS = 3


def headline_end(text: str) -> int | None:
    """Where the headline ends: the first line, when a blank line follows it."""
    end = text.find("\n\n")
    if end <= 0 or "\n" in text[:end]:
        return None
    return end


def sentence_case_headline(text: str, lexicon: Lexicon) -> str:
    end = headline_end(text)
    if end is None:
        return text
    line = text[:end]
    words = list(WORD.finditer(line))
    long_words = [w.group() for w in words if len(w.group()) >= LONG_WORD]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    if len(long_words) < MIN_LONG_WORDS or capitalised < TITLE_CASE_SHARE * len(long_words):
        return text
    chars = list(line)
    for match in words[1:]:  # the first word keeps its capital, as in any sentence
        word = match.group()
        lower = word.lower()
        if word[0].isupper() and not word.isupper() and len(lower) == len(word) and _common_word(lower, lexicon):
            chars[match.start():match.end()] = lower
    return "".join(chars) + text[end:]


def _common_word(word: str, lexicon: Lexicon) -> bool:
    if word in discourse_rules().headline_function_words:
        return True
    return any(lexicon.has(pos, stem) for stem in _stems(word) for pos in ("verb", "noun"))


def _stems(word: str) -> set[str]:
    """Candidate lemmas of an inflected word without a parser: refused -> refuse, talks -> talk."""
    stems = {word}
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stems.update(word[:-len(suffix)] + r for r in replacements)
    return stems
