"""The compiled cache: built once, read back, rebuilt when an input changes, never in the way."""

import dataclasses
import datetime as dt
import marshal
import logging

import pytest

from tacitus import cache


@pytest.fixture(autouse=True)
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.DISABLE_VARIABLE, raising=False)
    return tmp_path / "cache"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_value_is_built_once_and_read_back():
    value = {"names": [("New", "York"), ("Paris",)], "count": 2, "none": None}
    build, calls = counting(value)
    assert cache.compiled("places", "k1", build) == value
    assert cache.compiled("places", "k1", build) == value
    assert len(calls) == 1


def test_another_key_is_built_again(cache_in):
    build, calls = counting([1, 2])
    cache.compiled("places", "a" * cache.KEY_LENGTH, build)
    cache.compiled("places", "b" * cache.KEY_LENGTH, build)
    assert len(calls) == 2
    assert len(list(cache_in.glob("places-*.marshal"))) == 2


def test_only_the_newest_files_of_a_name_are_kept_and_other_names_are_left_alone(cache_in):
    cache.compiled("kb-tokens", "0" * cache.KEY_LENGTH, lambda: 0)
    for number in range(cache.KEEP_PER_NAME + 2):
        cache.compiled("kb", f"{number:0{cache.KEY_LENGTH}d}", lambda: number)
    assert len(list(cache_in.glob("kb-" + "?" * cache.KEY_LENGTH + ".marshal"))) == cache.KEEP_PER_NAME
    assert (cache_in / f"kb-tokens-{'0' * cache.KEY_LENGTH}.marshal").exists()


def test_a_corrupt_file_is_rebuilt_with_a_warning(cache_in, caplog):
    cache.compiled("rules", "k", lambda: ["old"])
    (cache_in / "rules-k.marshal").write_bytes(b"\xff not marshal")
    with caplog.at_level(logging.WARNING, logger="tacitus.cache"):
        assert cache.compiled("rules", "k", lambda: ["new"]) == ["new"]
    assert "unreadable" in caplog.text
    assert cache.compiled("rules", "k", lambda: ["unused"]) == ["new"]


def test_an_unwritable_directory_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting((1, "two"))
    assert cache.compiled("data", "k", build) == (1, "two")
    assert cache.compiled("data", "k", build) == (1, "two")
    assert len(calls) == 2


def test_a_value_marshal_cannot_hold_is_returned_and_not_written(cache_in):
    value = {"start": dt.date(2020, 1, 2)}
    assert cache.compiled("dates", "k", lambda: value) == value
    assert not list(cache_in.glob("dates-*"))


def test_the_variable_disables_the_cache(cache_in, monkeypatch):
    monkeypatch.setenv(cache.DISABLE_VARIABLE, "1")
    build, calls = counting("v")
    cache.compiled("off", "k", build)
    cache.compiled("off", "k", build)
    assert len(calls) == 2 and not cache_in.exists()


def test_the_fingerprint_follows_file_contents_parts_and_absence(tmp_path):
    data = tmp_path / "actors.yaml"
    data.write_text("a: 1\n")
    first = cache.fingerprint(["spacy 3.8"], [data])
    assert cache.fingerprint(["spacy 3.8"], [data]) == first
    assert len(first) == cache.KEY_LENGTH
    assert cache.fingerprint(["spacy 3.9"], [data]) != first
    data.write_text("a: 2\n")
    changed = cache.fingerprint(["spacy 3.8"], [data])
    assert changed != first
    data.unlink()
    assert cache.fingerprint(["spacy 3.8"], [data]) not in (first, changed)


def test_the_cache_directory_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("TACITUS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "tacitus"


@dataclasses.dataclass(frozen=True)
class Spot:
    name: str
    lat: float | None = None


@dataclasses.dataclass
class Route:
    stops: list
    via: Spot | None = None


def test_dataclasses_cross_as_tuples_and_come_back_equal():
    tables = {"by_name": {"quay": Spot("Quay", 1.5)}, "lists": {"x": [Spot("A"), Spot("B", 2.0)]},
              "routes": [Route([Spot("C")], via=Spot("D"))], "pairs": ("k", ("Spot", 1)), "count": 3}
    flat = cache.plain(tables, [Spot, Route])
    assert marshal.loads(marshal.dumps(flat)) == flat
    assert cache.revived(marshal.loads(marshal.dumps(flat)), [Spot, Route]) == tables
