"""An event's headline: a short clause in the sentence's own words, read from real news phrasing."""

import re

import pytest

from newsline.events import extract_events
from newsline.headline import HEADLINE_WORDS, MAX_WORDS
from newsline.model import Article


def headline_of(text: str, language: str = "en", date_text: str | None = None) -> str:
    rows = extract_events(Article("a", text, published="2019-01-24", language=language))
    assert rows, text
    row = next(r for r in rows if date_text is None or r["date_text"] == date_text)
    return row["headline"]


@pytest.mark.parametrize("text, language, expected", [
    # who acted first, a list between who acted and the verb left out, the named target kept
    ("The United States, Canada and major South American nations recognised the head of "
     "Venezuela's opposition-controlled legislature, Juan Guaidó, as the country's interim "
     "leader on Wednesday, leaving President Nicolás Maduro increasingly isolated.", "en",
     "United States recognised the head of Venezuela's opposition-controlled legislature, Juan Guaidó"),
    # the frame of reported speech around an action is left out
    ("The president later said on Truth Social that 11 people were killed in the strike on Tuesday.", "en",
     "11 people were killed in the strike"),
    # a relative clause's pronoun stands for the name before it
    ("Maduro has clung to power, and he is an ally of Russia, which last month sent two "
     "nuclear-capable bombers to the country.", "en",
     "Russia sent two nuclear-capable bombers to the country"),
    # a part that opens with its verb takes its subject from the short part before, not the aside
    ("The AP reported that Saab, 51, was released by U.S. authorities on Wednesday morning.", "en",
     "Saab was released by U.S. authorities"),
    # an opening phrase of dates is left out; a number's comma is no clause break
    ("Between last October and August of this year, Customs and Border Protection registered "
     "199,511 encounters with Venezuelan nationals.", "en",
     "Customs and Border Protection registered 199,511 encounters with Venezuelan nationals"),
    # a passive keeps its subject, and a verb of saying that is no frame ("declared the victor") stays
    ("On Sunday Maduro was declared the victor by a lopsided margin, in a vote in which the most "
     "popular opposition candidates had been barred.", "en",
     "Maduro was declared the victor by a lopsided margin"),
    # asides in brackets are left out
    ("Venezuelan President Nicolás Maduro (pictured) broke diplomatic relations with the United States "
     "on Wednesday.", "en",
     "Venezuelan President Nicolás Maduro broke diplomatic relations with the United States"),
    # Spanish: the date inside the clause is left out, with the word it leans on
    ("Estados Unidos reconoció este miércoles a Juan Guaidó como presidente interino de Venezuela.", "es",
     "Estados Unidos reconoció a Juan Guaidó como presidente interino de Venezuela"),
    # Spanish: a relative clause is left out, and a name is not cut in half at the word limit
    ("El presidente Nicolás Maduro, que gobierna desde 2013, rompió el miércoles las relaciones "
     "diplomáticas con Estados Unidos.", "es",
     "El presidente Nicolás Maduro rompió las relaciones diplomáticas con Estados Unidos"),
])
def test_a_headline_is_the_clause_that_says_what_happened(text, language, expected):
    assert headline_of(text, language) == expected


def test_a_date_that_names_something_stays_in_the_headline():
    headline = headline_of("Ortega cited the War of 1812 and the two world wars in his speech on Monday.",
                           date_text="1812")
    assert "War of 1812" in headline


def test_a_headline_never_holds_its_date_and_keeps_to_its_length():
    text = ("U.S. Secretary of State John Kerry and Venezuelan Foreign Minister Delcy Rodriguez agreed "
            "last week to re-start talks that had stalled over the expulsion of diplomats and the arrest "
            "of opposition leaders in Caracas.")
    words = headline_of(text).split()
    assert HEADLINE_WORDS <= len(words) <= MAX_WORDS
    assert "agreed" in words and "last" not in words and "week" not in words
    assert words[-1].lower() not in {"to", "the", "of", "and"}


def test_an_event_without_an_action_word_reads_its_date_s_clause():
    # No trigger: the clause the date stands in, without the date.
    headline = headline_of("It rained in Caracas on Tuesday.")
    assert headline == "It rained in Caracas"


def test_the_shipped_tables_headlines_are_short_and_hold_no_date_expression():
    import pandas as pd

    from newsline.store import events_path

    events = pd.read_parquet(events_path(), columns=["headline", "date_text", "sentence"])
    assert events["headline"].str.len().gt(0).all()
    assert events["headline"].str.split().str.len().le(MAX_WORDS).all()
    with_date = [h for h, d, s in zip(events["headline"], events["date_text"], events["sentence"])
                 if len(d) > 6 and d in h and not re.search(rf"\b(?:of|de|del) {re.escape(d)}", s)]
    assert with_date == []
