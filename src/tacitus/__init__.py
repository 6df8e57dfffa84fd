"""tacitus: political event data from news text — who did what to whom, when, where, and
according to whom (CAMEO and PLOVER ontologies)."""

__version__ = "0.1.0"
