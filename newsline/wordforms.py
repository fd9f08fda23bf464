"""How a search word matches text: whole words, any case, any accents, common word forms.

People type "Guaido" for "Guaidó", "recognise" for "recognized", "elecciones" for
"elección". A word is folded (accents removed, lower case), cut to a stem by a short list of
English and Spanish endings, and becomes one RE2 pattern that matches the stem with any of
those endings as a whole word, so "broke" finds "broke" and "brokers" but never "brokered".
The text it is matched against is folded the same way (DuckDB's ``strip_accents``, and the
pattern's ``i`` flag).
"""

from __future__ import annotations

import re
import unicodedata

# Endings of inflection and derivation in English and Spanish news prose, longest first.
# A stem keeps at least MIN_STEM letters.
ENDINGS = (
    "aciones", "iendo", "ations", "ation", "acion", "ando", "ados", "adas", "ings", "ers",
    "ado", "ada", "ing", "ies", "ed", "es", "er", "s", "e", "a", "o", "y",
)
SHORT_ENDINGS = ("es", "s")  # words of MIN_STEM letters or fewer ("us", "oil") only take a plural
MIN_STEM = 3
_ENDING_GROUP = "(?:" + "|".join(ENDINGS) + ")?"
_SHORT_GROUP = "(?:" + "|".join(SHORT_ENDINGS) + ")?"


def fold(text: str) -> str:
    """Lower case without accents ("Guaidó" -> "guaido", "ñ" -> "n")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def stem(word: str) -> str:
    """The folded word without the longest of ``ENDINGS`` that leaves a stem of MIN_STEM letters."""
    word = fold(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _literal(text: str) -> str:
    return "".join("\\" + ch if ch.isascii() and not ch.isalnum() else ch for ch in text)


def word_pattern(word: str) -> str:
    """One search word as an RE2 pattern (use with the ``i`` flag, on folded text).

    A word with punctuation inside ("U.S.", "1,000") is matched as written, bounded as a word
    where it starts or ends with a letter or digit.
    """
    folded = fold(word)
    if not folded.isalnum():
        head = r"\b" if folded[:1].isalnum() else ""
        tail = r"\b" if folded[-1:].isalnum() else ""
        return head + _literal(folded) + tail
    if len(folded) <= MIN_STEM:
        return rf"\b{_literal(folded)}{_SHORT_GROUP}\b"
    root = _literal(stem(folded))
    # British and American spellings: recognise/recognize, organisation/organization, analyse/analyze.
    root = re.sub(r"(i|y)[sz]$", r"\1[sz]", root)
    return rf"\b{root}{_ENDING_GROUP}\b"


def matches(word: str, text: str) -> bool:
    """The same test in Python (for the few rows held outside the store, and for tests)."""
    return re.search(word_pattern(word), fold(text), re.IGNORECASE) is not None
