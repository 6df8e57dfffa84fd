import duckdb

from tacitus.store.db import EventQuery
from tacitus.web.queries import Search, like_pattern, order_by


def test_like_patterns_escape_wildcards():
    assert like_pattern("50%_off") == "%50\\%\\_off%"
    con = duckdb.connect()
    assert con.execute("SELECT 'a 50% cut' ILIKE ? ESCAPE '\\'", [like_pattern("50%")]).fetchone()[0]
    assert not con.execute("SELECT 'a 50 cut' ILIKE ? ESCAPE '\\'", [like_pattern("50%")]).fetchone()[0]


def test_search_values_become_parameters_never_sql():
    where, params = Search(query=EventQuery(actor="IRN' OR 1=1 --"), text="x'; DROP TABLE events", factuality="denied",
                           min_confidence=0.5, country="SYR", cameo="12").where()
    assert "DROP" not in where and "OR 1=1" not in where
    assert where.count("?") == len(params)
    assert {"x", "drop", "table", "events"} <= set(params)  # the words of the text, each a parameter


def test_sort_keys_map_to_columns():
    assert order_by("-date").startswith("s.day DESC NULLS LAST")
    assert order_by("confidence").startswith("s.confidence ASC NULLS LAST")
