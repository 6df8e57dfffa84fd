"""The embedded DuckDB event store, its schema migrations and its exports.

The names below are imported on first use, so that the command line can name the default store
file without loading DuckDB.
"""

from __future__ import annotations

import importlib
from pathlib import Path

DEFAULT_DB = Path("tacitus.duckdb")

_LAZY = {"EventQuery": "tacitus.store.db", "EventStore": "tacitus.store.db", "StoreError": "tacitus.store.schema"}

__all__ = ["DEFAULT_DB", "EventQuery", "EventStore", "StoreError"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
