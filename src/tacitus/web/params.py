"""Query parameters shared by the API and the pages: the filters of a search, paging, sorting.

FastAPI validates them against these declarations (and the OpenAPI schema shows them), so a bad
value is refused with 422 naming the parameter before any query runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from fastapi import Query

from tacitus.store.db import EventQuery
from tacitus.web.queries import FACTUALITIES, SORT_CHOICES, Search

MAX_PAGE_SIZE = 200
MAX_DOWNLOAD_ROWS = 100_000
MAX_PAGE = 10_000
SHORT = 200  # longest code, id or name a filter accepts

Factuality = Enum("Factuality", {name: name for name in FACTUALITIES}, type=str)
Sort = Enum("Sort", {name.replace("-", "desc_"): name for name in SORT_CHOICES}, type=str)


def search_filters(
    actor: Annotated[str | None, Query(max_length=SHORT, description="Source or target: code, country or actor_id (IRN, USAGOV).")] = None,
    dyad: Annotated[str | None, Query(max_length=SHORT, pattern=r"^[^:]+:[^:]+$", description="SOURCE:TARGET, e.g. IRN:USA.")] = None,
    type: Annotated[str | None, Query(max_length=SHORT, description="PLOVER event type (REJECT) or CAMEO code prefix (12).")] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix.")] = None,
    factuality: Annotated[Factuality | None, Query(description="Only events with this factuality.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Lowest coder confidence.")] = None,
    since: Annotated[dt.date | None, Query(description="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Events on or before this day (YYYY-MM-DD).")] = None,
    story: Annotated[str | None, Query(max_length=SHORT, description="Events of this story.")] = None,
    cluster: Annotated[str | None, Query(max_length=SHORT, description="Reports of this event cluster.")] = None,
    country: Annotated[str | None, Query(max_length=SHORT, description="Where it happened: country code (SYR) or place name.")] = None,
    q: Annotated[str | None, Query(max_length=SHORT, description="Words in the sentence, each a whole word or the start of one (sanction finds sanctions), in any order.")] = None,
) -> Search:
    source_target = tuple(dyad.split(":", 1)) if dyad else None
    return Search(
        query=EventQuery(actor=actor or None, dyad=source_target, event_type=type or None, since=since, until=until,
                         story=story or None, cluster=cluster or None),
        cameo=cameo or None, factuality=factuality.value if factuality else None, min_confidence=min_confidence,
        country=country or None, text=q or None,
    )


@dataclass
class Paging:
    page: int
    page_size: int
    sort: str

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def paging(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Events per page.")] = 50,
    sort: Annotated[Sort, Query(description="Sort key; a leading - sorts newest/highest first.")] = Sort.date,
) -> Paging:
    return Paging(page, page_size, sort.value)
