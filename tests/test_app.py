"""The dashboard driven through Streamlit's AppTest: filters, selection, links, tampering, facts.

Every test runs the real app.py against a small store written to a temporary folder
(see conftest.py); nothing here reads the shipped data. Without a fact table every
event is a fact of its own, named by its event id; ``facts_store`` adds a fact table
with a fact confirmed by two sources (three articles, one a reprint) and a fact whose
two sources disagree on the date.
"""

from __future__ import annotations

import json
import os
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from components.timeline_figure import DISAGREE_COLOUR, figure_fact_ids, marker_size
from support.page import APP, PAGE_COMPLETE, decoded, page_complete, rerun_page as rerun, run_page as run_app
from support.rows import XSS_SENTENCE, by_date_text, sample_rows, store_rows

ALL_IDS = {row["event_id"] for row in sample_rows()}
PLACED_IDS = {row["event_id"] for row in sample_rows() if row["granularity"] != "unresolved"}


def chart_spec(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return decoded(json.loads(charts[0].proto.spec))


def drawn_chart(at: AppTest) -> tuple[str, str]:
    """The chart exactly as sent to the browser: its figure and its options."""
    [chart] = at.get("plotly_chart")
    return chart.proto.spec, chart.proto.config


def chart_ids(at: AppTest) -> set[str]:
    return figure_fact_ids(chart_spec(at))


def table_ids(at: AppTest) -> list[str]:
    at.session_state["tab"] = "Table"
    rerun(at)
    tables = [d for d in at.dataframe if "event_id" in d.value.columns and "sentence" in d.value.columns]
    assert len(tables) == 1
    ids = list(tables[0].value["event_id"])
    at.session_state["tab"] = "Timeline"
    rerun(at)
    return ids


def match_count(at: AppTest) -> int:
    line = next(m.value for m in at.markdown if "events match the filters" in m.value)
    return int(line.split("**")[1].replace(",", ""))


def evidence(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html if "nl-evidence" in h.value)


def share_link(at: AppTest) -> str:
    codes = [c.value for c in at.code if "?" in c.value or c.value.startswith(("./", "http"))]
    assert codes, "no share link on the page"
    return codes[-1]


def ids_where(predicate) -> set[str]:
    return {row["event_id"] for row in sample_rows() if predicate(row)}


# --- opening --------------------------------------------------------------------


def test_opens_on_the_table_with_every_event(events_file):
    at = run_app()
    assert match_count(at) == len(ALL_IDS)
    assert chart_ids(at) == PLACED_IDS  # the unresolved one is never drawn...
    assert "click a fact for its evidence" in " ".join(c.value for c in at.caption)
    assert not at.get("markdown") or "Evidence" not in " ".join(m.value for m in at.markdown)  # opens on selection
    label = next(e.label for e in at.expander if "could not be placed" in e.label)
    assert label == "1 event with a date that could not be placed on the timeline"  # ...but listed apart,
    assert not [d for d in at.dataframe if "snippet" in d.value.columns]  # read only when opened
    at.session_state["unresolved_open"] = True
    rerun(at)
    unresolved = [d for d in at.dataframe if "date_text" in d.value.columns and "snippet" in d.value.columns]
    assert list(unresolved[0].value["date_text"]) == ["that day"]
    at.session_state["unresolved_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    assert "“that day” → no date (unresolved), could not be placed on the calendar" in evidence(at)


def test_missing_table_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINE_EVENTS", str(tmp_path / "nowhere.parquet"))
    at = run_app()
    assert any("no event table here yet" in e.value for e in at.error)
    assert match_count(at) == 0


def test_a_rebuilt_table_is_picked_up_and_a_broken_one_named_in_one_line(events_file):
    from newsline.model import EVENT_COLUMNS
    from newsline.store import write_events
    import pandas as pd

    at = run_app()
    write_events(pd.DataFrame(sample_rows()[:5], columns=EVENT_COLUMNS), events_file)
    rerun(at)
    assert match_count(at) == 5
    stat = events_file.stat()
    events_file.write_bytes(b"not parquet at all")
    os.utime(events_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    rerun(at)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "not a readable Parquet event table" in errors[0] and "\n" not in errors[0]
    assert match_count(at) == 0


# --- every filter narrows the chart and the table ---------------------------------

FILTER_CASES = {
    "actor": (lambda at: at.multiselect(key="actor").select("Nicolás Maduro"),
              lambda r: "Nicolás Maduro" in r["actors"]),
    "topic": (lambda at: at.multiselect(key="topic").select("oil-sanctions"),
              lambda r: "oil-sanctions" in r["topics"]),
    "outlet": (lambda at: at.multiselect(key="outlet").select("CBS News"),
               lambda r: r["source"] == "CBS News"),
    "dates": (lambda at: at.date_input(key="dates").set_value((date(2024, 1, 1), date(2024, 12, 31))),
              lambda r: r["date_start"] is not None and r["date_end"] >= "2024-01-01" and r["date_start"] <= "2024-12-31"),
    "search": (lambda at: at.text_input(key="q").input("Caracas"),
               lambda r: "caracas" in r["sentence"].lower()),
    "hide_year": (lambda at: at.toggle(key="hide_year").set_value(True),
                  lambda r: r["granularity"] not in ("year", "decade")),
    "hide_unresolved": (lambda at: at.toggle(key="hide_unresolved").set_value(True),
                        lambda r: r["granularity"] != "unresolved"),
    "tense": (lambda at: at.radio(key="tense").set_value("Future"),
              lambda r: r["tense"] == "future"),
}


@pytest.mark.parametrize("name", list(FILTER_CASES))
def test_each_filter_narrows_table_and_chart(events_file, name):
    act, keep = FILTER_CASES[name]
    at = run_app()
    act(at)
    rerun(at)
    expected = ids_where(keep)
    assert 0 < len(expected) < len(ALL_IDS)
    assert match_count(at) == len(expected)
    assert chart_ids(at) == expected & PLACED_IDS
    assert set(table_ids(at)) == expected


def test_actor_labels_carry_counts(events_file):
    at = run_app()
    widget = at.multiselect(key="actor")
    assert widget.options[0].startswith("United States (5) · US")  # most mentioned first, with its aliases
    assert "Diosdado Cabello (1)" in widget.options
    assert "Nicolás Maduro (2) · Nicolas Maduro" in widget.options  # typed without accents, it is found


def test_empty_result_explains_itself_and_resets(events_file):
    at = run_app()
    at.multiselect(key="actor").select("Citgo")
    at.radio(key="tense").set_value("Future")
    rerun(at)
    assert match_count(at) == 0
    explanation = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "actor Citgo: 2 events on its own" in explanation
    assert "announced (future) events: 1 event on its own" in explanation
    at.button(key="reset_empty").click()
    rerun(at)
    assert match_count(at) == len(ALL_IDS)
    assert at.multiselect(key="actor").value == [] and at.radio(key="tense").value == "All"


# --- lanes, precision, scale -----------------------------------------------------------


def test_lanes_switch_between_actor_topic_and_outlet(events_file):
    at = run_app()
    assert "Nicolás Maduro" in chart_spec(at)["layout"]["yaxis"]["ticktext"]
    at.radio(key="lanes").set_value("Topic")
    rerun(at)
    assert "oil-sanctions" in chart_spec(at)["layout"]["yaxis"]["ticktext"]
    at.radio(key="lanes").set_value("Outlet")
    rerun(at)
    assert "CBS News" in chart_spec(at)["layout"]["yaxis"]["ticktext"]


# --- selection and evidence ------------------------------------------------------------


def test_selecting_a_point_on_the_chart_shows_its_evidence(events_file):
    at = run_app()
    target = by_date_text("last Sunday")
    at.session_state["timeline"] = {"selection": {"points": [{"customdata": target["event_id"]}],
                                                   "point_indices": [0], "box": [], "lasso": []}}
    rerun(at)
    panel = evidence(at)
    assert "<mark>last Sunday</mark>" in panel
    assert "“last Sunday” → 2024-12-01 (day), relative to publication 2024-12-03" in panel
    assert "Nicolás Maduro offers Trump his experience in security" in panel
    assert "<strong>El País</strong>, published 2024-12-03" in panel
    assert "Reported by 1 source." in panel
    assert 'href="https://news.example.org/elpais-maduro-trump"' in panel
    names = [t.get("name") for t in chart_spec(at)["data"]]
    assert "Selected" in names  # the chosen event is ringed on the timeline


def test_selecting_a_table_row_shows_its_evidence(events_file):
    at = run_app(tab="Table")
    ids = [d for d in at.dataframe if "sentence" in d.value.columns][0].value["event_id"].tolist()
    row = ids.index(by_date_text("January 2019")["event_id"])
    at.session_state["table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    rerun(at)
    panel = evidence(at)
    assert "<mark>January 2019</mark>" in panel
    assert "covering 2019-01-01 to 2019-01-31" in panel


def test_article_markup_is_escaped_everywhere(events_file):
    target = by_date_text("March 3, 2025")
    at = run_app({"event": target["event_id"]})
    panel = evidence(at)
    assert "<script>" not in panel and "<img" not in panel
    assert "&lt;img src=x onerror=alert(1)&gt;" in panel
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in panel
    assert "javascript:" not in panel  # no link for a non-http(s) address
    hover = json.dumps(chart_spec(at)["data"])
    assert "<script>" not in hover and "<img" not in hover
    assert XSS_SENTENCE.split(" a source")[0] in " ".join(sample_rows()[10]["sentence"] for _ in [0])


# --- the URL ---------------------------------------------------------------------------


def test_share_link_round_trip_restores_view_and_selection(events_file):
    at = run_app()
    at.multiselect(key="actor").select("United States")
    at.multiselect(key="topic").select("diplomacy-talks").select("migration-deportation")
    at.text_input(key="q").input("Caracas")
    at.radio(key="lanes").set_value("Topic")
    rerun(at)
    at.button(key="range_1y").click()
    rerun(at)
    chosen = by_date_text("next month")["event_id"]
    at.session_state["timeline"] = {"selection": {"points": [{"customdata": chosen}], "point_indices": [0],
                                                   "box": [], "lasso": []}}
    rerun(at)
    before = (match_count(at), chart_ids(at), at.slider(key="window").value, evidence(at))
    assert before[0] == 1 and chosen in before[3]

    link = share_link(at)
    query: dict[str, list[str]] = {}
    for key, value in parse_qsl(urlsplit(link).query):
        query.setdefault(key, []).append(value)
    assert query["actor"] == ["United States"] and query["fact"] == [chosen]
    assert query["window"] == ["2024-02-29..2025-02-28"]  # a year up to the last event shown

    fresh = run_app({k: v if len(v) > 1 else v[0] for k, v in query.items()})
    assert fresh.multiselect(key="actor").value == ["United States"]
    assert fresh.multiselect(key="topic").value == ["diplomacy-talks", "migration-deportation"]
    assert fresh.text_input(key="q").value == "Caracas"
    assert fresh.radio(key="lanes").value == "Topic"
    after = (match_count(fresh), chart_ids(fresh), fresh.slider(key="window").value, evidence(fresh))
    assert after == before
    assert not fresh.warning  # a good link raises no notice


FIRST_RUN_LINKS = [
    {},
    {"actor": "United States", "topic": ["diplomacy-talks", "migration-deportation"], "q": "Caracas",
     "lanes": "Topic"},
    {"from": "2017-01-01", "to": "2024-06-30", "outlet": "Reuters", "hide_year": "true", "tense": "Past",
     "colour": "Action"},
    {"language": "English", "hide_unresolved": "true", "window": "2019-01-01..2024-12-31", "hide": "diplomacy-talks",
     "min_sources": "1"},
    {"language": "Spanish", "fact": sample_rows()[0]["event_id"]},
    {"q": "no such words", "lanes": "Outlet"},  # nothing matches: an empty chart, then the explanation
]


@pytest.mark.parametrize("query", FIRST_RUN_LINKS, ids=[str(i) for i in range(len(FIRST_RUN_LINKS))])
def test_a_visits_first_run_draws_the_chart_the_complete_page_draws(events_file, query):
    """A visit's first run draws the page down to the chart, its filters read from the link
    (no sidebar control is drawn yet); the run the browser's report starts adds the rest and
    leaves the chart and the counts as they were."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query)
    rerun(at)
    assert not page_complete(at)
    assert not at.sidebar.multiselect and not at.sidebar.text_input and not at.sidebar.toggle
    assert not [s for s in at.selectbox if s.key == "fact_pick"]  # the facts list below the chart
    assert not evidence(at) and not at.code  # the evidence and the share box come next
    first = (drawn_chart(at), match_count(at), at.slider(key="window").value, at.radio(key="lanes").value)

    at.session_state[PAGE_COMPLETE] = True  # what the browser's report of the chart drawn sets
    rerun(at)
    assert at.sidebar.multiselect and at.sidebar.text_input and at.sidebar.toggle
    assert share_link(at) and (first[1] == 0 or at.selectbox(key="fact_pick"))
    assert bool(evidence(at)) == ("fact" in query)
    assert (drawn_chart(at), match_count(at), at.slider(key="window").value, at.radio(key="lanes").value) == first


def test_a_link_to_another_tab_draws_the_whole_page_at_once(events_file):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update({"tab": "Table", "actor": "Citgo"})
    rerun(at)
    assert page_complete(at) and at.sidebar.multiselect and share_link(at)


def test_manual_state_is_written_to_the_address_bar(events_file):
    at = run_app()
    at.multiselect(key="actor").select("Citgo")
    at.date_input(key="dates").set_value((date(2017, 1, 1), date(2023, 1, 1)))
    rerun(at)
    assert at.query_params["actor"] == "Citgo"
    assert at.query_params["from"] == "2017-01-01" and at.query_params["to"] == "2023-01-01"


TAMPERED = [
    ({"actor": ["Nobody", "Nicolás Maduro"]}, "unknown actor “Nobody”"),
    ({"from": "2024-13-45"}, "bad date “2024-13-45”"),
    ({"from": "2025-01-01", "to": "2020-01-01"}, "ends before it starts"),
    ({"window": "yesterday..today"}, "bad time window"),
    ({"window": "1700-01-01..1701-01-01"}, "outside the data"),
    ({"event": "deadbeefdeadbeef"}, "the linked event “deadbeefdeadbeef” is not in this table"),
    ({"fact": "f0000000000000000"}, "the linked fact “f000000000000000…” is not in this table"),
    ({"min_sources": "lots"}, "min\\_sources must be a whole number from 1 to 99"),
    ({"min_sources": "0"}, "min\\_sources must be a whole number"),
    ({"min_sources": "inf"}, "min\\_sources must be a whole number"),
    ({"min_sources": "1e309"}, "min\\_sources must be a whole number"),
    ({"topic": "aliens"}, "unknown topic “aliens”"),
    ({"outlet": "<script>alert(1)</script>"}, "unknown outlet"),
    ({"tense": "Someday"}, "unknown tense"),
    ({"lanes": "Colour"}, "unknown lanes"),
    ({"tab": "Admin"}, "unknown tab"),
    ({"hide_year": "maybe"}, "hide\\_year must be true or false"),
    ({"actor": "[click](javascript:alert(1))"}, "unknown actor"),
    ({"q": "x" * 5000, "event": "", "actor": ""}, None),
    ({"from": "1066-10-14", "to": "9999-12-31"}, None),  # valid dates far outside the widget's range
]


@pytest.mark.parametrize("query,notice", TAMPERED, ids=[str(i) for i in range(len(TAMPERED))])
def test_tampered_links_open_a_working_page_with_a_notice(events_file, query, notice):
    at = run_app(query)
    assert at.get("plotly_chart") or match_count(at) == 0
    warnings = " ".join(w.value for w in at.warning)
    if notice is None:
        assert "no longer match" not in warnings
    else:
        assert notice in warnings.replace("\\", "") or notice in warnings
        assert "javascript:" not in warnings  # a link in a query string is shown as text
    if query.get("actor") == ["Nobody", "Nicolás Maduro"]:
        assert at.multiselect(key="actor").value == ["Nicolás Maduro"]  # the good part is kept


def test_notice_can_be_dismissed(events_file):
    at = run_app({"actor": "Nobody"})
    assert at.warning
    at.button(key="dismiss_notice").click()
    rerun(at)
    assert not at.warning


# --- table and downloads -----------------------------------------------------------------


def test_table_tab_has_configured_columns_and_downloads(events_file):
    at = run_app({"actor": "Citgo"}, tab="Table")
    table = [d for d in at.dataframe if "sentence" in d.value.columns][0]
    assert set(table.value["event_id"]) == ids_where(lambda r: "Citgo" in r["actors"])
    config = json.loads(table.proto.columns)
    assert config["url"]["type_config"]["type"] == "link"
    assert config["actors"]["type_config"]["type"] == "list"
    assert config["date_start"]["type_config"]["type"] == "date"
    assert {b.label for b in at.download_button} == {"CSV", "JSON", "TimelineJS"}


def test_clicking_a_count_bubble_narrows_the_window(tmp_path, monkeypatch):
    """Past the aggregation threshold the chart counts events; a click on a count zooms to its period."""
    from support.rows import event_row
    from newsline.query import AGGREGATE_THRESHOLD
    from newsline.model import EVENT_COLUMNS
    from newsline.store import write_events
    import pandas as pd

    days = pd.date_range("2001-01-01", "2024-12-31", periods=AGGREGATE_THRESHOLD // 2 + 50)
    rows = [event_row(f"a{i}", f"Sanctions were announced on {d:%Y-%m-%d} in Caracas.", f"{d:%Y-%m-%d}",
                      f"{d:%Y-%m-%d}", f"{d:%Y-%m-%d}", f"{d:%Y-%m-%d}", "day",
                      actors=["Nicolás Maduro", "United States"], topics=["oil-sanctions"],
                      actors_source=["Nicolás Maduro", "United States"])  # two lanes per event
            for i, d in enumerate(days)]
    path = tmp_path / "many.parquet"
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    monkeypatch.setenv("NEWSLINE_EVENTS", str(path))
    at = run_app()
    spec = chart_spec(at)
    bubbles = [c for t in spec["data"] for c in (t.get("customdata") or []) if str(c).startswith("bin:")]
    assert bubbles and not chart_ids(at)  # counted, not drawn one by one
    assert "counted per year" in " ".join(c.value for c in at.caption)
    target = next(b for b in bubbles if b.startswith("bin:2012-"))
    at.session_state["timeline"] = {"selection": {"points": [{"customdata": target}], "point_indices": [0],
                                                   "box": [], "lasso": []}}
    rerun(at)
    assert at.slider(key="window").value == (date(2012, 1, 1), date(2012, 12, 31))
    drawn = chart_ids(at)
    assert drawn and all(row["date_start"].startswith("2012") for row in rows if row["event_id"] in drawn)


# --- facts: one marker per fact, sized by its sources; every source in the evidence ----------


def traces_with(spec: dict, fact_id: str) -> list[tuple[dict, int]]:
    """(trace, index of the mark in it) for every drawn mark of a fact (one per lane it sits in)."""
    return [(t, i) for t in spec["data"] if t.get("hoverinfo") != "skip"
            for i, cid in enumerate(t.get("customdata") or []) if cid == fact_id]


def marker_value(trace: dict, key: str, i: int):
    value = trace["marker"][key]
    return value[i] if isinstance(value, list) else value


def test_one_marker_per_fact_sized_by_its_sources(facts_store):
    _, boats, alien = facts_store
    at = run_app()
    rows = store_rows()
    assert match_count(at) == len(rows)
    header = next(m.value for m in at.markdown if "events match the filters" in m.value)
    assert f"**{len(rows) - 3:,}** facts, 2 confirmed by two or more sources" in header
    ids = chart_ids(at)
    members = set(boats["member_event_ids"]) | set(alien["member_event_ids"])
    assert {boats["fact_id"], alien["fact_id"]} <= ids and not ids & members  # merged events drawn once
    spec = chart_spec(at)
    for trace, i in traces_with(spec, boats["fact_id"]):
        assert marker_value(trace, "size", i) == float(marker_size([2])[0]) > 9  # two independent sources
    solo = by_date_text("last Sunday")["event_id"]
    for trace, i in traces_with(spec, solo):
        assert marker_value(trace, "size", i) == 9.0
    hover = " ".join(t["hovertext"][i] for t, i in traces_with(spec, boats["fact_id"]))
    assert "2 independent sources" in hover and "CBS News" in hover and "NPR" in hover


def test_a_fact_whose_sources_disagree_on_the_date_is_outlined(facts_store):
    _, boats, alien = facts_store
    at = run_app()
    spec = chart_spec(at)
    for trace, i in traces_with(spec, alien["fact_id"]):
        line = trace["marker"]["line"]
        assert line["color"][i] == DISAGREE_COLOUR and line["width"][i] == 3
    for trace, i in traces_with(spec, boats["fact_id"]):
        assert trace["marker"]["line"]["color"][i] != DISAGREE_COLOUR
    assert "2025-03-14 / 2025-03-15" in " ".join(t["hovertext"][i] for t, i in traces_with(spec, alien["fact_id"]))
    select(at, alien["fact_id"])
    panel = evidence(at)
    assert "The sources disagree on the date" in panel and "(2025-03-14 / 2025-03-15)" in panel
    assert "Associated Press: “On Friday, March 14” → 2025-03-14" in panel
    assert "El Mundo América: “This Saturday” → 2025-03-15" in panel


def select(at: AppTest, fact_id: str) -> AppTest:
    at.session_state["timeline"] = {"selection": {"points": [{"customdata": fact_id}], "point_indices": [0],
                                                   "box": [], "lasso": []}}
    return rerun(at)


def test_the_evidence_panel_lists_every_source(facts_store):
    _, boats, _ = facts_store
    at = select(run_app(), boats["fact_id"])
    panel = evidence(at)
    assert "Confirmed by 2 independent sources (3 articles; reprints of one story count once)." in panel
    assert panel.count('<li class="nl-source">') == 3
    for item in boats["evidence"]:
        assert f"<strong>{item['source']}</strong>" in panel
        assert f"<mark>{item['date_text']}</mark>" in panel
    assert "“September 2, 2025” → 2025-09-02 (day), written in full in the text" in panel
    assert "“On Tuesday” → 2025-09-02 (day), relative to publication 2025-09-03" in panel
    assert "A reprint of the same story as CBS News" in panel
    assert 'href="https://news.example.org/cbs-hegseth-boats"' in panel
    assert "javascript:" not in panel  # the reprint's address is not a web address: no link
    assert "Why these reports are one fact" in panel
    spec = chart_spec(at)
    ring = next(t for t in spec["data"] if t.get("name") == "Selected")
    marks = {(t["x"][i], round(t["y"][i], 6)) for t, i in traces_with(spec, boats["fact_id"])}
    assert {(x, round(y, 6)) for x, y in zip(ring["x"], ring["y"])} == marks  # the ring sits on the fact


def test_confirmed_by_at_least_n_sources(facts_store):
    _, boats, alien = facts_store
    at = run_app()
    at.number_input(key="min_sources").set_value(2)
    rerun(at)
    assert match_count(at) == 5  # the events of the two corroborated facts
    assert chart_ids(at) == {boats["fact_id"], alien["fact_id"]}
    members = set(boats["member_event_ids"]) | set(alien["member_event_ids"])
    assert set(table_ids(at)) == members
    assert at.query_params["min_sources"] == "2"  # in the address bar
    assert ("min_sources", "2") in parse_qsl(urlsplit(share_link(at)).query)
    at.number_input(key="min_sources").set_value(3)
    rerun(at)
    assert match_count(at) == 0
    explanation = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "confirmed by at least 3 sources: 0 events on its own" in explanation


def test_the_sources_filter_travels_in_the_share_link(facts_store):
    _, boats, alien = facts_store
    at = run_app()
    at.number_input(key="min_sources").set_value(2)
    at.multiselect(key="topic").select("military")
    rerun(at)
    select(at, boats["fact_id"])
    link = share_link(at)
    query = dict(parse_qsl(urlsplit(link).query))
    assert query["min_sources"] == "2" and query["fact"] == boats["fact_id"] and "event" not in query
    fresh = run_app(query)
    assert fresh.number_input(key="min_sources").value == 2
    assert match_count(fresh) == 3 and chart_ids(fresh) == {boats["fact_id"]}
    assert evidence(fresh) == evidence(at)
    assert not fresh.warning


def test_an_old_event_link_opens_the_fact_that_holds_the_event(facts_store):
    _, boats, _ = facts_store
    cbs = next(e for e in boats["evidence"] if e["source"] == "CBS News")["event_id"]
    at = run_app({"event": cbs})
    assert not at.warning
    panel = evidence(at)
    assert panel.count('<li class="nl-source">') == 3
    assert at.query_params["fact"] == boats["fact_id"] and "event" not in at.query_params


def test_a_fact_hidden_by_the_filters_stays_readable_when_selected(facts_store):
    _, boats, _ = facts_store
    at = run_app({"fact": boats["fact_id"], "tense": "Future"})
    assert "hidden by the current filters" in " ".join(c.value for c in at.caption)
    assert evidence(at).count('<li class="nl-source">') == 3


def test_the_date_range_follows_the_table_when_a_visitor_adds_an_older_event(events_file):
    from components.data import prepare
    from support.rows import event_row
    from newsline.model import EVENT_COLUMNS
    import pandas as pd

    at = run_app()
    older = event_row("visitor-envoy", "The envoy returned to Caracas on March 3, 1985, officials said.",
                      "March 3, 1985", "1985-03-03", "1985-03-03", "1985-03-03", "day", source="Visitor")
    at.session_state["added_events"] = prepare(pd.DataFrame([older], columns=EVENT_COLUMNS))
    rerun(at)
    assert match_count(at) == len(ALL_IDS) + 1  # the visitor's own event is not filtered out
    assert at.date_input(key="dates").value[0] == date(1985, 3, 3)
    assert "from" not in at.query_params
    at.date_input(key="dates").set_value((date(2000, 1, 1), date(2025, 9, 2)))  # a range the visitor chose…
    rerun(at)
    at.session_state["added_events"] = prepare(pd.DataFrame([older, {**older, "event_id": "second-older",
                                                                     "date_start": "1984-01-01"}],
                                                            columns=EVENT_COLUMNS))
    rerun(at)
    assert at.date_input(key="dates").value == (date(2000, 1, 1), date(2025, 9, 2))  # …stays as chosen
