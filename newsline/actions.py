"""Action classes: what a dated happening is (``data/actions.toml``).

Sentence words and the taxonomy's triggers are compared as Snowball stems with
accents folded, so one trigger covers its inflections in either language. The
class of an event is the trigger nearest its date expression; triggers of words
said (``speech``) count as farther away by ``SPEECH_PENALTY`` words, so in "X said
on Friday that Y freed Z" the release, not the saying, is what Y's date dates.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from .errors import NewslineError


#: The class of an event with no trigger in its sentence.
OTHER = "other"
#: A trigger of words said counts as this many words farther from the date than it stands.
SPEECH_PENALTY = 6
#: A class's priority counts as this many words nearer (a release beside a "deal" is a release).
PRIORITY_WEIGHT = 1.0
#: A trigger this many words or fewer after a verb of talking about is that verb's object.
ABOUT_WINDOW = 3
#: An attribution after a comma of at most this many words passes its date to the clause before it.
ATTRIBUTION_WORDS = 6
#: "that"/"que" within this many words after a verb of saying opens what was said.
COMPLEMENT_WORDS = 5
#: A trigger in a later clause opened by "as", "after", "cuando"... counts as this many words farther.
SUBORDINATE_PENALTY = 12
#: A verb of purpose after another trigger ("a raid to capture") counts as this many words farther.
PURPOSE_PENALTY = 3
#: A trigger inside a quotation that does not hold the date counts as this many words farther: the
#: quoted words are what was said ("'Maduro has no authority to break relations,' the State
#: Department said Wednesday" dates the saying).
QUOTE_PENALTY = 8
QUOTE_WORDS = 6
#: Other date expressions farther than this (characters) from ours are not weighed.
NEAR_CHARS = 400
#: A trigger nearer to another date expression of the sentence counts as this many words farther.
OWNED_PENALTY = 8

@dataclass(frozen=True)
class ActionClass:
    id: str
    label: str
    verb: str
    priority: int
    speech: bool
    triggers: dict  # language -> tuple of stemmed trigger phrases (tuples of keys)
    examples: tuple
    about: dict = None  # language -> stemmed verbs whose object is only talked about
    related: tuple = ()  # classes one happening often takes in other reports of it


@dataclass(frozen=True)
class Trigger:
    """One trigger found in a sentence: its class, its words' character span and token span."""

    action: str
    start: int
    end: int
    first: int
    last: int
    speech: bool
    priority: int


@lru_cache(maxsize=None)
def _stemmer(language: str):
    return snowballstemmer.stemmer("spanish" if language == "es" else "english")


def _fold(word: str) -> str:
    from .actors import fold

    return fold(word).strip()


_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations)$")


@lru_cache(maxsize=65536)
def key(word: str, language: str) -> str:
    """A word's comparison key: lowercase, British -ise spelt -ize, stemmed, accents folded."""
    word = word.lower().replace("’", "'")
    if language != "es":
        word = _BRITISH.sub(r"iz\1", word)
    return _fold(_stemmer(language).stemWord(word))


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=64)
def _ends(text: str) -> tuple[int, ...]:
    return tuple(e for _, e, _ in _tokens(text))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their offsets (cached: a sentence with many dates is read once)."""
    return list(_tokens(text))


def _phrase(text: str, language: str) -> tuple[str, ...]:
    return tuple(key(w, language) for _, _, w in tokens(text))


class Taxonomy:
    def __init__(self, data: dict, where: str = "actions.toml"):
        classes = []
        for cid, entry in data.items():
            if not isinstance(entry, dict):
                raise NewslineError(where, f"[{cid}] is not a table")
            missing = [k for k in ("label", "verb", "priority", "en", "es") if k not in entry]
            if missing:
                raise NewslineError(where, f"[{cid}] lacks {', '.join(missing)}")
            triggers = {lang: tuple(p for p in (_phrase(t, lang) for t in entry[lang]) if p) for lang in ("en", "es")}
            classes.append(ActionClass(
                id=cid, label=entry["label"], verb=entry["verb"], priority=int(entry["priority"]),
                speech=bool(entry.get("speech", False)), triggers=triggers,
                examples=tuple(tuple(x) for x in entry.get("examples", ())),
                about={lang: tuple(p for p in (_phrase(t, lang) for t in entry.get(f"about_{lang}", ())) if p)
                       for lang in ("en", "es")},
                related=tuple(entry.get("related", ())),
            ))
        ids = {c.id for c in classes}
        self._related = set()
        for c in classes:
            for other in c.related:
                if other not in ids:
                    raise NewslineError(where, f"[{c.id}] related names an unknown class {other!r}")
                self._related |= {(c.id, other), (other, c.id)}
        self._about = {lang: {p for c in classes for p in c.about[lang]} for lang in ("en", "es")}
        self.classes = {c.id: c for c in classes}
        # Longest phrases first, so "military option" is seen before "military".
        self._index: dict[str, dict[str, list[tuple[tuple[str, ...], ActionClass]]]] = {}
        for lang in ("en", "es"):
            index: dict[str, list] = {}
            for c in classes:
                for phrase in c.triggers[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c))
            for v in index.values():
                v.sort(key=lambda pc: -len(pc[0]))
            self._index[lang] = index

    @classmethod
    def default(cls) -> "Taxonomy":
        return _default()

    def ids(self) -> list[str]:
        return [*self.classes, OTHER]

    def related(self, a: str, b: str) -> bool:
        """Do two different classes often name one happening in two reports ("met ... and reached
        a consensus" / "signed an agreement"; "a raid" / "captured")?"""
        return (a, b) in self._related

    def label(self, action: str) -> str:
        return self.classes[action].label if action in self.classes else "Other"

    def find(self, sentence: str, language: str, masked=()) -> list[Trigger]:
        """Every trigger in the sentence, longest first where two overlap, in text order.

        Words inside ``masked`` spans (the date expression, actor names: "March", "President",
        "State Department") are no triggers, and neither is a capitalised word inside the
        sentence standing alone ("the Democratic Charter"), which names rather than tells.
        """
        lang = "es" if language == "es" else "en"
        toks = tokens(sentence)
        keys = [
            "" if any(s < e2 and s2 < e for s2, e2 in masked) else key(w, lang)
            for s, e, w in toks
        ]
        proper = [n > 0 and w[:1].isupper() and not w.isupper() for n, (_, _, w) in enumerate(toks)]
        found: list[Trigger] = []
        i = 0
        while i < len(toks):
            hit = None
            for phrase, c in self._index[lang].get(keys[i], ()):
                if tuple(keys[i:i + len(phrase)]) == phrase and not (len(phrase) == 1 and proper[i]):
                    hit = (phrase, c)
                    break
            if hit:
                phrase, c = hit
                j = i + len(phrase) - 1
                # "reached no agreement", "sin acuerdo": a happening said not to happen is none.
                if not (i and toks[i - 1][2].lower() in _NEGATIONS):
                    found.append(Trigger(c.id, toks[i][0], toks[j][1], i, j, c.speech, c.priority))
                i = j + 1
            else:
                i += 1
        return self._drop_topics(found, keys, lang)

    def _drop_topics(self, found: list[Trigger], keys: list[str], lang: str) -> list[Trigger]:
        """Drop triggers that are the object of a verb of talking about ("praised the strike")."""
        about = self._about[lang]
        if not about:
            return found
        longest = max(len(p) for p in about)
        talk_ends = [
            i + n - 1 for i in range(len(keys)) for n in range(1, longest + 1)
            if tuple(keys[i:i + n]) in about
        ]
        return [t for t in found if t.speech or not any(0 < t.first - e <= ABOUT_WINDOW for e in talk_ends)]


def taxonomy_path() -> Path:
    """``data/actions.toml`` of the data folder, else the repository's (a data folder may hold
    only tables)."""
    from .store import data_dir

    path = data_dir() / "actions.toml"
    return path if path.exists() else Path(__file__).resolve().parent.parent / "data" / "actions.toml"


@lru_cache(maxsize=None)
def _default() -> Taxonomy:
    path = taxonomy_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise NewslineError(path, f"cannot read the action taxonomy: {exc}") from None
    return Taxonomy(data, str(path))


def _token_index(sentence: str, pos: int) -> int:
    """Index of the token at or after character ``pos``."""
    return bisect.bisect_right(_ends(sentence), pos)


def _tokens_of(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    d0 = _token_index(sentence, span[0])
    return d0, max(d0, _token_index(sentence, max(span[0], span[1] - 1)))


def _gap(t: Trigger, d: tuple[int, int]) -> int:
    d0, d1 = d
    return 0 if (t.first <= d1 and t.last >= d0) else (d0 - t.last if t.last < d0 else t.first - d1)


_NEGATIONS = frozenset({"no", "not", "never", "without", "sin", "ningún", "ninguna", "nunca"})
_PURPOSE = re.compile(r"\b(?:to|para)\s+$", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\b(?:as|when|after|before|while|since|following|amid|cuando|mientras|tras|después de que|antes de que)\b",
    re.IGNORECASE)
_THAT = re.compile(r"\b(?:that|que)\b|:", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;—–]|[\"”»]")


def _in_aside(sentence: str, t: Trigger, date_span) -> bool:
    """Is the trigger in a clause between commas that opens with "after", "as", "cuando"... and
    does not hold the date ("This Saturday, and after announcing it for months, Trump invoked")?"""
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, t.start)), default=0)
    end = next((m.start() for m in _CLAUSE.finditer(sentence, t.end)), len(sentence))
    if date_span and start <= date_span[0] < end:
        return False
    opening = sentence[start:t.start].split()[:3]  # "and after", "Hours after", "Poco después de"
    return any(_SUBORDINATE.fullmatch(w) for w in opening)


_QUOTE = re.compile(r'“[^”]*”|"[^"]*"|«[^»]*»')


def _quoted(sentence: str, t: Trigger, date_span) -> bool:
    """Is the trigger inside a quotation of words said (at least ``QUOTE_WORDS`` words: a few quoted
    words, "a 'military option'", are a term) that does not hold the date expression?"""
    for m in _QUOTE.finditer(sentence):
        if m.start() <= t.start and t.end <= m.end() and len(m.group().split()) >= QUOTE_WORDS:
            return not (date_span and m.start() <= date_span[0] < m.end())
    return False


def _relays(triggers: list[Trigger], sentence: str, d: tuple[int, int]) -> dict:
    """Words said pass their date on to what was said: "Venezuela freed ten Americans, officials
    said Friday" and "officials said Friday that Venezuela freed ten Americans" date the release.

    Returns, for each trigger of the content, the distance of the saying from the date."""
    out: dict = {}
    toks = _tokens(sentence)
    for s in triggers:
        if not s.speech:
            continue
        g = _gap(s, d) + 1
        # ", officials said Friday": a short attribution after the content's clause.
        comma = max((m.end() for m in _CLAUSE.finditer(sentence, 0, s.start)), default=None)
        short = comma is not None and sum(1 for a, _, _ in toks if comma <= a < s.start) <= ATTRIBUTION_WORDS
        # "officials said Friday that ...": the complement opens right after the saying.
        that = _THAT.search(sentence, s.end, toks[min(len(toks) - 1, s.last + COMPLEMENT_WORDS)][1])
        for t in triggers:
            if t.speech:
                continue
            # An attribution that opens a complement of its own ("..., Trump said that ...") does
            # not point back at the clause before it.
            if t.last < s.first and short and not that and t.end <= comma:
                out[t] = min(out.get(t, 10**6), g)
            elif t.first > s.last and that and that.start() < t.start:
                out[t] = min(out.get(t, 10**6), g)
    return out


def choose(triggers: list[Trigger], sentence: str, date_span: tuple[int, int] | None,
           other_dates=()) -> Trigger | None:
    """The trigger that says what the dated happening is: the nearest to the date expression,
    words said counting as ``SPEECH_PENALTY`` words farther, a trigger nearer to another date
    expression of the sentence ``OWNED_PENALTY`` words farther (in "Blinken said on Thursday
    that González won the July 28 election", Thursday dates the saying, July 28 the vote),
    and each class's priority ``PRIORITY_WEIGHT`` words nearer."""
    if not triggers:
        return None
    d = _tokens_of(sentence, date_span) if date_span else (0, 0)
    # Only dates near ours can be nearer to a trigger worth choosing (a sentence may hold hundreds).
    near = [o for o in other_dates if o != date_span and abs(o[0] - (date_span or (0, 0))[0]) <= NEAR_CHARS]
    others = [_tokens_of(sentence, o) for o in near]
    relayed = _relays(triggers, sentence, d)
    # A quoted warning is still a warning: only other classes yield to the saying.
    quoted = {t for t in triggers if not t.speech and t.action != "threat" and _quoted(sentence, t, date_span)}

    def distance(t: Trigger) -> float:
        gap = _gap(t, d) if t in quoted else min(_gap(t, d), relayed.get(t, 10**6))
        owned = any(_gap(t, o) < gap for o in others)
        # "... on Friday as he was sworn in": a later clause of its own is another happening.
        segment = max((m.end() for m in _CLAUSE.finditer(sentence, 0, t.start)), default=0)
        between = sentence[max(date_span[1], segment):t.start] if date_span and t.start >= date_span[1] else ""
        subordinate = bool(_SUBORDINATE.search(between)) or _in_aside(sentence, t, date_span)
        # "a raid to capture him", "para liberar": what was meant, not what happened.
        purpose = any(o is not t and o.last < t.first for o in triggers) and _PURPOSE.search(
            sentence[max(0, t.start - 6):t.start]) is not None
        return (gap + (SPEECH_PENALTY if t.speech else 0) + (OWNED_PENALTY if owned else 0)
                + (SUBORDINATE_PENALTY if subordinate else 0) + (PURPOSE_PENALTY if purpose else 0)
                + (QUOTE_PENALTY if t in quoted else 0))

    return min(triggers, key=lambda t: (distance(t) - PRIORITY_WEIGHT * t.priority, t.first))


def classify(sentence: str, language: str, date_span: tuple[int, int] | None,
             masked=(), other_dates=()) -> tuple[str, Trigger | None]:
    """(action class, trigger) of the happening the date expression dates in ``sentence``.

    ``masked``: spans that hold no trigger (actor names); ``other_dates``: the sentence's
    other date expressions, each of which dates the happenings nearest to it."""
    taxonomy = Taxonomy.default()
    spans = [*masked, *([date_span] if date_span else []), *other_dates]
    trigger = choose(taxonomy.find(sentence, language, spans), sentence, date_span, other_dates)
    return (trigger.action if trigger else OTHER), trigger
