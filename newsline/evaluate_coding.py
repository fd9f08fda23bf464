"""Score action classes and fact merging against the hand-annotated sets in ``tests/data/events``.

An annotated event is named by its article id, its date expression as written and a few
words of its sentence; it is looked up among the events Newsline extracts from that
article. Merging is scored over the annotated events only: a predicted pair is two of
them in one fact; every look-alike pair must end in two facts.
"""

from __future__ import annotations

import csv
import tomllib
from itertools import combinations
from pathlib import Path

import pandas as pd

from .errors import NewslineError

#: The hand-annotated sets shipped with the repository's tests.
DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "events"


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


#: Clusters annotated after the development set was tuned on, and kept out of tuning.
HELDOUT = "facts_heldout.toml"


def load_set(folder: Path) -> tuple[list[dict], dict]:
    folder = Path(folder)
    try:
        with open(folder / "actions_sample.tsv", encoding="utf-8") as handle:
            actions = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise NewslineError(folder, f"cannot read the event coding sets: {exc}") from None
    return actions, load_facts(folder / "facts_dev.toml")


def load_facts(path: Path) -> dict:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise NewslineError(path, f"cannot read the same-fact clusters: {exc}") from None


def _refs(actions: list[dict], *fact_sets: dict) -> set[str]:
    arts = {a["article"] for a in actions}
    for facts in fact_sets:
        arts |= {m[0] for c in facts.get("cluster", []) for m in c["members"]}
        arts |= {x[0] for lk in facts.get("lookalike", []) for x in (lk["a"], lk["b"])}
    return arts


def extract_articles(article_ids, folders) -> pd.DataFrame:
    """The event table of the named articles, found by id in ``folders``: the id's path, relative
    to one of the folders, with the bytes the id was made from."""
    from .events import extract_events
    from .ingest import article_file, load_file
    from .store import to_frame

    rows = []
    for aid in sorted(article_ids):
        rel = article_file(aid)
        path = next((Path(f) / rel for f in folders if (Path(f) / rel).is_file()), None)
        if path is None:
            raise NewslineError(aid, "article of the coding set not found in " + ", ".join(map(str, folders)))
        articles = load_file(path, rel=rel)
        if aid not in {a.article_id for a in articles}:
            raise NewslineError(path, f"is not the text the coding set was annotated on ({aid}); its content changed")
        for article in articles:
            rows += extract_events(article)
    return to_frame(rows)


def resolve(frame: pd.DataFrame, article: str, date_text: str, quote: str):
    """The row index of the annotated event, or None when the extractor does not find it."""
    hits = frame.index[(frame["article_id"] == article) & (frame["date_text"] == date_text)
                       & frame["sentence"].map(lambda s: _norm(quote) in _norm(s or ""))]
    return hits[0] if len(hits) else None


def evaluate_coding(folders, coding_set: Path = DEFAULT_SET, frame: pd.DataFrame | None = None) -> dict:
    from .merge import merge_events

    actions, facts = load_set(coding_set)
    heldout = load_facts(coding_set / HELDOUT) if (coding_set / HELDOUT).exists() else None
    if frame is None:
        frame = extract_articles(_refs(actions, facts, *([heldout] if heldout else [])), folders)
    frame = frame.reset_index(drop=True)
    right = total = unresolved = 0
    by_class: dict[str, list[int]] = {}
    for a in actions:
        i = resolve(frame, a["article"], a["date_text"], a["quote"])
        if i is None:
            unresolved += 1
            continue
        total += 1
        ok = frame.at[i, "action"] == a["action"]
        right += ok
        by_class.setdefault(a["action"], [0, 0])
        by_class[a["action"]][0] += ok
        by_class[a["action"]][1] += 1

    fact_of = {}
    for fact in merge_events(frame).itertuples():
        for eid in fact.member_event_ids:
            fact_of[eid] = fact.fact_id
    return {
        "action_accuracy": right / total if total else 0.0, "action_events": total,
        "action_unresolved": unresolved, "by_class": by_class,
        **merge_scores(frame, facts, fact_of),
        "heldout": merge_scores(frame, heldout, fact_of) if heldout else None,
    }


def merge_scores(frame: pd.DataFrame, facts: dict, fact_of: dict) -> dict:
    """Pair precision and recall of the fact table (``fact_of``: event id -> fact id) over the
    annotated events of ``facts``, and which look-alike pairs were joined."""
    ids = frame["event_id"]

    def event(ref):
        i = resolve(frame, *ref)
        return None if i is None else ids[i]

    gold_pairs, annotated, missing = set(), set(), 0
    for c in facts.get("cluster", []):
        members = [e for e in (event(m) for m in c["members"]) if e]
        missing += len(c["members"]) - len(members)
        annotated |= set(members)
        gold_pairs |= {frozenset(p) for p in combinations(members, 2)}
    apart = []
    for lk in facts.get("lookalike", []):
        a, b = event(lk["a"]), event(lk["b"])
        if a and b:
            annotated |= {a, b}
            apart.append((lk["why"], fact_of.get(a) != fact_of.get(b)))
    pred_pairs = {frozenset(p) for p in combinations(sorted(annotated), 2)
                  if fact_of.get(p[0]) is not None and fact_of.get(p[0]) == fact_of.get(p[1])}
    tp = len(pred_pairs & gold_pairs)
    return {
        "pair_precision": tp / len(pred_pairs) if pred_pairs else 1.0,
        "pair_recall": tp / len(gold_pairs) if gold_pairs else 0.0,
        "gold_pairs": len(gold_pairs), "pred_pairs": len(pred_pairs),
        "clusters": len(facts.get("cluster", [])), "members_missing": missing,
        "lookalikes_apart": sum(ok for _, ok in apart), "lookalikes": len(apart),
        "lookalikes_joined": [why for why, ok in apart if not ok],
    }


def format_coding(c: dict) -> str:
    lines = [
        "-- event coding (hand-annotated development sets, tests/data/events)",
        f"{'action accuracy':32}{c['action_accuracy']:>8.3f}  ({c['action_events']} events"
        + (f", {c['action_unresolved']} not extracted" if c["action_unresolved"] else "") + ")",
        f"{'fact pair precision':32}{c['pair_precision']:>8.3f}  ({c['pred_pairs']} pairs joined)",
        f"{'fact pair recall':32}{c['pair_recall']:>8.3f}  ({c['gold_pairs']} pairs in {c['clusters']} facts)",
        f"{'look-alike pairs kept apart':32}{c['lookalikes_apart']:>4}/{c['lookalikes']}",
    ]
    lines += [f"  joined: {why}" for why in c["lookalikes_joined"]]
    h = c.get("heldout")
    if h:
        lines += [
            f"held-out clusters ({HELDOUT}, not tuned on)",
            f"{'  fact pair precision':32}{h['pair_precision']:>8.3f}  ({h['pred_pairs']} pairs joined)",
            f"{'  fact pair recall':32}{h['pair_recall']:>8.3f}  ({h['gold_pairs']} pairs in {h['clusters']} facts)"
            + (f", {h['members_missing']} events not extracted" if h["members_missing"] else ""),
            f"{'  look-alike pairs kept apart':32}{h['lookalikes_apart']:>4}/{h['lookalikes']}",
        ]
        lines += [f"    joined: {why}" for why in h["lookalikes_joined"]]
    return "\n".join(lines)
