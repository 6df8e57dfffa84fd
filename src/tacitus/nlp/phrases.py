"""Many fixed phrases found in parsed documents by their tokens, with a start-up that only reads.

spaCy's PhraseMatcher needs every phrase as a Doc: tokenizing ten thousand names of the actor
knowledge base and creating their lexemes took most of a second at each start. Here a phrase is
the tuple of its token texts (lowercased for a case-blind list), tokenized once by the
pipeline's own tokenizer and kept in the compiled cache (:mod:`tacitus.cache`) under the
tokenizer's settings and the phrases themselves; finding them in a document is one dictionary
look-up per token and candidate length. It finds exactly the spans PhraseMatcher finds on the
ORTH or LOWER attribute: every span whose tokens equal a phrase's, overlapping or not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tacitus.cache import compiled, fingerprint, package_version


class TokenPhrases:
    """Finds the spans of a document whose token texts are one of the given token sequences."""

    def __init__(self, sequences: Iterable[tuple[str, ...]], *, lower: bool = False) -> None:
        self.lower = lower
        self._sequences = frozenset(s for s in sequences if s)
        lengths: dict[str, set[int]] = {}
        for sequence in self._sequences:
            lengths.setdefault(sequence[0], set()).add(len(sequence))
        self._lengths = {first: tuple(sorted(found)) for first, found in lengths.items()}

    def __len__(self) -> int:
        return len(self._sequences)

    def words(self, doc: Doc) -> list[str]:
        """The token texts compared: as written, or lowercased as spaCy's LOWER attribute."""
        return [t.lower_ for t in doc] if self.lower else [t.text for t in doc]

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token offsets of every match, in order of start, then length."""
        return self.find_in_words(self.words(doc))

    def find_in_words(self, words: Sequence[str]) -> list[tuple[int, int]]:
        found = []
        for start, word in enumerate(words):
            for length in self._lengths.get(word, ()):
                end = start + length
                if end <= len(words) and tuple(words[start:end]) in self._sequences:
                    found.append((start, end))
        return found


def tokenized(nlp: Language | Vocab, texts: Sequence[str], *, lower: bool = False) -> list[tuple[str, ...]]:
    """The token texts the pipeline's tokenizer makes of each text (lowercased with `lower`),
    read from the compiled cache when this tokenizer already tokenized these very texts."""
    tokenizer = _tokenizer(nlp)
    texts = list(texts)
    settings = hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
    phrases = hashlib.sha256("\n".join(texts).encode("utf-8", "surrogatepass")).hexdigest()
    key = fingerprint([f"spacy {package_version('spacy')}", f"tokenizer {settings}", f"lower {lower}",
                       f"phrases {phrases}"], files=[Path(__file__)])

    def tokenize() -> list[tuple[str, ...]]:
        return [tuple(t.lower_ if lower else t.text for t in doc) for doc in tokenizer.pipe(texts)]

    return compiled(f"phrase-tokens-{'lower' if lower else 'orth'}", key, tokenize)


def _tokenizer(nlp: Language | Vocab):
    if isinstance(nlp, Language):
        return nlp.tokenizer
    from spacy.lang.en import English

    return English(vocab=nlp).tokenizer
