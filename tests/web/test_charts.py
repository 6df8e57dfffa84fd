from tacitus.web.charts import HEIGHT, timeline


def bins():
    return [
        {"start": "2013-09-01", "events": 4, "by_quad_class": {"1": 1, "2": 0, "3": 3, "4": 0}, "mean_goldstein": -3.0},
        {"start": "2017-09-01", "events": 2, "by_quad_class": {"1": 0, "2": 0, "3": 0, "4": 2}, "mean_goldstein": -10.0},
    ]


def test_bars_stack_by_quad_class_and_scale_to_the_busiest_bin():
    chart = timeline(bins())
    assert [(b["quad"], b["label"][:10]) for b in chart.bars] == [("1", "2013-09-01"), ("3", "2013-09-01"),
                                                                   ("4", "2017-09-01")]
    first = [b for b in chart.bars if b["label"].startswith("2013")]
    assert round(sum(b["h"] for b in first), 1) == round(chart.plot["h"], 1)  # the busiest bin fills the plot
    second = next(b for b in chart.bars if b["label"].startswith("2017"))
    assert abs(second["h"] - chart.plot["h"] / 2) < 0.2
    assert first[1]["y"] < first[0]["y"]  # stacked upwards


def test_goldstein_line_runs_from_plus_ten_at_top_to_minus_ten_at_bottom():
    chart = timeline(bins())
    ys = [d["y"] for d in chart.dots]
    assert ys[1] == round(chart.plot["bottom"], 1)  # -10
    assert chart.plot["y"] < ys[0] < chart.plot["bottom"]
    assert len(chart.line.split()) == 2


def test_an_empty_timeline_has_no_marks():
    chart = timeline([])
    assert chart.bars == [] and chart.line == "" and chart.height == HEIGHT
