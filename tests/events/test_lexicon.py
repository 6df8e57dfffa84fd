"""The trigger lexicon as loaded: the package file parsed once, then read from the compiled cache."""

from tacitus.events.lexicon import load_lexicon


def entries(lexicon, pos, lemma):
    return [entry.describe() for entry in lexicon.candidates(pos, lemma)]


def test_the_compiled_lexicon_is_the_parsed_one(monkeypatch, tmp_path):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    first = load_lexicon.__wrapped__(())
    assert list(tmp_path.glob("lexicon-*.marshal"))
    cached = load_lexicon.__wrapped__(())
    monkeypatch.setenv("TACITUS_NO_CACHE", "1")
    parsed = load_lexicon.__wrapped__(())
    assert len(first) == len(cached) == len(parsed) > 1000
    for pos, lemma in (("verb", "reject"), ("noun", "sanction"), ("verb", "turn down")):
        assert entries(cached, pos, lemma) == entries(parsed, pos, lemma)
        assert entries(parsed, pos, lemma), (pos, lemma)


def test_an_overlay_row_replaces_the_package_row(tmp_path):
    overlay = tmp_path / "mine.tsv"
    overlay.write_text("cameo\tpos\tlemma\tcomplement\tprep\tnote\n"
                       "173\tverb\tfrobnicate\t\t\tinvented for a test\n", encoding="utf-8")
    lexicon = load_lexicon((overlay,))
    assert [entry.cameo for entry in lexicon.candidates("verb", "frobnicate")] == ["173"]
    assert not load_lexicon().has("verb", "frobnicate")
