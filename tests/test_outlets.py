"""One outlet, one name: the About line's count and the Outlets filter don't split an outlet in three."""

from __future__ import annotations

import pandas as pd

from support.rows import event_row
from newsline.events import extract_events
from newsline.model import EVENT_COLUMNS, Article
from newsline.outlets import outlet_name
from newsline.query import EventStore
from newsline.store import events_path, read_events, write_events


def test_spellings_and_notes_of_one_outlet_give_one_name():
    for spelling in ("Reuters", "REUTERS", "reuters.com", "www.reuters.com", "Reuters (via swissinfo.ch)",
                     "Reuters, via swissinfo.ch", "Reuters (mirror on an AWS-hosted site)"):
        assert outlet_name(spelling) == "Reuters", spelling
    for spelling in ("AP", "apnews.com", "The Associated Press, via Bradenton Herald", "Associated Press (via WOKV)"):
        assert outlet_name(spelling) == "Associated Press", spelling
    assert outlet_name("Washington Post") == outlet_name("The Washington Post (Scott Wilson)") == "The Washington Post"
    assert outlet_name("UPI") == outlet_name("United Press International (UPI)") == "United Press International"


def test_a_place_tells_apart_papers_of_one_name_and_unknown_outlets_stay_as_written():
    assert outlet_name("La Nación (Costa Rica), AFP") == "La Nación (Costa Rica)"
    assert outlet_name("ABC (Madrid)") != outlet_name("ABC")
    assert outlet_name("Caracas Chronicles") == "Caracas Chronicles"
    assert outlet_name("Chicago Tribune (Gary Marx)") == "Chicago Tribune"  # a byline is not a place
    assert outlet_name("") == outlet_name(None) == "" and outlet_name("  (via nowhere) ") == ""


def test_extraction_writes_the_outlets_one_name():
    article = Article("a1", "Talks were held in Caracas on March 3, 2024, officials said.", source="REUTERS",
                      published="2024-03-05")
    assert {row["source"] for row in extract_events(article)} == {"Reuters"}


def test_the_about_count_and_the_outlet_list_count_outlets_not_spellings(tmp_path):
    rows = [event_row(f"a{i}", f"Talks were held on March {i + 1}, 2024 in Caracas.", f"March {i + 1}, 2024",
                      f"2024-03-{i + 1:02d}", f"2024-03-{i + 1:02d}", f"2024-03-{i + 1:02d}", "day",
                      source=outlet_name(raw))
            for i, raw in enumerate(["Reuters", "reuters.com", "REUTERS (via swissinfo.ch)", "El País"])]
    path = tmp_path / "events.parquet"
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    q = EventStore.open(path).query()
    assert q.about()["outlets"] == 2
    assert set(q.facets().outlets) == {"Reuters", "El País"}


def test_the_shipped_table_holds_one_name_per_outlet():
    sources = set(read_events(events_path())["source"].dropna())
    assert {outlet_name(s) for s in sources} == sources  # already normalised when built
    assert "Reuters (via swissinfo.ch)" not in sources and len(sources) < 130
