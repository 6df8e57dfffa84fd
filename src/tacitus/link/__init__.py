"""Linking stored events: near-duplicate articles, event clusters with claim status, stories, recurrence.

The modules here work on records and rows; `tacitus.link.linker.link` applies them to a store.
"""
