"""Find where an article ends and the page's trailing boilerplate begins.

Copied pages often end with newsletter prompts, copyright lines and account
notices. They are not news, and their words ("Subscribe today", "© 2024")
would otherwise turn into events. The text itself is left whole so offsets
stay true; ``body_end`` only says where tagging must stop.

Two independent signals, so that neither has to know a site's exact wording:

* a line matches one of the generic ``PATTERNS`` below (short lines only), or
* a line is confidently in another language than the article
  (an English article followed by Spanish subscription notices).

Lines are scanned from the end. Boilerplate and foreign lines are cut; lines
too short to judge are passed over (kept unless boilerplate comes before
them); the first ordinary article line stops the scan.
"""

from __future__ import annotations

import re

from . import language as lang

#: Generic boilerplate, matched case-insensitively against one stripped line.
#: Each entry is a regex; keep them anchored or specific so that a sentence of
#: news that merely mentions a subscription is not taken for a notice.
PATTERNS: list[str] = [
    # newsletter and subscription prompts
    r"^sign (up|in)\b",
    r"^(please )?subscribe\b",
    r"^(get|receive|join|try) (our|the)\b.*\bnewsletters?\b",
    r"^(already )?(a )?subscriber\?",
    r"\b(your|this) (subscription|account|password) (is|has|was|will)\b",
    r"^(suscr[ií]bete|reg[ií]strate|inicia sesi[oó]n)\b",
    r"\btu (suscripci[oó]n|cuenta|contraseña)\b",
    # rights and copyright lines
    r"\ball rights reserved\b",
    r"\btodos los derechos reservados\b",
    r"^(©|\(c\)|copyright\b)",
    r"©\s*(19|20)\d\d\b",
    # links to other pages and social accounts
    r"^read (more|also|next)\b",
    r"^(lee|leer) (m[aá]s|tambi[eé]n)\b",
    r"^(related|more on this|see also|more from)\b\s*[:\-–—]?",
    r"^(follow|like|find) us\b",
    r"^s[ií]guenos\b",
    r"^share (this|on|via)\b",
    r"^click here\b",
    # page furniture
    r"^(advertisement|publicidad|ad)$",
    r"\b(privacy policy|terms of (use|service)|cookie (policy|settings))\b",
    r"\bt[eé]rminos y condiciones\b",
    r"^(this|the) (article|story) (was|is|has been) (originally )?(published|updated|reproduced)\b",
    r"^\(?(reporting|additional reporting|writing|editing) by\b",
]

_COMPILED = [re.compile(p, re.IGNORECASE) for p in PATTERNS]

# A long line is prose even when it contains a phrase like "your account is".
_MAX_PATTERN_LINE = 300

_LINE = re.compile(r"[^\n]*(?:\n|$)")


def is_boilerplate_line(line: str) -> bool:
    """True when one line reads as a page notice rather than news."""
    line = line.strip()
    return len(line) <= _MAX_PATTERN_LINE and any(p.search(line) for p in _COMPILED)


def _classify(line: str, language: str) -> str:
    """'cut', 'keep' (an article line: stops the scan) or 'unsure' (too short to judge)."""
    if is_boilerplate_line(line):
        return "cut"
    if language not in lang.SUPPORTED:
        # Cannot compare languages the detector does not know; every line would look foreign.
        return "keep"
    found = lang.line_language(line)
    if found is None:
        return "unsure"
    return "keep" if found == language else "cut"


def body_end(text: str, language: str) -> int | None:
    """Offset of the first trailing boilerplate line in ``text``, or None if nothing is cut."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    cut_from = None
    for start, line in reversed(lines):
        if not line.strip():
            continue
        verdict = _classify(line, language)
        if verdict == "keep":
            return cut_from
        if verdict == "cut":
            cut_from = start
    # No article line at all: the whole text looked like notices, so trust none of it.
    return None
