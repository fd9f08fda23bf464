"""Facts: events from different articles that state the same dated fact, merged into one.

The raw event table (one row per date expression) stays as it is; the fact table is
a view derived from it (see docs/facts.md). Two events are **linked** when every one
of these holds, and each check is written into the fact's ``merge_reason``:

1. **Different articles**, both dates resolved. Unresolved events never merge.
2. **Compatible dates**: the same value; or a finer date inside a coarser one (a day
   in its week or month; in a season, quarter or year only with stricter wording
   checks); or, the one tolerated disagreement, two days one day apart where at
   least one side was worked out from the publication date (a weekday, "today":
   a time-zone or reporting-day shift moves it by a day) and the wording is stricter
   still. Ranges and decades merge only with the very same range.
3. **Shared actors** beyond the generic pair {Venezuela, United States}.
4. **Shared topics**, when both events have topics.
5. **Similar statements**: on the sentence's content words (the date expression,
   actor names and stop words taken out; lowercase, accents folded), rapidfuzz
   ``token_set_ratio`` and the Jaccard share of words in common must both clear the
   thresholds of the date relation, with at least ``MIN_SHARED_WORDS`` words in common.
6. **No conflicting numbers**: when both sentences carry figures ("$25 million",
   "four men") other than years, at least one must agree.

Events with action classes link on their codes (the same or agreeing classes, agreeing roles,
compatible dates; wording, names and figures where the codes say less). Linked events are grouped
strongest links first (ties broken by ``tie_key``: the article's name and the expression's place,
not the event id, which carries a hash of the file's bytes): two groups join when ``LINK_SHARE`` (a
quarter) of the pairs of articles across them link, none conflicts, and some link across is not weak;
events without codes need every pair linked (complete linkage). So the result depends neither on row
order nor on how ids are made. Reprints of one story (``syndication``) may join a fact but count as one
source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import PurePosixPath

import pandas as pd
from rapidfuzz import fuzz

from .actions import OTHER, STATEMENT, Taxonomy, key
from .syndication import syndication_groups
from .wording import cognates, content_words, money_of, names_of, numbers_of
from .store import FACT_COLUMNS

#: Actors too common in this coverage to show that two sentences are about the same thing.
GENERIC_ACTORS = frozenset({"Venezuela", "United States"})

#: Thresholds per date relation: (token_set_ratio, Jaccard share of content words).
SAME_DATE = (60.0, 0.20)
WITHIN_SHORT = (60.0, 0.20)   # a day in its week or month
WITHIN_LONG = (65.0, 0.25)    # a day or month in its season, quarter or year
DISAGREE = (58.0, 0.15)       # two days one day apart: also MIN_SHARED_WORDS_DISAGREE words in common
MIN_SHARED_WORDS = 3
MIN_SHARED_WORDS_DISAGREE = 5
MIN_CONTENT_WORDS = 3
#: One quotation told by two outlets on its day: at least this many content words, and this share, in common.
QUOTED_WORDS = 5
QUOTED_JACCARD = 0.5
MAX_DISAGREE_DAYS = 1
#: Coded events: a range this short may hold a finer date of the same happening ("last weekend").
MAX_RANGE_DAYS = 31
#: A range as long as this at most ("the second half of 2024") holds a happening as a year does.
MAX_LONG_RANGE_DAYS = 366
#: A term of office: four years and a day.
MAX_TERM_DAYS = 1462
#: Coded events a season, quarter or year apart in precision, without a specific actor in common,
#: must share this Jaccard share of content words.
CODED_WITHIN_LONG_JACCARD = 0.2
#: Wording that supports a coded link between a date and a coarser one (Jaccard of content words).
CODED_WORDING_JACCARD = 0.1
#: Across languages, words spelt nearly alike count as wording from this many on.
MIN_COGNATES = 2
#: Figures too common to tie two reports together on their own ("two Americans", "1 a.m.").
_SMALL = frozenset({"0", "1", "2"})
#: Classes where both parties act (talks, an agreement): who is named as source or target is
#: the report's choice of subject, so roles are compared without their direction.
MUTUAL = frozenset({"meeting", "agreement"})
#: Ties between two states: one breaks them, but later reports say whose they were either way round
#: ("Maduro broke relations with the US"; "the US, which has had no relations with Venezuela since 2019").
BETWEEN = frozenset({"relations"})
#: Classes one side does to the other: "the US expelled Bolivia's ambassador" and "Chávez expelled the US
#: ambassador" are two expulsions of one day; US destroyers sent towards Venezuela and Maduro's militias
#: deployed against the United States, two deployments.
DIRECTED = frozenset({"expulsion", "military"})
#: Two groups of events join when this share of the pairs across them is linked (and none conflicts).
LINK_SHARE = 0.25
ROLE_CLASH_SHARE = 0.5   # groups whose pairs across link at least this much ...
ROLE_CLASH_MAX = 0.25    # ... may join though roles alone clash in this share of them

#: Syndication: headline match, or this rapidfuzz ratio on the first characters of the dated sentences.
_SHORT_CONTAINERS = {"week", "month"}
_LONG_CONTAINERS = {"season", "quarter", "year"}
_COARSE = frozenset({"month", "season", "quarter", "year"})  # dates that hold more than one happening of a class
_RESOLUTION_RANK = {"explicit": 0, "actor-period": 1, "weekday-corrected": 2, "year-inferred": 2, "relative": 3,
                    "anchored": 4}



@dataclass
class _Event:
    i: int
    event_id: str
    tie: str  # ``tie_key``: orders equally strong links
    article_id: str
    group: str
    value: str
    start: date
    end: date
    granularity: str
    resolution: str
    actors: frozenset
    specific: frozenset
    topics: frozenset
    words: frozenset
    text: str  # content words, sorted, space-joined (what rapidfuzz compares)
    numbers: frozenset
    language: str = ""
    action: str = ""
    source: frozenset = frozenset()
    target: frozenset = frozenset()
    money: frozenset = frozenset()
    mentioned: frozenset = frozenset()  # classes of every trigger in the sentence, not only the coded one
    preceding: frozenset = frozenset()  # classes an opening "after" phrase names as coming before
    earlier: frozenset = frozenset()  # a statement's: classes any "after" phrase names as coming before
    names: frozenset = frozenset()  # capitalised words that are no actor ("Barbados"): alike in both languages
    trigger: str = ""  # the coded trigger's stems ("coup", "recogn"): the happening's own word
    two_way: bool = False  # told as done by each side to the other ("a prisoner swap")
    #: The date dates the telling, not the deed: "Trump said Tuesday that forces struck a boat",
    #: "Washington, Sep 16: Trump said ...". The deed may be of the day before.
    told: bool = False
    #: Who the article's other reports of this class name, for a sentence that names nobody
    #: ("the meeting, which the Times said took place on Thursday").
    context: frozenset = frozenset()
    #: For a saying that names no happening: the classes of its article's deeds of its day.
    about: frozenset = frozenset()
    #: Told as apart from another of its article ("a separate set of sanctions, also on Tuesday").
    separate: bool = False
    #: Every day its sentence dates anything on: a sentence that names both days tells them apart.
    sentence_days: frozenset = frozenset()
    #: A day counted in weeks from another ("two weeks after", "hace dos semanas"): a day either way.
    rounded: bool = False
    #: A range still running when its article was written ("bajo la administración de Donald Trump"):
    #: the state of things then, not a time something was done in.
    ongoing: bool = False

    @property
    def names_none(self) -> bool:
        """Does its sentence name no happening at all ("Trump said in a Jan. 6 social media post")?"""
        return not (self.mentioned or self.preceding or self.earlier)

    @property
    def named(self) -> frozenset:
        """The happenings the sentence is about: those it names, or for a bare saying its day's deeds."""
        return self.mentioned | self.about

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    score: float
    reason: str
    #: Rests on the class, the day and Venezuela or the United States alone: nothing specific, no
    #: wording, name or figure in common. Such a link joins two reports, never a report to a group.
    weak: bool = False


@dataclass
class _Cluster:
    members: list[int]
    articles: set[str]
    reasons: list[str] = field(default_factory=list)


# --- preparing events ---------------------------------------------------------------


def tie_key(article_id: str, start: int, end: int, date_text: str) -> str:
    """An arbitrary but fixed order for links of equal strength: a hash of the article's file name
    without suffix or content hash ("x/a.json#1f2e3d4c" -> "a") and the expression's place.

    It leaves out what an article id adds to tell files apart (folder, suffix, bytes): a tie
    decides which of two equal links is taken first, and facts must not change with where a
    file sits or how ids are written. Record ids (no "#") are used whole."""
    name = article_id.rsplit("#", 1)[0]
    if name != article_id:  # a file's article: its file name, without folder or suffix
        name = PurePosixPath(name).stem
    return hashlib.sha1(f"{name}\x1f{start}\x1f{end}\x1f{date_text}".encode("utf-8")).hexdigest()[:16]


def _prepare(frame: pd.DataFrame, groups: dict[str, str]) -> list[_Event]:
    # every date expression of each sentence: a figure belongs to the date it stands nearest
    spans_of: dict[tuple, list[tuple[int, int]]] = {}
    for row in frame.itertuples(index=False):
        spans_of.setdefault((row.article_id, int(row.sentence_char_start)), []).append(
            (int(row.date_char_start) - int(row.sentence_char_start), int(row.date_char_end) - int(row.sentence_char_start)))
    out = []
    for i, row in enumerate(frame.itertuples(index=False)):
        if not isinstance(row.value, str) or not row.value or row.granularity == "unresolved":
            continue
        if not isinstance(row.date_start, str) or not isinstance(row.date_end, str):
            continue
        span = (int(row.date_char_start) - int(row.sentence_char_start),
                int(row.date_char_end) - int(row.sentence_char_start))
        sentence = row.sentence or ""
        others = [o for o in spans_of[(row.article_id, int(row.sentence_char_start))] if o != span]
        words = content_words(sentence, span)
        actors = frozenset(row.actors)
        out.append(_Event(
            i=i, event_id=row.event_id, article_id=row.article_id, group=groups.get(row.article_id, row.article_id),
            tie=tie_key(row.article_id, int(row.date_char_start), int(row.date_char_end), row.date_text),
            value=row.value, start=date.fromisoformat(row.date_start), end=date.fromisoformat(row.date_end),
            granularity=row.granularity, resolution=row.resolution or "", actors=actors,
            specific=actors - GENERIC_ACTORS, topics=frozenset(row.topics), words=frozenset(words),
            text=" ".join(sorted(set(words))), numbers=numbers_of(sentence, span, others),
            language=getattr(row, "language", "") or "",
            action=_text(getattr(row, "action", None)) or "",
            source=frozenset(_names(getattr(row, "actors_source", None))),
            target=frozenset(_names(getattr(row, "actors_target", None))),
            money=money_of(sentence, span, others),
            names=names_of(sentence, span),
            mentioned=_mentioned(sentence, getattr(row, "language", "") or "", span),
            preceding=_preceding(sentence, getattr(row, "language", "") or "", span),
            earlier=_earlier(sentence, getattr(row, "language", "") or "", span) if row.action == STATEMENT else frozenset(),
            trigger=_trigger_key(_text(getattr(row, "action_text", None)), getattr(row, "language", "") or ""),
            two_way=Taxonomy.default().two_way(_text(getattr(row, "action", None)) or "", sentence,
                                               getattr(row, "language", "") or ""),
            told=_told(sentence, span, _text(getattr(row, "roles_rule", None)) or ""),
            separate=bool(_SEPARATE.search(sentence)),
            rounded=(row.granularity == "day" and row.resolution in ("relative", "anchored")
                     and bool(_WEEKS.search(row.date_text or ""))),
            ongoing=(row.granularity == "range" and isinstance(getattr(row, "published", None), str)
                     and row.date_end >= row.published),
        ))
    days: dict[tuple[str, int], set] = {}
    starts = frame["sentence_char_start"].tolist()  # (``i`` counts rows, whatever the frame's index)
    sentence_of = {e.i: (e.article_id, int(starts[e.i])) for e in out}
    for e in out:
        if e.granularity == "day":
            days.setdefault(sentence_of[e.i], set()).add(e.value)
    for e in out:
        e.sentence_days = frozenset(days.get(sentence_of[e.i], ()))
    classes: dict[tuple[str, int], set] = {}
    for e in out:
        classes.setdefault(sentence_of[e.i], set()).add(e.action)
    starts_of: dict[str, list[int]] = {}
    for article, start in sorted(classes):
        starts_of.setdefault(article, []).append(start)
    texts = frame["sentence"].tolist()
    for e in out:
        article, start = sentence_of[e.i]
        if not e.separate and _SEPARATE_OPENING.search(texts[e.i] or ""):
            before = [s for s in starts_of[article] if s < start]
            e.separate = bool(before) and e.action in classes[(article, before[-1])]
    named: dict[tuple[str, str], set] = {}
    for e in out:
        named.setdefault((e.article_id, e.action), set()).update((e.actors | e.source | e.target) - GENERIC_ACTORS)
    for e in out:
        own = (e.actors | e.source | e.target) - GENERIC_ACTORS
        if not own and e.action:
            e.context = frozenset(named[(e.article_id, e.action)])
    # A saying that names no happening, dated the day its own article's deed is ("Pompeo said Thursday
    # it is a difficult moment"), is about that deed when the speaker is of the side that did it (of
    # the side it befalls, the speaker answers it; "Maduro said in a televised speech Wednesday night"
    # is not about the CIA's orders).
    # (each deed's class and sides once: an article may tell one day a thousand times)
    deeds: dict[tuple[str, str], set] = {}
    for e in out:
        if e.action not in ("", STATEMENT, OTHER) and e.granularity == "day":
            deeds.setdefault((e.article_id, e.value), set()).add(
                (e.action, frozenset(_side_set(e.source)), frozenset(_side_set(e.target))))
    for e in out:
        if e.action == STATEMENT and not e.mentioned and not e.preceding and e.granularity == "day":
            speakers = _side_set(e.source)
            e.about = frozenset(action for action, doers, undergoers in deeds.get((e.article_id, e.value), ())
                                if speakers & doers and not speakers & undergoers)
    return out


#: What follows a dateline's date: the story ("WASHINGTON, Sep 16: Trump said"), or nothing ("Nueva Delhi,
#: 4 de marzo.").
_DATELINE_DATE = re.compile(r"\s*(?:[:\-–—]|\.?\s*$)")
_WEEKS = re.compile(r"\b(?:weeks?|semanas?)\b", re.IGNORECASE)
#: Words that set a happening apart from another the article tells: "announced a separate set of
#: sanctions, also on Tuesday", "en un anuncio por separado", a sentence opening with "Also" or "Earlier".
_SEPARATE = re.compile(r"\b(?:a separate|separately|in separate|por separado|otra serie de|en otra medida)\b", re.IGNORECASE)
#: "Also sworn in on Monday were 283 lawmakers", "También juraron este lunes ...", "Earlier on Wednesday,
#: Guaidó met with Pence", "Horas antes, ...": set apart from what the sentence before told, when that was
#: a happening of the same class ("Also on January 23, the United States recognized Guaidó" after his
#: swearing-in is the recognition, not another one).
_SEPARATE_OPENING = re.compile(r"^\W*(?:also|también|earlier|later|hours earlier|hours later|más temprano|más tarde|"
                               r"horas antes|horas después)\b"
                               # ("Earlier this morning, on my Orders, ...": the date itself, no other happening)
                               r"(?!\s+(?:this|today|tonight|esta|este|hoy)\b)", re.IGNORECASE)


def _told(sentence: str, span, roles_rule: str) -> bool:
    dateline = span[0] <= 30 and "," in sentence[:span[0]] and bool(_DATELINE_DATE.match(sentence, span[1]))
    return dateline or "speaker of the dated saying" in roles_rule


def _mentioned(sentence: str, language: str, span) -> frozenset[str]:
    from .actions import mentioned

    return mentioned(sentence, language, span)


def _preceding(sentence: str, language: str, span) -> frozenset[str]:
    from .actions import preceding

    return preceding(sentence, language, span)


def _earlier(sentence: str, language: str, span) -> frozenset[str]:
    from .actions import earlier

    return earlier(sentence, language, span)


def _trigger_key(text: str | None, language: str) -> str:
    return " ".join(key(w, language) for w in text.split()) if text else ""


def _names(value) -> list[str]:
    return [] if value is None or isinstance(value, float) else [str(x) for x in value]


# --- linking two events ----------------------------------------------------------------


def _weekend(e: _Event) -> bool:
    """A Saturday and the Sunday after it ("last weekend", "el fin de semana")."""
    return e.days == 2 and e.start.weekday() == 5


def date_relation(a: _Event, b: _Event, coded: bool = False) -> tuple[str, str] | None:
    """How two events' dates fit together: (kind, words for the reason), or None.

    ``coded``: both events have the same action class, which says more than wording
    can, so a day or a short range may also sit inside a range ("on Saturday" in
    "last weekend") and a range inside a month or a year."""
    if a.value == b.value and a.start == b.start and a.end == b.end:
        return "same", f"same {a.granularity} {a.value}"
    if coded and "decade" not in (a.granularity, b.granularity):
        fine, coarse = (a, b) if a.days < b.days else (b, a)
        inside = coarse.start <= fine.start and fine.end <= coarse.end and fine.days < coarse.days
        if inside and coarse.granularity == "range" and _weekend(coarse) and fine.days == 1 and STATEMENT not in (
                a.action, b.action):
            # "on Saturday" in "last weekend": as close as two reports a day apart (words said are many:
            # a statement still needs its own day)
            return "same", f"day {fine.value} within weekend {coarse.value}"
        if inside and coarse.granularity == "range" and coarse.days <= MAX_RANGE_DAYS:
            return "within-short", f"{fine.granularity} {fine.value} within range {coarse.value}"
        # ("en el segundo semestre de 2024": a range no longer than a year holds its happenings as a year does;
        # so does a president's term, for a class seldom repeated)
        if inside and coarse.granularity == "range" and _coarse(coarse) and fine.granularity != "range":
            return "within-long", f"{fine.granularity} {fine.value} within range {coarse.value}"
        if inside and fine.granularity == "range" and coarse.granularity in ("week", "month", "season", "quarter", "year"):
            kind = "within-short" if coarse.granularity in _SHORT_CONTAINERS else "within-long"
            return kind, f"range {fine.value} within {coarse.granularity} {coarse.value}"
    if a.granularity in ("range", "decade") or b.granularity in ("range", "decade"):
        return None
    if a.granularity == b.granularity == "day":
        gap = abs((a.start - b.start).days)
        if coded and gap == 1 and (a.rounded or b.rounded):
            # "two weeks after" the strike of 2 September is told of the 15th: counts of weeks are rounded
            return "same", f"days {a.value} and {b.value}, one told by a count of weeks (rounded)"
        relative = any(e.resolution not in ("explicit", "actor-period") for e in (a, b))
        # ("The embassy is seen Thursday, a day after Maduro broke off ties on Wednesday" names both days:
        # its Wednesday is no misdated Thursday)
        if gap <= MAX_DISAGREE_DAYS and relative and a.value not in b.sentence_days and b.value not in a.sentence_days:
            return "disagree", f"dates disagree by {gap} day ({a.value} / {b.value})"
        return None
    fine, coarse = (a, b) if a.days < b.days else (b, a)
    if fine.days == coarse.days or not (coarse.start <= fine.start and fine.end <= coarse.end):
        return None
    if coarse.granularity in _SHORT_CONTAINERS:
        return "within-short", f"{fine.granularity} {fine.value} within {coarse.granularity} {coarse.value}"
    if coarse.granularity in _LONG_CONTAINERS:
        return "within-long", f"{fine.granularity} {fine.value} within {coarse.granularity} {coarse.value}"
    return None


_THRESHOLDS = {"same": SAME_DATE, "within-short": WITHIN_SHORT, "within-long": WITHIN_LONG, "disagree": DISAGREE}


def link(a: _Event, b: _Event) -> Link | None:
    """The link between two events when they state the same dated fact, else None."""
    if a.article_id == b.article_id:
        return None
    if a.tie > b.tie:  # the same words whichever row came first
        a, b = b, a
    found = _stated_link(a, b)
    return found if found is not None else _one_quotation(a, b)


def _stated_link(a: _Event, b: _Event) -> Link | None:
    if a.action and b.action and OTHER not in (a.action, b.action):
        if actions_agree(a, b) is None:
            return None  # the same day and actors, but another happening
        return _coded_link(a, b)
    relation = date_relation(a, b)
    if relation is None:
        return None
    kind, date_words = relation
    shared_actors = a.specific & b.specific
    if not shared_actors:
        return None
    shared_topics = a.topics & b.topics
    if a.topics and b.topics and not shared_topics:
        return None
    if a.language and b.language and a.language != b.language:
        return _cross_language_link(a, b, kind, date_words, shared_topics)
    if len(a.words) < MIN_CONTENT_WORDS or len(b.words) < MIN_CONTENT_WORDS:
        return None
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return None
    common = a.words & b.words
    need_common = MIN_SHARED_WORDS_DISAGREE if kind == "disagree" else MIN_SHARED_WORDS
    if len(common) < need_common:
        return None
    set_ratio = fuzz.token_set_ratio(a.text, b.text)
    jaccard = len(common) / len(a.words | b.words)
    min_ratio, min_jaccard = _THRESHOLDS[kind]
    if set_ratio < min_ratio or jaccard < min_jaccard:
        return None
    parts = [
        f"{a.event_id}+{b.event_id}: {date_words}",
        "shared actors " + ", ".join(sorted(shared_actors)),
    ]
    if shared_topics:
        parts.append("shared topics " + ", ".join(sorted(shared_topics)))
    parts.append(f"wording token_set_ratio {set_ratio:.0f}, {len(common)} content words in common "
                 f"(Jaccard {jaccard:.2f}: {', '.join(sorted(common)[:8])})")
    if a.numbers & b.numbers:
        parts.append("same figures " + ", ".join(sorted(a.numbers & b.numbers)))
    if a.group == b.group:
        parts.append("articles are reprints of one story (one source)")
    score = set_ratio / 100 + jaccard + (0.1 if kind == "same" else 0.0)
    return Link(a.i, b.i, round(score, 6), "; ".join(parts))


def _one_quotation(a: _Event, b: _Event) -> Link | None:
    """Two reports of one day in nearly the same words ("This gesture honors ... the civic feat that we
    carried out together on July 28") quote one statement, however their classes came out: outlets
    reproduce a quotation or an agency's sentence, and no two happenings are told in the same words."""
    relation = date_relation(a, b)
    if relation is None or relation[0] != "same" or a.granularity != "day":
        return None
    same_language, common, jaccard = _wording(a, b)
    if not same_language or len(common) < QUOTED_WORDS or jaccard < QUOTED_JACCARD:
        return None
    reason = (f"{a.event_id}+{b.event_id}: {relation[1]}; the same words, one quotation or agency sentence "
              f"({len(common)} content words in common, Jaccard {jaccard:.2f}: {', '.join(sorted(common)[:6])})")
    return Link(a.i, b.i, round(2.0 + jaccard, 6), reason)


def _side_set(names) -> set[str]:
    from .actors import ActorMatcher

    matcher = ActorMatcher.default()
    return {matcher.side_of(n) or n for n in names}


def _sided(names) -> bool:
    """Does every one of them belong to a state (a state, its people, its institutions)?"""
    from .actors import ActorMatcher

    matcher = ActorMatcher.default()
    return all(matcher.side_of(n) for n in names)


def _persons(names) -> set[str]:
    from .actors import ActorMatcher

    matcher = ActorMatcher.default()
    return {n for n in names if n in matcher._types and matcher.type_of(n) == "person"}


def roles_agree(a: _Event, b: _Event, kind: str = "same") -> str | None:
    """How the source and target roles of two events agree, or None when they conflict.

    Roles conflict when who acted on whom is reversed, or when both reports name
    different people as the one acted upon (Ratcliffe met Rodríguez; Trump met
    Machado). Between dates as far apart in precision as a day and its year, the
    reports must also share an actor, or a side (a minister and their state)."""
    mutual = a.action in MUTUAL and b.action in MUTUAL or a.action == b.action and a.action in BETWEEN
    # A statement about a happening has the roles of the saying (who spoke, to or of whom), not of the
    # deed: they cannot reverse the deed's.
    said = (a.action == STATEMENT) != (b.action == STATEMENT)
    # A swap frees people on both sides: one report's freer is the other's freed.
    swap = a.action == b.action and (a.two_way or b.two_way)
    if (not mutual and not said and not swap and a.source & b.target and a.target & b.source
            and not (_side_set(a.source) & _side_set(b.source))):
        return None  # reversed: who acted in one is acted upon in the other (unless both sources are one side)
    if (DIRECTED & {a.action, b.action} and not said and a.source and b.source and (a.source & b.target or a.target & b.source)
            and not (_side_set(a.source) & _side_set(b.source))):
        return None  # who acts in one is acted upon in the other, and the other side acts there
    if (a.action == b.action == STATEMENT and _persons(a.source) and _persons(b.source)
            and not _side_set(a.source) & _side_set(b.source)):
        return None  # two people of two sides speaking: two statements, though their words meet
    if said:
        pa_, pb = frozenset(), frozenset()
    elif mutual:  # who met whom: either report may name either party first
        pa_, pb = _persons(a.source | a.target), _persons(b.source | b.target)
        sa, sb = _side_set(a.source | a.target), _side_set(b.source | b.target)
        if sa & sb and sa - sb and sb - sa:
            return None  # one party meeting two others: Obama with Castro, Obama with Maduro, one Saturday
    else:
        pa_, pb = _persons(a.target), _persons(b.target)
    everyone_a, everyone_b = a.source | a.target | a.actors, b.source | b.target | b.actors
    if pa_ and pb and not (pa_ & pb) and pa_ - everyone_b and pb - everyone_a:
        return None  # different people acted upon, neither report naming the other's at all
    parts = [f"same {role} " + ", ".join(sorted(x & y))
             for role, x, y in (("source", a.source, b.source), ("target", a.target, b.target)) if x & y]
    shared = everyone_a & everyone_b
    sides = _side_set(everyone_a) & _side_set(everyone_b)
    if not parts and shared:
        parts.append("actors in common " + ", ".join(sorted(shared)))
    elif not parts and sides:
        parts.append("actors on the same side (" + ", ".join(sorted(sides)) + ")")
    elif not parts:
        if kind == "within-long":
            return None
        parts.append("no role in conflict")
    return "; ".join(parts)


def actions_agree(a: _Event, b: _Event) -> str | None:
    """How the action classes of two events agree, or None when they name different happenings.

    Besides the same class: two classes one happening often takes in two reports
    (``related`` in data/actions.toml: talks and the agreement they reached, a raid and
    the capture it made), and a statement whose sentence names the other's happening
    ("Trump announced the capture")."""
    # Words about a capture and words about something else are two statements. (A saying that names nothing
    # at all, "Trump said in a Jan. 6 social media post", may be either: the rest of the evidence decides.)
    silent = a.names_none or b.names_none
    if (a.action == b.action == STATEMENT and (a.mentioned or b.mentioned) and not a.mentioned & b.mentioned
            and not silent):
        return None
    if a.action == b.action:
        return f"same action {a.action}"
    if a.action in b.mentioned and b.action in a.mentioned:
        return f"actions {a.action} and {b.action}, both named in each sentence"
    if Taxonomy.default().related(a.action, b.action):
        return f"related actions {a.action} and {b.action}"
    for x, y in ((a, b), (b, a)):
        # "Maduro announced legal action against the sanctions": the other side answers. "After winning
        # the prize, Machado said on Friday ...": whom it befell, speaking after it, answers too.
        if x.action == STATEMENT and (_reaction(x, y) or (y.action in x.preceding and _persons(x.source) & y.target)):
            return None
        if x.action == STATEMENT and y.action in x.named:
            return f"a statement about {y.action} and a {y.action}"
        # "anunció este martes que 11 narcoterroristas murieron luego de un ataque": what was said
        # follows the happening it names as coming before, and tells of it.
        if x.action == STATEMENT and y.action in x.earlier:
            return f"a statement of what followed {y.action} and a {y.action}"
        # "'We carried out a large-scale strike', Trump said" and the capture it made
        related = sorted(m for m in x.named if Taxonomy.default().related(m, y.action))
        if x.action == STATEMENT and related:
            return f"a statement about {related[0]} and a related {y.action}"
    return None


def _reaction(said: _Event, deed: _Event) -> bool:
    """Is the statement the answer of the side the deed befalls ("Maduro denounced the sanctions",
    "Cabello called for a national emergency over the sanctions"): another happening than the deed?"""
    # Someone named as speaking, not the one the deed befalls ("Saab said he was freed") nor a
    # state named as the source of a mis-read saying.
    people = _persons(said.source) - deed.target
    speakers, doers, undergoers = _side_set(people), _side_set(deed.source), _side_set(deed.target)
    return bool(speakers and doers and speakers & undergoers and not speakers & doers)


def _coded_link(a: _Event, b: _Event) -> Link | None:
    """Two events of one action class: compatible dates, agreeing roles and figures.

    Wording is one signal among others: reports in two languages join without a
    word in common, but a date that disagrees by a day, or a date as coarse as a
    year without a specific actor in common, needs the wording to agree too."""
    relation = date_relation(a, b, coded=True)
    if relation is None:
        return None
    kind, date_words = relation
    roles = roles_agree(a, b, kind)
    if roles is None:
        return None
    actions = actions_agree(a, b)
    if a.money and b.money and not (a.money & b.money):
        return None  # a $25M and a $50M bounty
    same_language, common, jaccard = _wording(a, b)
    specific = ((a.actors | a.source | a.target) & (b.actors | b.source | b.target)) - GENERIC_ACTORS
    later = a if a.start > b.start else b
    # "Trump said Tuesday that forces struck a boat" and "struck a boat on Monday": the telling a day
    # after the deed, with the same class and someone specific, a name or a figure in common.
    told_after = (kind == "disagree" and later.told and a.action == b.action != STATEMENT
                  and bool(specific or (a.numbers & b.numbers) - _SMALL or (a.names & b.names)))
    if kind == "disagree" and not told_after:
        if not same_language or len(common) < MIN_SHARED_WORDS or fuzz.token_set_ratio(a.text, b.text) < DISAGREE[0]:
            return None
    figures = bool(a.money & b.money)
    # Names and figures are spelled alike in both languages ("Barbados", "231 migrants"): across
    # languages they stand in for the wording there is none to compare. A count in common ("eleven
    # people" / "11 killed") says as much as the same sum.
    named = a.names & b.names if not same_language else frozenset()
    counted = (a.numbers & b.numbers) - _SMALL
    worded = jaccard >= CODED_WORDING_JACCARD or figures or bool(counted)
    sides_acting = _side_set(a.source) & _side_set(b.source)
    if actions.startswith(("related", "a statement")) and not (
            (kind == "within-short" or kind == "same" and a.granularity in ("day", "range", "week", "month"))
            and (specific or named or counted or sides_acting)):
        return None  # two classes for one happening: only close dates and someone specific in common
    if actions.startswith("related") and Taxonomy.default().same_day_only(a.action, b.action) and not (
            kind == "same" and a.granularity == "day" and specific):
        return None  # related only on one day ("related_same_day" in data/actions.toml)
    # (in one language, words that share their stem count: "deployment" / "deploy")
    if STATEMENT in (a.action, b.action) and not (kind in ("same", "disagree") and (
            specific if not same_language else specific or max(len(common), len(cognates(a.words, b.words))) >= 2)):
        return None  # words said are many: only the same words, the same day, are one statement
    # "Tuesday's strike appears to be the first" names nobody: the same deed the same day joins a report
    # that names someone (across languages not for talks, which are many on a day). Two that name
    # different people, or nobody at all, stay apart; a sentence naming nobody stands for whom its
    # article's reports of the class name.
    who_a = (a.actors | a.source | a.target) - GENERIC_ACTORS or a.context
    who_b = (b.actors | b.source | b.target) - GENERIC_ACTORS or b.context
    same_day_deed = (kind == "same" and a.granularity == "day" and a.action == b.action != STATEMENT
                     and bool(who_a or who_b) and (not (who_a and who_b) or bool(who_a & who_b)))
    if roles.startswith("no role") and not (worded or same_day_deed if same_language else
                                            (kind == "same" and a.granularity == "day") or named or worded):
        return None  # nobody in common: only the wording, or another language's same day, joins them
    if not same_language and not (specific or named or worded or sides_acting
                                  or (same_day_deed and not (who_a and who_b) and a.action not in MUTUAL)):
        # Only Venezuela or the United States named in both, as in most of this coverage, and no
        # wording, name or figure in common: the same side must at least act in both.
        return None
    # One language: the same word for the happening ("coup", "golpe") with someone specific in common says
    # as much as another language's report naming the same person.
    same_word = same_language and a.trigger and a.trigger == b.trigger
    # (a name in common says which of the month's happenings it is, in one language too: "se firmaron
    # los acuerdos de Barbados el 17 de octubre" / "se firmó el Acuerdo de Barbados en octubre")
    # A deed of "this week" beside its day, the same side acting, is that day's: a week holds few of a
    # class ("la lancha que atacó Estados Unidos esta semana" / "struck a boat on Tuesday").
    week_deed = (a.action == b.action != STATEMENT and min(a.days, b.days) == 1 and max(a.days, b.days) <= 7
                 and bool(sides_acting))
    if kind == "within-short" and not (worded or week_deed or (specific and (not same_language or same_word
                                                                              or a.names & b.names))):
        return None
    in_role = ((a.source & b.source) | (a.target & b.target)) - GENERIC_ACTORS
    # A class one party seldom repeats towards the same other in a year: the same someone acting on
    # the same someone says which happening of the year it is ("En 2019 Trump reconoció a Guaidó").
    # (A happening that befalls its subject, "Chávez died in 2013", has no one acted upon in either.)
    one_of_year = (a.action == b.action and Taxonomy.default().once(a.action)
                   and (a.source & b.source) - GENERIC_ACTORS
                   and ((a.target & b.target) - GENERIC_ACTORS or not (a.target or b.target)))
    if kind == "within-long" and not one_of_year and not (
            worded and specific if same_language else in_role and (named or counted)):
        return None
    parts = [f"{a.event_id}+{b.event_id}: {actions}", roles, date_words]
    if specific:
        parts.append("specific actors in common " + ", ".join(sorted(specific)))
    if common and same_language:
        parts.append(f"{len(common)} content words in common (Jaccard {jaccard:.2f}: {', '.join(sorted(common)[:6])})")
    elif jaccard:
        parts.append(f"{len(common)} words spelt alike in {a.language} and {b.language} "
                     f"(Jaccard {jaccard:.2f}: {', '.join(w + '…' for w in sorted(common)[:6])})")
    elif not same_language:
        parts.append(f"reports in {a.language} and {b.language}: no wording compared")
    if figures:
        parts.append("same sums " + ", ".join(sorted(a.money & b.money)))
    if a.group == b.group:
        parts.append("articles are reprints of one story (one source)")
    if same_word and not common:
        parts.append(f"the same word for it ({a.trigger})")
    if named:
        parts.append("names in common " + ", ".join(sorted(named)))
    if same_day_deed and not (who_a and who_b) and not (specific or named or counted or worded):
        parts.append("one report names nobody: the same deed the same day")
    if counted:
        parts.append("figures in common " + ", ".join(sorted(counted)))
    score = (1.5 + (0.3 if kind == "same" else 0.0) + (0.2 if specific or named or counted else 0.0) + jaccard
             + (0.2 if figures else 0.0) - (0.2 if a.action != b.action else 0.0))
    # A happening its article sets apart from another links weakly and last: it must not take the other's
    # place in the reports they share.
    separate = a.separate or b.separate
    # (a name in common, "Barbados", says which happening it is in one language as in two)
    weak = not (specific or named or a.names & b.names or counted or worded or sides_acting) or separate
    return Link(a.i, b.i, round(score - (1.0 if separate else 0.0), 6), "; ".join(parts), weak)


def _wording(a: _Event, b: _Event) -> tuple[bool, frozenset, float]:
    """Whether two reports share a language, the content words they share, and their Jaccard.
    Across languages the words compared are those spelt nearly alike in both ("militar", "military")."""
    same_language = not (a.language and b.language and a.language != b.language)
    common = a.words & b.words if same_language else cognates(a.words, b.words)
    union = len(a.words | b.words) if same_language else len(a.words) + len(b.words) - len(common)
    jaccard = len(common) / union if union and (same_language or len(common) >= MIN_COGNATES) else 0.0
    return same_language, frozenset(common), jaccard


def _cross_language_link(a: _Event, b: _Event, kind: str, date_words: str, shared_topics) -> Link | None:
    """Reports in two languages share no words to compare, so the other signals must be
    strict: the very same day or month, the very same specific actors, the same figures."""
    if kind != "same" or a.granularity not in ("day", "month") or a.specific != b.specific:
        return None
    if (a.numbers or b.numbers) and a.numbers != b.numbers:
        return None
    parts = [
        f"{a.event_id}+{b.event_id}: {date_words}",
        f"reports in {a.language} and {b.language}: the same specific actors " + ", ".join(sorted(a.specific)),
    ]
    if shared_topics:
        parts.append("shared topics " + ", ".join(sorted(shared_topics)))
    if a.numbers:
        parts.append("same figures " + ", ".join(sorted(a.numbers)))
    return Link(a.i, b.i, 1.0, "; ".join(parts), weak=not (a.specific or a.numbers))


def _candidates(events: list[_Event]):
    """Pairs worth comparing: a specific actor or an action class in common, and dates that can
    be compatible."""
    taxonomy = Taxonomy.default()
    by_actor: dict[str, list[_Event]] = {}
    for e in events:
        for actor in e.specific:
            by_actor.setdefault(actor, []).append(e)
        if e.granularity == "day":  # (one quotation told by two outlets may name nobody: _one_quotation)
            by_actor.setdefault("\x00day " + e.value, []).append(e)
        if e.action and e.action != OTHER:
            # its own class, the classes one happening also takes (actions_agree), and the
            # happenings its sentence names: two reports coded apart still meet in one of them
            near = {e.action} | e.named | {c for c in taxonomy.classes if taxonomy.related(e.action, c)}
            for action in near - {OTHER}:
                by_actor.setdefault("\x00action " + action, []).append(e)
    seen = set()
    for actor in sorted(by_actor):
        group = sorted(by_actor[actor], key=lambda e: (e.start, e.i))
        for x, a in enumerate(group):
            for b in group[x + 1:]:
                if (b.start - a.end).days > MAX_DISAGREE_DAYS:
                    break
                key = (min(a.i, b.i), max(a.i, b.i))
                if key not in seen:
                    seen.add(key)
                    yield (a, b) if a.i < b.i else (b, a)


def find_links(events: list[_Event]) -> list[Link]:
    links = [lk for a, b in _candidates(events) if (lk := link(a, b)) is not None]
    ties = {e.i: (e.tie, e.i) for e in events}
    links.sort(key=lambda lk: (-lk.score, min(ties[lk.a], ties[lk.b]), max(ties[lk.a], ties[lk.b])))
    return links


def conflict(a: _Event, b: _Event) -> bool:
    """Can two events not be one fact whatever else links them: one article, dates that cannot
    meet, different happenings, roles reversed, different sums? Events without an action class
    conflict whenever they are not linked."""
    if not (a.action and b.action and OTHER not in (a.action, b.action)):
        return True  # without codes only the wording speaks: every pair must link
    if a.article_id == b.article_id:
        # An article may tell its happening twice ("on Tuesday" ... "Tuesday's strike"; "launched a strike
        # on Saturday" ... "captured him early Saturday"); anything else in one article is another happening.
        one = (a.action == b.action
               or (STATEMENT not in (a.action, b.action) and Taxonomy.default().related(a.action, b.action))
               # "'This morning ... we conducted a second strike', Trump said late Monday" ... "The attack"
               or (a.action == STATEMENT and b.action in a.named)
               or (b.action == STATEMENT and a.action in b.named))
        # Told twice, it is done by one side: "Chávez gave the US ambassador 72 hours to leave" and "the Bush
        # administration on Thursday ordered the expulsion of Bolivia's ambassador" are two expulsions.
        # (Only parties of a side: "the Security Council vote" and "Russia and China vetoed" are one vote.)
        sides = (a.action == b.action and a.action not in MUTUAL and not (a.two_way or b.two_way)
                 and a.source and b.source and _sided(a.source | b.source)
                 and not _side_set(a.source) & _side_set(b.source))
        # A sum told in one and not the other, in other words ("a $15 million reward" ... "la fiscalía acusó
        # el jueves"), is another happening of the class.
        sum_once = a.action == b.action and bool(a.money) != bool(b.money) and a.trigger != b.trigger
        return (not ((a.value == b.value or _told_finer(a, b)) and one) or bool(sides) or sum_once
                or a.separate or b.separate)
    return hard_conflict(a, b) or roles_agree(a, b) is None


def _told_finer(a: _Event, b: _Event) -> bool:
    """One article's deed told by its day and again by the week or month that holds it ("struck a boat on
    Tuesday" ... "the strike earlier this week"; "on August 7, 2025" ... "around five months ago")."""
    if a.action != b.action or a.action == STATEMENT:
        return False
    fine, span = (a, b) if a.days < b.days else (b, a)
    if not span.start <= fine.start <= fine.end <= span.end or fine.days == span.days:
        return False
    # (a sentence that names both, "will travel next Monday and meet in late September", tells two)
    if fine.granularity == "day" and fine.value in span.sentence_days:
        return False
    short = span.granularity in ("week", "month") or span.granularity == "range" and span.days <= MAX_RANGE_DAYS
    # (by its year or a president's term only for a class seldom repeated in a year: "the 2024 election" ...
    # "July 28, 2024"; "In January 2019 ..." ... "During his first term, Trump recognized Guaidó")
    long = Taxonomy.default().once(a.action) and _coarse(span)
    return fine.granularity == "day" and (short or long) or fine.granularity == "month" and long


def hard_conflict(a: _Event, b: _Event) -> bool:
    """Dates that cannot meet, different happenings or different sums: never one fact. (Roles that
    disagree may be one report's misreading; see ``cluster``.)"""
    return (date_relation(a, b, coded=True) is None or (actions_agree(a, b) is None and not _bare(a, b))
            or bool(a.money and b.money and not a.money & b.money))


def _bare(a: _Event, b: _Event) -> bool:
    """Is one a saying that names no happening ("Pompeo said Thursday he knows it is a difficult
    moment"), the other a deed its speaker's side did and did not undergo? Too little to link them, but no
    contradiction either: the saying may join the deed's reports through other sayings like it."""
    for x, y in ((a, b), (b, a)):
        if (x.action == STATEMENT and y.action != STATEMENT and not x.named and not x.preceding
                and not _reaction(x, y) and not _other_side(x, y)):
            return True
    return False


def _other_side(said: _Event, deed: _Event) -> bool:
    """Does someone of a side speak of a deed only another side did ("Pompeo said Thursday ..." beside
    Maduro breaking relations, or Brazil recognising Guaidó)? A bare saying is its own side's words."""
    speakers, doers = _side_set(said.source), _side_set(deed.source)
    return bool(speakers and doers and _sided(said.source) and _sided(deed.source) and not speakers & doers)


def _far_in_precision(a: _Event, b: _Event) -> bool:
    """A year beside a day or a month: dates as far apart in precision as that."""
    coarse = _LONG_CONTAINERS | {"decade"}
    return (a.granularity in coarse) != (b.granularity in coarse)


def _weakly_whole(pairs: dict) -> bool:
    """Weak links alone bring a report into a group only when they reach at least two of its
    articles and ``LINK_SHARE`` of the pairs across: one happening told by many, some naming nobody acting."""
    return sum(pairs.values()) >= 2 and sum(pairs.values()) >= LINK_SHARE * len(pairs)


def _blocked(cross, linked, by_i, ca: "_Cluster", cb: "_Cluster", share: float) -> bool:
    """Does a pair across two groups forbid joining them? Any conflict does, except that roles alone
    may clash in a few pairs when most pairs link: a role misread in one report should not keep apart
    two groups of many (``ROLE_CLASH_SHARE``, ``ROLE_CLASH_MAX``). Stops at the first pair that decides."""
    allowed = (ROLE_CLASH_MAX * len(cross)
               if share >= ROLE_CLASH_SHARE and len(ca.articles) + len(cb.articles) >= 4 else 0)
    clashes = 0
    for x, y in cross:
        if (x, y) in linked or not conflict(by_i[x], by_i[y]):
            continue
        clashes += 1
        if clashes > allowed or by_i[x].article_id == by_i[y].article_id or hard_conflict(by_i[x], by_i[y]):
            return True
    return False


def cluster(events: list[_Event], links: list[Link]) -> list[_Cluster]:
    """Groups by the strongest links first. Two groups join when no pair across them is in
    conflict and at least ``LINK_SHARE`` of the pairs across them are linked: many reports of one
    happening each word it their own way, so not every two of them link, but none contradicts.
    Uncoded events have only their wording, so for them every pair must link (complete linkage)."""
    by_i = {e.i: e for e in events}
    linked = {(lk.a, lk.b) for lk in links} | {(lk.b, lk.a) for lk in links}
    strong = {(lk.a, lk.b) for lk in links if not lk.weak} | {(lk.b, lk.a) for lk in links if not lk.weak}
    of: dict[int, _Cluster] = {e.i: _Cluster([e.i], {e.article_id}) for e in events}
    for lk in links:
        ca, cb = of[lk.a], of[lk.b]
        if ca is cb:
            continue
        cross = [(x, y) for x in ca.members for y in cb.members]
        # The share counts pairs of articles: an article that tells the happening twice is one report,
        # linked when either of its mentions is. Two events of one article are never linked (only other
        # reports can say they are one fact), so they do not count; conflict() decides whether they
        # may stand together.
        # (A report dated only by its year stands for the day's reports through those of its own
        # precision: a pair of it and a day, seldom linked, does not count while finer pairs do.)
        pairs: dict[tuple[str, str], bool] = {}
        coarse: dict[tuple[str, str], bool] = {}
        for x, y in cross:
            key = (by_i[x].article_id, by_i[y].article_id)
            if key[0] != key[1]:
                into = coarse if _far_in_precision(by_i[x], by_i[y]) else pairs
                into[key] = into.get(key, False) or (x, y) in linked
        if not pairs:
            pairs = coarse
        share = sum(pairs.values()) / len(pairs) if pairs else 0.0
        if share < LINK_SHARE or _blocked(cross, linked, by_i, ca, cb, share):
            continue
        # (a report already in the group telling it again is no new report: "salió del país" beside
        # "abandonó el país" in one article)
        if (len(cross) > 1 and not any(p in strong for p in cross) and not _weakly_whole(pairs)
                and not (ca.articles >= cb.articles or cb.articles >= ca.articles)):
            continue  # a weak link joins two reports, not a report to a group it barely touches
        ca.members.extend(cb.members)
        ca.articles |= cb.articles
        ca.reasons.extend(cb.reasons)
        ca.reasons.append(lk.reason)
        for m in cb.members:
            of[m] = ca
    unique = {id(c): c for c in of.values()}
    out = list(unique.values())
    for step in (_told_again, _only_of_its_day, _bare_of_its_day, _only_of_its_time, _of_its_sum):
        out = step(out, by_i)
    for c in out:
        c.members.sort()
        assert all(by_i[m].article_id in c.articles for m in c.members)
    return out


def _retold(x: _Event, y: _Event) -> bool:
    """Does one article tell one happening twice: the same class on the same day (or its week or
    month, ``_told_finer``), a saying of that day naming it ("Trump on Monday said the military
    carried out a strike" ... "the strike took place on Monday"), or a sentence with no deed's word of
    the deed's day ("The first plane ... touched down in Miami before arriving hours later outside
    Caracas")? (A bare dateline, "Nueva Delhi, 4 de marzo.", tells nothing.)"""
    if x.article_id != y.article_id or x.separate or y.separate:
        return False
    for bare, deed in ((x, y), (y, x)):
        if (bare.action in (OTHER, "") and deed.action not in _MANY_A_DAY and bare.granularity == "day"
                and bare.value == deed.value and not bare.told and not _against(bare, deed)):
            return True
    if conflict(x, y):
        return False
    if x.action == y.action != STATEMENT:
        return True
    for said, deed in ((x, y), (y, x)):
        if (said.action == STATEMENT != deed.action and deed.action in said.mentioned and said.value == deed.value
                and not _reaction(said, deed) and not _other_side(said, deed)):
            return True
    return False


def _told_again(clusters: list[_Cluster], by_i: dict) -> list[_Cluster]:
    """A report's second telling ("Monday's strike", "the latest strike took place on Monday") joins the
    fact of its first telling, when that is the one fact it can mean and nothing there conflicts with it:
    one happening is one fact, however often its article names it. So does a group of such tellings
    from several articles ("Hoy el milagro de la libertad ...", quoted by two), when in each of them it
    can mean only that fact."""
    of = {m: c for c in clusters for m in c.members}
    by_article: dict[str, list[int]] = {}
    for e in by_i.values():
        by_article.setdefault(e.article_id, []).append(e.i)
    gone = set()
    for c in sorted(clusters, key=lambda c: min(by_i[m].tie for m in c.members)):
        if id(c) in gone:
            continue
        homes = {id(of[y]): of[y] for x in c.members for y in by_article[by_i[x].article_id]
                 if of[y] is not c and _retold(by_i[x], by_i[y])}
        if len(homes) != 1:
            continue
        (d,) = homes.values()
        if any(_against(by_i[x], by_i[y]) for x in c.members for y in d.members):
            continue
        d.members.extend(c.members)
        d.articles |= c.articles
        d.reasons.extend(c.reasons)
        d.reasons.append("+".join(by_i[m].event_id for m in c.members) + ": told again by its article "
                         f"({by_i[c.members[0]].action}, {by_i[c.members[0]].value}); the one fact of the "
                         "article it can mean")
        for m in c.members:
            of[m] = d
        gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def _only_of_its_day(clusters: list[_Cluster], by_i: dict) -> list[_Cluster]:
    """Groups that tell a deed of one class on one day, and nothing in conflict across them, are one fact
    ("U.S. forces destroyed a boat on 2 September" / "Trump reveló este martes que las fuerzas armadas
    llevaron a cabo un ataque letal"): reports in two languages, or naming only the two states, may share
    no word, name or figure to link them, but a day seldom holds two deeds of a class between the same
    sides. Classes of one kin count as one (a raid and the capture it made: "U.S. forces struck targets
    across Caracas early on Saturday" / "Maduro fue capturado este sábado"). Not for classes a day holds
    many of (talks, protests, sayings)."""
    kin = _kin(Taxonomy.default())
    of_day: dict[tuple[str, str], list[_Cluster]] = {}
    for c in clusters:
        for key in {(kin[by_i[m].action], by_i[m].value) for m in c.members if by_i[m].granularity == "day"
                    and by_i[m].action not in _MANY_A_DAY and not by_i[m].separate}:
            of_day.setdefault(key, []).append(c)
    joins: dict[int, list[tuple[_Cluster, str]]] = {}
    taken: set[int] = set()
    for (action, day), groups in sorted(of_day.items()):
        groups = [c for c in groups if id(c) not in taken]
        if len(groups) < 2 or any(_apart_that_day(a, b, by_i) for i, a in enumerate(groups)
                                  for b in groups[i + 1:]):
            continue
        home = min(groups, key=lambda c: (-len(c.articles), min(by_i[m].tie for m in c.members)))
        told = " or ".join(sorted({by_i[m].action for c in groups for m in c.members
                                   if kin.get(by_i[m].action) == action and by_i[m].value == day}))
        for c in groups:
            if c is not home:
                reason = (f"{'+'.join(by_i[m].event_id for m in c.members)}: {told} on {day}, the one "
                          f"{told} of that day the reports tell, nothing in conflict")
                joins.setdefault(id(home), []).append((c, reason))
                taken.add(id(c))
        taken.add(id(home))
    return _absorb(clusters, joins)


def _bare_of_its_day(clusters: list[_Cluster], by_i: dict) -> list[_Cluster]:
    """Reports with no deed's word, or sayings that name no happening, told by one day ("the civic feat
    that we carried out together on July 28", "Explosions were heard in Caracas on Saturday", "Trump
    señaló hoy 2 de septiembre que se trataba de un barco de narcotraficantes"), join the one group that
    tells a deed of that day, when no other does and nothing sets them apart (``_apart_that_day``: the
    other side's answer is told by a speaker of another side than the doers): a day the reports tell one
    deed of, what else they date on it is most likely that deed."""
    deeds: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for day in {by_i[m].value for m in c.members if by_i[m].granularity == "day"
                    and by_i[m].action not in _MANY_A_DAY and not by_i[m].separate}:
            deeds.setdefault(day, []).append(c)
    joins: dict[int, list[tuple[_Cluster, str]]] = {}
    for c in clusters:
        told = [by_i[m] for m in c.members]
        if not all(_bare_report(e) and e.granularity == "day" for e in told):
            continue
        days = {e.value for e in told}
        if len(days) != 1:
            continue
        (day,) = days
        homes = deeds.get(day, [])
        if len(homes) != 1 or _apart_that_day(c, homes[0], by_i):
            continue
        d = homes[0]
        deed = "/".join(sorted({by_i[m].action for m in d.members if by_i[m].value == day} - _MANY_A_DAY))
        what = "no deed's word" if all(e.action != STATEMENT for e in told) else "no happening named"
        reason = (f"{'+'.join(e.event_id for e in told)}: {what}, told on {day}, a day the reports "
                  f"tell one deed of ({deed})")
        joins.setdefault(id(d), []).append((c, reason))
    return _absorb(clusters, joins)


def _bare_report(e: _Event) -> bool:
    """A report with no deed's word, or a saying that names no happening ("Pompeo said in a statement
    Thursday that he knows it is a difficult moment"): it may tell any deed of its day."""
    return e.action in (OTHER, "") or e.action == STATEMENT and e.names_none


def _apart_that_day(a: _Cluster, b: _Cluster, by_i: dict) -> bool:
    """Two groups of one article, in conflict, naming nobody at all ("Two men were arrested on Tuesday"),
    naming parties of no side in common, or with different sides acting ("Venezuela deployed troops on
    Tuesday" / "the U.S. military struck a boat on Tuesday"): two happenings of the day. (One group naming
    nobody is the day's deed as the other tells it: "Tuesday's strike appears to be the first".)"""
    named_a = _side_set(n for m in a.members for n in by_i[m].actors | by_i[m].source | by_i[m].target)
    named_b = _side_set(n for m in b.members for n in by_i[m].actors | by_i[m].source | by_i[m].target)
    doers_a = _side_set(n for m in a.members for n in by_i[m].source)
    doers_b = _side_set(n for m in b.members for n in by_i[m].source)
    # (a deed both sides do to each other, a swap, a meeting or ties between them, is done by either)
    both = any(by_i[m].two_way or by_i[m].action in MUTUAL | BETWEEN for m in a.members + b.members)
    return (bool(a.articles & b.articles) or not (named_a or named_b)
            or bool(named_a and named_b and not named_a & named_b)
            or bool(doers_a and doers_b and not doers_a & doers_b and not both)
            or any(_against(by_i[x], by_i[y]) for x in a.members for y in b.members))


def _against(x: _Event, y: _Event) -> bool:
    """``conflict``, but a report with no deed's word is against another only where the dates cannot meet
    or the sums differ: it has no class or roles to disagree."""
    if {x.action, y.action} & {OTHER, ""}:
        return (x.separate or y.separate or date_relation(x, y, coded=True) is None
                or bool(x.money and y.money and not x.money & y.money))
    return conflict(x, y)


#: Classes a day holds many of: the same day's reports of them may be different happenings.
_MANY_A_DAY = frozenset({"", STATEMENT, OTHER, "meeting", "protest"})


@lru_cache(maxsize=None)
def _kin(tax: Taxonomy) -> dict[str, str]:
    """Each class's kin, named by its first class: the classes joined to it through ``related`` in
    data/actions.toml (a raid and the capture it made, a licence and the oil deal it allows), leaving out
    those a day holds many of."""
    ids = [a for a in tax.ids() if a not in _MANY_A_DAY]
    kin = {a: a for a in ids}
    for a in ids:
        for b in ids:
            if a < b and tax.related(a, b):
                old, new = max(kin[a], kin[b]), min(kin[a], kin[b])
                kin = {k: new if v == old else v for k, v in kin.items()}
    return kin


def _coarse(e: _Event) -> bool:
    """Told by a month or more: a month, season, quarter or year, or a range longer than a month ("en el
    segundo semestre de 2024")."""
    if e.granularity in _COARSE:
        return True
    # (a once-a-year class told by a president's past term: "During his first term, Trump recognized Guaidó")
    longest = MAX_TERM_DAYS if Taxonomy.default().once(e.action) and not e.ongoing else MAX_LONG_RANGE_DAYS
    return e.granularity == "range" and MAX_RANGE_DAYS < e.days <= longest


def _only_of_its_time(clusters: list[_Cluster], by_i: dict) -> list[_Cluster]:
    """A happening told only by its month or year ("the licence issued in October 2023", "relations
    broken in 2019") joins the one fact of its class with a finer date in that time that it can mean,
    when there is exactly one and at least three articles tell the two between them: which of the
    period's happenings it means is then plain. When two facts of the class fall in the period and it
    could mean either (a first and a second strike in September), it stays apart. Classes of one kin
    (``_kin``) count as one: "At the end of November 2022, US authorities allowed Chevron to produce oil",
    coded as sanctions, means the licence of 26 November."""
    kin = _kin(Taxonomy.default())
    fine_of: dict[str, list[tuple[_Cluster, list[_Event]]]] = {}
    for c in clusters:
        for k in {kin.get(by_i[m].action, by_i[m].action) for m in c.members}:
            fine = [by_i[m] for m in c.members
                    if kin.get(by_i[m].action, by_i[m].action) == k and not _coarse(by_i[m])]
            if fine:
                fine_of.setdefault(k, []).append((c, fine))
    joins: dict[int, list[tuple[_Cluster, str]]] = {}
    for c in clusters:
        told = [by_i[m] for m in c.members]
        actions = {e.action for e in told}
        if not all(_coarse(e) for e in told) or len(actions) != 1 or actions & {STATEMENT, OTHER, ""}:
            continue
        action = actions.pop()
        widest = max(told, key=lambda e: e.days)
        meant = []
        for d, fine in fine_of.get(kin.get(action, action), []):
            inside = [f for f in fine if widest.start <= f.start and f.end <= widest.end]
            if inside and (why := _could_mean(told, inside, [by_i[m] for m in d.members])):
                meant.append((d, why))
        if len(meant) > 1:
            # (of two the month holds, the one whose reports give the same count: "a deal that freed seven")
            counted = [(d, why) for d, why in meant
                       if any((x.numbers & by_i[m].numbers) - _SMALL for x in told for m in d.members)]
            meant = counted if len(counted) == 1 else meant
        if len(meant) != 1 or len(meant[0][0].articles | c.articles) < 3:
            continue  # (and a passing mention means a happening many told, not one report's)
        d, (y, why) = meant[0]
        reason = (f"{'+'.join(e.event_id for e in told)}+{y.event_id}: {action}, told by its "
                  f"{widest.granularity} {widest.value} only, the one "
                  f"{action if y.action == action else action + ' or ' + y.action} fact of that "
                  f"{widest.granularity} it can mean; {why}")
        joins.setdefault(id(d), []).append((c, reason))
    return _absorb(clusters, joins)


def _absorb(clusters: list[_Cluster], joins: dict[int, list[tuple[_Cluster, str]]]) -> list[_Cluster]:
    """Join each group of ``joins`` (by the ``id`` of the fact it joins) into that fact, with its reason."""
    gone = set()
    for d in clusters:
        for c, reason in joins.get(id(d), []):
            if id(c) in gone or id(d) in gone:
                continue
            d.members.extend(c.members)
            d.articles |= c.articles
            d.reasons.extend(c.reasons)
            d.reasons.append(reason)
            gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def _of_its_sum(clusters: list[_Cluster], by_i: dict) -> list[_Cluster]:
    """A report with no deed's word that names a sum in its time ("Esta cifra duplica la anterior de 25
    millones de dólares establecida en enero de 2025", "In January, the administration announced $25m")
    joins the one fact of that time whose reports, dated within it, name the same sum, when at least
    three articles tell the two between them. A sum is as good as a name: two facts of one time seldom
    share one."""
    joins: dict[int, list[tuple[_Cluster, str]]] = {}
    for c in clusters:
        told = [by_i[m] for m in c.members]
        if not all(e.action in (OTHER, STATEMENT, "") for e in told) or not any(e.money for e in told):
            continue
        meant = {}
        for d in clusters:
            if d is c or d.articles & c.articles:
                continue
            for x in told:
                for y in (by_i[m] for m in d.members):
                    # (inside its time, or told by the same period: "set in January 2025" beside "in January")
                    if (y.action not in (OTHER, STATEMENT, "") and (not _coarse(y) or y.value == x.value)
                            and x.money & y.money and x.start <= y.start and y.end <= x.end):
                        meant.setdefault(id(d), (d, x, y))
        if len(meant) != 1:
            continue
        d, x, y = next(iter(meant.values()))
        if len(d.articles | c.articles) < 3:
            continue
        reason = (f"{x.event_id}+{y.event_id}: no deed's word, told by its {x.granularity} {x.value} with the sum "
                  f"of the one fact of that time to name it ({y.action}); sums in common "
                  f"{', '.join(sorted(x.money & y.money))}")
        joins.setdefault(id(d), []).append((c, reason))
    return _absorb(clusters, joins)


def _could_mean(told: list[_Event], inside: list[_Event], everyone: list[_Event]) -> tuple[_Event, str] | None:
    """Can reports of a month or year mean the fact of ``everyone``, through one of its reports dated
    ``inside`` the period? None in conflict with any report of it; someone or a side in common; and
    beyond Venezuela and the United States the same someone acted upon, a name in common ("Barbados",
    "Licencia General 44"), the wording, for a once-a-year class the same someone acting on the same
    party, the same sum, or, told by the month (by the year for a once-a-year class), the same state acting. (A person acting is not enough: a president
    deports, sanctions or meets many times in a month.)"""
    def straddles(x: _Event, y: _Event) -> bool:
        # (a week or a range across the period's edge, "this week" of 1 October: neither in it nor out)
        return (y.granularity in ("week", "range") and y.start <= x.end and x.start <= y.end
                and not x.start <= y.start <= y.end <= x.end)

    if any(_against(x, y) for x in told for y in everyone if not straddles(x, y)):
        return None
    for x in told:
        for y in inside:
            roles = roles_agree(x, y, "within-long")
            acted_on = (x.target & y.target) - GENERIC_ACTORS
            _, common, jaccard = _wording(x, y)
            named = x.names & y.names
            # (for a class one party seldom repeats towards the same other in a year, the same someone
            # acting on the same party: "Maduro rompió relaciones con Washington en 2019")
            once = (Taxonomy.default().once(x.action) and (x.source & y.source) - GENERIC_ACTORS
                    and x.target & y.target)
            # (a state or its institutions acting, told by the month: "In October 2023, the USA eased sanctions";
            # its president may be named beside it, but not alone. By the year only for a class done once a
            # year: "Venezuela broke off diplomatic relations with the United States in 2019")
            stately = ((x.granularity == "month" or x.granularity == "year" and Taxonomy.default().once(x.action))
                       and _side_set(x.source - _persons(x.source)) & _side_set(y.source - _persons(y.source)))
            # ("The January 2019 recognition set off ...": a once-a-year class told by its month, naming nobody
            # specific, is the month's one fact of that class)
            unnamed = (x.granularity == "month" and Taxonomy.default().once(x.action)
                       and not (x.source | x.target | x.actors) - GENERIC_ACTORS)
            # ("an October 2022 deal that freed seven": a count in common with the month's one release)
            counted = x.granularity == "month" and (x.numbers & y.numbers) - _SMALL
            # (naming nobody, a count in common is all it has: "un acuerdo en octubre de 2022 que liberó a siete")
            if counted and not roles and not (x.source | x.target | x.actors) - GENERIC_ACTORS:
                roles = "no one named in the month's report"
            # ("the $25 million posted last year": a sum says which reward or deal it is)
            summed = x.money & y.money
            if roles and (acted_on or named or once or stately or unnamed or counted or summed
                          or jaccard >= CODED_WORDING_JACCARD):
                return y, roles + (f"; a {x.action} one party seldom repeats in a year" if once and not (
                    acted_on or named) else "") + (f"; words in common {', '.join(sorted(common)[:6])}"
                                   if jaccard >= CODED_WORDING_JACCARD else "") + (
                    f"; names in common {', '.join(sorted(named))}" if named else "") + (
                    f"; counts in common {', '.join(sorted(counted))}" if counted and not named else "") + (
                    f"; sums in common {', '.join(sorted(summed))}" if summed else "")
    return None


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _ranked(values) -> list[str]:
    """Distinct values, most frequent first, then alphabetically."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v))


def fact_row(members: list[dict], groups: list[str], *, rank=None, disagree: bool = False,
             reason: str = "", fact_id: str | None = None) -> dict:
    """One row of the fact table (``FACT_COLUMNS``): ``members`` are event rows in evidence order,
    ``groups`` each one's syndication group (reprints of one story share one). ``rank`` orders the
    members, best first (by default their order): the best represents the fact's date and sentence,
    and the best member coded with a source and a target gives its headline and who acted.
    The id is a hash of the member ids."""
    order = {id(r): k for k, r in enumerate(members)}
    rank = rank or (lambda r: order[id(r)])
    rep = min(members, key=rank)
    # A fact is the deed: words said of it ("Trump said on Monday the military carried out a strike") are
    # its evidence, not its class nor its headline, when a report of the deed itself is among them.
    deeds = [r for r in members if _text(r.get("action")) not in (None, STATEMENT, OTHER)]
    acting = min(deeds, key=rank) if deeds else rep
    coded = min(members, key=lambda r: (bool(deeds) and r not in deeds,
                                        not (_names(r.get("actors_source")) and _names(r.get("actors_target"))),
                                        not _names(r.get("actors_source")), rank(r)))
    ids = sorted(r["event_id"] for r in members)
    evidence = [
        {
            "event_id": r["event_id"], "article_id": r["article_id"], "source": _text(r["source"]),
            "url": _text(r["url"]), "title": _text(r["title"]), "published": _text(r["published"]),
            "date_text": _text(r["date_text"]), "value": _text(r["value"]), "sentence": _text(r["sentence"]),
            "syndication_group": group, "action": _text(r.get("action")), "headline": _text(r.get("headline")),
        }
        for r, group in zip(members, groups)
    ]
    return {
        "fact_id": fact_id or "f" + hashlib.sha1("\x1f".join(ids).encode()).hexdigest()[:15],
        "value": _text(rep["value"]),
        "date_start": _text(rep["date_start"]),
        "date_end": _text(rep["date_end"]),
        "granularity": rep["granularity"],
        "dates": sorted({_text(r["value"]) for r in members if _text(r["value"])}),
        "dates_disagree": bool(disagree),
        "sentence": rep["sentence"],
        "date_text": rep["date_text"],
        "actors": _ranked(a for r in members for a in r["actors"]),
        "topics": _ranked(t for r in members for t in r["topics"]),
        "sources": len(set(groups)),
        "articles": len({r["article_id"] for r in members}),
        "member_event_ids": [r["event_id"] for r in members],
        "merge_reason": reason,
        "evidence": evidence,
        "action": _text(acting.get("action")) or OTHER,
        "actors_source": _ranked(a for r in members for a in _names(r.get("actors_source"))),
        # one actor is not both: who the coded event names as acting is no target of the fact
        "actors_target": [a for a in _ranked(a for r in members for a in _names(r.get("actors_target")))
                          if a not in _names(coded.get("actors_source"))],
        "headline": _text(coded.get("headline")) or " ".join(str(rep["sentence"] or "").split()[:12]),
    }


def merge_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The fact table of an event table: one row per fact, every event in exactly one fact."""
    frame = frame.reset_index(drop=True)
    groups = syndication_groups(frame)
    events = _prepare(frame, groups)
    by_i = {e.i: e for e in events}
    clusters = cluster(events, find_links(events))
    member_of = {m: c for c in clusters for m in c.members}
    rows = []
    done = set()
    records = frame.to_dict(orient="records")
    for i, record in enumerate(records):
        if i in done:
            continue
        c = member_of.get(i) or _Cluster([i], {record["article_id"]})
        done.update(c.members)
        members = [records[m] for m in c.members]

        def rank(m):
            e = by_i.get(m)
            rec = records[m]
            return (
                e.days if e else 10**9,
                _RESOLUTION_RANK.get(rec["resolution"], 9),
                -(rec["confidence"] or 0.0),
                e.tie if e else tie_key(rec["article_id"], rec["date_char_start"], rec["date_char_end"], rec["date_text"]),
            )

        disagree = any(
            (date_relation(by_i[x], by_i[y], coded=True) or ("",))[0] == "disagree"
            for x in c.members for y in c.members if x < y and x in by_i and y in by_i
        )
        rank_of = {id(records[m]): rank(m) for m in c.members}
        rows.append(fact_row(members, [groups.get(r["article_id"], r["article_id"]) for r in members],
                             rank=lambda r: rank_of[id(r)], disagree=disagree, reason="\n".join(c.reasons)))
    return pd.DataFrame(rows, columns=FACT_COLUMNS)
