"""Exit statuses: 2 and one line for usage errors, 1 for skipped inputs, 3 for internal errors
(with the summary and what was coded so far; the traceback only under -v)."""

import json

import pytest

from tacitus.cli.app import run

STORY = "Iran rejected a US proposal for talks on Monday, the foreign ministry said.\n"


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def one_line_usage_error(capsys, args) -> str:
    assert run([str(a) for a in args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


def test_malformed_actor_overlay(capsys, story, tmp_path):
    overlay = tmp_path / "actors.yaml"
    overlay.write_text("people: [unclosed\n  - {name: x", encoding="utf-8")
    assert "cannot use actor overlay" in one_line_usage_error(capsys, ["code", story, "--actors", overlay])


def test_lexicon_overlay_that_is_not_utf8(capsys, story, tmp_path):
    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_bytes(b"pos\tlemma\n\xff\xfe\xe9")
    assert "cannot use lexicon overlay" in one_line_usage_error(capsys, ["code", story, "--lexicon", lexicon])


def test_output_in_a_missing_directory_is_refused_before_coding(capsys, story):
    err = one_line_usage_error(capsys, ["code", story, "-o", "/nonexistent/x.jsonl"])
    assert "directory /nonexistent does not exist" in err and "articles:" not in err


def test_limit_beyond_any_count(capsys, tmp_path):
    err = one_line_usage_error(capsys, ["events", "--db", tmp_path / "x.duckdb", "--limit", "99999999999999999999"])
    assert "--limit" in err


@pytest.mark.parametrize("gold", [{"id": "g", "text": None, "event": "REJECT"},
                                  {"id": "g", "text": "Iran rejected talks.", "events": [{"event": "REJECT"}]},
                                  {"id": "g", "text": "Iran rejected talks.", "events": "REJECT"}])
def test_malformed_gold_records(capsys, tmp_path, gold):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert "gold.jsonl:1" in one_line_usage_error(capsys, ["evaluate", path])


def test_an_escape_in_an_option_value_is_not_echoed(capsys, story):
    err = one_line_usage_error(capsys, ["code", story, "--format", "\x1b]52;c;aGk=\x07x"])
    assert "\x1b" not in err


def test_internal_error_keeps_the_summary_and_what_was_coded(capsys, story, tmp_path, monkeypatch):
    from tacitus.records import EventRecord

    second = tmp_path / "second.txt"
    second.write_text("Syria rejected a Turkish proposal for talks on Tuesday.\n", encoding="utf-8")
    original = EventRecord.to_dict
    calls = []

    def fail_on_the_second(self):
        calls.append(self)
        if len(calls) > 1:
            raise RuntimeError("simulated bug")
        return original(self)

    monkeypatch.setattr(EventRecord, "to_dict", fail_on_the_second)
    assert run(["code", str(story), str(second), "--published", "2024-05-08"]) == 3
    out, err = capsys.readouterr()
    assert len([line for line in out.splitlines() if line.startswith("{")]) == 1
    assert "articles:" in err and "internal error: RuntimeError: simulated bug" in err and "Traceback" not in err

    calls.clear()
    assert run(["-v", "code", str(story), str(second), "--published", "2024-05-08"]) == 3
    assert "Traceback" in capsys.readouterr().err
