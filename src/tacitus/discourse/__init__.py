"""Article-level discourse pass: arguments that live in other sentences.

The sentence coder hands over its events and the triggers it left without a source; this pass
gives those triggers sources told elsewhere (a quotation's speaker, the sides of the violence
told before, the subject of the clause around an event noun) and gives reactions without a
recipient the party their source last dealt with. Every borrowed argument says so in the
event's `evidence` (`borrowed`, `borrowed_target`: which sentence and which event).
"""

from __future__ import annotations

from tacitus.discourse.article import complete_article

__all__ = ["complete_article"]
