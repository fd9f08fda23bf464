"""An event's headline: a short clause in the sentence's own words.

At most about ``HEADLINE_WORDS`` words, in the sentence's order: who acted, the action's words
and what it was done to. It is the clause that holds the action's trigger (or, with no trigger,
the date), with what doesn't say what happened left out:

- the date itself, which the timeline shows ("on Wednesday", "el lunes");
- asides in brackets and relative clauses ("Maduro, who replaced Chávez last year, ...");
- the frame of reported speech around an action ("The president said that ...");
- words between who acted and the action ("The United States, Canada and major South American
  nations recognised ..." reads "United States recognised ...");
- opening phrases before the clause ("Between last October and August, ...").
"""

from __future__ import annotations

import re

from .actions import Trigger
from .roles import Placed, Roles

HEADLINE_WORDS = 12
#: A headline may run this far to end on the action's own words.
MAX_WORDS = 15

_CUT = "\x00"  # stands where words were left out: a noun phrase never reaches across it
# A word the date expression leans on, left out with it ("on Wednesday", "el lunes").
_DATE_LEAD = frozenset(
    "on in at by since during from until between this just only el la los las en desde este esta hasta durante "
    "entre".split())
# A word that makes the date part of a name, kept with it.
_NAMED_BY = frozenset("of de del".split())
# Words a noun phrase may hold besides capitalised ones ("the U.N. Security Council").
_NP_WORDS = frozenset(
    "the el la los las president presidente secretary secretario secretaria minister ministro ministra "
    "leader líder opposition opositor opositora foreign state general senator senador".split())
_AUX = frozenset(
    "has have had was were is are will would could should been be not also already ha han había "
    "habían fue fueron será serán es son ya no se".split())
_RELATIVE_WORD = frozenset("who which that whom quien quienes que cual cuales".split())
# Words a cut headline must not end on.
_DANGLING = frozenset(
    "the a an of to and or but with for in on at by as from that which who whose his her its their "
    "is are was were has have had be been will would could should than into over after before just "
    "de la el los las del al y o e u que en con por para a su sus un una como se lo le "
    "entre sobre tras desde hasta ha han fue era".split())
_JOINING = frozenset("and or but y o e u pero".split())
_RELATIVE = re.compile(
    r",\s*(?:who|whom|whose|which|where|quien|quienes|que|cuyo|cuya|cuyos|cuyas|donde|"
    r"el cual|la cual|los cuales|las cuales)\b[^,;:()—–]*(?=,|$)", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_STRONG = re.compile(r"[;:]|\s[—–-]\s|—|–")
_THAT = re.compile(r"^\s*(?:\S+\s+){0,5}?(?:that|que)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\s\x00]+")
_QUOTES = "\"“”«»‘’'"


def _blank(chars: list[str], a: int, b: int) -> None:
    for i in range(max(0, a), min(len(chars), b)):
        chars[i] = _CUT


def _words(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(a + m.start(), a + m.end()) for m in _WORD.finditer(text[a:b])]


def _np_start(text: str, at: int, floor: int) -> int:
    """Where the noun phrase ending in the name at ``at`` begins: capitalised words, titles and
    articles before it ("the U.N. Security Council", "Venezuelan President Nicolás Maduro")."""
    while at > floor:
        m = re.search(r"([^\s\x00,;:]+) +$", text[floor:at])
        if not m:
            break
        w = m.group(1).strip(_QUOTES)
        if not w or not (w[0].isupper() or w.lower() in _NP_WORDS):
            break
        at = floor + m.start(1)
    return at


def _opens_phrase(text: str, word: tuple[int, int], previous: tuple[int, int]) -> bool:
    w, p = text[word[0]:word[1]], text[previous[0]:previous[1]]
    return (w[:1].isupper() or w.lower() in _NP_WORDS) and not (p[:1].isupper() or p.lower() in _NP_WORDS)


def _finish(text: str, spans: list[tuple[int, int]], must_end: int, names: list[Placed] = ()) -> str:
    """The words as a headline: about ``HEADLINE_WORDS`` of them, more (up to ``MAX_WORDS``) to
    end a few words after the action or at the end of a name, never ending on a word that leads on."""
    words = [text[a:b].strip(_QUOTES) for a, b in spans]
    reach = sum(1 for a, _ in spans if a < must_end)
    keep = min(MAX_WORDS, max(HEADLINE_WORDS, reach + 3))
    if keep < len(spans):
        cut = spans[keep - 1][1]
        inside = [p.end for p in names if p.start < cut < p.end]
        if inside:
            keep = min(MAX_WORDS, sum(1 for a, _ in spans if a < max(inside)))
    words = [w for w in words[:keep] if w.strip(",;:.")]
    while words and words[-1].lower().strip(",;:.") in _DANGLING:
        words.pop()
    while words and words[0].lower() in _JOINING:  # what joined a left-out date to the clause
        words.pop(0)
    if len(words) > 1 and words[0].lower() in {"the", "el", "la", "los", "las"} and words[1][:1].isupper():
        words = words[1:]
    out = " ".join(words).strip(" ,;:.—–-")
    out = re.sub(r"\s+([,;:.])", r"\1", out)
    out = re.sub(r",(\s*,)+", ",", out).rstrip(",;: ")
    return out[:1].upper() + out[1:]


def headline(sentence: str, placed: list[Placed], trigger: Trigger | None, roles: Roles,
             date_span: tuple[int, int] | None, speech: list[Trigger] = (),
             dates: list[tuple[int, int]] = ()) -> str:
    """At most about ``HEADLINE_WORDS`` words in the sentence's own words (see the module).
    ``date_span`` is the event's date expression, ``dates`` every one in the sentence: all are left out."""
    chars = list(sentence)
    anchor = (trigger.start, trigger.end) if trigger else date_span or (0, 0)
    for a, b in {*dates, *([date_span] if date_span else [])}:
        lead = re.search(r"(\S+)\s+$", sentence[max(0, a - 24):a])  # a word, not the whole prefix
        if lead and lead.group(1).lower() in _NAMED_BY:
            continue  # part of a name: "the War of 1812", "la Ley de 2021"
        if lead and lead.group(1).lower() in _DATE_LEAD:
            a = max(0, a - 24) + lead.start(1)
        _blank(chars, a, b)
    for m in [*_BRACKETS.finditer(sentence), *_RELATIVE.finditer(sentence)]:
        if not (m.start() <= anchor[0] < m.end()):
            _blank(chars, m.start(), m.end())
    # The frame of reported speech before an action: start after "said (that)".
    said = [s for s in speech if trigger is not None and not trigger.speech and s.end <= trigger.start]
    that = _THAT.match(sentence[said[-1].end:trigger.start]) if said else None
    if that:
        _blank(chars, 0, said[-1].end + that.end())
    text = "".join(chars)
    start, end = 0, len(text)
    for m in _STRONG.finditer(text):
        if m.end() <= anchor[0]:
            start = m.end()
        elif m.start() >= anchor[1]:
            end = min(end, m.start())
    commas = [start + m.start() for m in re.finditer(r",(?=[\s\x00])", text[start:end])]
    left = max([c + 1 for c in commas if c < anchor[0]], default=start)
    right = min([c for c in commas if c >= anchor[1]], default=end)
    # A comma after the action may be crossed to reach a name it was done to (an apposition).
    targets = [p for p in placed if set(p.names) & set(roles.target) and p.start >= anchor[1]]
    for p in targets:
        if right < p.start < end and len(_words(text, anchor[0], p.end)) <= HEADLINE_WORDS - 2:
            right = min([c for c in commas if c >= p.end], default=end)
    body = _words(text, left, right)
    lead_words = [w for w in body if w[1] <= anchor[0]]
    # Who acted: the first actor acting named before the action in this part of the sentence.
    acting = [p for p in placed if set(p.names) & set(roles.source) and start <= p.start and p.end <= anchor[0]
              and p.end > p.start and text[p.start:p.end] == sentence[p.start:p.end]]
    subject: list[tuple[int, int]] = []
    first = text[lead_words[0][0]:lead_words[0][1]].lower() if lead_words else ""
    if trigger is None:
        pass  # no action words to keep together: the date's part as it reads
    elif acting:
        own = [p for p in acting if p.start >= left]
        if own and acting[0].start < left and len(_words(text, acting[0].end, left)) <= 6:
            own = []  # a list of who acted ("The United States, Canada and ..."): the first stands for all
        # the relative pronoun's antecedent is the nearest name; otherwise the clause's first
        who = own[0] if own else acting[-1] if first in _RELATIVE_WORD else acting[0]
        np = _np_start(text, who.start, start)
        if own:  # in the action's own part: from there on, less a list or aside that stands between
            between = _words(text, who.end, anchor[0])
            if re.search(r",\s", sentence[who.end:anchor[0]]):
                between = [w for w in between[-2:] if text[w[0]:w[1]].lower() in _AUX]
            subject = _words(text, np, who.end) + between
            body = [w for w in body if w[0] >= anchor[0]]
        else:  # named in an earlier part: it stands for the action's own subject
            subject = _words(text, np, who.end)
            if first in _RELATIVE_WORD:
                body = body[1:]
            elif any(text[a:a + 1].isupper() for a, _ in lead_words):
                aux = [w for w in lead_words[-2:] if text[w[0]:w[1]].lower() in _AUX]
                body = aux + [w for w in body if w[0] >= anchor[0]]
    elif lead_words and not first[:1].isupper() and left > start:
        # The part begins with its verb ("Saab, 51, was released"): its subject is the earliest
        # short part before it.
        starts = [start] + [c + 1 for c in commas if c < left - 1]
        first_part = min((a for a in starts if len(_words(text, a, left)) <= 6), default=None)
        if first_part is not None:
            piece_end = min([c for c in commas if c >= first_part], default=left)
            subject = _words(text, first_part, piece_end)
    words = subject + body
    before = [w for w in words if w[0] < anchor[0]]
    if trigger is not None and len(before) >= MAX_WORDS:
        # A long run-up: start at the last noun phrase a few words before the action.
        near = range(max(1, len(before) - 7), len(before))
        cut = next((i for i in near if _opens_phrase(text, before[i], before[i - 1])), len(before) - 6)
        words = before[cut:] + [w for w in words if w[0] >= anchor[0]]
    # A part that held only the date ("In 2014, she took ..."): the clause it opens, then the rest.
    for spans in (words, _words(text, start, end), _words(text, 0, len(text))):
        if out := _finish(text, spans, anchor[1], placed):
            return out
    return _finish(sentence, _words(sentence, 0, len(sentence)), 0)
