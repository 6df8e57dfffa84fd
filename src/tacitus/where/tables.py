"""The word lists of ``data/places/words.yaml``."""

from __future__ import annotations

import functools
import importlib.resources

import yaml


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    resource = importlib.resources.files("tacitus") / "data" / "places" / "words.yaml"
    # libyaml's loader when pyyaml has it: the same data, read at every start three times faster
    return yaml.load(resource.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def word_set(name: str) -> frozenset[str]:
    words = _words()[name]
    # YAML reads a bare on/off/yes/no as a boolean: such words must be quoted in the file
    if not all(isinstance(word, str) for word in words):
        raise ValueError(f"data/places/words.yaml: {name} has entries that are not words: quote them")
    return frozenset(words)


def feature_words() -> dict[str, str]:
    """Region word -> the feature it names ("province" -> "admin1")."""
    return {word: feature for feature, words in _words()["feature_words"].items() for word in words}
