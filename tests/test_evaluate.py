"""Scoring against gold, and the extractor's standing on the development corpus."""

import pytest

from support.corpus_paths import CORPUS_ARTICLES, CORPUS_GOLD
from newsline.evaluate import Span, evaluate, score


def test_pairs_by_largest_overlap_one_to_one():
    gold = [Span(0, 10, "2024"), Span(12, 20, "2024-07")]
    pred = [Span(0, 4, "2024"), Span(2, 10, "2023"), Span(12, 15, "2024-07"), Span(30, 35, "2020")]
    s = score(pred, gold)
    assert (s.matched, s.right, s.strict) == (2, 1, 0)  # (2,10) wins the first gold, with the wrong value
    assert [m[1] for m in s.misses].count("spurious") == 2


def test_alternative_dates_count_as_right():
    s = score([Span(0, 5, "2024-07-29/2024-08-02")], [Span(0, 5, "2024-07-29/2024-08-01", alts=("2024-07-29/2024-08-02",))])
    assert s.right == 1


def test_unresolved_matches_unresolved_only():
    assert score([Span(0, 5, None)], [Span(0, 5, None)]).right == 1
    assert score([Span(0, 5, "2024")], [Span(0, 5, None)]).right == 0


@pytest.fixture(scope="module")
def results():
    return evaluate(CORPUS_GOLD, CORPUS_ARTICLES)


def test_beats_the_targets_on_the_development_corpus(results):
    ours = results["newsline"]["all"].report()
    assert ours["event F1"] >= 0.85
    assert ours["detection F1"] >= 0.93


def test_beats_naive_search_dates(results):
    ours = results["newsline"]["all"].report()
    naive = results["search_dates"]["all"].report()
    assert ours["event F1"] > naive["event F1"] + 0.3
    assert ours["detection P"] > naive["detection P"]
