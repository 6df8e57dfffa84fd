"""Readers that turn files, feeds, archives and streams into :class:`tacitus.records.Article`."""

from tacitus.ingest.options import ReadOptions
from tacitus.ingest.readers import read_inputs

__all__ = ["ReadOptions", "read_inputs"]
