"""Language identification for articles and for single lines of text.

lingua is used because it runs offline, needs no model download and is
accurate on short texts, which matters when judging one trailing line.
The detector is restricted to a few common news languages (fewer candidates,
fewer confusions) and built lazily once: building it costs time and memory
that commands which never detect a language should not pay.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_LANGUAGES = (
    Language.ENGLISH,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.FRENCH,
    Language.GERMAN,
    Language.ITALIAN,
)

#: ISO 639-1 codes the detector can return.
SUPPORTED = frozenset(lang.iso_code_639_1.name.lower() for lang in _LANGUAGES)

# Enough text to be sure of a whole article's language; detection time grows with length.
_SAMPLE_CHARS = 5000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low-accuracy mode uses the small models: much faster, and still reliable
    # on sentences and paragraphs, which is all Newsline asks of it.
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_low_accuracy_mode().build()


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def detect(text: str, default: str = "en") -> str:
    """The ISO 639-1 code ("en", "es", ...) of ``text``, or ``default`` when undecidable."""
    language = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return _code(language) if language is not None else default


def common_words(text: str) -> str:
    """``text`` reduced to its lower-case words.

    Capitalised words are mostly names ("Nicolás Maduro", "EL PAÍS"), which say
    nothing about the language of the sentence around them but can tip a
    short English line towards Spanish; dropping them keeps the verdict on the
    words that carry the language.
    """
    return " ".join(w for w in _WORD.findall(text) if not w[0].isupper())


def line_language(text: str, min_words: int = 4, min_confidence: float = 0.9) -> str | None:
    """The language of one line, or None when the line is too short or too mixed to tell."""
    words = common_words(text)
    if len(words.split()) < min_words:
        return None
    best = _detector().compute_language_confidence_values(words)[0]
    return _code(best.language) if best.value >= min_confidence else None
