"""The seed article end to end: as shipped, boilerplate included."""

import pytest

from newsline.events import extract_events
from newsline.ingest import load_file
from newsline.store import data_dir

SEED = data_dir() / "articles" / "elpais-2024-12-03-maduro-trump-security.json"


@pytest.fixture(scope="module")
def seed():
    article = load_file(SEED)[0]
    return article, extract_events(article)


def by_text(rows):
    return {r["date_text"]: r for r in rows}


@pytest.mark.parametrize(
    "date_text, value, granularity, resolution",
    [
        ("July 28", "2024-07-28", "day", "year-inferred"),
        ("In his first term as president", "2017-01-20/2021-01-20", "range", "actor-period"),
        ("In 2025", "2025", "year", "explicit"),
        ("in 2022 and 2023", "2022/2023", "range", "explicit"),
        ("in the last five years", "2019/2024", "range", "relative"),
        ("last Sunday", "2024-12-01", "day", "relative"),
        ("in the July elections", "2024-07", "month", "year-inferred"),
        ("on January 10, 2025", "2025-01-10", "day", "explicit"),
        ("in recent years", None, "unresolved", "unresolved"),
        ("days earlier", None, "unresolved", "unresolved"),
    ],
)
def test_every_dated_statement_resolves(seed, date_text, value, granularity, resolution):
    _, rows = seed
    row = by_text(rows)[date_text]
    assert (row["value"], row["granularity"], row["resolution"]) == (value, granularity, resolution)


def test_nothing_else_is_an_event(seed):
    _, rows = seed
    assert len(rows) == 10
    words = {r["date_text"].lower() for r in rows}
    assert not words & {"we", "tu", "a march", "second", "five years", "currently"}


def test_boilerplate_gives_no_event(seed):
    article, rows = seed
    assert article.body_end is not None
    assert article.text[article.body_end:].startswith("Sign up for our weekly newsletter")
    assert all(r["date_char_end"] <= article.body_end for r in rows)


def test_offsets_point_at_the_expression_and_its_sentence(seed):
    article, rows = seed
    for r in rows:
        assert article.text[r["date_char_start"]:r["date_char_end"]] == r["date_text"]
        assert article.text[r["sentence_char_start"]:r["sentence_char_end"]] == r["sentence"]
        assert r["sentence_char_start"] <= r["date_char_start"] < r["date_char_end"] <= r["sentence_char_end"]


def test_resolved_dates_cover_their_value(seed):
    _, rows = seed
    row = by_text(rows)["in the July elections"]
    assert (row["date_start"], row["date_end"]) == ("2024-07-01", "2024-07-31")
    row = by_text(rows)["days earlier"]
    assert row["date_start"] is None and row["date_end"] is None


def test_actors_are_canonical(seed):
    _, rows = seed
    found = set().union(*(r["actors"] for r in rows))
    assert {"Nicolás Maduro", "Donald Trump", "Juan Guaidó", "Diosdado Cabello",
            "Edmundo González Urrutia", "Venezuela"} <= found
    # "the real estate magnate" is Trump in the first-term sentence
    assert "Donald Trump" in by_text(rows)["In his first term as president"]["actors"]


def test_the_president_elect_is_trump(seed):
    article, _ = seed
    from newsline.actors import ActorMatcher
    from datetime import date

    assert "Donald Trump" in ActorMatcher.default().actors(
        "one of the main concerns of president-elect Donald Trump", on=date(2024, 12, 3))
    assert ActorMatcher.default().actors("the president-elect admires", on=date(2024, 12, 3)) == ["Donald Trump"]


def test_event_ids_are_stable(seed):
    article, rows = seed
    again = extract_events(load_file(SEED)[0])
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in again]
    assert len({r["event_id"] for r in rows}) == len(rows)


def test_topics_are_assigned(seed):
    _, rows = seed
    assert "elections" in by_text(rows)["in the July elections"]["topics"]
    assert "security-crime" in by_text(rows)["In 2025"]["topics"]
