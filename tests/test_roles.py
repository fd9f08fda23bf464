"""Who did what to whom: roles from sentence structure and the rule that set them."""

import pytest

from newsline.events import extract_events
from newsline.model import Article


def coded(text: str, language: str = "en", published: str = "2019-01-24") -> dict:
    rows = extract_events(Article("a", text, published=published, language=language))
    assert rows, text
    return rows[0]


@pytest.mark.parametrize("text, language, action, source, target, rule", [
    ("The United States recognised Juan Guaidó as interim president on Wednesday.", "en",
     "recognition", ["United States"], ["Juan Guaidó"], "active"),
    ("Juan Guaidó was recognised by the United States on Wednesday.", "en",
     "recognition", ["United States"], ["Juan Guaidó"], "passive"),
    ("Guaidó fue reconocido por Estados Unidos el miércoles.", "es",
     "recognition", ["United States"], ["Juan Guaidó"], "passive"),
    ("Marco Rubio said that Venezuela freed two Americans on Wednesday.", "en",
     "release", ["Venezuela"], [], "reported"),
    ("Venezuela freed two Americans on Wednesday, Marco Rubio said.", "en",
     "release", ["Venezuela"], [], "reported"),
    ("El miércoles reconoció Estados Unidos a Edmundo González como presidente electo.", "es",
     "recognition", ["United States"], ["Edmundo González Urrutia"], "verb-first"),
])
def test_roles_follow_the_sentence_structure(text, language, action, source, target, rule):
    row = coded(text, language)
    assert row["action"] == action
    assert row["actors_source"] == source
    assert row["actors_target"] == target
    assert row["roles_rule"].startswith(rule), row["roles_rule"]
    assert "Marco Rubio" not in row["actors_source"] + row["actors_target"]  # he only speaks
    assert set(source + target) <= set(row["actors"])  # `actors` keeps everyone named


def test_the_trigger_and_its_offsets_point_into_the_article():
    text = "On Monday, Nicolás Maduro expelled three American diplomats."
    row = coded(text)
    assert row["action"] == "expulsion"
    assert text[row["action_char_start"]:row["action_char_end"]] == row["action_text"] == "expelled"


@pytest.mark.parametrize("text, action, source", [
    ("Mr. Donald Trump said Tuesday that the United States had struck the boat.", "military",
     ["United States", "Donald Trump"]),
    ("The United States struck a boat in the Caribbean, Pete Hegseth said on Tuesday.", "military",
     ["United States", "Pete Hegseth"]),
    ("Marco Rubio dijo el martes que Venezuela liberó a dos estadounidenses.", "release",
     ["Venezuela", "Marco Rubio"]),
])
def test_the_speaker_of_a_dated_saying_is_a_source_beside_who_acted(text, action, source):
    # The date stands with the verb of saying, so it dates the saying too: whoever made the dated
    # statement takes part in it (the corpus gold's convention); who did the deed comes first.
    row = coded(text, "es" if " dijo " in text else "en")
    assert row["action"] == action
    assert row["actors_source"] == source
    assert "speaker of the dated saying" in row["roles_rule"]


def test_a_statement_has_its_speaker_as_source():
    row = coded("Marco Rubio told reporters on Tuesday that he was worried about Venezuela.")
    assert row["action"] == "statement"
    assert row["actors_source"] == ["Marco Rubio"]
