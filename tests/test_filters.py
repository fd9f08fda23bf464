"""Filters are one declarative list: SQL, links, sidebar and explanations all read FILTERS.

The language filter was added as one entry (plus no new widget kind: it is a choice like
tense); these tests check that its URL key, SQL and wording all come from that entry, and
that every filter survives a round trip through a link.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from support.rows import sample_rows
from support.page import run_page, shown_counts
from newsline.filters import (
    BY_NAME, FILTERS, Filters, event_conditions, explain_lines, link_pairs, read_link,
)
from newsline.model import EVENT_COLUMNS
from newsline.query import EventStore
from newsline.store import write_events

SPANISH = {"July 28", "the 1990s", "this week"}  # date texts of the sample rows made Spanish here


def mixed_rows() -> list[dict]:
    rows = sample_rows()
    for row in rows:
        if row["date_text"] in SPANISH:
            row["language"] = "es"
    return rows


@pytest.fixture
def mixed_table(tmp_path, monkeypatch):
    path = write_events(pd.DataFrame(mixed_rows(), columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    monkeypatch.setenv("NEWSLINE_EVENTS", str(path))
    return path


def test_the_language_filter_is_one_entry_whose_parts_all_come_from_it():
    spec = BY_NAME["language"]
    assert spec.keys == ("language",) and spec.fields == (("language", "all"),) and spec.widget == "choice"
    flt, problems = read_link({"language": ["Spanish"]}, {})
    assert flt == Filters(language="es") and problems == []
    assert link_pairs(flt) == [("language", "Spanish")]
    assert event_conditions(flt) == {"language": ("e.language = ?", ["es"])}
    assert explain_lines({"language": 3}, flt) == ["articles in Spanish: 3 events on its own"]
    _, problems = read_link({"language": ["Klingon"]}, {})
    assert problems == ["unknown language “Klingon”"]


def test_the_store_keeps_only_the_chosen_language(mixed_table):
    q = EventStore.open(mixed_table).query()
    spanish = q.events(Filters(language="es"))
    assert set(spanish["date_text"]) == SPANISH and set(spanish["language"]) == {"es"}
    assert len(q.events(Filters(language="en"))) == len(sample_rows()) - len(SPANISH)
    assert q.explain(Filters(language="es", tense="future")) == {"language": 3, "tense": 1}


def test_the_page_reads_the_language_from_its_link_and_draws_its_control(mixed_table):
    at = run_page({"language": "Spanish"})
    assert shown_counts(at)[0] == len(SPANISH)
    assert at.radio(key="language").value == "Spanish"
    at = run_page({"language": "English"})
    assert shown_counts(at)[0] == len(sample_rows()) - len(SPANISH)


def test_an_empty_result_names_the_language_in_the_entrys_words(mixed_table):
    at = run_page({"language": "Spanish", "tense": "Future"})
    assert shown_counts(at)[0] == 0
    explanation = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "articles in Spanish: 3 events on its own" in explanation


@pytest.mark.parametrize("flt", [
    Filters(),
    Filters(actors=("Chevron", "(no actor named)"), topics=("elections",), outlets=("Reuters", "CNN")),
    Filters(date_from=date(2001, 2, 3), date_to=date(2020, 1, 1), search="oil talks"),
    Filters(hide_year_only=True, hide_unresolved=True, tense="future", language="en", min_sources=3),
])
def test_every_filter_survives_a_round_trip_through_a_link(flt):
    params: dict[str, list[str]] = {}
    for key, value in link_pairs(flt):
        params.setdefault(key, []).append(value)
    options = {"actor": set(flt.actors), "topic": set(flt.topics), "outlet": set(flt.outlets)}
    assert read_link(params, options) == (flt, [])


def test_each_filter_owns_its_fields_and_keys_once():
    owned = [name for spec in FILTERS for name, _ in spec.fields]
    assert sorted(owned) == sorted(f for f in Filters.__dataclass_fields__)
    keys = [key for spec in FILTERS for key in spec.keys]
    assert len(keys) == len(set(keys))
    assert all(spec.words(Filters()) for spec in FILTERS)  # every filter can say what it does


def test_direction_and_action_travel_in_the_link_and_filter_the_events(tmp_path):
    import pandas as pd

    from support.rows import event_row
    from newsline.filters import Filters, link_pairs, read_link
    from newsline.model import EVENT_COLUMNS
    from newsline.query import EventStore
    from newsline.store import write_events

    def row(name, source, target, action):
        return event_row(name, f"{name} happened on March 3, 2025.", "March 3, 2025", "2025-03-03", "2025-03-03",
                         "2025-03-03", "day", actors=source + target, actors_source=source, actors_target=target,
                         action=action)

    rows = [row("a", ["Marco Rubio"], ["Nicolás Maduro"], "sanctions"),  # a minister counts for his state
            row("b", ["Venezuela"], ["United States"], "expulsion"),
            row("c", ["Canada"], ["Venezuela"], "sanctions")]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    q = EventStore.open(tmp_path / "events.parquet").query()

    def shown(flt):
        return set(q.events(flt)["article_id"])

    flt, problems = read_link({"direction": ["United States → Venezuela"], "action": ["sanctions"]}, {})
    assert not problems and flt == Filters(direction="us-ve", actions=("sanctions",))
    assert ("direction", "United States → Venezuela") in link_pairs(flt) and ("action", "sanctions") in link_pairs(flt)
    assert shown(flt) == {"a"}
    assert shown(Filters(direction="ve-us")) == {"b"}
    assert shown(Filters(direction="other")) == {"c"}
    assert shown(Filters(actions=("sanctions",))) == {"a", "c"}
    _, problems = read_link({"action": ["looting"]}, {})
    assert problems == ["unknown action “looting”"]
