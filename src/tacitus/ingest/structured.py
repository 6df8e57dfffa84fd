"""Parsing one JSON record safely: bounded nesting, clear reasons for what is not JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from tacitus.ingest.decode import InputError

# No article record needs more nesting than this; deeper input is junk or an attack on the
# parser's recursion.
MAX_JSON_DEPTH = 64
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(raw: bytes) -> int:
    """Deepest nesting of arrays and objects in `raw` (brackets inside strings not counted)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def json_record(raw: bytes) -> Any:
    """The JSON value of one line, or InputError saying why it is not usable."""
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and json_depth(raw) > MAX_JSON_DEPTH:
        raise InputError(f"JSON nested too deeply (more than {MAX_JSON_DEPTH} levels)")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start})") from None
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON: {err.msg} at column {err.colno}") from None
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
