"""The dashboard's pure parts: figure building, exports, link parsing, escaping."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from hypothesis import given, settings
from hypothesis import strategies as st

from components.data import prepare
from components.evidence import corroboration, date_summary, evidence_html
from components.exports import to_csv, to_json, to_timelinejs
from components.safe_text import markdown_literal, safe_url
from components.timeline_figure import (
    BIN_PREFIX, DISAGREE_COLOUR, build_timeline, figure_fact_ids, marker_size, topic_colours,
)
from components.url_state import Known, read_seed, share_link, view_pairs
from support.page import decoded
from support.rows import XSS_SENTENCE, by_date_text, event_row, facts_of, sample_rows, store_rows
from newsline.store import write_events, write_facts
from newsline.events import extract_events
from newsline.model import EVENT_COLUMNS, Article
from newsline.filters import Filters
from newsline.query import EventStore


def spec(timeline) -> dict:
    """The figure as the browser receives it, typed arrays decoded to lists."""
    return decoded(json.loads(go.Figure(timeline.figure).to_json()))


def frame_of(rows) -> pd.DataFrame:
    return prepare(pd.DataFrame(rows, columns=EVENT_COLUMNS))


def store_of(tmp_path, rows, facts: pd.DataFrame | None = None):
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    if facts is not None:
        write_facts(facts, tmp_path / "facts.parquet")
    return EventStore.open(tmp_path / "events.parquet").query()


COLOURS = topic_colours(["elections", "oil-sanctions", "justice-prisoners", "diplomacy-talks",
                         "migration-deportation", "security-crime", "military"])
EVERYTHING = (date(1980, 1, 1), date(2030, 12, 31))


def figure(q, lanes="Actor", window=EVERYTHING, flt=Filters(), **kw):
    return build_timeline(q.timeline(flt, window, lanes, **kw), COLOURS)


def synthetic(n: int, seed: int = 1) -> list[dict]:
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
    return rows


# --- the figure -------------------------------------------------------------------


def test_precision_is_drawn_honestly(tmp_path):
    fig = spec(figure(store_of(tmp_path, sample_rows())))
    unresolved = by_date_text("that day")["event_id"]
    assert unresolved not in figure_fact_ids(fig)
    day = by_date_text("last Sunday")["event_id"]
    point = next(t for t in fig["data"] if t.get("customdata") is not None and day in list(t["customdata"]))
    i = list(point["customdata"]).index(day)
    assert point["marker"]["symbol"][i] == "circle"
    assert pd.Timestamp(point["x"][i], unit="ms") == pd.Timestamp("2024-12-01")
    # the month is a bar over the whole of January 2019, not a dot on the 1st
    bars = [t for t in fig["data"] if t.get("mode") == "lines"]
    spans = [(pd.Timestamp(a, unit="ms"), pd.Timestamp(b, unit="ms"))
             for t in bars for a, b in zip(t["x"][0::3], t["x"][1::3])]
    assert (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-02-01")) in spans
    assert (pd.Timestamp("1990-01-01"), pd.Timestamp("2000-01-01")) in spans  # the 1990s, whole


def test_announced_facts_are_hollow_and_periods_lie_under_the_markers(tmp_path):
    rows = sample_rows()
    fig = spec(figure(store_of(tmp_path, rows)))
    symbol = {cid: sym for t in fig["data"] if t.get("mode") == "markers"
              for cid, sym in zip(t["customdata"], t["marker"]["symbol"])}
    future = {r["event_id"] for r in rows if r["tense"] == "future"} & set(symbol)
    past = {r["event_id"] for r in rows if r["tense"] == "past"} & set(symbol)
    assert future and past
    assert all(symbol[i].endswith("-open") for i in future)
    assert not any(symbol[i].endswith("-open") for i in past)
    modes = [t["mode"] for t in fig["data"]]
    assert modes == sorted(modes, key=lambda m: m != "lines")  # every period's line is drawn first


def test_markers_close_in_time_are_dodged_within_their_lane():
    from components.timeline_figure import dodge

    xs = np.array([0.0, 1.0, 2.0, 1000.0])
    ys = dodge(np.array(["a", "a", "a", "a"]), xs, span_ms=1000.0)
    assert len({ys[0], ys[1], ys[2]}) == 3 and ys[3] == 0.0


def _lanes_of(timeline, event_id) -> set[int]:
    return {round(y) for t in spec(timeline)["data"] if t.get("customdata") is not None
            for cid, y in zip(t["customdata"], t["y"]) if cid == event_id}


def test_a_fact_sits_in_the_lane_of_who_acted_and_names_the_others_in_its_hover(tmp_path):
    row = by_date_text("March 4, 2025")
    assert row["actors_source"] == ["Chevron"] and row["actors_target"] == ["United States"]
    timeline = figure(store_of(tmp_path, sample_rows()))
    assert _lanes_of(timeline, row["event_id"]) == {round(timeline.lane_y["Chevron"])}
    hover = next(h for t in spec(timeline)["data"] if t.get("customdata") is not None
                 for cid, h in zip(t["customdata"], t.get("hovertext") or []) if cid == row["event_id"])
    assert "Chevron → United States" in hover


def test_with_every_actor_named_as_lanes_an_event_sits_in_each_of_them(tmp_path):
    row = by_date_text("March 4, 2025")
    timeline = figure(store_of(tmp_path, sample_rows()), "Named actor")
    assert _lanes_of(timeline, row["event_id"]) == {round(timeline.lane_y["Chevron"]),
                                                    round(timeline.lane_y["United States"])}


def test_colour_by_action_gives_each_class_its_own_trace(tmp_path):
    rows = sample_rows()
    rows[0] = {**rows[0], "action": "sanctions"}
    rows[1] = {**rows[1], "action": "meeting"}
    q = store_of(tmp_path, rows)
    timeline = build_timeline(q.timeline(Filters(), EVERYTHING, "Actor"), COLOURS, colour_by="Action")
    names = {t["name"] for t in spec(timeline)["data"] if t.get("mode") == "markers"}
    assert {"Sanctions imposed", "Meeting or talks"} <= names


def test_every_action_class_has_a_colour_of_its_own():
    from components.timeline_figure import action_colours

    colours = action_colours()
    assert len(set(colours.values())) == len(colours)


def test_hover_text_is_escaped(tmp_path):
    fig = json.dumps(spec(figure(store_of(tmp_path, sample_rows()), "Outlet")))
    assert "<script>" not in fig and "<img" not in fig and "Unknown <b>Blog</b>" not in fig
    shown = fig.replace("<br>", " ")  # hover lines are wrapped between words
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "Unknown &lt;b&gt;Blog&lt;/b&gt;" in shown


def test_a_fact_sits_in_the_lane_of_every_outlet_that_reported_it(tmp_path):
    rows = store_rows()
    boats, alien, facts = facts_of(rows)
    timeline = figure(store_of(tmp_path, rows, facts), "Outlet")
    fig = spec(timeline)
    ys = {round(y) for t in fig["data"] if t.get("customdata") is not None
          for cid, y in zip(t["customdata"], t["y"]) if cid == boats["fact_id"]}
    assert ys == {round(timeline.lane_y[o]) for o in ("NPR", "CBS News", "WOKV (CBS reprint)")}


def test_marker_size_grows_with_independent_sources_and_disagreement_is_ringed(tmp_path):
    rows = store_rows()
    boats, alien, facts = facts_of(rows)
    fig = spec(figure(store_of(tmp_path, rows, facts)))
    sizes, rings = {}, {}
    for trace in fig["data"]:
        if trace.get("hoverinfo") == "skip":
            continue
        for i, cid in enumerate(trace.get("customdata") or []):
            sizes[cid] = trace["marker"]["size"][i]
            rings[cid] = trace["marker"]["line"]["color"][i]
    assert sizes[boats["fact_id"]] == sizes[alien["fact_id"]] == float(marker_size([2])[0])
    assert sizes[by_date_text("last Sunday")["event_id"]] == 9.0
    assert rings[alien["fact_id"]] == DISAGREE_COLOUR
    assert sum(colour == DISAGREE_COLOUR for colour in rings.values()) == 1
    assert list(marker_size([1, 2, 4, 9, 100])) == [9.0, 12.7, 18.0, 27.0, 32.4]  # area by count, capped


def test_many_facts_switch_to_webgl_then_to_counts(tmp_path):
    rows = synthetic(2_400)
    q = store_of(tmp_path, rows)
    events = spec(figure(q))
    assert {t["type"] for t in events["data"]} == {"scattergl"}
    assert len(figure_fact_ids(events)) == 2_400

    counted = figure(q, threshold=1_000)
    assert counted.mode == "aggregated" and counted.period == "year"
    data = spec(counted)["data"]
    hovers = [h for t in data for h in t["hovertext"]]
    total = sum(int(h.split("<b>")[1].split(" ")[0].replace(",", "")) for h in hovers)
    # every fact counted once per lane it sits in: its source actors' (else every actor named)
    assert total == sum(len(r["actors_source"]) or len(r["actors"]) or 1 for r in rows)
    assert all(str(c).startswith(BIN_PREFIX) for t in data for c in t["customdata"])


def test_window_limits_what_is_drawn(tmp_path):
    window = (date(2025, 1, 1), date(2025, 12, 31))
    ids = figure_fact_ids(spec(figure(store_of(tmp_path, sample_rows()), window=window)))
    expected = {r["event_id"] for r in sample_rows()
                if r["date_start"] and r["date_end"] >= "2025-01-01" and r["date_start"] <= "2025-12-31"}
    assert ids == expected


def test_search_needs_every_word(tmp_path):
    hits = store_of(tmp_path, sample_rows()).events(Filters(search="caracas  FLIGHTS"))
    assert list(hits["date_text"]) == ["next month"]


def test_evidence_of_a_fact_escapes_every_source(tmp_path):
    rows = store_rows()
    boats, _, facts = facts_of(rows)
    q = store_of(tmp_path, rows, facts)
    html = evidence_html(q.fact(boats["fact_id"]))
    assert html.count('<li class="nl-source">') == 3 and "javascript:" not in html
    xss = evidence_html(q.fact(by_date_text("March 3, 2025")["event_id"]))
    assert "<script>" not in xss and "<img" not in xss and "&lt;img src=x onerror=alert(1)&gt;" in xss
    assert corroboration({"sources": 3, "articles": 3}) == "Confirmed by 3 independent sources."
    assert corroboration({"sources": 1, "articles": 1}) == "Reported by 1 source."


# --- exports ----------------------------------------------------------------------


def test_csv_and_json_keep_the_table_columns_with_headlines_and_sources():
    frame = frame_of(sample_rows())
    rows = list(csv.DictReader(io.StringIO(to_csv(frame).decode())))
    assert list(rows[0]) == EVENT_COLUMNS + ["fact_id", "sources"] and len(rows) == len(frame)
    assert "title" in EVENT_COLUMNS and rows[0]["title"]
    assert rows[0]["actors"] == "Nicolás Maduro; Venezuelan opposition"
    records = json.loads(to_json(frame))
    assert [list(r) for r in records][0] == EVENT_COLUMNS + ["fact_id", "sources"]
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

KNOWN = Known(actors={"Nicolás Maduro"}, topics={"elections"}, outlets={"Reuters"},
              resolve=lambda ident: {"abc": "abc", "e-in-f": "f1", "f1": "f1"}.get(ident))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["actor", "topic", "outlet", "from", "to", "window", "event", "fact", "tense",
                                        "lanes", "tab", "hide_year", "q", "min_sources", "zzz"]),
                       st.lists(st.text(max_size=30), max_size=3), max_size=8))
def test_any_query_string_parses_without_raising(params):
    seed = read_seed(params, KNOWN)
    assert set(seed.actors) <= KNOWN.actors
    assert seed.fact in (None, "abc", "f1")
    if seed.window:
        assert seed.window[0] <= seed.window[1]


def test_view_pairs_leave_defaults_out_and_link_is_absolute_when_possible():
    assert view_pairs(Filters(), "Actor", None, None, "Timeline") == []
    pairs = view_pairs(Filters(actors=("Nicolás Maduro",), tense="future", min_sources=2), "Topic", None, "f1",
                       "Table")
    link = share_link("http://host:8501/", pairs)
    assert link == ("http://host:8501/?actor=Nicol%C3%A1s+Maduro&tense=Future&min_sources=2&lanes=Topic&tab=Table"
                    "&fact=f1")
    assert share_link(None, []) == "./"


def test_a_link_names_its_fact_by_any_of_its_ids():
    assert read_seed({"event": ["e-in-f"]}, KNOWN).fact == "f1"  # a link from before facts existed
    assert read_seed({"fact": ["f1"], "event": ["abc"]}, KNOWN).fact == "f1"  # the fact wins
    seed = read_seed({"fact": ["gone"]}, KNOWN)
    assert seed.fact is None and seed.notices == ["the linked fact “gone” is not in this table"]
    for bad in ("0", "100", "2.5", "two", "-1"):
        assert read_seed({"min_sources": [bad]}, KNOWN).notices
    assert not read_seed({"min_sources": ["3"]}, KNOWN).notices


def test_only_http_links_and_literal_markdown():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//example.org", "https://x.org/\"onmouseover=", None):
        assert safe_url(bad) is None
    assert markdown_literal("[a](javascript:x) <b>") == "\\[a\\]\\(javascript\\:x\\) \\<b\\>"
    assert XSS_SENTENCE  # the fixture the end-to-end test relies on exists


def test_a_year_corrected_by_its_weekday_says_so_in_words():
    (row,) = extract_events(Article("a", "Maduro fue capturado el sábado 3 de enero del 2025 en Caracas.",
                                    published="2026-01-03", language="es"))
    line = date_summary(row)
    assert row["resolution"] == "weekday-corrected" and "2026-01-03" in line
    assert "the year written doesn't fit the weekday named" in line
