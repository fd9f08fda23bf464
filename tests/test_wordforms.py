"""Search words match whole words in any case, accents and common English/Spanish form."""

import pytest

from newsline.wordforms import fold, matches, stem


@pytest.mark.parametrize("word, text", [
    ("Guaido", "Washington recognised Juan Guaidó as interim president"),
    ("guaidó", "GUAIDO spoke in Caracas"),
    ("recognise", "the United States recognized him"),
    ("recognized", "Britain recognises the government"),
    ("organisation", "the organization said"),
    ("sanctions", "Treasury sanctioned PDVSA"),
    ("deported", "deportation flights resumed"),
    ("elecciones", "tras la elección presidencial"),
    ("country", "both countries agreed"),
    ("U.S.", "the U.S. embassy"),
])
def test_word_forms_match(word, text):
    assert matches(word, text)


@pytest.mark.parametrize("word, text", [
    ("broke", "talks brokered by Norway"),  # a whole word, not a piece of one
    ("US", "the tanker used a false flag"),
    ("oil", "turmoil in Caracas"),
    ("Maduro", "premature"),
])
def test_no_match_inside_other_words(word, text):
    assert not matches(word, text)


def test_fold_and_stem():
    assert fold("Chávez Ñañez") == "chavez nanez"
    assert stem("recognized") == stem("recognize") == "recogniz"
    assert stem("elecciones") == stem("elección") == "eleccion"
