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
    import json
    import types

    import tacitus.output

    second = tmp_path / "second.txt"
    second.write_text("Syria rejected a Turkish proposal for talks on Tuesday.\n", encoding="utf-8")
    calls = []

    def fail_on_the_second(record, **options):
        # A bug in the writer, after coding: the first record is out, the second never is.
        calls.append(record)
        if len(calls) > 1:
            raise RuntimeError("simulated bug")
        return json.dumps(record, **options)

    monkeypatch.setattr(tacitus.output, "json", types.SimpleNamespace(**{**vars(json), "dumps": fail_on_the_second}))
    assert run(["code", str(story), str(second), "--published", "2024-05-08"]) == 3
    out, err = capsys.readouterr()
    assert len([line for line in out.splitlines() if line.startswith("{")]) == 1
    assert "articles:" in err and "internal error: RuntimeError: simulated bug" in err and "Traceback" not in err

    calls.clear()
    assert run(["-v", "code", str(story), str(second), "--published", "2024-05-08"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_actor_lookup_lists_each_answer_once(capsys):
    assert run(["actors", "lookup", "Rouhani", "--date", "2017-09-19"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert rows and len(rows) == len(set(rows))


def test_library_errors_stay_out_of_the_output_without_verbose(capsys, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    assert run(["code", str(page)]) == 1
    err = capsys.readouterr().err
    assert "ERROR" not in err and "HTML has no extractable main text" in err


def test_a_missing_model_is_not_suggested_as_the_fix(capsys, story):
    err = one_line_usage_error(capsys, ["code", story, "--model", "en_core_web_md"])
    assert "'en_core_web_md' is not installed" in err and err.count("en_core_web_md") == 1
