"""The extractor's standing on the held-out set (tests/data/heldout).

Eight articles written and annotated apart from the development corpus, following the same
annotation conventions (see the corpus README). The targets sit slightly under the
development targets; ``check_gold.py`` in the same folder checks the gold itself.
"""

import importlib.util
from pathlib import Path

import pytest

from newsline.evaluate import evaluate

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
HELDOUT_GOLD = HELDOUT / "gold"
HELDOUT_ARTICLES = HELDOUT / "articles"


@pytest.fixture(scope="module")
def results():
    return evaluate(HELDOUT_GOLD, HELDOUT_ARTICLES)


def test_gold_passes_its_checker():
    spec = importlib.util.spec_from_file_location("heldout_check_gold", HELDOUT / "check_gold.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    assert checker.main([]) == 0


def test_every_gold_file_has_its_article():
    gold = {p.name for p in HELDOUT_GOLD.glob("*.json")}
    assert len(gold) == 8
    assert gold == {p.name for p in HELDOUT_ARTICLES.glob("*.json")}


def test_event_f1_on_the_heldout_set(results):
    assert results["newsline"]["all"].report()["event F1"] >= 0.80


def test_detection_f1_on_the_heldout_set(results):
    assert results["newsline"]["all"].report()["detection F1"] >= 0.88
