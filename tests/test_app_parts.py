"""The dashboard's pure parts: figure building, exports, link parsing, escaping."""

from __future__ import annotations

import base64
import csv
import io
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from hypothesis import given, settings
from hypothesis import strategies as st

from components.data import prepare
from components.exports import to_csv, to_json, to_timelinejs
from components.filters import Filters, matching
from components.safe_text import markdown_literal, safe_url
from components.timeline_figure import BIN_PREFIX, build_timeline, figure_event_ids, topic_colours
from components.url_state import Known, read_seed, share_link, view_pairs
from conftest import XSS_SENTENCE, by_date_text, event_row, sample_rows
from newsline.model import EVENT_COLUMNS


def spec(timeline) -> dict:
    """The figure as the browser receives it, typed arrays decoded to lists."""
    def decode(value):
        if isinstance(value, dict) and "bdata" in value and "dtype" in value:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
        if isinstance(value, dict):
            return {k: decode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value
    return decode(json.loads(go.Figure(timeline.figure).to_json()))


def frame_of(rows) -> pd.DataFrame:
    return prepare(pd.DataFrame(rows, columns=EVENT_COLUMNS))


COLOURS = topic_colours(["elections", "oil-sanctions", "justice-prisoners", "diplomacy-talks",
                         "migration-deportation", "security-crime", "military"])


def synthetic(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2000-01-01") + pd.to_timedelta(rng.integers(0, 9000, n), unit="D")
    rows = []
    for i, day in enumerate(days):
        month = i % 3 == 0
        start = day.replace(day=1) if month else day
        end = (start + pd.offsets.MonthEnd(0)) if month else day
        rows.append(event_row(f"a{i}", f"Event {i} happened on day {i}.", f"day {i}",
                              start.strftime("%Y-%m" if month else "%Y-%m-%d"), start.strftime("%Y-%m-%d"),
                              end.strftime("%Y-%m-%d"), "month" if month else "day",
                              actors=[["Nicolás Maduro"], ["Donald Trump"], ["Venezuela", "United States"]][i % 3],
                              topics=[["elections"], ["oil-sanctions"], []][i % 3]))
    return frame_of(rows)


# --- the figure -------------------------------------------------------------------


def test_precision_is_drawn_honestly():
    frame = frame_of(sample_rows())
    fig = spec(build_timeline(frame, "Actor", None, COLOURS))
    unresolved = by_date_text("that day")["event_id"]
    assert unresolved not in figure_event_ids(fig)
    day = by_date_text("last Sunday")["event_id"]
    point = next(t for t in fig["data"] if t.get("customdata") is not None and day in list(t["customdata"]))
    assert point["marker"]["symbol"] == "circle"
    i = list(point["customdata"]).index(day)
    assert pd.Timestamp(point["x"][i], unit="ms") == pd.Timestamp("2024-12-01")
    # the month is a bar over the whole of January 2019, not a dot on the 1st
    bars = [t for t in fig["data"] if t.get("mode") == "lines"]
    spans = [(pd.Timestamp(a, unit="ms"), pd.Timestamp(b, unit="ms"))
             for t in bars for a, b in zip(t["x"][0::3], t["x"][1::3])]
    assert (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-02-01")) in spans
    assert (pd.Timestamp("1990-01-01"), pd.Timestamp("2000-01-01")) in spans  # the 1990s, whole


def test_an_event_sits_in_every_actor_lane_it_names():
    frame = frame_of(sample_rows())
    timeline = build_timeline(frame, "Actor", None, COLOURS)
    fig = spec(timeline)
    target = by_date_text("March 4, 2025")["event_id"]
    ys = [y for t in fig["data"] if t.get("customdata") is not None
          for cid, y in zip(t["customdata"], t["y"]) if cid == target]
    lanes = {round(y) for y in ys}
    assert lanes == {round(timeline.lane_y["Chevron"]), round(timeline.lane_y["United States"])}


def test_hover_text_is_escaped():
    frame = frame_of(sample_rows())
    fig = json.dumps(spec(build_timeline(frame, "Outlet", None, COLOURS)))
    assert "<script>" not in fig and "<img" not in fig and "Unknown <b>Blog</b>" not in fig
    assert "&lt;img src=x onerror=alert(1)&gt;" in fig and "Unknown &lt;b&gt;Blog&lt;/b&gt;" in fig


def test_many_events_switch_to_webgl_then_to_counts():
    frame = synthetic(2_400)
    events = spec(build_timeline(frame, "Actor", None, COLOURS))
    assert {t["type"] for t in events["data"]} == {"scattergl"}
    assert len(figure_event_ids(events)) == 2_400

    counted = build_timeline(frame, "Actor", None, COLOURS, aggregate_threshold=1_000)
    assert counted.mode == "aggregated" and counted.period == "year"
    data = spec(counted)["data"]
    hovers = [h for t in data for h in t["hovertext"]]
    total = sum(int(h.split("<b>")[1].split(" ")[0]) for h in hovers)
    marks = sum(len(lanes) for lanes in frame["actors"])
    assert total == marks  # every event counted once per lane it sits in
    assert all(str(c).startswith(BIN_PREFIX) for t in data for c in t["customdata"])


def test_window_limits_what_is_drawn():
    frame = frame_of(sample_rows())
    window = (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31"))
    ids = figure_event_ids(spec(build_timeline(frame, "Actor", window, COLOURS)))
    expected = {r["event_id"] for r in sample_rows()
                if r["date_start"] and r["date_end"] >= "2025-01-01" and r["date_start"] <= "2025-12-31"}
    assert ids == expected


def test_search_needs_every_word():
    frame = frame_of(sample_rows())
    hits = frame.iloc[matching(frame, Filters(search="caracas  FLIGHTS"))]
    assert list(hits["date_text"]) == ["next month"]


# --- exports ----------------------------------------------------------------------


def test_csv_and_json_keep_the_table_columns():
    frame = frame_of(sample_rows())
    rows = list(csv.DictReader(io.StringIO(to_csv(frame).decode())))
    assert list(rows[0]) == EVENT_COLUMNS and len(rows) == len(frame)
    assert rows[0]["actors"] == "Nicolás Maduro; Venezuelan opposition"
    records = json.loads(to_json(frame))
    assert [list(r) for r in records][0] == EVENT_COLUMNS
    unresolved = next(r for r in records if r["date_text"] == "that day")
    assert unresolved["value"] is None and unresolved["date_start"] is None


def test_timelinejs_document_is_valid_and_escaped():
    frame = frame_of(sample_rows())
    doc = json.loads(to_timelinejs(frame, "Title"))
    assert doc["title"]["text"]["headline"] == "Title"
    events = {e["unique_id"]: e for e in doc["events"]}
    assert by_date_text("that day")["event_id"] not in events  # no date TimelineJS could show
    assert len(events) == len(frame) - 1
    for event in doc["events"]:
        assert isinstance(event["start_date"]["year"], int)
        assert set(event["text"]) == {"headline", "text"}
    month = events[by_date_text("January 2019")["event_id"]]
    assert month["start_date"] == {"year": 2019, "month": 1} and month["end_date"] == {"year": 2019, "month": 1}
    day = events[by_date_text("last Sunday")["event_id"]]
    assert day["start_date"] == {"year": 2024, "month": 12, "day": 1} and "end_date" not in day
    xss = events[by_date_text("March 3, 2025")["event_id"]]["text"]["text"]
    assert "<script>" not in xss and "<img" not in xss and "javascript:" not in xss
    assert "&lt;img src=x onerror=alert(1)&gt;" in xss


# --- links ------------------------------------------------------------------------

KNOWN = Known(actors={"Nicolás Maduro"}, topics={"elections"}, outlets={"Reuters"}, event_ids={"abc"})


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["actor", "topic", "outlet", "from", "to", "window", "event", "tense",
                                        "lanes", "tab", "hide_year", "q", "zzz"]),
                       st.lists(st.text(max_size=30), max_size=3), max_size=8))
def test_any_query_string_parses_without_raising(params):
    seed = read_seed(params, KNOWN)
    assert set(seed.actors) <= KNOWN.actors
    assert seed.event in (None, "abc")
    if seed.window:
        assert seed.window[0] <= seed.window[1]


def test_view_pairs_leave_defaults_out_and_link_is_absolute_when_possible():
    assert view_pairs(Filters(), "Actor", None, None, "Timeline") == []
    pairs = view_pairs(Filters(actors=("Nicolás Maduro",), tense="future"), "Topic", None, "abc", "Table")
    link = share_link("http://host:8501/", pairs)
    assert link == "http://host:8501/?actor=Nicol%C3%A1s+Maduro&tense=Future&lanes=Topic&tab=Table&event=abc"
    assert share_link(None, []) == "./"


def test_only_http_links_and_literal_markdown():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//example.org", "https://x.org/\"onmouseover=", None):
        assert safe_url(bad) is None
    assert markdown_literal("[a](javascript:x) <b>") == "\\[a\\]\\(javascript\\:x\\) \\<b\\>"
    assert XSS_SENTENCE  # the fixture the end-to-end test relies on exists
