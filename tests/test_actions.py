"""The action taxonomy (data/actions.toml): every class's examples, inflections, the
choice between triggers, and the hand-annotated action sample."""

import pytest

from newsline.actions import OTHER, Taxonomy, classify
from newsline.evaluate_coding import DEFAULT_SET, load_set
from newsline.events import extract_events
from newsline.model import Article

TAXONOMY = Taxonomy.default()
EXAMPLES = [(cid, lang, text) for cid, c in TAXONOMY.classes.items() for lang, text in c.examples]


def test_the_taxonomy_has_the_classes_of_the_relationship():
    assert 15 <= len(TAXONOMY.classes) <= 20
    for c in TAXONOMY.classes.values():
        assert c.triggers["en"] and c.triggers["es"], c.id
        assert {lang for lang, _ in c.examples} == {"en", "es"}, f"{c.id}: an English and a Spanish example"


@pytest.mark.parametrize("action, language, text", EXAMPLES, ids=[f"{c}-{lang}" for c, lang, _ in EXAMPLES])
def test_every_example_is_coded_with_its_class(action, language, text):
    rows = extract_events(Article("example", text, published="2025-06-02", language=language))
    assert rows, f"{text!r}: an example names a date"
    assert rows[0]["action"] == action, f"{text!r}: {rows[0]['action']} by {rows[0]['action_text']!r}"


@pytest.mark.parametrize("language, text", [
    ("en", "The United States recognized Juan Guaidó."), ("en", "Canada recognises Juan Guaidó."),
    ("en", "Washington's recognition of Juan Guaidó came fast."), ("es", "Estados Unidos reconoció a Guaidó."),
    ("es", "Estados Unidos reconoce a Guaidó."), ("es", "Guaidó fue reconocido por Estados Unidos."),
])
def test_one_trigger_covers_its_inflections_in_both_languages(language, text):
    assert classify(text, language, None)[0] == "recognition"


def test_a_sentence_without_a_trigger_is_other():
    assert classify("The weather in Caracas was mild.", "en", None) == (OTHER, None)


def test_the_action_is_what_the_date_dates_not_who_reported_it():
    text = "Venezuela on Saturday freed seven Americans, U.S. officials said."
    at = text.index("on Saturday")
    assert classify(text, "en", (at, at + len("on Saturday")))[0] == "release"
    text = "The State Department said Sunday that it had expelled the consul."
    at = text.index("Sunday")
    assert classify(text, "en", (at, at + 6))[0] == "expulsion"


@pytest.mark.parametrize("text, date_text, action", [
    # Quoted words are what was said; the date outside the quotation dates the saying.
    ("“Nicolás Maduro has no authority to break diplomatic relations with the United States,” the State "
     "Department said on Wednesday.", "on Wednesday", "statement"),
    ("“Nicolás Maduro no tiene la autoridad para romper relaciones diplomáticas con Estados Unidos”, dijo "
     "el miércoles el Departamento de Estado.", "el miércoles", "statement"),
    # ...but a quoted warning is a warning, and a few quoted words are a term, not words said.
    ("“We have many options for Venezuela, including a possible military option,” Trump said on Friday.",
     "on Friday", "threat"),
    ("Joe Biden said on Wednesday that ten Americans were freed and “coming home.”", "on Wednesday", "release"),
])
def test_a_quotation_is_what_was_said(text, date_text, action):
    at = text.index(date_text)
    language = "es" if " dijo " in text else "en"
    assert classify(text, language, (at, at + len(date_text)))[0] == action


def test_names_and_dates_are_no_triggers():
    text = "In March, the President met the State Department's envoy."
    at = text.index("March")
    # "March" (a month) and "President"/"State" (names) would be protest, election and statement.
    assert classify(text, "en", (at, at + 5), masked=[(text.index("State"), text.index("State") + 16)])[0] == "meeting"


def test_the_hand_annotated_sample_is_large_and_bilingual():
    actions, _ = load_set(DEFAULT_SET)
    assert len(actions) >= 150
    ids = set(TAXONOMY.ids())
    assert {a["action"] for a in actions} <= ids
    spanish = {a["article"] for a in actions if any(w in a["quote"] for w in (" el ", " la ", " de ", "ó"))}
    assert len(spanish) >= 20
