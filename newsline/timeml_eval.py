"""Score TIMEX3 tagging against TimeML gold with TempEval-3's rules (Task A).

A system expression matches a gold one *strictly* when the spans are identical and
*relaxed* when they overlap. Precision counts system expressions that match some gold
one, recall gold expressions matched by some system one. Type and value are judged
on relaxed matches (each gold expression paired with the system one it overlaps
most): value F1 = value accuracy x relaxed F1. Everything is scored on all types
and on DATE alone (gold DATE expressions against system DATE expressions).

``dateparser.search.search_dates`` runs beside the tagger in the same process, with
the document's language and creation time given, and is scored the same way.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import timeml
from .errors import NewslineError
from .scores import f1, ratio


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    pairs: int = 0
    type_right: int = 0
    value_right: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self) -> dict[str, float]:
        sp, sr = ratio(self.strict_p, self.system), ratio(self.strict_r, self.gold)
        rp, rr = ratio(self.relaxed_p, self.system), ratio(self.relaxed_r, self.gold)
        type_acc, value_acc = ratio(self.type_right, self.pairs), ratio(self.value_right, self.pairs)
        return {
            "strict P": sp, "strict R": sr, "strict F1": f1(sp, sr),
            "relaxed P": rp, "relaxed R": rr, "relaxed F1": f1(rp, rr),
            "type accuracy": type_acc, "value accuracy": value_acc, "value F1": value_acc * f1(rp, rr),
        }


def score(system: list[Mark], gold: list[Mark], misses: list | None = None, label: str = "") -> Counts:
    out = Counts(system=len(system), gold=len(gold))

    def overlap(a: Mark, b: Mark) -> int:
        return min(a.end, b.end) - max(a.start, b.start)

    spans = {(g.start, g.end) for g in gold}
    out.strict_p = sum((s.start, s.end) in spans for s in system)
    out.strict_r = sum((g.start, g.end) in {(s.start, s.end) for s in system} for g in gold)
    out.relaxed_p = sum(any(overlap(s, g) > 0 for g in gold) for s in system)
    for g in gold:
        best = max(system, key=lambda s: overlap(s, g), default=None)
        if best is None or overlap(best, g) <= 0:
            if misses is not None:
                misses.append((label, "missed", g, None))
            continue
        out.relaxed_r += 1
        out.pairs += 1
        out.type_right += best.type == g.type
        out.value_right += best.value == g.value
        if misses is not None and (best.value != g.value or best.type != g.type or
                                   (best.start, best.end) != (g.start, g.end)):
            misses.append((label, "differs", g, best))
    if misses is not None:
        for s in system:
            if not any(overlap(s, g) > 0 for g in gold):
                misses.append((label, "spurious", None, s))
    return out


def newsline_marks(doc: timeml.Document, language: str) -> list[Mark]:
    return [Mark(t.start, t.end, t.type, t.value) for t in timeml.tag(doc, language)]


def search_dates_marks(doc: timeml.Document, language: str) -> list[Mark]:
    """``search_dates`` used fairly: the document's language and its creation time given."""
    from dateparser.search import search_dates

    base = datetime.combine(doc.dct.first, datetime.min.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(doc.text, languages=[language], settings={"RELATIVE_BASE": base}) or []
    marks, cursor = [], 0
    for fragment, when in found:
        at = doc.text.find(fragment, cursor)
        if at < 0:
            continue
        cursor = at + len(fragment)
        marks.append(Mark(at, at + len(fragment), "DATE", when.date().isoformat()))
    return marks


def _dates(marks: list[Mark]) -> list[Mark]:
    return [m for m in marks if m.type == "DATE"]


SYSTEMS = {"newsline": newsline_marks, "search_dates": search_dates_marks}


def evaluate(gold_dir: Path, language: str | None = None, system_dir: Path | None = None,
             with_baseline: bool = True, misses: list | None = None) -> dict:
    """Scores of Newsline (tagging in this run, or the files in ``system_dir``) and of
    ``search_dates`` on every .tml file in ``gold_dir``, with documents per second."""
    paths = sorted(Path(gold_dir).glob("*.tml"))
    if not paths:
        raise NewslineError(gold_dir, "no TimeML files (*.tml)")
    docs = [timeml.read(p) for p in paths]
    languages = [timeml.document_language(d, language) for d in docs]
    systems = dict(SYSTEMS) if with_baseline else {"newsline": newsline_marks}
    if system_dir is not None:
        systems["newsline"] = lambda doc, lang: _marks_from(Path(system_dir) / doc.name, doc)
    results = {name: {"all": Counts(), "DATE": Counts(), "seconds": 0.0} for name in systems}
    for run in systems.values():
        run(docs[0], languages[0])  # rules, models and caches load before the clock starts
    for doc, lang in zip(docs, languages):
        gold = [Mark(g.start, g.end, g.type, g.value) for g in doc.timexes]
        for name, run in systems.items():
            started = time.perf_counter()
            marks = run(doc, lang)
            results[name]["seconds"] += time.perf_counter() - started
            results[name]["all"].add(score(marks, gold, misses if name == "newsline" else None, doc.name))
            results[name]["DATE"].add(score(_dates(marks), _dates(gold)))
    for name in systems:
        results[name]["docs_per_s"] = len(docs) / max(results[name]["seconds"], 1e-9)
    results["documents"] = len(docs)
    results["gold"] = sum(len(d.timexes) for d in docs)
    return results


def _marks_from(path: Path, gold_doc: timeml.Document) -> list[Mark]:
    if not path.exists():
        raise NewslineError(path, "no system output for this gold document")
    doc = timeml.read(path)
    if doc.text != gold_doc.text:
        raise NewslineError(path, f"its <TEXT> differs from the gold document's ({gold_doc.path})")
    return [Mark(t.start, t.end, t.type, t.value) for t in doc.timexes]


def format_report(results: dict) -> str:
    names = [n for n in ("newsline", "search_dates") if n in results]
    lines = [f"{results['documents']} documents, {results['gold']} gold TIMEX3", ""]
    for subset, title in (("all", "all types"), ("DATE", "DATE alone")):
        lines.append(f"-- {title}")
        lines.append(f"{'':18}" + "".join(f"{n:>14}" for n in names))
        reports = [results[n][subset].report() for n in names]
        for key in reports[0]:
            lines.append(f"{key:18}" + "".join(f"{r[key]:>14.3f}" for r in reports))
        lines.append("")
    lines.append(f"{'documents/s':18}" + "".join(f"{results[n]['docs_per_s']:>14.1f}" for n in names))
    if len(names) == 2:
        lines.append(f"{'speed-up':18}{results['newsline']['docs_per_s'] / results['search_dates']['docs_per_s']:>14.1f}x")
    return "\n".join(lines)
