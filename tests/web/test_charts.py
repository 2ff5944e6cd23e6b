"""The stats page's horizontal bars: labels keep to their column, left-to-right and right-to-left."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from majlis.web.desk.charts import LABEL_MAX, horizontal_bars, label_width, line, stacked_bars

SVG = "{http://www.w3.org/2000/svg}"
LONG = "Spam, advertising and links to unrelated commercial sites of every kind"
NAMES = {"spam": LONG, "attack": "Personal attacks", "hate": "خطاب الكراهية ضد الجماعات والأقليات في المجتمع", "x": "X"}
VALUES = {"spam": 40, "attack": 25, "hate": 9, "x": 1}


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def rows(svg: ET.Element) -> list[tuple[ET.Element, ET.Element]]:
    labels = [t for t in svg.iter(SVG + "text") if t.get("class") == "label"]
    bars = [r for r in svg.iter(SVG + "rect") if r.get("fill", "").startswith("#")]
    assert len(labels) == len(bars) == len(VALUES)
    return list(zip(labels, bars))


def shown(label: ET.Element) -> str:
    title = label.find(SVG + "title")
    return (title.tail if title is not None else label.text) or ""


@pytest.mark.parametrize("rtl", [False, True])
def test_labels_never_reach_the_bars(rtl: bool) -> None:
    svg = parse(horizontal_bars("By guideline", VALUES, NAMES, rtl=rtl))
    assert svg.get("direction") == ("rtl" if rtl else "ltr")
    clip_path = svg.find(f"{SVG}defs/{SVG}clipPath")
    clip = svg.find(f"{SVG}defs/{SVG}clipPath/{SVG}rect")
    assert clip is not None and clip_path is not None
    clip_id = clip_path.get("id")
    column = (float(clip.get("x", 0)), float(clip.get("x", 0)) + float(clip.get("width", 0)))
    for label, bar in rows(svg):
        x, width = float(label.get("x", 0)), label_width(shown(label))
        extent = (x - width, x) if rtl else (x, x + width)  # "start" is the right end in right-to-left
        assert column[0] - 0.01 <= extent[0] and extent[1] <= column[1] + 0.01, shown(label)
        assert label.get("clip-path") == f"url(#{clip_id})"
        bar_left, bar_right = float(bar.get("x", 0)), float(bar.get("x", 0)) + float(bar.get("width", 0))
        assert (bar_right < column[0]) if rtl else (bar_left > column[1])
        assert 0 <= bar_left and bar_right <= 720


def test_long_labels_are_shortened_with_the_whole_label_in_a_tooltip() -> None:
    svg = parse(horizontal_bars("By guideline", VALUES, NAMES))
    by_title = {label.find(SVG + "title").text: shown(label) for label, _ in rows(svg)}  # type: ignore[union-attr]
    assert by_title[LONG].endswith("…\u200e") and LONG.startswith(by_title[LONG][:-2])
    assert by_title[NAMES["hate"]].endswith("…\u200f")  # the ellipsis stays at the end of an Arabic label
    assert label_width(by_title[LONG]) <= LABEL_MAX
    assert by_title["Personal attacks"] == "Personal attacks" and by_title["X"] == "X"


def test_column_follows_the_longest_label_when_short() -> None:
    svg = parse(horizontal_bars("Short", {"a": 3, "b": 1}, {"a": "Spam", "b": "Other"}))
    clip = svg.find(f"{SVG}defs/{SVG}clipPath/{SVG}rect")
    assert clip is not None and float(clip.get("width", 0)) == pytest.approx(label_width("Other"))
    bars = [r for r in svg.iter(SVG + "rect") if r.get("fill", "").startswith("#")]
    assert float(bars[0].get("x", 0)) < 60  # the bars use the room short labels leave


def test_empty_chart_and_escaped_labels() -> None:
    assert "–" in horizontal_bars("Empty", {})
    markup = horizontal_bars("T", {"a": 1}, {"a": "<b>&"})
    assert "<b>" not in markup and "&lt;b&gt;&amp;" in markup
    parse(markup)


def test_stacked_bars_legend_entries_do_not_overlap_in_any_language() -> None:
    names = {"approved": "Published after review by the editors", "pending": "بانتظار المراجعة", "rejected": "Rejected"}
    days = ["2026-11-01", "2026-11-02"]
    svg = parse(stacked_bars("Per day", days, {d: {"approved": 2, "rejected": 1} for d in days},
                             ["approved", "pending", "rejected"], names))
    assert svg.get("direction") == "ltr"  # the days run left to right; the anchors must not flip in an RTL desk
    legend = [t for t in svg.iter(SVG + "text") if t.get("class") == "legend"]
    assert [t.text for t in legend] == list(names.values())
    for here, after in pairwise(legend):
        assert float(here.get("x", 0)) + label_width(here.text or "") * 11 / 12 < float(after.get("x", 0)) - 14
    assert parse(line("Queue", days, {"2026-11-01": 3})).get("direction") == "ltr"
