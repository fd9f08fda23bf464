"""A bare saying that points back at the sentence before it tells that sentence's happening."""

import pytest

from newsline.events import extract_events
from newsline.model import Article


def dated(text: str, date_text: str, language: str = "es", published: str = "2024-11-20") -> dict:
    rows = [r for r in extract_events(Article("a", text, published=published, language=language))
            if r["date_text"] == date_text]
    assert len(rows) == 1, [r["date_text"] for r in extract_events(Article("a", text, published=published,
                                                                         language=language))]
    return rows[0]


LEAD = "Estados Unidos reconoce a Edmundo González como presidente electo de Venezuela."


def test_asi_lo_anuncio_tells_what_the_sentence_before_tells():
    text = LEAD + " Así lo anunció este martes el secretario de Estado, Antony Blinken, en la red social X."
    row = dated(text, "este martes")
    assert row["action"] == "recognition"
    assert row["action_text"] == "Así lo" == text[row["action_char_start"]:row["action_char_end"]]
    assert row["actors_source"] == ["United States", "Antony Blinken"]
    assert row["actors_target"] == ["Edmundo González Urrutia"]
    assert row["roles_rule"].startswith("anaphora: 'Así lo' stands for what the sentence before tells ('reconoce')")
    assert "Edmundo González" in row["headline"] and "Así lo" not in row["headline"]
    assert {"United States", "Edmundo González Urrutia", "Antony Blinken"} <= set(row["actors"])


@pytest.mark.parametrize("text, date_text, language, action", [
    ("La fiscal anunció una recompensa de 50 millones de dólares por Nicolás Maduro. Este anuncio fue realizado "
     "por la fiscal general Pam Bondi el pasado 7 de agosto, en un video.", "el pasado 7 de agosto", "es", "charge"),
    ("Barack Obama signed a law imposing sanctions on Venezuelan officials. The move comes just a day after "
     "Mercosur condemned the possibility of sanctions.", "just a day after", "en", "sanctions"),
])
def test_an_announcement_or_a_move_named_again_is_the_happening(text, date_text, language, action):
    assert dated(text, date_text, language, published="2025-08-10")["action"] == action


@pytest.mark.parametrize("text, date_text", [
    # another paragraph: the sentence before is not what it points at
    (LEAD + "\n\nAsí lo anunció este martes el secretario de Estado, Antony Blinken.", "este martes"),
    # "lo que" is what was said, not a pointer
    (LEAD + " Lo que dijo este martes Antony Blinken fue breve.", "este martes"),
    # the date stands in a clause of its own, far from "La decisión"
    (LEAD + " La decisión ocurre en medio de la crisis que el país atraviesa desde hace años, hoy miles protestan.", "hoy"),
])
def test_what_points_at_nothing_it_tells_is_left_as_it_is(text, date_text):
    assert dated(text, date_text)["action"] != "recognition"
