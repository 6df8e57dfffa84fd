"""Readers that turn files, feeds, archives and streams into :class:`tacitus.records.Article`."""

from tacitus.ingest.readers import ReadOptions, read_inputs

__all__ = ["ReadOptions", "read_inputs"]
