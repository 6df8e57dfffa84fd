"""Geometry of the dyad timeline chart, drawn by the template as SVG: one bar per time bin
stacked by quad class, and the bins' mean Goldstein score as a line on its own -10..10 axis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WIDTH, HEIGHT = 900, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 16, 56
QUAD_ORDER = ("1", "2", "3", "4")


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict[str, Any]] = field(default_factory=list)  # x, y, w, h, quad, label
    line: str = ""  # SVG points of the Goldstein line
    dots: list[dict[str, Any]] = field(default_factory=list)
    count_ticks: list[dict[str, Any]] = field(default_factory=list)
    goldstein_ticks: list[dict[str, Any]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    plot: dict[str, float] = field(default_factory=dict)


def timeline(bins: list[dict[str, Any]]) -> Timeline:
    chart = Timeline()
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    chart.plot = {"x": LEFT, "y": TOP, "w": inner_w, "h": inner_h, "bottom": TOP + inner_h, "right": LEFT + inner_w}
    if not bins:
        return chart
    peak = max(entry["events"] for entry in bins)
    step = inner_w / len(bins)
    bar_w = max(1.0, min(40.0, step * 0.7))
    scale = inner_h / peak
    points = []
    label_every = max(1, len(bins) // 12)
    for i, entry in enumerate(bins):
        x = LEFT + i * step + (step - bar_w) / 2
        y = TOP + inner_h
        for quad in QUAD_ORDER:
            n = entry["by_quad_class"].get(quad, 0)
            if n:
                h = n * scale
                y -= h
                chart.bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                                   "quad": quad, "label": f"{entry['start']}: {n} events of quad class {quad}"})
        if entry["mean_goldstein"] is not None:
            gx = x + bar_w / 2
            gy = TOP + inner_h * (10 - entry["mean_goldstein"]) / 20
            points.append(f"{gx:.1f},{gy:.1f}")
            chart.dots.append({"x": round(gx, 1), "y": round(gy, 1),
                               "label": f"{entry['start']}: mean Goldstein {entry['mean_goldstein']}"})
        if i % label_every == 0:
            chart.labels.append({"x": round(x + bar_w / 2, 1), "y": TOP + inner_h + 18, "text": entry["start"]})
    chart.line = " ".join(points)
    chart.count_ticks = [{"y": round(TOP + inner_h - v * scale, 1), "text": str(v)} for v in _ticks(peak)]
    chart.goldstein_ticks = [{"y": round(TOP + inner_h * (10 - g) / 20, 1), "text": f"{g:+d}" if g else "0"}
                             for g in (-10, -5, 0, 5, 10)]
    return chart


def _ticks(peak: int) -> list[int]:
    step = 1
    while peak / step > 5:
        step *= 2 if str(step)[0] in "15" else 2.5 if str(step)[0] == "2" else 2
        step = int(step)
    return list(range(0, peak + 1, step))
