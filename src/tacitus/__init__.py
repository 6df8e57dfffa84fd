"""tacitus: political event data from news text — who did what to whom, when, where, and
according to whom (CAMEO and PLOVER ontologies).

    import tacitus
    tacitus.code("Iran rejected a US proposal for talks on Monday.", published="2024-05-08")

The API (:mod:`tacitus.api`) is imported on first use, so ``import tacitus`` stays cheap: spaCy
and the knowledge bases load only when something is coded.
"""

__version__ = "0.1.0"

_API = {"code", "code_articles", "Coder", "CoderConfig", "Explanation"}
_RECORDS = {"Article", "EventRecord"}

__all__ = sorted(_API | _RECORDS | {"__version__"})


def __getattr__(name: str):
    if name in _API:
        from tacitus import api

        return getattr(api, name)
    if name in _RECORDS:
        from tacitus import records

        return getattr(records, name)
    raise AttributeError(f"module 'tacitus' has no attribute {name!r}")
