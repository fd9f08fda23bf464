"""Which actors an event carries: those its sentence names, and whom its pronouns mean."""

from newsline.events import extract_events
from newsline.model import Article


def events(text, published="2024-08-02"):
    return {r["date_text"]: r["actors"] for r in extract_events(Article("t", text, published=published))}


def test_pronouns_keep_the_person_the_story_is_about():
    text = ("María Corina Machado co-founded an NGO. In 2005, she traveled to Washington to meet George W. Bush. "
            "In 2014, she took a diplomatic post with Panama. She has since been banned from running.")
    got = events(text)
    assert "María Corina Machado" in got["In 2005"]
    assert "María Corina Machado" in got["In 2014"] and "George W. Bush" not in got["In 2014"]
    assert got["since"] == ["María Corina Machado"]


def test_plural_pronoun_takes_everyone_just_named():
    text = "Luke Denman and Airan Berry were arrested in 2020. They were sentenced that same year."
    assert set(events(text)["that same year"]) >= {"Luke Denman", "Airan Berry"}


def test_no_pronoun_no_guess():
    text = "Nicolás Maduro spoke in Caracas. The vote was held on July 28."
    assert events(text)["on July 28"] == []
