"""Syndication: articles that are reprints of one story.

Articles with the same headline, or whose dated sentences read the same (rapidfuzz ``ratio``
at least ``SYNDICATION_RATIO`` on their first ``SYNDICATION_CHARS`` characters), are one story;
their events may join a fact, but they count as one source.
"""

from __future__ import annotations

import hashlib

import pandas as pd
from rapidfuzz import fuzz

from .wording import WORD, fold

SYNDICATION_RATIO = 90.0
SYNDICATION_CHARS = 500
SYNDICATION_MIN_CHARS = 80  # shorter signatures say too little to call two articles one story


def _title_key(title: object) -> str | None:
    if not isinstance(title, str):
        return None
    words = WORD.findall(fold(title))
    return " ".join(words) if len(words) >= 4 else None


def syndication_groups(frame: pd.DataFrame) -> dict[str, str]:
    """Article id -> id of its syndication group (the first article of the group, by id).

    Candidates share a headline or at least one dated sentence word for word; they
    are one story when the headlines match or the first ``SYNDICATION_CHARS``
    characters of their dated sentences (in text order) reach ``SYNDICATION_RATIO``.
    """
    if frame.empty:
        return {}
    ordered = frame.sort_values(["article_id", "sentence_char_start"], kind="stable")
    signature: dict[str, str] = {}
    titles: dict[str, str | None] = {}
    by_sentence: dict[str, set[str]] = {}
    for article, rows in ordered.groupby("article_id", sort=True):
        sentences = list(dict.fromkeys(s for s in rows["sentence"] if isinstance(s, str)))
        signature[article] = " ".join(" ".join(fold(s).split()) for s in sentences)
        titles[article] = _title_key(rows["title"].iloc[0])
        for s in sentences:
            key = hashlib.sha1(" ".join(fold(s).split()).encode()).hexdigest()
            by_sentence.setdefault(key, set()).add(article)
    parent = {a: a for a in signature}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_title: dict[str, list[str]] = {}
    for article, key in titles.items():
        if key:
            by_title.setdefault(key, []).append(article)
    for same in by_title.values():
        for other in same[1:]:
            union(same[0], other)
    checked = set()
    for articles in by_sentence.values():
        ranked = sorted(articles)
        for x in range(len(ranked)):
            for y in range(x + 1, len(ranked)):
                a, b = ranked[x], ranked[y]
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                sa, sb = signature[a][:SYNDICATION_CHARS], signature[b][:SYNDICATION_CHARS]
                if min(len(sa), len(sb)) >= SYNDICATION_MIN_CHARS and fuzz.ratio(sa, sb) >= SYNDICATION_RATIO:
                    union(a, b)
    return {a: find(a) for a in signature}
