"""`newsline query` answers what the dashboard shows for the same link."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pytest

from support.page import drawn_fact_ids, run_page, shown_counts, table_event_ids
from newsline.cli import main

LINKS = [
    {},
    {"actor": "Donald Trump"},
    {"topic": "military", "min_sources": "2"},
    {"from": "2020-01-01", "to": "2025-06-30"},
    {"q": "Caracas"},
    {"tense": "Future", "hide_year": "true"},
    {"hide_unresolved": "true", "outlet": "CBS News"},
    {"actor": "Nobody", "topic": "aliens", "tense": "someday"},  # ignored, as the page ignores them
    {"from": "1066-10-14", "to": "9999-12-31"},
    {"language": "English", "min_sources": "3"},
]


def cli(capsys, *words: str) -> tuple[str, str]:
    assert main(["query", *words]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


@pytest.mark.parametrize("link", LINKS, ids=[urlencode(link) or "none" for link in LINKS])
def test_query_prints_the_events_and_facts_the_page_shows(facts_store, capsys, link):
    events_path, _, _ = facts_store
    at = run_page(link)
    events, facts = shown_counts(at)
    url = "http://localhost:8501/?" + urlencode(link)
    out, _ = cli(capsys, str(events_path), url, "--format", "json")
    rows = json.loads(out)
    assert len(rows) == events
    assert [r["event_id"] for r in rows] == table_event_ids(at)
    out, _ = cli(capsys, str(events_path), *(f"{k}={v}" for k, v in link.items()), "--facts", "--format", "jsonl")
    shown = [json.loads(line) for line in out.splitlines()]
    assert len(shown) == facts
    assert {f["fact_id"] for f in shown if f["placed"]} == drawn_fact_ids(at)


def test_query_reads_the_table_the_page_reads_and_says_what_it_ignored(facts_store, capsys):
    out, err = cli(capsys, "actor=Nobody", "actor=Donald Trump", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("Donald Trump" in r["actors"].split("; ") for r in rows)
    assert "ignored: unknown actor “Nobody”" in err
    out, _ = cli(capsys, "--facts")
    assert err and out.count("\n") == shown_counts(run_page())[1]


def test_show_is_query_without_filters(facts_store, capsys):
    assert main(["show"]) == 0
    shown = capsys.readouterr()
    out, err = cli(capsys)
    assert (shown.out, shown.err) == (out, err)
    assert err.strip() == f"{shown_counts(run_page())[0]} events"


def test_query_reports_a_bad_table_in_one_line(tmp_path, capsys):
    assert main(["query", str(tmp_path / "none.parquet"), "q=oil"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "no event table here" in line
