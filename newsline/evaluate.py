"""Score the extractor against hand-made gold, next to naive ``search_dates``.

Pairs predicted and gold events one-to-one by character overlap (largest first),
as the corpus README suggests, and reports detection, strict-span, value,
event and actor scores, with and without the gold's unresolved expressions.
"""

from __future__ import annotations

import json
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


from .ingest import load_file
from .model import Article
from .scores import prf, ratio


@dataclass
class Span:
    start: int
    end: int
    value: str | None
    actors: frozenset = frozenset()
    alts: tuple = ()
    roles: frozenset | None = None  # source ∪ target; None: the system codes no roles


@dataclass
class Scores:
    pred: int = 0  # expressions found
    gold: int = 0  # expressions in the gold
    #: "tp": actors both name, "pred": named, "gold": in the gold
    actors: Counter = field(default_factory=Counter)
    #: the same for the coded roles (source and target together) against the gold's actors
    roles: Counter = field(default_factory=Counter)
    matched: int = 0  # found expressions overlapping a gold one
    strict: int = 0  # ... with the very same span
    right: int = 0  # ... with the gold's value
    misses: list = field(default_factory=list)

    def add(self, other: "Scores") -> None:
        for name in ("pred", "gold", "matched", "strict", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.actors.update(other.actors)
        self.roles.update(other.roles)
        self.misses.extend(other.misses)

    def report(self) -> dict[str, float]:
        dp, dr, df = prf(self.matched, self.pred, self.gold)
        _, _, sf = prf(self.strict, self.pred, self.gold)
        _, _, ef = prf(self.right, self.pred, self.gold)
        _, _, af = prf(self.actors["tp"], self.actors["pred"], self.actors["gold"])
        _, _, rf = prf(self.roles["tp"], self.roles["pred"], self.roles["gold"])
        return {
            "detection P": dp, "detection R": dr, "detection F1": df, "strict F1": sf,
            "value accuracy": ratio(self.right, self.matched),
            "event F1": ef, "actor F1": af, "role F1 (source∪target)": rf,
        }


def score(pred: list[Span], gold: list[Span], label: str = "") -> Scores:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), Scores(pred=len(pred), gold=len(gold))
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = pred[i], gold[j]
        out.matched += 1
        out.strict += (p.start, p.end) == (g.start, g.end)
        right = p.value == g.value or (p.value is not None and p.value in g.alts)
        out.right += right
        if not right:
            out.misses.append((label, "wrong", g.start, g.value, p.value))
        out.actors.update(tp=len(p.actors & g.actors), pred=len(p.actors), gold=len(g.actors))
        roles = p.roles if p.roles is not None else frozenset()
        out.roles.update(tp=len(roles & g.actors), pred=len(roles), gold=len(g.actors))
    for j, g in enumerate(gold):
        if j not in used_g:
            out.misses.append((label, "missed", g.start, g.value, None))
    for i, p in enumerate(pred):
        if i not in used_p:
            out.misses.append((label, "spurious", p.start, None, p.value))
    return out


def gold_spans(path: Path) -> list[Span]:
    return [Span(e["start"], e["end"], e["date"], frozenset(e["actors"]), tuple(e.get("alt_dates", [])))
            for e in json.loads(path.read_text(encoding="utf-8"))]


def newsline_spans(article: Article) -> list[Span]:
    from .events import extract_events

    return [Span(r["date_char_start"], r["date_char_end"], r["value"], frozenset(r["actors"]),
                 roles=frozenset(r["actors_source"]) | frozenset(r["actors_target"]))
            for r in extract_events(article)]


def naive_spans(article: Article) -> list[Span]:
    """``search_dates`` as most people first call it: the whole text, relative to publication."""
    from dateparser.search import search_dates

    published = article.published
    base = datetime.combine(published.first, datetime.min.time()) if published and published.precision == "day" else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(article.text, settings={"RELATIVE_BASE": base} if base else None) or []
    spans, cursor = [], 0
    for fragment, when in found:
        at = article.text.find(fragment, cursor)
        if at < 0:
            at = article.text.find(fragment)
        if at < 0:
            continue
        cursor = at + len(fragment)
        spans.append(Span(at, at + len(fragment), when.date().isoformat()))
    return spans


def _without_unresolved(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.value is not None]


def evaluate(gold_dir: Path, articles_dir: Path, coding_folders=None) -> dict:
    """Scores for Newsline and the naive baseline, and the throughput of each; with
    ``coding_folders`` (where the coding sets' articles are), action and merge scores too."""
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        raise FileNotFoundError(f"{gold_dir}: no gold files (*.json)")
    systems = {"newsline": newsline_spans, "search_dates": naive_spans}
    results = {name: {"all": Scores(), "resolved": Scores(), "seconds": 0.0} for name in systems}
    first = load_file(Path(articles_dir) / gold_files[0].name)[0]
    for run in systems.values():
        run(first)  # load rules, models and caches before the clock starts, for both
    for gold_path in gold_files:
        article_path = Path(articles_dir) / gold_path.name
        article = load_file(article_path)[0]
        gold = gold_spans(gold_path)
        for name, run in systems.items():
            started = time.perf_counter()
            pred = run(article)
            results[name]["seconds"] += time.perf_counter() - started
            results[name]["all"].add(score(pred, gold, gold_path.stem))
            results[name]["resolved"].add(score(_without_unresolved(pred), _without_unresolved(gold), gold_path.stem))
    for name in systems:
        results[name]["articles_per_s"] = len(gold_files) / results[name]["seconds"]
    if coding_folders:
        from .evaluate_coding import evaluate_coding

        results["coding"] = evaluate_coding(coding_folders)
    results["articles"] = len(gold_files)
    results["gold_events"] = results["newsline"]["all"].gold
    return results


def format_report(results: dict) -> str:
    lines = [f"{results['articles']} articles, {results['gold_events']} gold events", ""]
    coding = results.get("coding")
    header = f"{'':24}{'newsline':>12}{'search_dates':>14}"
    for subset, title in (("all", "all gold events"), ("resolved", "without unresolved expressions")):
        lines += [f"-- {title}", header]
        ours, theirs = results["newsline"][subset].report(), results["search_dates"][subset].report()
        for key in ours:
            lines.append(f"{key:24}{ours[key]:>12.3f}{theirs[key]:>14.3f}")
        lines.append("")
    ours_rate, theirs_rate = results["newsline"]["articles_per_s"], results["search_dates"]["articles_per_s"]
    lines.append(f"{'throughput (articles/s)':24}{ours_rate:>12.1f}{theirs_rate:>14.1f}")
    lines.append(f"{'speed-up':24}{ours_rate / theirs_rate:>12.1f}x")
    if coding:
        from .evaluate_coding import format_coding

        lines += ["", format_coding(coding)]
    return "\n".join(lines)
