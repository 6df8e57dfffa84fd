"""One JSON record: nesting is bounded before the parser recurses."""

import pytest

from tacitus.ingest.decode import InputError
from tacitus.ingest.structured import MAX_JSON_DEPTH, json_depth, json_record


def test_depth_ignores_brackets_inside_strings():
    assert json_depth(b'{"text": "[[[[{{{{", "tags": [["a"]]}') == 3


@pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"a":' * 5000 + b"1" + b"}" * 5000])
def test_deep_nesting_is_refused_not_a_recursion_error(raw):
    with pytest.raises(InputError, match="nested too deeply"):
        json_record(raw)


def test_ordinary_records_parse():
    nested = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert json_record(b'{"id": "a", "text": "x [y] {z}"}') == {"id": "a", "text": "x [y] {z}"}
    assert json_depth(nested) == MAX_JSON_DEPTH and json_record(nested)
