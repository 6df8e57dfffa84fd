"""Where events happened: place phrases of the event's clause and sentence, the article's scene
and its dateline, resolved with an offline GeoNames gazetteer and the article's own geography."""

from tacitus.where.gazetteer import Gazetteer, Place, get_gazetteer
from tacitus.where.index import name_key
from tacitus.where.locate import PlaceScope, locate_event

__all__ = ["Gazetteer", "Place", "PlaceScope", "get_gazetteer", "locate_event", "name_key"]
