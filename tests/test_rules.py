"""Rule words and tables are data files, with overlays that add, change and remove entries."""

import os
import subprocess
import sys
from importlib.resources import files

import pytest

from tacitus import rules

RULES = files("tacitus") / "data" / "rules"


@pytest.fixture
def overlays():
    yield rules.use_overlays
    rules.use_overlays(())


def every_rule_file():
    names = [entry.name for entry in RULES.iterdir() if entry.name.endswith((".txt", ".tsv"))]
    assert len(names) > 40
    return names


@pytest.mark.parametrize("name", every_rule_file())
def test_every_rule_file_says_what_it_is_for_and_is_not_empty(name):
    text = (RULES / name).read_text(encoding="utf-8")
    assert text.startswith("# ") and "Read by: tacitus." in text
    stem, kind = name.rsplit(".", 1)
    values = rules.words(stem) if kind == "txt" else rules.table(stem)
    assert values


def test_a_word_list_is_a_set_of_its_lines():
    assert "say" in rules.words("speech_verbs") and "#" not in "".join(rules.words("speech_verbs"))


def test_overlays_add_and_remove_words_and_set_table_keys(tmp_path, overlays):
    (tmp_path / "speech_verbs.txt").write_text("# local words\nopine\n-say\n", encoding="utf-8")
    (tmp_path / "threat_code_by_act.tsv").write_text("14\t139\n-20\n", encoding="utf-8")
    overlays([tmp_path])
    assert "opine" in rules.words("speech_verbs") and "say" not in rules.words("speech_verbs")
    table = rules.table("threat_code_by_act")
    assert table["14"] == "139" and "20" not in table and table["15"] == "138"
    overlays(())
    assert "say" in rules.words("speech_verbs")


def test_a_bad_table_line_or_an_unknown_list_is_a_clear_error(tmp_path, overlays):
    (tmp_path / "threat_code_by_act.tsv").write_text("14 139\n", encoding="utf-8")
    overlays([tmp_path / "threat_code_by_act.tsv"])
    with pytest.raises(rules.RulesError, match="not 'key<TAB>value'"):
        rules.table("threat_code_by_act")
    with pytest.raises(rules.RulesError, match="no rule file"):
        rules.words("no_such_list")


def test_the_environment_names_overlays_for_a_whole_run(tmp_path):
    (tmp_path / "speech_verbs.txt").write_text("-say\n", encoding="utf-8")
    probe = "from tacitus.events.attribution import SPEECH_VERBS; print('say' in SPEECH_VERBS, 'tell' in SPEECH_VERBS)"
    env = {**os.environ, rules.OVERLAY_VARIABLE: str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.split() == ["False", "True"]
