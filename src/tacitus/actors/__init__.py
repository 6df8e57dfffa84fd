"""Actors: who a mention is (country, sector, canonical name) at the date of an event.

- :class:`ActorKnowledgeBase` loads ``data/actors`` and user overlays into indexes.
- :class:`ActorResolver` finds and resolves actor mentions in a parsed spaCy ``Doc``.
"""

from tacitus.actors.kb import ActorKnowledgeBase, Resolution, Role, compose_code
from tacitus.actors.resolver import ActorResolver, Mention

__all__ = [
    "ActorKnowledgeBase",
    "ActorResolver",
    "Mention",
    "Resolution",
    "Role",
    "compose_code",
]
