"""Sayings that tell their happening only by pointing at another sentence.

"Así lo anunció este martes el secretario de Estado", "Este anuncio fue realizado por la fiscal el
7 de agosto", "The move, announced on Thursday, ...", "La anterior ocurrió el 2 de septiembre" date a
happening the sentence before tells, in
the same paragraph, or closing the paragraph before when they open their own (then only a happening
of a class the pointing sentence names, if it names any). A date anchored on what came before ("The
move comes just a day after the bloc condemned ...") is that other happening's, so it points at
nothing. Coded alone, each is a bare statement that no other report of the happening can
be matched with. (A colon that announces what follows, "issued the following statement:", is not
followed: what follows is often an embedded post the page no longer holds.)
"""

from __future__ import annotations

import re

#: An opening that points back: an object pronoun before the saying ("Así lo anunció", "Lo confirmó"),
#: or a noun for what was announced or decided ("Este anuncio", "The move").
_BACK = {
    "es": re.compile(r"^\s*(?:así\s+lo|lo)\b(?!\s+que\b)|^\s*(?:este|esta|el|la|dicho|dicha)\s+(?:anuncio|decisión|medida"
                     r"|incidente|suceso|hecho(?!\s+de\s+que))\b|^\s*(?:el|la)\s+anterior\b"
                     # "Sucedió hace sólo unos momentos": what happened is what was just told
                     r"|^\s*(?:sucedió|ocurrió|pasó)\b", re.IGNORECASE),
    "en": re.compile(r"^\s*(?:the|this|that)\s+(?:announcement|decision|move|incident|development|measure)\b"
                     r"|^\s*the\s+(?:previous|earlier)\s+one\b"
                     # "Monday's development marks ...": the date names what it points at
                     r"|^\s*[A-Z]\w+[’']s\s+(?:announcement|decision|move|incident|development)\b"
                     r"|^\s*it\s+(?:happened|took\s+place)\b", re.IGNORECASE),
}
#: The same nouns as what a saying tells: "Bondi announced the decision on Thursday", "anunció la medida".
_SAID_BACK = {
    "es": re.compile(r"\b(?:anunció|confirmó|anunciaron|confirmaron)\s+(?:la|esta)\s+(?:decisión|medida)\b"
                     r"|\b(?:hizo|realizó)\s+(?:el|este)\s+anuncio\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:announced|confirmed|unveiled)\s+(?:the|this)\s+(?:decision|move|measure)\b"
                     r"|\bmade\s+(?:the|this)\s+announcement\b"
                     # "announced this today", not "announced this Wednesday", where "this" dates the saying
                     r"|\bannounced\s+this\b(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                     r"|morning|afternoon|evening|week|weekend|month|year)\b)", re.IGNORECASE),
}
_ANCHORED = re.compile(r"\b(?:after|before|después|antes)$", re.IGNORECASE)
#: How near the pointing words the date must stand when no saying is what it dates ("The move
#: comes just a day after ..."), so that it dates what they point at.
NEAR_WORDS = 8


def pointer(sentence: str, language: str, date_span: tuple[int, int], saying: bool) -> tuple[int, int] | None:
    """The span of the words that point back at the sentence before for what this one tells, or None.
    ``saying``: the date dates words said; otherwise it must stand within ``NEAR_WORDS`` words after them."""
    lang = "es" if language == "es" else "en"
    back = _BACK[lang].search(sentence)
    said = _SAID_BACK[lang].search(sentence) if back is None and saying else None
    if said is not None:
        back = re.search(r"\S+\s+\S+$", said.group())  # the noun and its determiner, not the verb
        span = (said.start() + back.start(), said.end())
    elif back is None:
        return None
    else:
        span = (back.start() + len(back.group()) - len(back.group().lstrip()), back.end())
    inside = span[0] <= date_span[0] and date_span[1] <= span[1]
    # (names do not count: "fue realizado por la fiscal general de EE.UU., Pam Bondi, el 7 de agosto")
    between = [w for w in sentence[span[1]:date_span[0]].split() if not w[:1].isupper()]
    if not saying and not inside and (date_span[0] < span[1] or len(between) > NEAR_WORDS):
        return None
    if _ANCHORED.search(sentence, 0, date_span[1]):
        return None  # "The move comes just a day after the bloc condemned ...": the date is the other's
    return span
