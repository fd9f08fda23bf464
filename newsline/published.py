"""The publication date: read once where it enters, as a value everything after it uses.

Relative dates resolve against it, so the tagger needs its first day and how precise it is;
the tables keep it as written. ``Published`` is both: the ISO text ("2024-12-03", "2024-12"
or "2024"), which compares, prints and stores as that string, carrying the day it starts on
and its precision. ``normalise_published`` is the one parser; every reader of a date given on
the command line, in a file, in a link's page or typed into the app goes through it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .errors import NewslineError

PRECISIONS = {4: "year", 7: "month", 10: "day"}


class Published(str):
    """An ISO publication date as precise as given, with its first day and precision."""

    first: date
    precision: str  # "day", "month" or "year"

    def __new__(cls, text: str, first: date, precision: str):
        self = super().__new__(cls, text)
        self.first = first
        self.precision = precision
        return self

    @classmethod
    def of(cls, day: date) -> Published:
        return cls(day.isoformat(), day, "day")

    def __reduce__(self):  # the engines' worker processes receive and return articles pickled
        return Published, (str(self), self.first, self.precision)


# ASCII digits only: ``\d`` would let "２０２４-０３-０５" through and into the table as written.
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", re.ASCII)
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ].+", re.ASCII)


def normalise_published(value: str | Published, where: object = "published") -> Published:
    """An ISO publication date, kept as precise as given: "2024-12-03", "2024-12" or "2024".

    A full datetime keeps its date part as written (the local publication day).
    Anything else ("yesterday", "2024-13-45") raises ``NewslineError``. A ``Published``
    is returned as it is: a date is parsed once, however many hands it passes through.
    """
    if isinstance(value, Published):
        return value
    text = value.strip() if isinstance(value, str) else ""
    # Full-width and other scripts' digits ("２０２４", "٢٠٢٤") are read as the digits they are.
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in unicodedata.normalize("NFKC", text))
    match = _PARTIAL.fullmatch(text)
    try:
        if match:
            year, month, day = (int(g) if g else 1 for g in match.groups())
            return Published(text, date(year, month, day), PRECISIONS[len(text)])
        if _DATETIME.fullmatch(text):
            datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
            return normalise_published(text[:10], where)
    except ValueError:
        pass
    raise NewslineError(where, f"malformed publication date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
