"""`tacitus serve`: a REST API and server-rendered pages over the event store (see app.py)."""
