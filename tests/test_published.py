"""The publication date is parsed once, where it enters, and travels on the article."""

import json
import pickle
from datetime import date

import pytest

from newsline.errors import NewslineError
from newsline.events import extract_events, tagger_for
from newsline.ingest import load_bytes
from newsline.model import Article
from newsline.published import Published, normalise_published


def _json(**fields) -> bytes:
    return json.dumps({"title": "Talks", "text": "The talks resumed on Monday.", **fields}).encode()


@pytest.mark.parametrize(
    "data, given, text, first, precision",
    [
        (_json(published="2024-03-05"), None, "2024-03-05", date(2024, 3, 5), "day"),
        (_json(published="2024-03-05T23:30:00-05:00"), None, "2024-03-05", date(2024, 3, 5), "day"),
        (_json(published="２０２４-０３"), None, "2024-03", date(2024, 3, 1), "month"),
        (_json(published_inferred="2019"), None, "2019", date(2019, 1, 1), "year"),
        (_json(url="https://x.example/2024/12/03/story/"), None, "2024-12-03", date(2024, 12, 3), "day"),
        (_json(published="2022-03-09"), "2019-05", "2019-05", date(2019, 5, 1), "month"),
    ],
    ids=["day", "datetime", "full-width month", "inferred year", "from the url", "given overrides"],
)
def test_every_way_in_gives_an_article_that_knows_its_day_and_precision(data, given, text, first, precision):
    [article] = load_bytes("a.json", data, given)
    assert article.published == text
    assert isinstance(article.published, Published)
    assert (article.published.first, article.published.precision) == (first, precision)


def test_a_parsed_date_is_not_parsed_again():
    value = normalise_published("2024-03-05T10:00:00Z", "--published")
    assert normalise_published(value, "elsewhere") is value
    assert Article("a", "text", published=value).published is value


def test_an_article_made_with_a_string_date_parses_it_and_refuses_a_bad_one():
    assert Article("a", "text", published="2024-03").published.precision == "month"
    with pytest.raises(NewslineError, match=r"^story\.txt: malformed publication date '2024-02-30'"):
        Article("a", "text", published="2024-02-30", path="story.txt")


def test_the_date_survives_the_trip_to_a_worker_process():
    value = normalise_published("2024-03")
    back = pickle.loads(pickle.dumps(Article("a", "text", published=value)))
    assert back.published == "2024-03"
    assert (back.published.first, back.published.precision) == (date(2024, 3, 1), "month")


def test_the_tagger_resolves_against_the_articles_date():
    text = "The talks resumed on Monday and end next month."
    article = Article("a", text, published="2024-03-07")
    rows = extract_events(article)
    assert [(r["date_text"], r["value"]) for r in rows] == [("on Monday", "2024-03-04"), ("next month", "2024-04")]
    assert {r["published"] for r in rows} == {"2024-03-07"}
    # The tagger given the article's date and given the same date as text agree.
    by_value = [(t.text, t.value) for t in tagger_for("en").tag(text, article.published)]
    assert by_value == [(t.text, t.value) for t in tagger_for("en").tag(text, "2024-03-07")]


def test_a_year_only_date_is_too_coarse_to_place_a_weekday():
    [row] = extract_events(Article("a", "The talks resumed on Monday.", published="2024"))
    assert (row["value"], row["resolution"]) == (None, "unresolved")
