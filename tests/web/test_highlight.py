from tacitus.web.highlight import record_spans, runs


def span(start, end, role, event_id="e1"):
    return {"start": start, "end": end, "role": role, "event_id": event_id}


def test_runs_cover_the_text_and_mark_each_role():
    text = "Chile thanked Peru warmly."
    cut = runs(text, [span(0, 5, "source"), span(6, 13, "trigger"), span(14, 18, "target")])
    assert "".join(run.text for run in cut) == text
    assert [(run.text, run.role) for run in cut if run.role] == [("Chile", "source"), ("thanked", "trigger"),
                                                                   ("Peru", "target")]


def test_overlapping_spans_keep_every_role_and_show_the_trigger_first():
    text = "the Chilean envoy visited"
    cut = runs(text, [span(4, 17, "source", "a"), span(12, 17, "trigger", "b")])
    envoy = next(run for run in cut if run.text == "envoy")
    assert envoy.roles == ["trigger", "source"] and envoy.role == "trigger"
    assert envoy.event_ids == ["a", "b"]


def test_offsets_shift_to_a_sentence_and_out_of_range_spans_are_dropped():
    sentence = "Peru protested."
    cut = runs(sentence, [span(100, 104, "source"), span(105, 114, "trigger"), span(90, 99, "target")], offset=100)
    assert [(run.text, run.role) for run in cut if run.role] == [("Peru", "source"), ("protested", "trigger")]


def test_record_spans_read_trigger_and_actors():
    record = {"event_id": "x", "trigger": {"text": "met", "span": [6, 9]},
              "source": {"text": "Chile", "span": [0, 5]}, "target": None, "intermediary": None}
    assert [(s["role"], s["start"], s["end"]) for s in record_spans(record)] == [("trigger", 6, 9), ("source", 0, 5)]
