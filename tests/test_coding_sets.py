"""The hand-annotated event coding sets (tests/data/events): the held-out clusters are fresh
facts, every annotated event is found by the extractor, and the scorer reports both sets."""

import json

import pytest

from support.corpus_paths import ARCHIVE_ARTICLES, CORPUS_ARTICLES
from newsline.ingest import article_file
from newsline.evaluate_coding import DEFAULT_SET, HELDOUT, evaluate_coding, format_coding, load_facts

DEV = load_facts(DEFAULT_SET / "facts_dev.toml")
HELD = load_facts(DEFAULT_SET / HELDOUT)


def _refs(facts):
    return [m for c in facts["cluster"] for m in c["members"]] + [
        x for lk in facts["lookalike"] for x in (lk["a"], lk["b"])]


def test_the_held_out_clusters_are_facts_the_development_set_does_not_hold():
    dev_events = {(m[0], m[1]) for m in _refs(DEV)}
    for c in HELD["cluster"]:
        articles = [m[0] for m in c["members"]]
        assert len(set(articles)) == len(articles) >= 2, c["id"]
        assert not {(m[0], m[1]) for m in c["members"]} & dev_events, c["id"]
    assert not {c["id"] for c in HELD["cluster"]} & {c["id"] for c in DEV["cluster"]}


@pytest.mark.skipif(not ARCHIVE_ARTICLES.is_dir(), reason="the archive belongs in shared/ beside the repository")
def test_the_scorer_finds_every_annotated_event_and_reports_both_sets():
    scores = evaluate_coding([CORPUS_ARTICLES, ARCHIVE_ARTICLES])
    assert scores["members_missing"] == 0
    held = scores["heldout"]
    assert held["members_missing"] == 0
    assert held["gold_pairs"] == sum(len(c["members"]) * (len(c["members"]) - 1) // 2 for c in HELD["cluster"])
    assert held["lookalikes"] == len(HELD["lookalike"])
    languages = {json.loads(p.read_text(encoding="utf-8")).get("language", "en")
                 for p in (ARCHIVE_ARTICLES / article_file(m[0]) for m in _refs(HELD)) if p.exists()}
    assert languages == {"en", "es"}
    report = format_coding(scores)
    assert "held-out clusters" in report and "fact pair recall" in report
