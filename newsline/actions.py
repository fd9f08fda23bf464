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
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from .errors import NewslineError
from .wording import NUMBER_WORDS


#: The class of an event with no trigger in its sentence.
OTHER = "other"
#: The class of words said.
STATEMENT = "statement"
#: A trigger of words said counts as this many words farther from the date than it stands.
SPEECH_PENALTY = 6
#: A class's priority counts as this many words nearer (a release beside a "deal" is a release).
PRIORITY_WEIGHT = 1.0
#: A trigger this many words or fewer after a verb of talking about is that verb's object.
ABOUT_WINDOW = 4
#: How far after a trigger another names what it acts on ("seized a tanker loaded with crude oil").
OBJECT_SPAN = 7
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
#: A trigger this many words or fewer after "agreed to" is what was agreed.
CONTROL_WORDS = 5
#: A verb of saying chosen at a distance (penalty included) beyond this dates nothing.
FAR_SPEECH = 16
#: Other date expressions farther than this (characters) from ours are not weighed.
NEAR_CHARS = 400
#: Verbs of confirming (stems): "Trump confirmed the capture" is words about that very happening.
CONFIRMING = frozenset({("confirm",)})  # "confirm", "confirmed", "confirmar", "confirmó"
#: Classes whose happening ends in an arrival, so "arrived ... after being freed" is the release.
ARRIVING = frozenset({"release", "deportation"})
#: A trigger nearer to another date expression of the sentence counts as this many words farther.
OWNED_PENALTY = 8
#: What was said carries its own date when one follows its trigger within this many words.
OWN_DATE_WORDS = 8
#: A trigger of a happening outside the classes counts only this many words or fewer from the date.
OTHER_NEAR = 3
#: What a reward is for ("for information leading to the arrest or conviction of ...") runs at most
#: this many words after it, up to the end of its clause.
PURPOSE_WORDS = 14
#: A person this many words or fewer after "seized" is its object ("seized the deposed leader Maduro").
OBJECT_WORDS = 4
#: ... and a person's description this many more ("al jefe de la legislatura del país, Juan Guaidó").
TITLE_WORDS = 4
#: A date at most this many words into an "after" phrase is the phrase's ("after Trump on Wednesday backed").
AFTER_DATE_WORDS = 6
#: How far an ``acting_`` word looks for what it acts on ("suspende por seis meses algunas de las sanciones").
ACTED_ON_WORDS = 8
#: How far back the name of what a participle acts on may end ("el Acuerdo de Barbados, firmado").
BEFORE_WORDS = 3
#: How far after an asking ("called on ... to") the thing asked may stand, in words.
ASK_WORDS = 8
#: What an index entry asks of the words around it: a person as object, or a trigger of its ``objects``.
PERSON, OBJECT, TITLE, SUBJECT = "person", "object", "title", "subject"

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
    related_same_day: tuple = ()  # related, but only told of the same day
    people: dict = None  # language -> stemmed words that are this class only with a person as object
    purpose: dict = None  # language -> stemmed words whose clause after them says what they are for
    objects: tuple = ()  # classes whose triggers next to this class's name what it acts on
    acting: dict = None  # language -> stemmed words that are this class only acting on one of its objects
    once: bool = False  # one party seldom does it to the same other twice in a year
    two_way: dict = None  # language -> stemmed words that make it two-way: each side does it to the other
    titles: dict = None  # language -> words that are this class opening a capitalised name ("Operation Southern Spear")
    subject: dict = None  # language -> stemmed words that are this class only with a person as subject ("Chávez died")
    asking: dict = None  # language -> stemmed words of asking someone to act ("called on", "instó a")
    asked_is_done: bool = False  # asking is the deed: "asked the ambassador to leave" expels him
    undone: dict = None  # language -> stemmed words that undo it when next to it ("revoke the licence")
    undone_as: str = ""  # the class it then is: a licence revoked puts the sanctions back


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
    #: A happening talked about that has its own date right after it ("condenó el viernes el ataque del
    #: 2 de septiembre"): it is what that date dates, and for the sentence's other dates only talked about.
    own_date: tuple[int, int] | None = None


# One adverb may stand inside a phrase trigger ("diplomats have temporarily left"); nouns and verbs
# spelt like one may not.
_ADVERB = {"en": re.compile(r"^(?!(?:family|rally|supply|assembly|apply|reply|comply|rely|imply|multiply|anomaly|"
                            r"monopoly|ally|italy|july)$)[a-z]{3,}ly$"),
           "es": re.compile(r"^[a-záéíóúñ]{3,}mente$")}


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
    stem = _fold(_stemmer(language).stemWord(word))
    # Snowball leaves the "i" of "anunciar", "anuncia" but not of "anunció" ("anunc"), nor of
    # "inició", "denunció", "negoció"; unaccented "reconocio" keeps one "reconoció" loses.
    if language == "es" and len(stem) > 4 and stem.endswith("i"):
        stem = stem[:-1]
    return stem


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


def exact(word: str) -> str:
    """The key of a word compared as written (lowercase, accents folded), not by its stem."""
    return "=" + _fold(word.lower().replace("’", "'"))


def _phrase(text: str, language: str) -> tuple[str, ...]:
    # "=stated": this form only, where the stem would join unrelated words ("state oil company").
    if text.startswith("="):
        return tuple(exact(w) for _, _, w in tokens(text[1:]))
    return tuple(key(w, language) for _, _, w in tokens(text))


class Taxonomy:
    def __init__(self, data: dict, where: str = "actions.toml"):
        classes = []
        # Phrases that hold a trigger's word but tell no happening ("in force", "en vigor"): they win
        # overlaps like any trigger and yield nothing.
        ignore = data.get("ignore", {})
        if not isinstance(ignore, dict):
            raise NewslineError(where, "[ignore] is not a table")
        self._ignore = {lang: tuple(p for p in (_phrase(t, lang) for t in ignore.get(lang, ())) if p)
                        for lang in ("en", "es")}
        for cid, entry in data.items():
            if cid == "ignore":
                continue
            if not isinstance(entry, dict):
                raise NewslineError(where, f"[{cid}] is not a table")
            missing = [k for k in ("label", "verb", "priority", "en", "es") if k not in entry]
            if missing:
                raise NewslineError(where, f"[{cid}] lacks {', '.join(missing)}")
            def phrases(name):
                return {lang: tuple(p for p in (_phrase(t, lang) for t in entry.get(f"{name}{lang}", ())) if p)
                        for lang in ("en", "es")}

            classes.append(ActionClass(
                id=cid, label=entry["label"], verb=entry["verb"], priority=int(entry["priority"]),
                speech=bool(entry.get("speech", False)), triggers=phrases(""),
                examples=tuple(tuple(x) for x in entry.get("examples", ())),
                about=phrases("about_"), related=tuple(entry.get("related", ())),
                related_same_day=tuple(entry.get("related_same_day", ())),
                people=phrases("people_"), purpose=phrases("purpose_"), objects=tuple(entry.get("objects", ())),
                acting=phrases("acting_"),
                once=bool(entry.get("once", False)), two_way=phrases("two_way_"), titles=phrases("titles_"),
                subject=phrases("subject_"), asking=phrases("asking_"),
                asked_is_done=bool(entry.get("asked_is_done", False)),
                undone=phrases("undone_"), undone_as=str(entry.get("undone_as", "")),
            ))
        ids = {c.id for c in classes}
        self._related, self._same_day = set(), set()
        for c in classes:
            for other in (*c.related, *c.related_same_day):
                if other not in ids:
                    raise NewslineError(where, f"[{c.id}] related names an unknown class {other!r}")
                self._related |= {(c.id, other), (other, c.id)}
            for other in c.related_same_day:
                self._same_day |= {(c.id, other), (other, c.id)}
            for other in c.objects:
                if other not in ids:
                    raise NewslineError(where, f"[{c.id}] objects names an unknown class {other!r}")
            if (c.undone["en"] or c.undone["es"]) and c.undone_as not in ids:
                raise NewslineError(where, f"[{c.id}] undone_as names an unknown class {c.undone_as!r}")
        self._about = {lang: {p for c in classes for p in c.about[lang]} for lang in ("en", "es")}
        self._purpose = {lang: {p for c in classes for p in c.purpose[lang]} for lang in ("en", "es")}
        self._asking = {lang: {p for c in classes for p in c.asking[lang]} for lang in ("en", "es")}
        self.classes = {c.id: c for c in classes}
        # Longest phrases first, so "military option" is seen before "military"; of two alike, the
        # one that asks for a person as object is tried first ("seized Maduro" before "seized").
        self._index: dict[str, dict[str, list[tuple[tuple[str, ...], ActionClass, str]]]] = {}
        for lang in ("en", "es"):
            index: dict[str, list] = {}
            for c in classes:
                for phrase in c.triggers[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c, False))
                for phrase in c.people[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c, PERSON))
                for phrase in c.acting[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c, OBJECT))
                for phrase in c.titles[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c, TITLE))
                for phrase in c.subject[lang]:
                    index.setdefault(phrase[0], []).append((phrase, c, SUBJECT))
            for phrase in self._ignore[lang]:
                index.setdefault(phrase[0], []).append((phrase, None, ""))
            for v in index.values():
                v.sort(key=lambda pc: (-len(pc[0]), not pc[2]))
            self._index[lang] = index

    @classmethod
    def default(cls) -> "Taxonomy":
        return _default()

    def ids(self) -> list[str]:
        return list(dict.fromkeys([*self.classes, OTHER]))

    def related(self, a: str, b: str) -> bool:
        """Do two different classes often name one happening in two reports ("met ... and reached
        a consensus" / "signed an agreement"; "a raid" / "captured")?"""
        return (a, b) in self._related

    def same_day_only(self, a: str, b: str) -> bool:
        """Are two related classes one happening only when told of the same day (talks and the
        release they brought)?"""
        return (a, b) in self._same_day

    def once(self, action: str) -> bool:
        """Is the class one a party seldom repeats towards the same other within a year (recognising
        a president, breaking relations, an arrest), so that one year holds one such happening?"""
        return action in self.classes and self.classes[action].once

    def two_way(self, action: str, sentence: str, language: str) -> bool:
        """Does the sentence tell its happening as one each side does to the other ("a prisoner swap":
        who freed whom reads either way round)?"""
        c = self.classes.get(action)
        phrases = c.two_way.get(language, ()) if c and c.two_way else ()
        if not phrases:
            return False
        keys = [key(w, language) for _, _, w in tokens(sentence)]
        return any(tuple(keys[i:i + len(p)]) == p for p in phrases for i in range(len(keys) - len(p) + 1))

    def label(self, action: str) -> str:
        return self.classes[action].label if action in self.classes else "Other"

    def find(self, sentence: str, language: str, masked=(), names=(), people=(), confirmed=False,
             talked_about=False) -> list[Trigger]:
        """Every trigger in the sentence, longest first where two overlap, in text order.

        Words inside ``masked`` spans (the date expressions) are no triggers; nor are single words
        inside ``names`` (actor names: "President", "State Department"), though a phrase of several
        words may run through one ("appear before a federal judge"). Neither is a capitalised
        word inside the sentence standing alone ("the Democratic Charter"), which names rather
        than tells. ``people``: spans naming persons, the objects that make "seized" a capture.
        ``confirmed``: keep what a verb of confirming has as its object ("confirmó la captura"): the
        words are about that happening, though they are not it.
        """
        lang = "es" if language == "es" else "en"
        toks = tokens(sentence)

        def inside(spans, s, e):
            return any(s < e2 and s2 < e for s2, e2 in spans)

        hard = [inside(masked, s, e) for s, e, _ in toks]
        named = [inside(names, s, e) for s, e, _ in toks]
        keys = ["" if hard[n] else key(w, lang) for n, (s, e, w) in enumerate(toks)]
        forms = ["" if hard[n] else exact(w) for n, (s, e, w) in enumerate(toks)]
        proper = [n > 0 and w[:1].isupper() and not w.isupper() for n, (_, _, w) in enumerate(toks)]
        adverb = [not hard[n] and w.islower() and _ADVERB[lang].search(w) is not None for n, (_, _, w) in enumerate(toks)]
        index = self._index[lang]

        def last(phrase, i, named_ok=False) -> int | None:
            """The index of the phrase's last token when it starts at ``i``, else None. A date expression
            may stand between its words ("abandonó hoy la cárcel", "broke on Wednesday diplomatic ties"),
            and so may one adverb ("diplomats have temporarily left", "rompió formalmente relaciones")."""
            if len(phrase) == 1:
                if proper[i] and not named_ok or named[i]:
                    return None
                return i if phrase[0] in (keys[i], forms[i]) else None
            n = i
            for k, p in enumerate(phrase):
                while k and n < len(toks) and hard[n]:
                    n += 1
                if k and n + 1 < len(toks) and adverb[n] and p not in (keys[n], forms[n]):
                    n += 1
                if n >= len(toks) or p not in (keys[n], forms[n]):
                    return None
                n += 1
            return n - 1

        def matches(phrase, i, named_ok=False):
            return last(phrase, i, named_ok) is not None

        def acted_on(c, start) -> bool:
            """Does a trigger of one of ``c``'s objects follow within ``ACTED_ON_WORDS`` words, in
            the same clause ("suspende por seis meses algunas de las sanciones")? The date's words
            do not count ("signed on Tuesday in Barbados the Partial Agreement")."""
            words = 0
            for n in range(start, len(toks)):
                words += not hard[n]
                if words > ACTED_ON_WORDS or _CLAUSE.search(sentence, toks[n - 1][1], toks[n][0]):
                    return False
                if toks[n][2].lower() in _NEGATIONS:
                    return False  # "reached no agreement": nothing was reached
                # what is acted on may be named ("signed the Barbados Agreement", "se firmó el Acuerdo de Barbados")
                here = [oc for phrase, oc, needs in [*index.get(keys[n], ()), *index.get(forms[n], ())]
                        if oc is not None and matches(phrase, n, named_ok=oc.id in c.objects) and needs != TITLE]
                if any(oc.id in c.objects for oc in here):
                    return True
                if any(not oc.speech for oc in here):
                    return False  # it acts on another happening first ("signed an executive order that ends ...")
            return False

        def acted_on_before(c, start) -> bool:
            """Does one of ``c``'s objects end right before, a comma at most between ("el Acuerdo de Barbados,
            firmado el martes", "the Barbados Agreement, signed on Tuesday")?"""
            for n in range(start - 1, max(-1, start - 1 - BEFORE_WORDS), -1):
                for phrase, oc, needs in [*index.get(keys[n], ()), *index.get(forms[n], ())]:
                    if oc is not None and oc.id in c.objects and needs != TITLE:
                        end = last(phrase, n, named_ok=True)
                        # (the rest of its name may stand between: "Acuerdo de Barbados")
                        between = sentence[toks[end][1]:toks[start][0]] if end is not None and end < start else None
                        if between is not None and between.count(",") <= 1 and all(
                                _NAME_WORD.match(w) and (w[:1].isupper() or w in ("de", "del", "of", "the"))
                                for w in between.replace(",", " ").split()):
                            return True
            return False

        found: list[Trigger] = []
        i = 0
        while i < len(toks):
            hit = None
            for phrase, c, needs in [*index.get(keys[i], ()), *index.get(forms[i], ())]:
                if needs == TITLE:
                    # a capitalised word opening a name: "Operation Southern Spear", "Operación Gedeón"
                    if (len(phrase) == 1 and phrase[0] in (keys[i], forms[i]) and toks[i][2][:1].isupper()
                            and i + 1 < len(toks) and toks[i + 1][2][:1].isupper() and not hard[i + 1]):
                        rank = (1, True, 0)
                        if hit is None or rank > hit[3]:
                            hit = (phrase, c, needs, rank, i)
                    continue
                end = last(phrase, i)
                if end is not None and (
                        not needs
                        or needs == PERSON and (_person_follows(toks, end + 1, people, hard)
                                                or _person_precedes(toks, i, people))
                        or needs == OBJECT and (acted_on(c, end + 1) or acted_on_before(c, i))
                        or needs == SUBJECT and _person_subject(toks, i, people, sentence)):
                    # Longest, then asking for an object, then written out ("=condenado") before a stem.
                    rank = (len(phrase), bool(needs), sum(p.startswith("=") for p in phrase))
                    if hit is None or rank > hit[3]:
                        hit = (phrase, c, needs, rank, end)
            if hit:
                phrase, c, _, _, j = hit
                # "reached no agreement", "sin acuerdo": a happening said not to happen is none.
                if c is not None and not (i and toks[i - 1][2].lower() in _NEGATIONS):
                    # A phrase through a name ("a federal judge ordered") leaves the name out of the
                    # trigger, so the actor still stands before or after it.
                    a, b = i, j
                    while a < b and named[a]:
                        a += 1
                    while b > a and named[b]:
                        b -= 1
                    found.append(Trigger(c.id, toks[a][0], toks[b][1], a, b, c.speech, c.priority))
                i = j + 1
            else:
                i += 1
        def undone(t: Trigger) -> tuple[int, int] | None:
            """The words undoing ``t``'s class right before it or just after, in its clause ("revoke the
            license", "la cancelación de las licencias", "the license expired"), as a token span."""
            phrases = self.classes[t.action].undone[lang]
            for n in [*range(max(0, t.first - OBJECT_SPAN), t.first), *range(t.last + 1, min(len(toks), t.last + 4))]:
                for p in phrases:
                    end = last(p, n, named_ok=True)
                    if end is None or t.first <= end and n <= t.last:
                        continue
                    a, b = (end, t.first) if n < t.first else (t.last, n)
                    # (not a clause of its own: "a six-month licence that will expire in April"; nor across
                    # another happening: "no renovar la licencia 44 otorgada en octubre" grants it in October)
                    if not _CLAUSE.search(sentence, toks[a][1], toks[b][0]) and not any(
                            w.lower() in _WHICH for _, _, w in toks[a + 1:b]) and not any(
                            o is not t and o.last > a and o.first < b for o in found):
                        return n, end
            return None

        def undone_on_date(t: Trigger) -> tuple[int, int] | None:
            """Undoing words after ``t`` that a date follows at once ("General License 44, set to expire on
            April 18", "la licencia, que vence el 18 de abril"): that date is the undoing's, whatever clause
            it stands in. The words as a token span."""
            phrases = self.classes[t.action].undone[lang]
            for n in range(t.last + 1, min(len(toks), t.last + 1 + UNDONE_DATE_WORDS)):
                for p in phrases:
                    end = last(p, n, named_ok=True)
                    if end is not None and any(0 <= a - toks[end][1] <= DATE_AFTER_CHARS
                                               and _BEFORE_DATE.fullmatch(sentence[toks[end][1]:a]) for a, _ in masked):
                        return n, end
            return None

        def modifier_date(t: Trigger) -> tuple[int, int] | None:
            """A date in what describes ``t`` right after it: "the concessions granted in November 2022",
            "el alivio que Washington aprobó en octubre"."""
            for a, b in sorted(masked):
                if t.end <= a <= t.end + MODIFIER_CHARS:
                    # (a comma may open a participle: "la Licencia General 43, emitida en octubre")
                    between = _PARTICIPLE_AFTER_COMMA.sub(" ", sentence[t.end:a])
                    return (a, b) if not _CLAUSE.search(between) and _MODIFIER.search(between) else None
            return None

        # A licence revoked is sanctions put back, told at the undoing words; the licence keeps its own
        # class only for a date of its own granting ("he was revoking the concessions granted in November 2022").
        kept, undoings = [], []
        for t in found:
            c = self.classes[t.action]
            u = undone(t) if c.undone[lang] else None
            if u is None:
                kept.append(t)
                if c.undone[lang] and (w := undone_on_date(t)):
                    as_ = self.classes[c.undone_as]
                    undoings.append(Trigger(as_.id, toks[w[0]][0], toks[w[1]][1], w[0], w[1], as_.speech, as_.priority))
                continue
            lo, hi = min(u[0], t.first), max(u[1], t.last)
            as_ = self.classes[c.undone_as]
            kept.append(Trigger(as_.id, toks[lo][0], toks[hi][1], lo, hi, as_.speech, as_.priority))
            if u[0] < t.first and (own := modifier_date(t)):
                kept.append(replace(t, own_date=own))
        found = sorted(kept, key=lambda t: (t.first, t.last))
        found = self._drop_purposes(found, sentence, keys, lang)
        found = self._drop_asked(found, sentence, keys, lang)
        found = self._drop_objects(found)
        # (the undoing words of a date are no sanctions a licence eases: "GL 44 ... expired on April 18")
        found = sorted(found + [u for u in undoings if u not in found], key=lambda t: (t.first, t.last))
        # "sentenced on corruption charges", "on house arrest", "under arrest": a reason or a state.
        found = [t for t in found if t.action not in _STATES or not _ON.search(sentence[max(0, t.start - 40):t.start])]
        # "released two Americans from detention", "expelled someone from the embassy": a place or
        # a state left behind, not a happening.
        found = [t for t in found if t.speech or not _FROM.search(sentence[max(0, t.start - 40):t.start])]
        if talked_about:
            return found
        return self._drop_topics(found, sentence, keys, named, lang, CONFIRMING if confirmed else frozenset(),
                                 dates=masked)

    def _drop_objects(self, found: list[Trigger]) -> list[Trigger]:
        """Drop triggers that name what another trigger acts on (``objects`` in the taxonomy):
        in "lifted sanctions", "levantó temporalmente las sanciones", "sanctions relief" the
        sanctions are what is eased."""
        out = []
        for t in found:
            acts_on = [o for o in found if t.action in self.classes[o.action].objects and o.action != t.action]
            if any(0 < t.first - o.last <= OBJECT_SPAN or o.first - t.last == 1 for o in acts_on):
                continue
            out.append(t)
        return out

    def _drop_purposes(self, found: list[Trigger], sentence: str, keys: list[str], lang: str) -> list[Trigger]:
        """Drop triggers in the clause that says what a reward is for: in "a reward for information
        leading to his arrest", "recompensa por información que lleve a su captura", the arrest is
        what is sought, not what happened."""
        purpose = self._purpose[lang]
        if not purpose:
            return found
        toks = _tokens(sentence)
        out = []
        opened: int | None = None  # token index where a purpose clause ends
        for t in found:
            # (another reward in that clause is no purpose: "the bounty ... doubles the $25 million reward")
            word = tuple(keys[t.first:t.last + 1])
            if opened is not None and t.first <= opened and not t.speech and not (word in purpose and len(word) == 1):
                continue
            out.append(t)
            if tuple(keys[t.first:t.last + 1]) in purpose:
                stop = _CLAUSE.search(sentence, t.end)
                end = stop.start() if stop else len(sentence)
                opened = max((n for n, (a, _, _) in enumerate(toks) if a < end), default=t.last)
                opened = min(opened, t.last + PURPOSE_WORDS)
        return out

    def _drop_asked(self, found: list[Trigger], sentence: str, keys: list[str], lang: str) -> list[Trigger]:
        """Drop what someone is asked to do: in "called on all nations to recognize Guaidó", "instó a
        los países a reconocer a Guaidó" nobody recognised anyone; the asking is the happening."""
        asking = self._asking[lang]
        if not asking:
            return found
        toks = _tokens(sentence)
        longest = max(len(p) for p in asking)
        spans = []  # what is asked for: from its opening word, at most ASK_WORDS tokens, within the clause
        for i in range(len(keys)):
            for n in range(min(longest, len(keys) - i), 0, -1):
                if tuple(keys[i:i + n]) not in asking:
                    continue
                # What is asked opens with "to" ("urged Maduro to step down"), or in Spanish with
                # "que" or an infinitive ("instó este miércoles a los países a reconocer").
                start = next((k for k in range(i + n, min(i + n + ASK_WORDS, len(toks)))
                              if _ASKED.match(toks[k][2]) and (lang == "es" or toks[k][2].lower() == "to")), None)
                if start is None:
                    break
                stop = _CLAUSE.search(sentence, toks[i + n - 1][1])
                end = stop.start() if stop else len(sentence)
                if _CLAUSE.search(sentence, toks[i + n - 1][1], toks[start][0]):
                    break  # a comma before the "to": the asking's clause ended
                spans.append((start, start + ASK_WORDS, end))
                break
        return [t for t in found if t.speech or self.classes[t.action].asked_is_done
                or not any(a <= t.first <= b and t.start < end for a, b, end in spans)]

    def _drop_topics(self, found: list[Trigger], sentence: str, keys: list[str], named: list[bool],
                     lang: str, keep=frozenset(), dates=()) -> list[Trigger]:
        """Drop triggers that are the object of a verb of talking about ("praised the strike",
        "called the U.S.-led military operation a slaughter"): within ``ABOUT_WINDOW`` words after
        it, names not counted, and before any "that"/"que" or comma (what follows is what was said,
        not its object). "The so-called", "los llamados" describe rather than talk about."""
        about = self._about[lang]
        if not about:
            return found
        toks = _tokens(sentence)
        longest = max(len(p) for p in about)
        talk_ends = [
            i + n - 1 for i in range(len(keys)) for n in range(1, min(longest, len(keys) - i) + 1)
            if tuple(keys[i:i + n]) in about and not (i and toks[i - 1][2].lower() in _DESCRIBING)
            and tuple(keys[i:i + n]) not in keep
            # "condenó el viernes a 20 años de prisión": sentenced, not condemned
            and not _PRISON_TERM.match(sentence, toks[i + n - 1][1])
        ]

        chained: set[int] = set()  # ends of happenings dropped as talked about
        # (a word quoted is what the thing talked about was called: "calificó ayer de «farsa» y «fraude»
        # las elecciones")
        quotes = [m.span() for m in _QUOTE.finditer(sentence)]

        def object_of_talk(t: Trigger) -> bool:
            for e in talk_ends:
                # names, dates and words quoted after the verb do not count ("rechazó este martes el bloqueo")
                after = [(a, b) for a, b in quotes if a >= toks[e][1]]
                between = (sum(named[e + 1:t.first]) + sum(not k for k in keys[e + 1:t.first])
                           + sum(1 for n in range(e + 1, t.first) if keys[n] and not named[n]
                                 and any(a <= toks[n][0] and toks[n][1] <= b for a, b in after)))
                if not 0 < t.first - e <= ABOUT_WINDOW + between:
                    continue
                if not _OPENS_WORDS.search(sentence, toks[e][1], t.end) and not (
                        e in chained and _AND.search(sentence, toks[e][1], t.start)):
                    return True
            return False

        def dated(t: Trigger) -> bool:
            """Is it followed by a participle and a date expression ("welcomed agreements concluded on
            Tuesday", "rechazó las sanciones impuestas el martes")? The date is the happening's own."""
            n = t.last + 1
            return (n + 1 < len(keys) and keys[n] and _TOPIC_PARTICIPLE.match(toks[n][2]) is not None
                    and not keys[n + 1] and not named[n + 1])

        def own_date(t: Trigger) -> tuple[int, int] | None:
            # ("condenó el viernes el ataque del 2 de septiembre": in a sentence of two dates, the one
            # right after a happening talked about is its own)
            if len(dates) < 2:
                return None
            return next(((a, b) for a, b in dates if a >= t.end and _DATE_NEXT.fullmatch(sentence, t.end, a)), None)

        kept = []
        for t in found:  # (in text order)
            if t.speech or dated(t) or not object_of_talk(t):
                kept.append(t)
            elif own := own_date(t):
                kept.append(replace(t, own_date=own))
            else:
                # what the talked-about happening's own phrase holds is talked about too ("rechazó el
                # bloqueo a petroleros sancionados"), up to an "and" or a clause
                talk_ends.append(t.last)
                chained.add(t.last)
        return kept


_PRISON_TERM = re.compile(r".{0,60}?\b(?:años de (?:prisión|cárcel)|years in (?:prison|jail)|prison terms?)\b",
                          re.IGNORECASE | re.DOTALL)

_DETERMINERS = frozenset({"the", "a", "an", "his", "their", "its", "el", "la", "los", "las", "al", "su", "sus",
                          "del", "de", "of", "also"})
_PERSON_PRONOUNS = frozenset({"him", "her"})
_DATE_PREPOSITIONS = frozenset({"in", "on", "en", "el", "this", "este", "esta", "since", "desde"})
#: Words of a person's title or description, written lowercase in Spanish ("al presidente Maduro").
_TITLES = frozenset({"president", "presidente", "presidenta", "leader", "líder", "lider", "mandatario", "dictator",
                     "dictador", "former", "ex", "expresidente", "venezuelan", "venezolano", "general", "señor",
                     "opposition", "oposición", "opositor", "head", "jefe", "titular", "interim",
                     # "al jefe de la legislatura del país, Juan Guaidó"
                     "legislatura", "parlamento", "asamblea", "país", "legislature", "parliament", "assembly",
                     "country", "speaker"})


def _person_follows(toks, i: int, people, hard=()) -> bool:
    """Does a person stand right after token ``i``, with only articles and titles between ("seized
    Venezuelan President Nicolás Maduro", "secuestró al presidente Maduro")? "seized a tanker
    carrying Maduro's oil" has a thing as object, and so has "seized Maduro's plane". A date
    expression between does not count ("respaldando en 2019 al jefe de la legislatura, Juan Guaidó")."""
    dated = [n for n in range(i, len(toks)) if n < len(hard) and hard[n]
             or n + 1 < len(hard) and hard[n + 1] and toks[n][2].lower() in _DATE_PREPOSITIONS]
    for n in range(i, min(len(toks), i + OBJECT_WORDS + 1 + len(dated) + TITLE_WORDS)):
        s, e, w = toks[n]
        if n in dated:
            continue
        if any(s < e2 and s2 < e for s2, e2 in people) or w.lower() in _PERSON_PRONOUNS:
            return not w.lower().endswith(("'s", "’s"))
        if (w.lower() not in _DETERMINERS and w.lower() not in _TITLES and not w[:1].isupper()
                and not w.lower().endswith(("'s", "’s"))):  # "the country's opposition leader, Juan Guaidó"
            return False
    return False


_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "fue", "fueron", "sido", "es", "son"})


_PERFECT = frozenset({"has", "have", "had", "ha", "han", "había", "habían"})


def _person_precedes(toks, i: int, people) -> bool:
    """Is token ``i`` a passive whose subject is a person ("Maduro was seized", "Maduro fue
    secuestrado")?"""
    if i < 2 or toks[i - 1][2].lower() not in _PASSIVE:
        return False
    subject = i - 2
    if subject > 0 and toks[subject][2].lower() in _PERFECT:
        subject -= 1  # "Maduro has been flown out", "Maduro ha sido trasladado"
    if toks[subject][2].lower() in _WHO_WORDS and subject > 0:
        subject -= 1  # "Maduro, who was seized", "Maduro, quien fue capturado"
    s, e, _ = toks[subject]
    return any(s < e2 and s2 < e for s2, e2 in people)


# (or an apposition: "Edmundo González, the former presidential candidate, left Venezuela")
_WHO_CLAUSE = re.compile(r"\s*,\s*(?:(?:who|quien)\b[^;]*|(?:the|a|an|el|la|un|una)\b[^;,]*),\s*", re.IGNORECASE)


def _person_subject(toks, i: int, people, sentence: str = "") -> bool:
    """Is a person the subject right before token ``i`` ("Chávez died", "Chávez, who died",
    "Chávez had died", "el presidente Chávez falleció"), or before a relative clause that ends
    right before it ("Chávez, who transformed the nation ..., died March 5")?"""
    if sentence and any(e2 <= toks[i][0] and _WHO_CLAUSE.fullmatch(sentence, e2, toks[i][0]) for _, e2 in people):
        return True
    n = i - 1
    while n >= 0 and toks[n][2].lower() in _PERFECT | _WHO_WORDS:
        n -= 1

    def named(k: int) -> bool:
        return any(toks[k][0] < e2 and s2 < toks[k][1] for s2, e2 in people)

    # (a second surname the name list leaves out: "Hugo Chavez Frias died")
    for _ in range(2):
        if n > 0 and toks[n][2][:1].isupper() and not named(n):
            n -= 1
    return n >= 0 and named(n)


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


def token_span(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The first and last token of a character span of the sentence."""
    d0 = _token_index(sentence, span[0])
    return d0, max(d0, _token_index(sentence, max(span[0], span[1] - 1)))


def _gap(t: Trigger, d: tuple[int, int]) -> int:
    d0, d1 = d
    return 0 if (t.first <= d1 and t.last >= d0) else (d0 - t.last if t.last < d0 else t.first - d1)


_WHO_WORDS = frozenset({"who", "quien", "que"})
_NEGATIONS = frozenset({"no", "not", "never", "without", "sin", "ningún", "ninguna", "nunca"})
#: Words inside a name: capitalised, or joining capitalised ones ("Office of Foreign Assets Control").
_NAME_WORD = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w.’'-]*|of|the|de|del|la|los|las|and|y|’s|'s)$")
_PURPOSE = re.compile(r"\b(?:to|para)\s+$", re.IGNORECASE)
_BY_DOING = re.compile(r"\bby\s+[a-z]+ing\s+(?:[^\s,;]+\s+){0,2}$", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\b(?:as|when|after|before|while|since|following|amid|because|although|cuando|mientras|tras|porque|aunque|"
    r"después de que|antes de que)\b",
    re.IGNORECASE)
_CONSEQUENCE = re.compile(r"\b(?:therefore|thus|hence|consequently|as a result|por lo tanto|por ende|por consiguiente|"
                          r"en consecuencia|por lo que)\b", re.IGNORECASE)
_THAT = re.compile(r"\b(?:that|que)\b|:", re.IGNORECASE)
#: A complement without "that": a subject of a few words, then an auxiliary ("said the US military has ...").
_BARE_COMPLEMENT = re.compile(r"\s+(?:the|a|an|his|her|its|their|US|U\.S\.)\s+(?:[\w.’'-]+\s+){0,3}?"
                              r"(?:has|have|had|was|were|will|would)\b")
_CLAUSE = re.compile(r"[,;—–]|[\"”»]")
_WHICH = frozenset({"that", "which", "who", "que", "cual", "quien"})
#: What describes a thing right after it: a relative clause or a participle ("granted", "otorgada").
_MODIFIER = re.compile(r"\b(?:that|which|que|\w+(?:ed|ado|ada|ados|adas|ido|ida|idos|idas))\b", re.IGNORECASE)
MODIFIER_CHARS = 80
#: An undoing word governs the date right after it: "expire on April 18", "vence el 18 de abril",
#: "expired April 18" (the date's own "on"/"el" may be outside its span).
DATE_AFTER_CHARS = 6
UNDONE_DATE_WORDS = 8  # ... within this many words after the trigger it undoes
_BEFORE_DATE = re.compile(r"\s*(?:(?:on|in|at|el|en|este|esta)\s+)?", re.IGNORECASE)
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*(?=\w+(?:ed|ado|ada|ados|adas|ido|ida|idos|idas)\b)", re.IGNORECASE)
#: What may stand between a happening and its own date: "the strike of September 2", "el ataque del martes".
_DATE_NEXT = re.compile(r"\s*(?:(?:of|on|from|de|del)\s+)?", re.IGNORECASE)
#: The word opening what someone is asked to do: "to", "que", a Spanish infinitive ("reconocer", "levantarlas").
_ASKED = re.compile(r"(?i:to|que|\w{2,}(?:ar|er|ir)(?:se|lo|la|le|los|las|les)?)$")


def _in_aside(sentence: str, t: Trigger, date_span) -> bool:
    """Is the trigger in a clause that does not hold the date and only frames or describes:
    between commas and opening with "after", "as", "cuando"... ("This Saturday, and after
    announcing it for months, Trump invoked"); an apposition opening with "who", "quien" or a
    participle ("Guaidó, reconocido como presidente por 54 países, había convocado una marcha");
    or the clauses before the date's one when the sentence opens with "after", "tras"... ("Hours
    after an operation that plucked Maduro from power, apparently on board a warship, Trump said
    on Saturday")?"""
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, t.start)), default=0)
    end = next((m.start() for m in _CLAUSE.finditer(sentence, t.end)), len(sentence))
    if date_span and start <= date_span[0] < end:
        return False
    opening = sentence[start:t.start].split()[:3]  # "and after", "Hours after", "Poco después de"
    if any(_SUBORDINATE.fullmatch(w) for w in opening) or _SAME_DAY.match(sentence, start) or _FRAME.match(
            sentence, start) or _AL_INFINITIVE.match(sentence, start):
        return True
    if date_span and t.start < date_span[0]:
        first = sentence[:t.start].split()[:3]
        dated = max((m.end() for m in _CLAUSE.finditer(sentence, 0, date_span[0])), default=0)
        if t.end <= dated and any(_LEADING.fullmatch(w) for w in first):
            return True
    # An apposition: commas on both sides, the date elsewhere.
    if start == 0 or end == len(sentence) or sentence[start - 1] != "," or sentence[end] != ",":
        return False
    words = sentence[start:t.end].split()
    return bool(words) and (_RELATIVE.fullmatch(words[0]) is not None
                            or (words[0] == sentence[t.start:t.end].split()[0] and _PARTICIPLE.search(words[0]) is not None))


_DEMONSTRATIVE = re.compile(r"\b(?:this|these|este|esta|estos|estas|ese|esa|esos|esas|dicho|dicha|dichos|dichas)\s+$",
                            re.IGNORECASE)
_LEADING = re.compile(r"after|before|following|amid|tras|después|antes", re.IGNORECASE)
#: "Este sábado, el mismo día en el que la oposición y el gobierno reiniciaron el diálogo, ...": a
#: clause naming what else happened that day.
_SAME_DAY = re.compile(r"\s*(?:on\s+)?(?:the|el|la)\s+(?:same|mismo|misma)\s+(?:day|date|día|fecha|jornada)\b",
                       re.IGNORECASE)
#: "..., como parte de una renovada ofensiva contra el narcotráfico": a clause naming the campaign the
#: happening belongs to, not another happening.
_FRAME = re.compile(r"\s*(?:as\s+part\s+of|como\s+parte\s+de|en\s+el\s+marco\s+de|within\s+the\s+framework\s+of)\b",
                    re.IGNORECASE)
#: "..., ordenó el presidente, al acusarlos de sabotaje": "al" and an infinitive say what went with it.
_AL_INFINITIVE = re.compile(r"\s*al\s+\w+(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?\b", re.IGNORECASE)
#: A relative pronoun right before a trigger ("who were detained", "quienes fueron liberados").
_WHO = re.compile(r"\b(?:who|which|quien|quienes)\s+((?:(?:have|has|had|been|was|were|are|is|ha|han|había|habían|"
                  r"sido|fue|fueron|estaba|estaban|está|están)\s+){0,2})$", re.IGNORECASE)
_RELATIVE = re.compile(r"who|whom|whose|which|quien|quienes|cuyo|cuya|cuyos|cuyas", re.IGNORECASE)
_PARTICIPLE = re.compile(r"(?:ed|ado|ada|ados|adas|ido|ida|idos|idas)$", re.IGNORECASE)
_ON = re.compile(r"\b(?:on|under)\s+(?:\S+\s+)?$")
_STATES = frozenset({"charge", "arrest"})
_DESCRIBING = frozenset({"so", "el", "la", "los", "las", "un", "una"})
# What follows these is a clause said, not an object talked about ("confirmed it had seized").
# (also "by imposing": how the talker answered, a deed of its own; and a second verb after "and",
# "rejected Maduro on Wednesday and recognized Guaidó", "rechazó … y reconoció")
_OPENS_WORDS = re.compile(r"\b(?:that|que|had|has|have|was|were|is|are|would|will|había|habían|ha|han|fue|fueron)\b"
                          r"|[,;:]|\bby\s+[a-z]+ing\b"
                          r"|\band\s+(?:then\s+|also\s+)?[a-z]+ed\b|\by\s+(?:luego\s+|también\s+)?[a-záéíóú]+(?:ó|aron|ieron)\b",
                          re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|out of)\s+(?:(?:the|a|an|his|her|their|its|[A-Z][\w’'-]*)\s+){0,2}$")
_CONTROL = frozenset({"agreement"})
#: What no one does by agreeing to it: "acordaron adelantar elecciones" tells the agreement; the vote comes later.
_HELD_LATER = frozenset({"election"})
#: "agreed (Wednesday) (to) (temporarily) suspend": "to" or a Spanish infinitive opening what was agreed.
_TO = re.compile(r"(?:\S+ ){0,3}?(?:to \S+|\w+(?:ar|er|ir))\b", re.IGNORECASE)
_MEANS = re.compile(r"\b(?:in|en|through|mediante)\s+(?:a|an|the|un|una|el|la)\s+"
                    r"(?:(?!(?:were|was|is|are|been|had|has|have|fue|fueron|ha|han)\b)[\w-]+\s+){0,2}$",
                    re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|desde)\b", re.IGNORECASE)
_DATE_CLAUSE = re.compile(r"\s*,?\s*(?:when|cuando|en que|in which)\b[^,;]*$", re.IGNORECASE)
_SETTING = re.compile(r"\b(?:during|durante|amid|en el marco de)\s+(?:[^\s,;]+\s+){0,3}$", re.IGNORECASE)
_PARTICIPLE_SAYING = re.compile(r",\s*$")
_GERUND = re.compile(r"(?:ing|ando|iendo)$", re.IGNORECASE)
_QUOTE = re.compile(r'“[^”]*”|"[^"]*"|«[^»]*»')


def _quoted(sentence: str, t: Trigger, date_span) -> bool:
    """Is the trigger inside a quotation of words said (at least ``QUOTE_WORDS`` words: a few quoted
    words, "a 'military option'", are a term) that does not hold the date expression?"""
    for m in _QUOTE.finditer(sentence):
        if m.start() <= t.start and t.end <= m.end() and len(m.group().split()) >= QUOTE_WORDS:
            if _THAT_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
                return False  # it goes on a clause opened outside: "said that González “has left the country”"
            return not (date_span and m.start() <= date_span[0] < m.end())
    return False


#: A "that" clause with its subject before a quotation: the quotation is that clause's rest.
_THAT_BEFORE = re.compile(r"\b(?:that|que)\s+(?:[A-ZÁÉÍÓÚ][\w.'-]*\s+){1,3}$")


def _alongside(sentence: str, s: Trigger) -> bool:
    """Is ``s`` a saying that goes along with the happening, in a participle after a comma
    ("..., claiming that", "..., citing", "..., afirmando que")? Its content is not what is dated."""
    return (s.speech and _PARTICIPLE_SAYING.search(sentence[max(0, s.start - 3):s.start]) is not None
            and _GERUND.search(sentence[s.start:s.end].split()[0]) is not None)


def _relays(triggers: list[Trigger], sentence: str, d: tuple[int, int]) -> dict:
    """Words said pass their date on to what was said: "Venezuela freed ten Americans, officials
    said Friday" and "officials said Friday that Venezuela freed ten Americans" date the release.

    Returns, for each trigger of the content, the distance of the saying from the date."""
    out: dict = {}
    toks = _tokens(sentence)
    for s in triggers:
        if not s.speech or _alongside(sentence, s):
            continue
        g = _gap(s, d) + 1
        # ", officials said Friday": a short attribution after the content's clause.
        comma = max((m.end() for m in _CLAUSE.finditer(sentence, 0, s.start)), default=None)
        # (a name counts as one word: "the U.S. Department of the Treasury's Office of Foreign Assets
        # Control announced on Oct. 18")
        short = comma is not None and sum(1 for a, _, w in toks if comma <= a < s.start
                                          and not _NAME_WORD.match(w)) <= ATTRIBUTION_WORDS
        # "officials said Friday that ...": the complement opens right after the saying.
        # (the date's words and names do not count: "reveló el 15 de septiembre de 2025 que", "anunció por
        # medio de Truth Social que")
        n, words = s.last, 0
        while n + 1 < len(toks) and words < COMPLEMENT_WORDS:
            n += 1
            # (a name of several words counts as one)
            words += not (d[0] <= n <= d[1] or toks[n][2][:1].isupper() and n + 1 < len(toks)
                          and toks[n + 1][2][:1].isupper())
        that = _THAT.search(sentence, s.end, toks[n][1])
        if that and _CLAUSE.search(sentence, s.end, that.start()):
            that = None  # "..., Trump said on Wednesday, a move that sent prices higher": no complement
        if that is None and s.last + 1 < len(toks):
            # "Trump on Monday said the American military has once again carried out a strike": a complement
            # without "that" opens with its subject and an auxiliary
            bare = _BARE_COMPLEMENT.match(sentence, s.end)
            that = bare if bare and not _CLAUSE.search(sentence, s.end, bare.end()) else None
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
    d = token_span(sentence, date_span) if date_span else (0, 0)
    # Only dates near ours can be nearer to a trigger worth choosing (a sentence may hold hundreds).
    near = [o for o in other_dates if o != date_span and abs(o[0] - (date_span or (0, 0))[0]) <= NEAR_CHARS]
    others = [token_span(sentence, o) for o in near]
    # A happening outside the classes claims the date only standing right at it ("Last year's award").
    triggers = [t for t in triggers if (t.action != OTHER or _gap(t, d) <= OTHER_NEAR)
                and (t.own_date is None or t.own_date == date_span)]
    if not triggers:
        return None
    relayed = _relays(triggers, sentence, d)
    # A quoted warning is still a warning: only other classes yield to the saying.
    quoted = {t for t in triggers if not t.speech and t.action != "threat" and _quoted(sentence, t, date_span)}

    def distance(t: Trigger) -> float:
        gap = _gap(t, d) if t in quoted else min(_gap(t, d), relayed.get(t, 10**6))
        # Counted by the words between, not through a relay: what was said may hold a happening of
        # another date ("... una recuento de las elecciones del domingo que lo dieron como ganador").
        owned = any(_gap(t, o) < _gap(t, d) for o in others)
        # "confirmó el lunes que se reunió ... el fin de semana": what was said carries its own date,
        # so the saying's date is the saying's.
        if date_span and not owned and t.start >= date_span[1] and _THAT.search(sentence, date_span[1], t.start):
            owned = any(o[0] >= t.end and not _CLAUSE.search(sentence, t.end, o[0])
                        and _gap(t, token_span(sentence, o)) <= OWN_DATE_WORDS for o in near)
        # "... on Friday as he was sworn in": a later clause of its own is another happening.
        segment = max((m.end() for m in _CLAUSE.finditer(sentence, 0, t.start)), default=0)
        between = sentence[max(date_span[1], segment):t.start] if date_span and t.start >= date_span[1] else ""
        subordinate = bool(_SUBORDINATE.search(between)) or _in_aside(sentence, t, date_span)
        # "... signed in Barbados in October 2023, and therefore, General License 44 ... will expire": what
        # follows from the dated happening is another one.
        if date_span and t.start >= date_span[1] and _CONSEQUENCE.search(sentence, date_span[1], t.start):
            subordinate = True
        # "since 1961, when the two countries broke relations": a clause that says what the date is.
        if date_span and t.start >= date_span[1] and _DATE_CLAUSE.match(sentence, date_span[1], t.start):
            subordinate = False
        # "no tienen relaciones diplomáticas desde 2019, cuando Trump reconoció a Guaidó": the "when"
        # clause says what happened at the date; what the sentence says before it only holds since then.
        if date_span and t.end <= date_span[0] and _SINCE.search(sentence[max(0, date_span[0] - 8):date_span[0] + 6]) and any(
                not o.speech and o.start >= date_span[1] and _DATE_CLAUSE.match(sentence, date_span[1], o.start)
                for o in triggers):
            subordinate = True
        # "signed Tuesday during the annual meeting": the setting of another happening;
        # "..., claiming that", "..., citing": words said alongside the happening.
        setting = _SETTING.search(sentence, max(0, t.start - 30), t.start)
        if setting and date_span and (setting.start() <= date_span[0] < t.start or (
                t.end <= date_span[0] and not _CLAUSE.search(sentence, t.end, date_span[0]))):
            # "during today's polling day", "amid sanctions in force since 2019": the date's own happening
            setting = None
        # (a saying alongside no happening is still what is dated: "tore into Bush Wednesday,
        # likening him to the devil")
        alongside = _alongside(sentence, t) and any(not o.speech for o in triggers)
        if (not t.speech and setting) or alongside or any(
                _alongside(sentence, s) and s.last < t.first and not _CLAUSE.search(sentence, s.end, t.start)
                and not (date_span and s.end <= date_span[0] < t.start) for s in triggers):
            subordinate = True
        # "Horas antes de anunciar la muerte del mandatario, Maduro anunció la expulsión": what a count of
        # hours is counted from is not what it dates, though it is of the same day.
        if date_span and _COUNTED_FROM.search(sentence, date_span[0], date_span[1]) and not _A_DAY_OR_MORE.search(
                sentence, date_span[0], date_span[1]) and _OF.match(sentence, date_span[1]):
            close = _BREAK.search(sentence, date_span[1])
            if date_span[1] <= t.start and (close is None or t.end <= close.start()):
                subordinate = True
        # "recognised Guaidó when he declared himself president in January 2019": a "when" clause after
        # the main happening tells when it happened, not what.
        date_clause = date_span and t.start >= date_span[1] and _DATE_CLAUSE.match(sentence, date_span[1], t.start)
        if not t.speech and not date_clause and any(
                not o.speech and o.last < t.first and _WHEN.search(sentence, o.end, t.start) for o in triggers):
            subordinate = True
        # "captured Maduro on Saturday in a raid", "capturado en una operación militar": the means of
        # a happening told before it in the clause.
        # (Not of a happening another date expression dates: "elections this year in an agreement
        # brokered in October" tells the agreement of October.)
        if not t.speech and _MEANS.search(sentence, max(0, t.start - 40), t.start) and any(
                not o.speech and o.last < t.first and not _CLAUSE.search(sentence, o.end, t.start)
                and not any(_gap(o, x) < _gap(o, d) for x in others)
                for o in triggers):
            subordinate = True
        # "fue capturado y trasladado tras un ataque": what the clause names as coming before the
        # happening it tells first is not that happening.
        # (Unless the date stands in that phrase: "comes weeks after the administration agreed".)
        after = _after_word(sentence, t)
        if (not t.speech and t.action not in ARRIVING and after is not None and date_span
                and (date_span[1] <= after or _CLAUSE.search(sentence, t.end, date_span[0]))
                and any(not o.speech and o.end <= after
                        # (not a happening another date dates: "el ataque ocurre dos semanas después de
                        # que Estados Unidos derribara otra lancha, el pasado 2 de septiembre")
                        and not any(_gap(o, x) < _gap(o, d) for x in others) for o in triggers)):
            subordinate = True
        # "six jailed Americans", "los estadounidenses encarcelados": a participle that describes whom
        # another happening befalls is no arrest of its own.
        if t.action in ATTRIBUTIVE and _attributive(sentence, t, date_span) and any(
                o is not t and not o.speech and o.action != t.action for o in triggers):
            subordinate = True
        # "ten Americans who were detained in Venezuela were released": a relative clause describes
        # whom the happening told after it befalls (unless the date stands in that clause). With
        # auxiliaries between ("who have been detained"), only when the later one is a verb too
        # ("... have been released"), not a noun of the clause ("who were arrested during a trip").
        later = [o for o in triggers if o is not t and not o.speech and o.first > t.last]
        who = later and _WHO.search(sentence[max(0, t.start - 30):t.start])
        if (not t.speech and who and (not who.group(1) or _BE_BEFORE.search(sentence[max(0, later[0].start - 30):later[0].start]))
                and not (date_span and t.start <= date_span[0] < later[0].start)):
            subordinate = True
        # "agreed Wednesday to suspend some sanctions", "acordaron reanudar los vuelos": what was
        # agreed is the happening.
        if t.action in _CONTROL and any(
                o is not t and not o.speech and o.action not in _HELD_LATER and o.first > t.last and o.first - t.last <= CONTROL_WORDS
                and _TO.match(" ".join(w for _, _, w in _tokens(sentence)[t.last + 1:o.first + 1]))
                and not _CLAUSE.search(sentence, t.end, o.start) for o in triggers):
            subordinate = True
        # "said she dedicated this award to her people": a happening pointed at as known is what the
        # words are about, once someone speaks before it.
        if not t.speech and _DEMONSTRATIVE.search(sentence[max(0, t.start - 8):t.start]) and any(
                o.speech and o.last < t.first for o in triggers):
            subordinate = True
        # "responded to the election by imposing sanctions": what words answered is not the happening
        # when a deed follows as how they answered.
        if not t.speech and any(
                s.speech and s.last < t.first and o.first > t.last and _BY_DOING.search(sentence, t.end, o.start)
                and not _CLAUSE.search(sentence, s.end, o.start)
                for s in triggers for o in triggers if not o.speech):
            subordinate = True
        # "a raid to capture him", "para liberar": what was meant, not what happened.
        purpose = any(o is not t and o.last < t.first for o in triggers) and _PURPOSE.search(
            sentence[max(0, t.start - 6):t.start]) is not None
        return (gap + (SPEECH_PENALTY if t.speech else 0) + (OWNED_PENALTY if owned else 0)
                + (SUBORDINATE_PENALTY if subordinate else 0) + (PURPOSE_PENALTY if purpose else 0)
                + (QUOTE_PENALTY if t in quoted else 0))

    # "arrived in New York on Saturday evening after his capture": what the clause names only as
    # coming before the dated happening is not it, though another happening the sentence tells may be
    # ("Este miércoles, luego de la juramentación de Guaidó, la Casa Blanca hizo oficial que Trump lo
    # reconoció"). (A release or a deportation ends in an arrival: "llegó a Venezuela este miércoles
    # luego de ser liberado" is the release.)
    before = [t for t in triggers if date_span and not t.speech and t.action not in ARRIVING
              and (_came_before(sentence, t, date_span[1]) or _fronted_after(sentence, t, date_span))]
    triggers = [t for t in triggers if t not in before]
    # "Las tensiones escalaron este martes después de que fuerzas estadounidenses realizaran un ataque":
    # with nothing else to date, a date right before "after" dates what the phrase tells.
    if before and not triggers and date_span:
        opened = _AFTER.search(sentence, date_span[1])
        # ... when the phrase is a clause with its own subject ("después de que fuerzas ... realizaran",
        # "after U.S. forces struck"), not a happening named as known ("after the operation").
        if (opened and len(sentence[date_span[1]:opened.start()].split()) <= AFTER_DATE_WORDS
                and _AFTER_CLAUSE.match(sentence, opened.end())):
            triggers = [t for t in before if t.start >= opened.start()]
    # "... gave diplomats 72 hours to leave after President Trump on Wednesday backed Guaidó": a date
    # inside an "after" phrase dates what the phrase tells, not the happening before it.
    if date_span:
        clause = max((m.end() for m in _BREAK.finditer(sentence, 0, date_span[0])), default=0)
        opened = _AFTER.search(sentence, clause, date_span[0])
        between = sentence[opened.end():date_span[0]] if opened else ""
        # ("stormed aboard ... just after dawn on Wednesday": a time of day, no happening before)
        if opened and len(between.split()) <= AFTER_DATE_WORDS and not _AND.search(between) \
                and not _TIME_OF_DAY.match(between):
            triggers = [t for t in triggers if t.start >= opened.start()]
    if not triggers:
        return None
    best = min(triggers, key=lambda t: (distance(t) - PRIORITY_WEIGHT * t.priority, t.first))
    # Words said far from the date, with nothing else near it, do not say what the date dates
    # ("... after undergoing surgery in December, the government said"): the happening is other.
    if best.speech and distance(best) > FAR_SPEECH:
        return None
    return best


def mentioned(sentence: str, language: str, date_span: tuple[int, int] | None) -> frozenset[str]:
    """Classes of every happening the sentence names, not only the coded one, leaving out those in
    a clause that only frames the dated one ("Hours after an operation that plucked Maduro from
    power, Trump said on Saturday that ..." names no capture as what Trump said)."""
    found = Taxonomy.default().find(sentence, language, [date_span] if date_span else [], talked_about=True)
    return frozenset(t.action for t in found if not t.speech and t.action != OTHER
                     and not _in_aside(sentence, t, date_span) and not _came_before(sentence, t))


def preceding(sentence: str, language: str, date_span: tuple[int, int] | None) -> frozenset[str]:
    """Classes of the happenings an "after" phrase opening the sentence names as coming before the
    dated one ("After winning the peace prize, Machado on Friday said ...": the prize)."""
    if not date_span:
        return frozenset()
    found = Taxonomy.default().find(sentence, language, [date_span])
    return frozenset(t.action for t in found if not t.speech and t.action != OTHER
                     and _fronted_after(sentence, t, date_span))


def earlier(sentence: str, language: str, date_span: tuple[int, int] | None) -> frozenset[str]:
    """Classes of the happenings the sentence names, anywhere, as coming before another it tells
    ("anunció que 11 narcoterroristas murieron luego de un ataque": the strike)."""
    found = Taxonomy.default().find(sentence, language, [date_span] if date_span else [])
    return frozenset(t.action for t in found if not t.speech and t.action != OTHER
                     and not _in_aside(sentence, t, date_span) and _came_before(sentence, t))


#: Words that open a phrase naming what came before the sentence's happening ("… will run Venezuela
#: in the wake of the raid", "…, tras la operación militar", "en respuesta a la juramentación").
_WHEN = re.compile(r"\b(?:when|while|cuando|mientras)\b", re.IGNORECASE)
AFTER_WORDS = (r"(?:after|following|in the wake of|in response to|in retaliation for|tras|luego de|después de|"
               r"luego que|después que|"
               r"a raíz de|en respuesta al?|en represalia por)")
_AFTER = re.compile(rf"\b{AFTER_WORDS}\b", re.IGNORECASE)
_BREAK = re.compile(r"[,;—–]")
#: A day counted in hours or minutes from another happening: "horas antes", "minutes after". (Counted in
#: days or more, "dos días después del ataque", the date is the clause's: it dates the attack.)
_COUNTED_FROM = re.compile(r"\b(?:horas?|minutos?|hours?|minutes?)\s+(?:antes|después|before|after)\s*$",
                           re.IGNORECASE)
_OF = re.compile(r"\s+(?:de|del|of)\b", re.IGNORECASE)
#: Hours that make a day or more ("24 horas después de su discurso" dates the speech, as a day would).
_A_DAY_OR_MORE = re.compile(r"\b(?:2[4-9]|[3-9]\d|\d{3,})\b|\b(?:veinticuatro|cuarenta y ocho|twenty-four|forty-eight)\b",
                            re.IGNORECASE)
_AFTER_CLAUSE = re.compile(r"\s+(?:(?:de\s+)?que\b|(?!(?:The|A|An|His|Her|Its|Their)\b)[A-Z])")
_AND = re.compile(r"\b(?:and|y|e)\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\s*(?:the\s+|la\s+|el\s+|del\s+)?(?:dawn|dusk|midnight|noon|sunrise|sunset|nightfall|"
                          r"daybreak|madrugada|medianoche|mediodía|amanecer|anochecer)\b", re.IGNORECASE)


#: Classes whose participle often describes a person rather than telling a happening.
ATTRIBUTIVE = frozenset({"arrest"})
_PARTICIPLE_WORD = re.compile(r"^\w+(?:ed|ado|ada|ados|adas|ido|ida|idos|idas)$", re.IGNORECASE)
#: ... and the irregular ones that follow what was imposed or done ("las sanciones impuestas el martes").
_TOPIC_PARTICIPLE = re.compile(rf"{_PARTICIPLE_WORD.pattern}|^(?:impuest[oa]s?|hech[oa]s?|suscrit[oa]s?|dispuest[oa]s?)$",
                               re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are|had|has|have|fue|fueron|sido|ha|han|había|habían|"
                        r"está|están|estaba|estaban|son|es|sean|sea)\s+(?:\w+\s+)?$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"(?:\b\d+|\b(?:the|his|her|their|its|other|two|several|many|some|los|las|sus|otros|dos|"
                           r"varios|varias|muchos|algunos|algunas|" +
                           "|".join(NUMBER_WORDS) + r"))\s+$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b[^\W\d_]{4,}s\s+$")


def _attributive(sentence: str, t: Trigger, date_span: tuple[int, int] | None) -> bool:
    """Is the trigger a single participle describing a noun ("six jailed Americans", "estadounidenses
    encarcelados") rather than a verb with a subject of its own ("were jailed", "fueron encarcelados")
    or one the date dates ("executives jailed in 2017", "detenido en noviembre pasado")?"""
    word = sentence[t.start:t.end]
    if " " in word or not _PARTICIPLE_WORD.match(word):
        return False
    ahead = sentence[max(0, t.start - 30):t.start]
    if _BE_BEFORE.search(ahead):
        return False
    if _COUNT_BEFORE.search(ahead):  # "six jailed Americans", "los detenidos"
        return True
    # Spanish also describes after the noun ("estadounidenses encarcelados"), unless the date dates it
    # ("... detenido en noviembre pasado"); English "executives jailed in 2017" tells the jailing.
    dated = date_span and date_span[0] >= t.end and len(sentence[t.end:date_span[0]].split()) <= 4
    return not word.lower().endswith("ed") and not dated and bool(_NOUN_BEFORE.search(ahead))


def _came_before(sentence: str, t: Trigger, start: int = 0) -> bool:
    """Is the trigger inside an "after ..." phrase of its clause (from ``start`` on): a happening named
    as what came before, not what the sentence tells ("Trump said Saturday the US will run Venezuela
    after the raid" says nothing about the raid)?"""
    return t.start >= start and _after_word(sentence, t, start) is not None


def _fronted_after(sentence: str, t: Trigger, date_span: tuple[int, int]) -> bool:
    """Is the trigger in an "after ..." phrase opening the sentence, the date in a later clause
    ("After winning the peace prize, the opposition leader on Friday said ...": the prize came before)?"""
    opened = _AFTER.search(sentence, 0, t.start)
    if opened is None or len(sentence[:opened.start()].split()) > 2:
        return False
    close = _BREAK.search(sentence, t.end)
    if close is None or close.end() > date_span[0] or _BREAK.search(sentence, 0, opened.start()):
        return False
    # (", ocurrida la madrugada del sábado," / ", which took place on Saturday,": the date still describes it)
    first = sentence[close.end():date_span[0]].split()[:1]
    return not (first and (_RELATIVE.fullmatch(first[0]) or _PARTICIPLE_WORD.match(first[0])
                           or first[0].lower() in ("que", "that")))


def _after_word(sentence: str, t: Trigger, start: int = 0) -> int | None:
    """Where the "after" opening the phrase that holds the trigger stands in its clause, if any."""
    clause = max((m.end() for m in _BREAK.finditer(sentence, start, t.start)), default=start)
    found = _AFTER.search(sentence, clause, t.start)
    return found.start() if found else None


def classify(sentence: str, language: str, date_span: tuple[int, int] | None,
             masked=(), other_dates=(), people=()) -> tuple[str, Trigger | None]:
    """(action class, trigger) of the happening the date expression dates in ``sentence``.

    ``masked``: actor names (no single-word trigger); ``people``: those that name persons;
    ``other_dates``: the sentence's other date expressions, each of which dates the happenings
    nearest to it."""
    taxonomy = Taxonomy.default()
    dates = [*([date_span] if date_span else []), *other_dates]
    found = taxonomy.find(sentence, language, dates, names=masked, people=people)
    trigger = choose(found, sentence, date_span, other_dates)
    return (trigger.action if trigger else OTHER), trigger
