"""The tagging engine: apply the rules, keep the best non-overlapping matches,
normalise them in text order so later expressions can lean on earlier ones.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from .. import sentences as sentence_splitter
from . import grammar
from . import timex3
from ..published import Published, normalise_published
from .normalise import NORMALISERS, UNRESOLVED, NotPlaced, Resolved, count, duration_value
from .rules import Rule, load

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_FINE_ENOUGH = {  # which granularities can anchor "that <unit>" / "<n> <unit>s later"
    "day": {"day"},
    "the hour": {"day"},
    "week": {"day", "week"},
    "month": {"day", "week", "month"},
    "year": {"day", "week", "month", "season", "quarter", "year"},
}


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    groups: dict


@dataclass
class Timex:
    """A date expression found in text and what it means on the calendar."""

    start: int
    end: int
    text: str
    value: str | None
    date_start: date | None
    date_end: date | None
    granularity: str
    resolution: str
    rule: str
    confidence: float
    tense: str | None
    sentence: tuple[int, int]
    # TIMEX3: TimeML type and value, the TimeML span (no leading preposition) and mod.
    timex_type: str | None = None
    timex_value: str | None = None
    timex_start: int | None = None
    timex_end: int | None = None
    mod: str | None = None
    #: False for TimeML expressions that are no event (a bare duration, a set, "now").
    event: bool = True
    #: TimeML marks several expressions here ("1990 and 1991"): (start, end, type, value) each.
    parts: tuple = ()
    #: False for a reader's cue that TimeML does not mark ("later", adverbial "since").
    timeml: bool = True

    def timeml_marks(self) -> list[tuple[int, int, str, str, str | None]]:
        """The TIMEX3 expressions this stands for: (start, end, type, value, mod)."""
        if not self.timeml or self.timex_end <= self.timex_start:
            return []
        if self.parts:
            return [(s, e, t, v, None) for s, e, t, v in self.parts]
        return [(self.timex_start, self.timex_end, self.timex_type, self.timex_value, self.mod)]


class Context:
    """What a normaliser may consult: the text, the publication date, earlier results."""

    def __init__(self, text: str, published: Published | None, sentence_spans, actors=None, actor_cache=None):
        self.text = text
        self.anchor = published.first if published else None
        self.anchor_precision = published.precision if published else None
        self._spans = sentence_spans
        self._starts = [s for s, _ in sentence_spans]
        self.history: list[Timex] = []
        self.chronology = None  # a chronology's entries seen so far (normalise.calendar_dates.Entries)
        self.grammar = None
        self.candidates: list[Candidate] = []
        self._candidate_starts: list[int] = []
        self.actors = actors
        self._actor_cache = actor_cache if actor_cache is not None else {}

    def candidates_between(self, start: int, end: int) -> list[Candidate]:
        if len(self._candidate_starts) != len(self.candidates):
            self._candidate_starts = [c.start for c in self.candidates]
        i = bisect.bisect_left(self._candidate_starts, start)
        out = []
        while i < len(self.candidates) and self.candidates[i].start < end:
            out.append(self.candidates[i])
            i += 1
        return out

    def has_anchor(self, precision: str) -> bool:
        if self.anchor is None:
            return False
        return _PRECISION_RANK[self.anchor_precision] >= _PRECISION_RANK.get(precision, 2)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return 0, len(self.text)
        return self._spans[i]

    # -- anchors for chained expressions --------------------------------------------

    def last_anchor(self, unit: str, pos: int) -> Timex | None:
        fine = _FINE_ENOUGH.get(unit, _FINE_ENOUGH["day"])
        for tx in reversed(self.history):
            if tx.date_start is not None and tx.granularity in fine and tx.start < pos:
                if grammar.in_closed_aside(self.grammar, self.text, tx.end, pos, tx.sentence[0]):
                    continue  # an aside ("which began Jan. 10") is not where the story is
                return tx
        return None

    def clause_anchor(self, pos: int) -> Timex | None:
        """The time of the clause a "<n> days after ..." hangs on: a day earlier in the
        same sentence, else the story's own day (its first day relative to publication)."""
        sent_start, _ = self.sentence_span(pos)
        for tx in reversed(self.history):
            if tx.start >= sent_start and tx.date_start and tx.start < pos:
                # ("issued it in October 2023, a day after the signing": a day of a month not known)
                return tx if tx.granularity == "day" else None
        for tx in self.history:
            if tx.granularity == "day" and tx.resolution == "relative":
                return tx
        if self.has_anchor("day"):
            return Timex(pos, pos, "", self.anchor.isoformat(), self.anchor, self.anchor, "day",
                         "relative", "publication", 1.0, None, (pos, pos))
        return None

    # -- people with terms of office -------------------------------------------------

    def _people_with_terms(self, start: int, end: int) -> list[str]:
        key = (start, end)
        if key not in self._actor_cache:
            found = []
            if self.actors is not None:
                for mention in self.actors.find(self.text[start:end], on=self.anchor):
                    for name in mention.names:
                        if self.actors.terms(name) and name not in found:
                            found.append(name)
            self._actor_cache[key] = found
        return self._actor_cache[key]

    def person_for(self, groups: dict, cand: Candidate) -> str | None:
        """Whose term or inauguration: a named person, else the nearest one in context."""
        if groups.get("who"):
            people = self._people_with_terms(cand.start, cand.end)
            return people[0] if people else None
        sent_start, sent_end = self.sentence_span(cand.start)
        people = self._people_with_terms(sent_start, sent_end)
        if people:
            return people[0]
        i = bisect.bisect_right(self._starts, cand.start) - 1
        for j in range(i - 1, max(i - 4, -1), -1):  # a pronoun's antecedent, a few sentences back
            people = self._people_with_terms(*self._spans[j])
            if people:
                return people[-1]
        return None


class Tagger:
    """Finds and normalises the date expressions of one language's rules."""

    def __init__(self, language: str = "en", actors=None):
        self.rules = load(language)
        self.actors = actors

    def candidates(self, text: str, start: int = 0, end: int | None = None,
                   sentence_spans=None) -> list[Candidate]:
        """Best non-overlapping rule matches; none crosses a sentence boundary."""
        end = len(text) if end is None else end
        spans = sentence_spans if sentence_spans is not None else sentence_splitter.split(text, start, end)
        blocked = [(m.start(), m.end()) for rx in self.rules.excludes for m in rx.finditer(text, start, end)]
        found = []
        segments = {kind: _within_sentences(self._segments(rx, text, start, end), spans)
                    for kind, rx in self.rules.triggers.items()}
        for rule in self.rules.rules:
            for m in (m for seg in segments[rule.trigger] for m in rule.regex.finditer(text, *seg)):
                s, e = m.span()
                if e == s or any(bs < e and s < be for bs, be in blocked):
                    continue
                groups = {k: self._canonical(v) for k, v in m.groupdict().items() if v is not None}
                found.append(Candidate(s, e, rule, groups))
        return _best_non_overlapping(found)

    def _canonical(self, word: str) -> str:
        """A captured word as the normalisers know it ("pasado" -> "last")."""
        key = " ".join(word.lower().split())
        return self.rules.lexicon.get(key, word)

    def _segments(self, trigger, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Stretches of text around a trigger's hits, cut at white space, merged."""
        before, after = self.rules.margins
        segments: list[tuple[int, int]] = []
        for m in trigger.finditer(text, start, end):
            lo = max(start, m.start() - before)
            hi = min(end, m.end() + after)
            if segments and lo <= segments[-1][1]:
                segments[-1] = (segments[-1][0], hi)
            else:
                segments.append((lo, hi))
        return [(_at_space(text, lo, -1, start), _at_space(text, hi, 1, end)) for lo, hi in segments]

    def tag(self, text: str, published: Published | str | None = None, end: int | None = None,
            sentence_spans=None, limit: int | None = None) -> list[Timex]:
        """Every dated (or kept unresolved) expression in ``text[:end]`` that makes an event, in text order.

        With ``limit``, normalising stops soon after that many (enough that more than ``limit``
        remain when there are more): a text made of dates costs no more than its first ones."""
        found = self.timexes(text, published, end, sentence_spans, limit=limit)
        return _one_per_phrase([t for t in found if t.event], text)

    def timexes(self, text: str, published: Published | str | None = None, end: int | None = None,
                sentence_spans=None, limit: int | None = None) -> list[Timex]:
        """Every TimeML temporal expression in ``text[:end]`` (events and bare durations, sets,
        references to the present alike), in text order, each with its TIMEX3 attributes.

        ``published``: an article's parsed date (``Article.published``), or an ISO string."""
        spans = sentence_spans if sentence_spans is not None else sentence_splitter.split(text, 0, end)
        ctx = Context(text, normalise_published(published) if published else None, spans, self.actors)
        ctx.grammar = self.rules.grammar
        ctx.candidates = self.candidates(text, 0, end, spans)
        out = []
        for cand in ctx.candidates:
            if limit is not None and len(ctx.history) > 2 * limit + 1:
                break  # _one_per_phrase drops at most every other one: more than ``limit`` stay
            try:
                result = NORMALISERS[cand.rule.normaliser](cand.groups, cand, ctx)
            except (ValueError, OverflowError):
                result = UNRESOLVED  # a step past year 1 or 9999: real words, no calendar day
            if result is None:
                continue
            sent = ctx.sentence_span(cand.start)
            verb_tense = grammar.tense(ctx.grammar, text, cand.start, cand.end, *sent)
            t_start, t_end = timex3.span(text, cand.start, cand.end, self.rules.leading)
            if cand.rule.params.get("timeml_group"):  # "the July elections": TimeML marks "July"
                m = _rematch(cand, text)
                if m is not None:
                    t_start, t_end = m.span(cand.rule.params["timeml_group"])
            mod = timex3.mod_of(cand.groups)
            params = cand.rule.params
            if isinstance(result, NotPlaced):
                tx = Timex(cand.start, cand.end, text[cand.start:cand.end], None, None, None, "unresolved",
                           "unresolved", cand.rule.name, round(cand.rule.confidence * 0.9, 3), verb_tense, sent,
                           result.type, result.value, t_start, t_end, result.mod or mod, event=result.event,
                           timeml=params.get("timeml", True))
                if result.event:
                    ctx.history.append(tx)
                out.append(tx)
                continue
            if result is UNRESOLVED:
                t_type, t_value = params.get("timex_type", "DATE"), params.get("timex_value", "XXXX-XX-XX")
                tx = Timex(cand.start, cand.end, text[cand.start:cand.end], None, None, None, "unresolved",
                           "unresolved", cand.rule.name, round(cand.rule.confidence * 0.9, 3), verb_tense, sent,
                           t_type, t_value, t_start, t_end, mod, timeml=params.get("timeml", True))
            else:
                assert isinstance(result, Resolved)
                t_type, t_value = result.timeml or timex3.value_of(result.value, result.granularity, result.start)
                t_type, t_value = timex3.with_part_of_day(text[t_start:t_end], t_type, t_value, self.rules.parts)
                first, last = timex3.part_of_month(result.start, result.end, result.granularity, result.mod or mod)
                tx = Timex(cand.start, cand.end, text[cand.start:cand.end], result.value, first,
                           last, result.granularity, result.resolution, cand.rule.name,
                           round(min(1.0, cand.rule.confidence * result.confidence), 3), verb_tense, sent,
                           t_type, t_value, t_start, t_end, result.mod or mod, timeml=params.get("timeml", True))
            if params.get("timeml_parts"):
                tx.parts = _parts(cand, text, params["timeml_parts"])
            if isinstance(result, Resolved) and result.parts:
                tx.parts = _group_parts(cand, text, result.parts)
            if params.get("timeml_duration"):
                tx.parts = _stretch(cand, text, t_start)
            ctx.history.append(tx)
            out.append(tx)
        return out


def _parts(cand: Candidate, text: str, groups: list[str]) -> tuple:
    """TimeML expressions for named groups of a match (each a year: "1990 and 1991")."""
    m = _rematch(cand, text)
    if m is None or any(m.group(g) is None for g in groups):
        return ()
    return tuple((m.start(g), m.end(g), "DATE", _full_year(m.group(g), m.group(groups[0])))
                 for g in groups)


def _full_year(year: str, first: str) -> str:
    """"58" after "1957" is 1958."""
    return year if len(year) == 4 else str(int(first) // 100 * 100 + int(year))


def _rematch(cand: Candidate, text: str):
    """The candidate's match again, to read its groups' offsets (look-aheads may see past its end)."""
    m = cand.rule.regex.match(text, cand.start)
    return m if m is not None and m.end() == cand.end else None


def _group_parts(cand: Candidate, text: str, parts) -> tuple:
    """TimeML expressions for named groups of a match, with the values a normaliser gave them."""
    m = _rematch(cand, text)
    if m is None or any(m.group(g) is None for g, _, _ in parts):
        return ()
    return tuple((m.start(g), m.end(g), t, v) for g, t, v in parts)


def _stretch(cand: Candidate, text: str, start: int) -> tuple:
    """"two days later": TimeML marks the stretch ("two days", P2D) and leaves the direction out."""
    m = _rematch(cand, text)
    if m is None or m.group("unit") is None:
        return ()
    unit = cand.groups["unit"]
    n = count(cand.groups["num"]) if cand.groups.get("num") else (None if unit.lower().endswith("s") else 1)
    return ((start, m.end("unit"), "DURATION", duration_value(n, unit)),)


def _at_space(text: str, pos: int, step: int, limit: int) -> int:
    """Move ``pos`` outwards to white space so no word is cut in two."""
    while pos != limit and not text[pos - (step < 0)].isspace():
        pos += step
    return pos


def _within_sentences(segments: list[tuple[int, int]], spans) -> list[tuple[int, int]]:
    """Cut segments at sentence edges, so that no match runs from one sentence into the next."""
    out = []
    starts = [s for s, _ in spans]
    for lo, hi in segments:
        i = max(bisect.bisect_right(starts, lo) - 1, 0)
        while i < len(spans) and spans[i][0] < hi:
            s, e = spans[i]
            if max(lo, s) < min(hi, e):
                out.append((max(lo, s), min(hi, e)))
            i += 1
    return out


def _best_non_overlapping(found: list[Candidate]) -> list[Candidate]:
    """Longest match wins; on a tie, the rule listed first."""
    found.sort(key=lambda c: (-(c.end - c.start), c.rule.order, c.start))
    starts: list[int] = []  # taken spans, kept sorted by start; they never overlap
    taken: list[Candidate] = []
    for cand in found:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


def _one_per_phrase(timexes: list[Timex], text: str) -> list[Timex]:
    """Two expressions of one phrase naming the same time give one event, the more
    specific ("In 2020, during Trump's first term" is "In 2020"), or the first
    when the second only restates it ("on 31 July, the day after the vote")."""
    drop = set()
    for a, b in zip(timexes, timexes[1:]):
        if a.sentence != b.sentence or a.date_start is None or b.date_start is None:
            continue
        gap = text[a.end:b.start]
        if len(gap) > 25 or any(ch in gap for ch in ".;:!?"):
            continue
        restates = text[max(0, b.start - 4):b.start].lower() == "the "
        if b.resolution == "anchored" and restates and not gap.lower().replace("the", "").strip(" ,—–"):
            drop.add(id(b))  # an apposition: "on 31 July, the day after the vote"
            continue
        if a.date_start <= b.date_start and b.date_end <= a.date_end and (a.date_start, a.date_end) != (b.date_start, b.date_end):
            drop.add(id(a))
        elif b.date_start <= a.date_start and a.date_end <= b.date_end and (a.date_start, a.date_end) != (b.date_start, b.date_end):
            drop.add(id(b))
    return [t for t in timexes if id(t) not in drop]


def tag(text: str, published: Published | str | None = None, language: str = "en") -> list[Timex]:
    """Convenience: tag ``text`` with the default actor knowledge base."""
    try:
        from ..actors import ActorMatcher
        actors = ActorMatcher.default()
    except ImportError:  # pragma: no cover - the knowledge base ships with the package
        actors = None
    return Tagger(language, actors).tag(text, published)
