"""The word lists of ``data/places/words.yaml``."""

from __future__ import annotations

import functools
import importlib.resources

import yaml


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    resource = importlib.resources.files("tacitus") / "data" / "places" / "words.yaml"
    return yaml.safe_load(resource.read_text(encoding="utf-8"))


def word_set(name: str) -> frozenset[str]:
    return frozenset(_words()[name])


def feature_words() -> dict[str, str]:
    """Region word -> the feature it names ("province" -> "admin1")."""
    return {word: feature for feature, words in _words()["feature_words"].items() for word in words}
