"""Events: one row per date expression, with its sentence, actors, topics and source."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace
from functools import lru_cache, partial

from . import sentences, topics
from .actions import OTHER, STATEMENT, Taxonomy, choose, mentioned, token_span
from .anaphora import pointer
from .actors import ActorMatcher
from .model import EVENT_COLUMNS, Article
from .headline import headline
from .outlets import outlet_name
from .roles import Placed, Roles, assign
from .timex import Tagger
from .timex.normalise.calendar_dates import year_label
from .timex.rules import available_languages
from .wording import first_sum


@lru_cache(maxsize=None)
def tagger_for(language: str) -> Tagger:
    """One tagger per language; English rules stand in for a language without its own."""
    rules = language if language in available_languages() else "en"
    return Tagger(rules, ActorMatcher.default())


def event_id(article_id: str, start: int, end: int, date_text: str) -> str:
    """Stable across rebuilds: the same expression at the same place keeps its id."""
    digest = hashlib.sha1(f"{article_id}\x1f{start}\x1f{end}\x1f{date_text}".encode("utf-8"))
    return digest.hexdigest()[:16]


# Pronouns by language: the English "he" is the Spanish "I have" ("Hoy, he reconocido …").
_SINGULAR = {"en": re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE),
             "es": re.compile(r"(?<!\w)(?:él|ella)(?!\w)", re.IGNORECASE)}
_PLURAL = {"en": re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE),
           "es": re.compile(r"(?<!\w)(?:ellos|ellas)(?!\w)", re.IGNORECASE)}
_SUBJECT_ZONE = 40  # a pronoun this close to the sentence start is usually its subject

#: Characters of sentence a row keeps. Every row carries its sentence, so an unbounded one
#: makes memory grow as dates x sentence length (one 24 KB "sentence" of 2,000 dates once
#: took 350 MB); past this, the row keeps a window of the sentence around its date.
SENTENCE_WINDOW = 600
#: Date expressions kept per article, in text order; no news article comes near it, and
#: a file made of dates would otherwise give a row per date. Past it a warning says so.
MAX_EVENTS_PER_ARTICLE = 2_000


def sentence_window(text: str, sentence: tuple[int, int], date: tuple[int, int]) -> tuple[int, int]:
    """The stored part of ``sentence``: all of it, or ``SENTENCE_WINDOW`` characters around ``date``
    cut at spaces; ``text[start:end]`` stays true, so offsets keep their meaning."""
    start, end = sentence
    if end - start <= SENTENCE_WINDOW:
        return start, end
    room = max(SENTENCE_WINDOW - (date[1] - date[0]), 0)
    lo = max(start, date[0] - room // 2)
    hi = min(end, lo + max(SENTENCE_WINDOW, date[1] - date[0]))
    lo = max(start, min(lo, hi - SENTENCE_WINDOW))
    # Whole words at both ends, unless a word is longer than the slack.
    if lo > start:
        cut = text.find(" ", lo, min(date[0], lo + 40))
        lo = cut + 1 if cut >= 0 else lo
    if hi < end:
        cut = text.rfind(" ", max(date[1], hi - 40), hi)
        hi = cut if cut >= 0 else hi
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


class SentenceActors:
    """Actors of each sentence, pronouns included.

    A sentence's *focus* is the person it is about: the first person it names,
    unless it opens with a pronoun, which keeps the previous focus ("Machado
    co-founded ... In 2005, she traveled ... She has since been banned"). A
    singular pronoun adds the previous sentence's focus, unless a person is named
    before it in the same sentence ("Rubio will meet his allies"); a plural one,
    every person the previous sentence names.
    """

    def __init__(self, text, spans, matcher, on, language="en"):
        self.text, self.spans, self.matcher, self.on = text, spans, matcher, on
        self.singular, self.plural = _SINGULAR[_pronoun_language(language)], _PLURAL[_pronoun_language(language)]
        self.starts = [s for s, _ in spans]
        self._named: dict[int, list[str]] = {}
        self._focus: list[str | None] = []

    def named(self, i: int) -> list[str]:
        if i not in self._named:
            s, e = self.spans[i]
            self._named[i] = self.matcher.actors(self.text[s:e], on=self.on)
        return self._named[i]

    def people(self, i: int) -> list[str]:
        return [n for n in self.named(i) if self.matcher.type_of(n) == "person"]

    def focus(self, i: int) -> str | None:
        while len(self._focus) <= i:
            j = len(self._focus)
            previous = self._focus[j - 1] if j else None
            s, e = self.spans[j]
            opens_with_pronoun = self.singular.search(self.text, s, min(e, s + _SUBJECT_ZONE))
            people = self.people(j)
            self._focus.append(previous if opens_with_pronoun or not people else people[0])
        return self._focus[i]

    def _person_before(self, sentence: str, pos: int) -> bool:
        """Is a person named before ``pos``? Then "his" most likely means that person."""
        return any(m.start < pos and any(self.matcher.type_of(n) == "person" for n in m.names)
                   for m in self.matcher.find(sentence, on=self.on))

    def of(self, span: tuple[int, int]) -> list[str]:
        i = bisect.bisect_left(self.starts, span[0])
        if i >= len(self.spans) or self.spans[i] != span:
            return self.matcher.actors(self.text[span[0]:span[1]], on=self.on)
        actors = list(self.named(i))
        sentence = self.text[span[0]:span[1]]
        pronoun = self.singular.search(sentence)
        if i > 0 and pronoun and not self._person_before(sentence, pronoun.start()):
            referent = self.focus(i - 1)
            if referent and referent not in actors:
                actors.append(referent)
        elif i > 0 and self.plural.search(sentence[:_SUBJECT_ZONE]) and not self.people(i):
            actors += [p for p in self.people(i - 1) if p not in actors]
        return actors


def _event_tense(tx, pub) -> str:
    """Past, present or future relative to the publication day ``pub``: by the calendar when
    both are known, else by the verbs around it."""
    if tx.date_start is not None and pub is not None:
        if tx.date_start > pub:
            return "future"
        if tx.date_end < pub:
            return "past"
        return "present" if tx.tense != "future" else "future"
    return tx.tense or "past"


def _pronoun_language(language: str) -> str:
    return language if language in _SINGULAR else "en"


def _placed(sentence: str, actors: list[str], matcher, on, language: str = "en") -> list[Placed]:
    """Where each actor stands in the sentence; one found through a pronoun stands at it."""
    placed = [Placed(m.start, m.end, m.names, m.surface, tuple(matcher.type_of(n) for n in m.names))
              for m in matcher.find(sentence, on=on)]
    named = {n for p in placed for n in p.names}
    extra = tuple(a for a in actors if a not in named)
    if extra:
        lang = _pronoun_language(language)
        pronoun = _SINGULAR[lang].search(sentence) or _PLURAL[lang].search(sentence)
        at = (pronoun.start(), pronoun.end()) if pronoun else (0, 0)
        placed.append(Placed(at[0], at[1], extra, extra[0]))
    return placed


def _is_person(matcher, name: str) -> bool:
    try:
        return matcher.type_of(name) == "person"
    except KeyError:
        return False


def _read(text: str, span: tuple[int, int], language: str, actors: list[str], dates, matcher, on):
    """One sentence: its text, its actors placed, its date expressions and triggers (both relative
    to the sentence)."""
    sentence = text[span[0]:span[1]]
    placed = _placed(sentence, actors, matcher, on, language)
    rel_dates = [(a - span[0], b - span[0]) for a, b in dates]
    names = [(p.start, p.end) for p in placed if p.end > p.start]
    people = [(p.start, p.end) for p in placed
              if p.end > p.start and any(_is_person(matcher, n) for n in p.names)]
    return sentence, placed, rel_dates, Taxonomy.default().find(sentence, language, rel_dates, names=names,
                                                                people=people)


_ANCHORING = re.compile(r"\b(?:after|before|since|when|day|days|que|cuando|día|días|después|antes|tras|desde)\b",
                        re.IGNORECASE)
_OF_DATE = re.compile(r"\s+(?:de|del|of)\b")
_SETTING_FIRST = re.compile(r"(?:in|at|during|on|en|durante)\b", re.IGNORECASE)


def _own_noun(sentence: str, language: str, date_span):
    """The happening a date expression names itself ("the July election", "the July vote"): the
    date is its own, whatever else the sentence tells ("Maduro has claimed to have won the July
    election")."""
    words = sentence[date_span[0]:date_span[1]]
    if _ANCHORING.search(words) or _SETTING_FIRST.match(words):
        # "on the day he was sworn in": the happening named is the anchor, not the dated one; "agreed to
        # endorse the charter in the April summit": the happening named is the setting of another
        return None
    # the noun the date stands before or after: "the July election", "Monday's strike", "las elecciones de julio"
    own = [t for t in Taxonomy.default().find(words, language) if not t.speech and words[t.start].islower()
           and (t.end == len(words) or t.start == 0 and _OF_DATE.match(words, t.end))]
    if not own:
        return None
    t = own[-1]
    start, end = date_span[0] + t.start, date_span[0] + t.end
    first, last = token_span(sentence, (start, end))
    return replace(t, start=start, end=end, first=first, last=last)


def _coding(text: str, span: tuple[int, int], language: str, actors: list[str], dates, matcher, on):
    """Per date expression of one sentence: action, trigger, roles and headline."""
    sentence, placed, rel_dates, found = _read(text, span, language, actors, dates, matcher, on)
    speech = [t for t in found if t.speech]
    out = {}
    for date_span in rel_dates:
        trigger = _own_noun(sentence, language, date_span) or choose(
            found, sentence, date_span, rel_dates)
        roles = assign(sentence, language, placed, trigger, speech, date_span)
        if trigger and trigger.own_date:
            # A happening talked about, dated by its own date: who talks is not who did it.
            roles = Roles([], [n for n in roles.target if n not in roles.source],
                          f"talked about: {sentence[trigger.start:trigger.end]!r} has its own date; "
                          "who speaks of it is not its doer")
        action = trigger.action if trigger else "other"
        out[date_span] = {
            "action": action,
            # No trigger: an empty span at the sentence start (offsets stay integers).
            "action_text": sentence[trigger.start:trigger.end] if trigger else "",
            "action_char_start": span[0] + (trigger.start if trigger else 0),
            "action_char_end": span[0] + (trigger.end if trigger else 0),
            "actors_source": roles.source,
            "actors_target": roles.target,
            "roles_rule": roles.rule,
            # written when its row is made: a window may hold many dates but stores one
            "headline": partial(headline, sentence, placed, trigger, roles, date_span, speech, rel_dates),
        }
    return out


def _told_before(text: str, span: tuple[int, int], spans, people: SentenceActors, language: str, matcher, on):
    """The sentence before this one, in its paragraph or closing the one before ("...pasó de 25 a 50
    millones de dólares.\nEl anuncio, realizado el jueves por Bondi, ..."), never across a section, and
    the happening it tells: (span, text, actors placed, triggers, trigger), or None when it tells none."""
    i = bisect.bisect_left(spans, span)
    if not 0 < i < len(spans) or spans[i] != span or text.count("\n", spans[i - 1][1], span[0]) > 2:
        return None
    ref_span = spans[i - 1]
    ref, placed, _, triggers = _read(text, ref_span, language, people.of(ref_span), [], matcher, on)
    trigger = choose(triggers, ref, None)
    if trigger is not None and trigger.speech:
        # ("“The US Military struck again today,” Trump wrote. Monday's development marks ...": the first
        # happening the words tell, not the writing of them)
        trigger = next((t for t in triggers if not t.speech), None)
    if trigger is None:
        return None
    return ref_span, ref, placed, triggers, trigger


def _pointed(text: str, span: tuple[int, int], date: tuple[int, int], coding: dict, spans,
             people: SentenceActors, language: str, matcher, on) -> dict | None:
    """The coding of a bare saying that points at the sentence before it (in its paragraph, or the
    paragraph before when it opens its own) for what
    it tells ("Así lo anunció este martes Blinken"), or None: the happening is that sentence's, its
    doers act with the speaker, and the headline is told in its words (``newsline.anaphora``)."""
    found = pointer(text[span[0]:span[1]], language, (date[0] - span[0], date[1] - span[0]),
                    coding["action"] == STATEMENT)
    before = _told_before(text, span, spans, people, language, matcher, on) if found is not None else None
    if before is None:
        return None
    ref_span, ref, placed, triggers, trigger = before
    if "\n" in text[ref_span[1]:span[0]]:
        # Across a paragraph break only to a happening of a class the pointing sentence names, when
        # it names any ("The announcement ... marks a stark increase from the previous bounty").
        named = mentioned(text[span[0]:span[1]], language, None) - {STATEMENT}
        if named and trigger.action not in named:
            return None
    speech = [t for t in triggers if t.speech]
    told = assign(ref, language, placed, trigger, speech)
    speakers = [n for n in coding["actors_source"] if n not in told.source]
    source = told.source + speakers
    words = text[span[0] + found[0]:span[0] + found[1]]
    roles = Roles(source, [n for n in told.target if n not in source],
                  f"anaphora: {words!r} stands for what the sentence before tells ({ref[trigger.start:trigger.end]!r}); "
                  + told.rule + ("; the speaker also acts" if speakers else ""))
    return {
        "action": trigger.action,
        "action_text": words,
        "action_char_start": span[0] + found[0],
        "action_char_end": span[0] + found[1],
        "actors_source": roles.source,
        "actors_target": roles.target,
        "roles_rule": roles.rule,
        "headline": partial(headline, ref, placed, trigger, roles, None, speech, []),
    }


def _sum_goes_on(text: str, span: tuple[int, int], coding: dict, spans, people: SentenceActors,
                 language: str, matcher, on) -> dict | None:
    """The coding of a sentence with no trigger that names a sum, right after a sentence that tells a
    reward with its sum ("...offered a $15 million reward for Maduro's arrest in 2020. Former President
    Joe Biden later raised that amount to $25 million"; "la anterior de 25 millones de dólares establecida
    en enero de 2025"): the sum goes on telling that class. Its own sentence says who acted."""
    sentence = text[span[0]:span[1]]
    found = first_sum(sentence)
    before = (_told_before(text, span, spans, people, language, matcher, on)
              if coding["action"] == OTHER and found is not None else None)
    if before is None:
        return None
    _, ref, placed, _, trigger = before
    if first_sum(ref) is None or not Taxonomy.default().classes[trigger.action].purpose[language]:
        return None
    roles = Roles(coding["actors_source"], coding["actors_target"],
                  f"sum: {sentence[found[0]:found[1]]!r} goes on with the {trigger.action} the sentence before "
                  f"tells with its sum ({ref[trigger.start:trigger.end]!r}); " + coding["roles_rule"])
    return {
        **coding,
        "action": trigger.action,
        "action_text": sentence[found[0]:found[1]],
        "action_char_start": span[0] + found[0],
        "action_char_end": span[0] + found[1],
        "roles_rule": roles.rule,
        "headline": partial(headline, ref, placed, trigger, roles, None, [], []),
    }


def _year_label(text: str, tx) -> bool:
    """Is the date expression the year label opening its paragraph ("2022: ...")?"""
    m = year_label(text, tx.start)
    return bool(m and (m.start(1), m.end(1)) == (tx.start, tx.end) and not text[m.start():tx.start].strip(" \t-•*"))


def extract_events(article: Article) -> list[dict]:
    """The event rows of one article (columns as in ``EVENT_COLUMNS``)."""
    text = article.text
    end = article.body_end if article.body_end is not None else len(text)
    spans = sentences.split(text, 0, end)
    tagger = tagger_for(article.language or "en")
    timexes = tagger.tag(text, article.published, end=end, sentence_spans=spans, limit=MAX_EVENTS_PER_ARTICLE)
    matcher = tagger.actors
    pub = article.published.first if article.published else None
    people = SentenceActors(text, spans, matcher, pub, article.language or "en")
    by_sentence: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    dates_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for tx in timexes:
        dates_of.setdefault(tx.sentence, []).append((tx.start, tx.end))
    # A chronology's year label ("2022: El 26 de noviembre, el Tesoro emite ...") heads its entry; the
    # entry's own date tells the happening, once.
    labels = {(tx.start, tx.end) for tx in timexes if _year_label(text, tx) and len(dates_of[tx.sentence]) > 1}
    if labels:
        timexes = [tx for tx in timexes if (tx.start, tx.end) not in labels]
        dates_of = {k: [d for d in v if d not in labels] for k, v in dates_of.items()}
    coded: dict[tuple[int, int], dict] = {}
    rows = []
    if len(timexes) > MAX_EVENTS_PER_ARTICLE:
        where = article.path or article.article_id
        article.warnings.append(
            f"{where}: more than {MAX_EVENTS_PER_ARTICLE:,} date expressions, the limit for one article; "
            f"the first {MAX_EVENTS_PER_ARTICLE:,} kept")
        timexes = timexes[:MAX_EVENTS_PER_ARTICLE]
    for tx in timexes:
        s_start, s_end = sentence_window(text, tx.sentence, (tx.start, tx.end))
        if tx.sentence not in by_sentence:
            sentence = text[tx.sentence[0]:tx.sentence[1]]
            # Descriptions ("the president-elect") are read as of the writing.
            by_sentence[tx.sentence] = (people.of(tx.sentence), topics.assign(sentence))
        actors, topic_ids = by_sentence[tx.sentence]
        # Coded within the stored window (the whole sentence unless it is longer than
        # SENTENCE_WINDOW): each date weighs every trigger against every date, so a sentence of
        # thousands of dates coded whole would take hours.
        window = (s_start, s_end)
        if window not in coded:
            inside = [d for d in dates_of[tx.sentence] if s_start <= d[0] and d[1] <= s_end]
            coded[window] = _coding(text, window, article.language or "en", actors, inside, matcher, pub)
        coding = coded[window][(tx.start - s_start, tx.end - s_start)]
        pointed = coding["action"] in (STATEMENT, OTHER) and _pointed(
            text, tx.sentence, (tx.start, tx.end), coding, spans, people, article.language or "en", matcher, pub)
        if not pointed:
            pointed = _sum_goes_on(text, tx.sentence, coding, spans, people, article.language or "en", matcher, pub)
        if pointed:
            coding = pointed
            # who the sentence pointed at names acts in it: they are named, through it
            actors = [*actors, *(n for n in coding["actors_source"] + coding["actors_target"] if n not in actors)]
        rows.append({
            "event_id": event_id(article.article_id, tx.start, tx.end, tx.text),
            "article_id": article.article_id,
            "url": article.url,
            "title": article.title,
            "source": outlet_name(article.source),
            "published": article.published,
            "language": article.language,
            "date_text": tx.text,
            "date_char_start": tx.start,
            "date_char_end": tx.end,
            "value": tx.value,
            "date_start": tx.date_start.isoformat() if tx.date_start else None,
            "date_end": tx.date_end.isoformat() if tx.date_end else None,
            "granularity": tx.granularity,
            "resolution": tx.resolution,
            "rule": tx.rule,
            "tense": _event_tense(tx, pub),
            "sentence": text[s_start:s_end],
            "sentence_char_start": s_start,
            "sentence_char_end": s_end,
            "actors": list(actors),
            "topics": list(topic_ids),
            "confidence": tx.confidence,
            "timex_type": tx.timex_type,
            "timex_value": tx.timex_value,
            "timex_char_start": tx.timex_start,
            "timex_char_end": tx.timex_end,
            **coding,
            "headline": coding["headline"](),
        })
    assert all(list(r) == EVENT_COLUMNS for r in rows[:1])
    return rows
