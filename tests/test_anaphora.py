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
    ("Barack Obama signed a law imposing sanctions on Venezuelan officials. The move, announced on Thursday, "
     "freezes their assets.", "on Thursday", "en", "sanctions"),
    # opening the next paragraph, it points at the one before
    ("El presidente aumentó a 50 millones de dólares la recompensa por Nicolás Maduro.\nEl anuncio, realizado el "
     "jueves por Pam Bondi, vino acompañado de acusaciones.", "el jueves", "es", "charge"),
    (LEAD + "\n\nAsí lo anunció este martes el secretario de Estado, Antony Blinken.", "este martes", "es",
     "recognition"),
    # a campaign it is part of ("como parte de una ofensiva") is no other happening it names
    ("Washington ha duplicado la recompensa por la captura de Nicolás Maduro.\n\nLa decisión fue anunciada el 7 de "
     "agosto por la administración, como parte de una renovada ofensiva contra el narcotráfico.", "el 7 de agosto",
     "es", "charge"),
    # the date in the pointing words themselves, and the pointing words as what was announced
    ("President Donald Trump said the US military struck another boat from Venezuela on Monday, killing three. "
     "Monday's development marks the second such incident in just two weeks.", "Monday's", "en", "military"),
    ("The United States doubled its reward for Nicolás Maduro to $50 million. US Attorney General Pam Bondi "
     "announced the decision on Thursday, August 7, 2025, in a video message.", "on Thursday, August 7, 2025", "en",
     "charge"),
    # names between the pointing words and the date do not count as words
    ("El monto ha sido elevado a 50 millones de dólares, duplicando la recompensa anterior. Este anuncio fue "
     "realizado por la fiscal general de EE.UU., Pam Bondi, el 7 de agosto de 2025.", "el 7 de agosto de 2025", "es",
     "charge"),
    ("The United States doubled its reward for Nicolás Maduro to $50 million. Attorney General Pam Bondi made "
     "the announcement on Thursday, August 7.", "on Thursday, August 7", "en", "charge"),
    ("The United States doubled its reward for Nicolás Maduro to $50 million. U.S. Attorney General Pam Bondi "
     "announced this today.", "today", "en", "charge"),
    # "Sucedió": what happened is what was just told
    ("Trump anunció un ataque contra una lancha con drogas en el Caribe. Sucedió hace sólo unos momentos.",
     "hace sólo unos momentos", "es", "military"),
    # a sentence of words said points at the first happening they tell, not at the saying
    ("“The US Military struck again today, taking out another drug boat from Venezuela,” Trump wrote. Monday’s "
     "development marks the second such incident in just two weeks.", "Monday’s", "en", "military"),
    # "la anterior": the one before, of the kind the sentence before tells
    ("Estados Unidos atacó este lunes una segunda lancha en el Caribe. La anterior ocurrió el pasado 2 de "
     "septiembre, cuando Trump anunció la muerte de once personas.", "el pasado 2 de septiembre", "es", "military"),
])
def test_an_announcement_or_a_move_named_again_is_the_happening(text, date_text, language, action):
    assert dated(text, date_text, language, published="2025-08-10")["action"] == action


def test_announced_this_wednesday_is_a_date_not_a_pointer():
    text = ("The government and the opposition signed an agreement in Barbados on Tuesday. The Treasury Department "
            "announced this Wednesday, 24 hours after the signing on the Caribbean island, the temporary lifting of "
            "several sanctions on the oil sector.")
    # "this" belongs to "Wednesday": the saying does not stand for the agreement told before it
    assert dated(text, "this Wednesday", "en", published="2023-10-19")["action"] != "agreement"


@pytest.mark.parametrize("text, date_text", [
    # another paragraph about another happening: "the announcement ... of a bounty" is not the recognition
    (LEAD + "\n\nEl anuncio, realizado este martes, supone un aumento de la recompensa.", "este martes"),
    # "a day after": the date is that of what came the day before, not of the move
    (LEAD + " La medida llega un día después de que la oposición protestara.", "un día después"),
    # "el hecho de que" is "the fact that", no happening pointed at
    (LEAD + " El hecho de que lo anunciara este martes Antony Blinken sorprendió.", "este martes"),
    # "lo que" is what was said, not a pointer
    (LEAD + " Lo que dijo este martes Antony Blinken fue breve.", "este martes"),
    # the date stands in a clause of its own, far from "La decisión"
    (LEAD + " La decisión ocurre en medio de la crisis que el país atraviesa desde hace años, hoy miles protestan.", "hoy"),
])
def test_what_points_at_nothing_it_tells_is_left_as_it_is(text, date_text):
    assert dated(text, date_text)["action"] != "recognition"


@pytest.mark.parametrize("text, date_text, language, source", [
    ("The Trump administration offered a $15 million reward for Maduro's arrest in 2020. Former President Joe Biden "
     "later raised that amount to $25 million before leaving office earlier this year.", "earlier this year", "en",
     ["Joe Biden"]),
    ("Trump ofreció 15 millones de dólares de recompensa por Maduro en 2020. El expresidente Joe Biden la aumentó a "
     "US$ 25 millones antes de dejar el cargo a principios de este año.", "a principios de este año", "es",
     ["Joe Biden"]),
])
def test_a_sum_right_after_a_reward_goes_on_telling_the_reward(text, date_text, language, source):
    row = dated(text, date_text, language, published="2025-08-08")
    assert row["action"] == "charge"
    assert row["action_text"] in ("$25 million", "US$ 25 millones")
    assert row["actors_source"] == source
    assert row["roles_rule"].startswith("sum:")


def test_a_sum_after_a_sentence_of_another_kind_is_not_a_reward():
    text = ("The United States imposed sanctions on the state oil company in 2019. Exports later fell to "
            "$25 million a month early this year.")
    assert dated(text, "this year", "en", published="2025-08-08")["action"] != "charge"
