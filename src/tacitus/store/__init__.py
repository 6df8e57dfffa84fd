"""The embedded DuckDB event store, its schema migrations and its exports."""

from tacitus.store.db import DEFAULT_DB, EventQuery, EventStore
from tacitus.store.schema import StoreError

__all__ = ["DEFAULT_DB", "EventQuery", "EventStore", "StoreError"]
