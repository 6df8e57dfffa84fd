"""Reading the knowledge base's data files: the YAML sections and the people CSV.

Kept apart from :mod:`tacitus.actors.kb` so that what is read (and cached by
:func:`tacitus.cache.compiled`) is separate from how it is indexed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import yaml

try:  # libyaml is several times faster than the pure-Python loader on the big files
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how pyyaml was built
    _YamlLoader = yaml.SafeLoader

PEOPLE_COLUMNS = ("person_id", "name", "aliases", "country", "sector", "role", "start", "end")


def read_yaml(text: str) -> Any:
    """A YAML document read with the fastest safe loader available."""
    return yaml.load(text, Loader=_YamlLoader)


def read_data_files(files: list[Any]) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """(sections by name, people rows, the files read) of the data files that exist."""
    sections: dict[str, Any] = {}
    people_rows: list[dict[str, Any]] = []
    sources = []
    for resource in files:
        if not resource.is_file():
            continue
        if resource.name.endswith(".csv"):
            people_rows.extend(read_people_csv(resource.read_text(encoding="utf-8")))
        else:
            data = read_yaml(resource.read_text(encoding="utf-8"))
            sections[resource.name.removesuffix(".yaml")] = _dates_as_text(data)
        sources.append(str(resource))
    return sections, people_rows, sources


def _dates_as_text(value: Any) -> Any:
    """YAML reads an unquoted 1991-12-26 as a date; as text it reads back the same (parse_date_bound)
    and the compiled cache can hold it."""
    if type(value) is dt.date:
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value


def read_people_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a people CSV; leading ``#`` lines say where the facts came from."""
    lines = [line for line in io.StringIO(text) if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in PEOPLE_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"people CSV lacks columns {missing}")
    return [row for row in reader if any((v or "").strip() for v in row.values() if isinstance(v, str))]
