"""Who a text names: canonical actors from the knowledge base ``data/actors.json``.

Every alias and description goes into one Aho-Corasick automaton (pyahocorasick):
a sentence is scanned once, in C, however many names the knowledge base holds,
where a regex alternation of hundreds of names tries each one at every position.
This runs on every sentence of every article, so the automaton is built once.

Matching works on a folded copy of the text: lowercase, accents stripped and every
non-alphanumeric character turned into a space, one character for one, so offsets
in the copy are offsets in the original. Keys are stored padded with spaces, which
makes every hit a whole-word hit ("US" never hits inside "bus") and lets
possessives through ("Maduro’s" folds to "maduro s"). Text is expected in NFC
(decomposed accents would split words).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import ahocorasick

from newsline.errors import NewslineError

TYPES = ("person", "state", "organisation", "company", "group")

# A title ("the US president") names the holder on the given date, but not after
# these words: "then-US President George W Bush" in 2024 is not Joe Biden.
_PAST_PREFIXES = ("former ", "then ", "then-", "ex-", "late ")


class _FoldTable(dict):
    """``str.translate`` table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if not ch.isalnum():
            out = " "
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c)
            )
            out = base if len(base) == 1 else ch  # keep one char per char, offsets stay true
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, strip accents, non-alphanumerics to spaces; same length as ``text``."""
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming one or more actors (``end`` exclusive)."""

    start: int
    end: int
    surface: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    """A term of office; ``end`` is the day it ended (None: still running)."""

    role: str
    start: date
    end: date | None
    ordinal: int | None


@dataclass(frozen=True, slots=True)
class _Sense:
    """One meaning of an automaton key: who it names, and when and how it applies."""

    names: tuple[str, ...]  # empty: an "ignore" phrase, it only blocks shorter hits
    cased: str | None  # the exact form required, for acronyms and common words
    start: date | None
    end: date | None  # exclusive
    windowed: bool
    undated: bool = True  # applies when no date is given (set False when dates disambiguate)

    def applies(self, on: date | None) -> bool:
        if not self.windowed:
            return True
        if on is None:
            return self.undated
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


def _is_short_acronym(alias: str) -> bool:
    # Two- and three-letter acronyms collide with words ("US"/"us", "UN"/"un"), so they
    # match as written even when listed as plain aliases; "OPEC" may be written "Opec".
    return alias.isalpha() and alias.isupper() and len(alias) <= 3


def _day(value: object, where: str, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise NewslineError(where, f"{what}: not an ISO date: {value!r}") from None


def _overlap(a: _Sense, b: _Sense) -> bool:
    lo = max(a.start or date.min, b.start or date.min)
    hi = min(a.end or date.max, b.end or date.max)
    return lo < hi


def _strings(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise NewslineError(where, f"{key} must be a list of non-empty strings")
    return value


def _senses(entry: dict, known: dict[str, str], where: str) -> list[tuple[str, _Sense]]:
    """(text, sense) pairs for one actor's name, aliases and descriptions."""
    name = entry["name"]
    out = [(a, _Sense((name,), a if _is_short_acronym(a) else None, None, None, False))
           for a in [name, *_strings(entry, "aliases", where)]]
    out += [(a, _Sense((name,), a, None, None, False)) for a in _strings(entry, "cased", where)]
    for d in entry.get("descriptions", []):
        text = d.get("text") if isinstance(d, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise NewslineError(where, "a description needs a text")
        also = tuple(_strings(d, "also", where))
        unknown = [x for x in also if x not in known]
        if unknown:
            raise NewslineError(where, f"description {text!r} adds unknown actor {unknown[0]!r}")
        start, end = _day(d.get("from"), where, text), _day(d.get("to"), where, text)
        if start and end and start >= end:
            raise NewslineError(where, f"description {text!r} ends before it starts")
        windowed = start is not None or end is not None
        out.append((text, _Sense((name, *also), None, start, end, windowed)))
        if windowed:  # "former US president" names nobody, whatever the date
            out += [(p + text, _Sense((), None, None, None, False)) for p in _PAST_PREFIXES]
    return out


def _terms(entry: dict, where: str) -> list[Term]:
    terms = []
    for t in entry.get("terms", []):
        start = _day(t.get("from"), where, "term") if isinstance(t, dict) else None
        if start is None or not t.get("role"):
            raise NewslineError(where, "a term needs a role and a start date")
        ordinal = t.get("ordinal")
        if ordinal is not None and not isinstance(ordinal, int):
            raise NewslineError(where, f"term ordinal must be an integer or null: {ordinal!r}")
        terms.append(Term(t["role"], start, _day(t.get("to"), where, "term"), ordinal))
    return sorted(terms, key=lambda t: t.start)


class ActorMatcher:
    """Finds actor mentions; build once (``ActorMatcher.default()``) and reuse."""

    def __init__(self, kb: dict, where: str = "actors.json"):
        if not isinstance(kb, dict) or not isinstance(kb.get("actors"), list):
            raise NewslineError(where, 'expected an object with an "actors" list')
        self._types: dict[str, str] = {}
        for i, e in enumerate(kb["actors"]):
            name = e.get("name") if isinstance(e, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise NewslineError(where, f"actor #{i + 1}: missing name")
            if name in self._types:
                raise NewslineError(where, f"{name}: listed twice")
            if e.get("type") not in TYPES:
                raise NewslineError(where, f"{name}: type must be one of {', '.join(TYPES)}")
            self._types[name] = e["type"]
        self._sides: dict[str, str] = {
            e["name"]: e.get("side") or (e["name"] if e["type"] == "state" else "") for e in kb["actors"]
        }

        self._aliases: dict[str, list[str]] = {}
        self._terms: dict[str, list[Term]] = {}
        pairs: list[tuple[str, _Sense]] = []
        for e in kb["actors"]:
            here = f"{where}: {e['name']}"
            pairs += _senses(e, self._types, here)
            self._aliases[e["name"]] = [e["name"], *e.get("aliases", []), *e.get("cased", [])]
            self._terms[e["name"]] = _terms(e, here)
        pairs += [(p, _Sense((), None, None, None, False)) for p in _strings(kb, "ignore", where)]

        senses: dict[str, list[_Sense]] = {}
        dotted: set[str] = set()
        for text, sense in pairs:
            key = fold(text).strip()
            if not key:
                raise NewslineError(where, f"nothing to match in {text!r}")
            if text.rstrip().endswith("."):
                dotted.add(key)  # "U.S.": the final dot belongs to the mention
            senses.setdefault(key, []).append(sense)
        self._automaton = ahocorasick.Automaton()
        for key, group in senses.items():
            group = self._check(key, list(dict.fromkeys(group)), where)
            self._automaton.add_word(f" {key} ", (len(key), key in dotted, tuple(group)))
        self._automaton.make_automaton()

    @staticmethod
    def _check(key: str, group: list[_Sense], where: str) -> list[_Sense]:
        """Refuse a description that could name two different actors on one day."""
        named = [s for s in group if s.names]
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                if (a.windowed or b.windowed) and a.names != b.names and _overlap(a, b):
                    raise NewslineError(where, f"{key!r} names both {a.names} and {b.names} at the same time")
        # Without a date, a windowed description applies only if all its windows name the same actors.
        if len({s.names for s in named if s.windowed}) > 1:
            group = [
                _Sense(s.names, s.cased, s.start, s.end, True, False) if s.windowed else s for s in group
            ]
        return group

    @classmethod
    def from_file(cls, path: str | Path) -> ActorMatcher:
        path = Path(path)
        try:
            kb = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise NewslineError(path, f"cannot read the actor knowledge base: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise NewslineError(path, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        return cls(kb, str(path))

    @classmethod
    def default(cls) -> ActorMatcher:
        """The matcher for ``data_dir()/actors.json``, built once per path."""
        from newsline.store import data_dir  # here, not at import: the store brings in pandas

        return _cached(data_dir() / "actors.json")

    def find(self, text: str, on: date | None = None) -> list[Mention]:
        """Mentions in ``text`` in order; titles resolve against the date ``on``.

        Overlapping hits: the longest wins ("Juan Gonzalez" hides "Gonzalez").
        """
        if isinstance(on, datetime):
            on = on.date()
        hits = []
        for last, (n, dotted, group) in self._automaton.iter(f" {fold(text)} "):
            start, end = last - n - 1, last - 1  # key is " core ", padded text is " text "
            names: list[str] = []
            blocked = False
            for s in group:
                if s.cased and text[start:end] not in (s.cased, s.cased.upper()):
                    continue
                if not s.applies(on):
                    continue
                blocked = blocked or not s.names
                names.extend(x for x in s.names if x not in names)
            if not names and not blocked:
                continue
            if text[end:end + 1] == "$":  # "US$ 25 millones": a currency, not the state
                continue
            if dotted and text[end:end + 1] == ".":
                end += 1
            hits.append((start, end, tuple(names)))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0] - h[1], h[0]))  # longest first, then leftmost
            kept: list[tuple[int, int, tuple[str, ...]]] = []
            for h in hits:
                if all(h[1] <= k[0] or k[1] <= h[0] for k in kept):
                    kept.append(h)
            hits = sorted(kept)
        return [Mention(s, e, text[s:e], names) for s, e, names in hits if names]

    def actors(self, text: str, on: date | None = None) -> list[str]:
        """Canonical names in order of first mention, each once."""
        seen: dict[str, None] = {}
        for m in self.find(text, on):
            for name in m.names:
                seen.setdefault(name, None)
        return list(seen)

    def names(self) -> list[str]:
        """Every canonical name in the knowledge base."""
        return list(self._types)

    def type_of(self, name: str) -> str:
        return self._types[name]

    def on_side(self, side: str) -> list[str]:
        """Every actor of a side, the state itself included."""
        return sorted(n for n, s in self._sides.items() if s == side or n == side)

    def side_of(self, name: str) -> str:
        """The state an actor belongs to ("Marco Rubio" -> "United States"); "" when none is recorded."""
        return self._sides.get(name, "")

    def aliases_of(self, name: str) -> list[str]:
        """The canonical name and its aliases (not descriptions). KeyError if unknown."""
        return list(self._aliases[name])

    def terms(self, name: str) -> list[Term]:
        """Terms of office, oldest first (empty for actors without any). KeyError if unknown."""
        return list(self._terms[name])

    def term_for(self, name: str, ordinal: int | None = None, on: date | None = None) -> Term | None:
        """The term with that ordinal; else the term running on ``on``, or the last
        one begun before it; with neither, the latest term."""
        terms = self._terms[name]
        if ordinal is not None:
            return next((t for t in terms if t.ordinal == ordinal), None)
        if on is None:
            return terms[-1] if terms else None
        if isinstance(on, datetime):
            on = on.date()
        begun = [t for t in terms if t.start <= on]
        running = [t for t in begun if t.end is None or on < t.end]
        return (running or begun or [None])[-1]


@lru_cache(maxsize=4)
def _cached(path: Path) -> ActorMatcher:
    return ActorMatcher.from_file(path)
