"""Check the held-out gold against its articles (standard library only).

    python3 tests/data/heldout/check_gold.py [--sweep]

For every ``gold/<slug>.json`` there must be ``articles/<slug>.json``. Checks:

- article: the corpus keys are present, ``published`` is ``YYYY-MM-DD``, paragraphs are
  separated by exactly one blank line, 250-450 words and 4-8 paragraphs, ``words`` and
  ``paragraphs`` agree with ``text``;
- each event: ``text[start:end] == date_text``; ``sentence`` occurs exactly once in ``text``
  and contains the span; ``date`` and every ``alt_date`` match ``granularity`` (a range is
  ``START/END`` with START <= END, ends compared at the precision of the coarser end);
  ``relative-unresolved`` has ``date: null`` and no alternatives; actors are a list of strings;
- per article: events sorted by ``start`` and no two events overlap.

``--sweep`` also prints date-like words that no event covers, for a reviewer to confirm that
each one is a deliberate exclusion (it never fails).

Exit status is 1 when any check fails.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

ARTICLE_KEYS = ("url", "title", "source", "published", "language", "text")
EVENT_KEYS = ("sentence", "date_text", "date", "granularity", "actors", "start", "end")
OPTIONAL_EVENT_KEYS = ("alt_dates", "note")
GRANULARITIES = ("day", "month", "year", "range", "relative-unresolved")

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
YEAR = re.compile(r"\d{4}")

DATE_LIKE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday|tomorrow|tonight|week|weekend|month|months|year|years|decade|quarter"
    r"|summer|winter|spring|autumn|fall|ago|since|until|later|earlier|recent|recently|coming|following"
    r"|during|former|then|once|now|overnight|morning|afternoon|evening|night|minutes|hours|days"
    r"|\d{4}s?|\d{1,2}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def _point(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) with 0 for missing parts, or None if not a valid day/month/year."""
    try:
        if DAY.fullmatch(value):
            d = date.fromisoformat(value)
            return (d.year, d.month, d.day)
        if MONTH.fullmatch(value):
            y, m = map(int, value.split("-"))
            return (y, m, 0) if 1 <= m <= 12 else None
        if YEAR.fullmatch(value):
            return (int(value), 0, 0)
    except ValueError:
        return None
    return None


def check_value(value, granularity: str) -> str | None:
    """Why ``value`` does not fit ``granularity``, or None when it does."""
    if granularity == "relative-unresolved":
        return None if value is None else "relative-unresolved needs date null"
    if not isinstance(value, str):
        return f"{granularity} needs a string date"
    if granularity == "day":
        return None if DAY.fullmatch(value) and _point(value) else f"not a day: {value!r}"
    if granularity == "month":
        return None if MONTH.fullmatch(value) and _point(value) else f"not a month: {value!r}"
    if granularity == "year":
        return None if YEAR.fullmatch(value) else f"not a year: {value!r}"
    if granularity == "range":
        parts = value.split("/")
        if len(parts) != 2:
            return f"range needs START/END: {value!r}"
        a, b = (_point(p) for p in parts)
        if a is None or b is None:
            return f"range ends must be day, month or year: {value!r}"
        # compare at the precision of the coarser end
        depth = min(3 - a.count(0), 3 - b.count(0))
        if a[:depth] > b[:depth]:
            return f"range START after END: {value!r}"
        return None
    return f"unknown granularity {granularity!r}"


def check_article(slug: str, art: dict) -> list[str]:
    problems = []
    for key in ARTICLE_KEYS:
        if key not in art:
            problems.append(f"{slug}: article lacks {key!r}")
    text = art.get("text", "")
    if not DAY.fullmatch(str(art.get("published"))) or _point(str(art.get("published"))) is None:
        problems.append(f"{slug}: published is not YYYY-MM-DD")
    if art.get("language") != "en":
        problems.append(f"{slug}: language is not 'en'")
    paragraphs = text.split("\n\n")
    if "\n\n\n" in text or any("\n" in p for p in paragraphs) or any(not p.strip() or p != p.strip() for p in paragraphs):
        problems.append(f"{slug}: paragraphs must be separated by exactly one blank line")
    words = len(text.split())
    if not 250 <= words <= 450:
        problems.append(f"{slug}: {words} words (want 250-450)")
    if not 4 <= len(paragraphs) <= 8:
        problems.append(f"{slug}: {len(paragraphs)} paragraphs (want 4-8)")
    if "words" in art and art["words"] != words:
        problems.append(f"{slug}: 'words' says {art['words']}, text has {words}")
    if "paragraphs" in art and art["paragraphs"] != len(paragraphs):
        problems.append(f"{slug}: 'paragraphs' says {art['paragraphs']}, text has {len(paragraphs)}")
    return problems


def check_events(slug: str, text: str, events: list) -> list[str]:
    problems = []
    if not isinstance(events, list):
        return [f"{slug}: gold must be a JSON list"]
    previous_end, previous_start = -1, -1
    for i, ev in enumerate(events):
        where = f"{slug} #{i} {ev.get('date_text')!r}"
        missing = [k for k in EVENT_KEYS if k not in ev]
        if missing:
            problems.append(f"{where}: lacks {missing}")
            continue
        extra = set(ev) - set(EVENT_KEYS) - set(OPTIONAL_EVENT_KEYS)
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        start, end = ev["start"], ev["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: bad offsets {start}-{end}")
            continue
        if text[start:end] != ev["date_text"]:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}")
        sentence = ev["sentence"]
        count = text.count(sentence)
        if count != 1:
            problems.append(f"{where}: sentence occurs {count} times in the text")
        else:
            s_start = text.index(sentence)
            if not (s_start <= start and end <= s_start + len(sentence)):
                problems.append(f"{where}: span lies outside its sentence")
        if ev["granularity"] not in GRANULARITIES:
            problems.append(f"{where}: unknown granularity {ev['granularity']!r}")
        why = check_value(ev["date"], ev["granularity"])
        if why:
            problems.append(f"{where}: {why}")
        alts = ev.get("alt_dates", [])
        if ev["granularity"] == "relative-unresolved" and alts:
            problems.append(f"{where}: relative-unresolved takes no alt_dates")
        for alt in alts:
            why = check_value(alt, ev["granularity"])
            if why:
                problems.append(f"{where}: alt_date {why}")
            if alt == ev["date"]:
                problems.append(f"{where}: alt_date repeats date")
        if not (isinstance(ev["actors"], list) and all(isinstance(a, str) and a for a in ev["actors"])):
            problems.append(f"{where}: actors must be a list of names")
        elif len(set(ev["actors"])) != len(ev["actors"]):
            problems.append(f"{where}: duplicate actors")
        if start < previous_start:
            problems.append(f"{where}: events are not in text order")
        if start < previous_end:
            problems.append(f"{where}: overlaps the previous event")
        previous_start, previous_end = start, max(previous_end, end)
    return problems


def sweep(slug: str, text: str, events: list) -> list[str]:
    covered = [(e["start"], e["end"]) for e in events]
    out = []
    for m in DATE_LIKE.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            left = text[max(0, m.start() - 30):m.start()].replace("\n", " ")
            right = text[m.end():m.end() + 30].replace("\n", " ")
            out.append(f"{slug} @{m.start()}: …{left}[{m.group()}]{right}…")
    return out


def main(argv: list[str]) -> int:
    gold_files = sorted(GOLD.glob("*.json"))
    problems: list[str] = []
    if not gold_files:
        problems.append(f"{GOLD}: no gold files")
    article_slugs = {p.stem for p in ARTICLES.glob("*.json")}
    for slug in sorted(article_slugs - {p.stem for p in gold_files}):
        problems.append(f"{slug}: article without gold")
    total = 0
    uncovered: list[str] = []
    for gold_path in gold_files:
        slug = gold_path.stem
        article_path = ARTICLES / gold_path.name
        if not article_path.exists():
            problems.append(f"{slug}: no article file")
            continue
        art = json.loads(article_path.read_text(encoding="utf-8"))
        events = json.loads(gold_path.read_text(encoding="utf-8"))
        problems += check_article(slug, art)
        problems += check_events(slug, art.get("text", ""), events)
        total += len(events) if isinstance(events, list) else 0
        if "--sweep" in argv and isinstance(events, list):
            uncovered += sweep(slug, art.get("text", ""), events)
    for line in uncovered:
        print("uncovered:", line)
    for line in problems:
        print("PROBLEM:", line)
    print(f"{len(gold_files)} gold files, {total} events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
