"""The records that flow through Newsline: articles in, events out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .published import Published, normalise_published

#: The event table's columns, in order (see docs/data-model.md; their types and version: store.py).
EVENT_COLUMNS = [
    "event_id",
    "article_id",
    "url",
    "title",
    "source",
    "published",
    "language",
    "date_text",
    "date_char_start",
    "date_char_end",
    "value",
    "date_start",
    "date_end",
    "granularity",
    "resolution",
    "rule",
    "tense",
    "sentence",
    "sentence_char_start",
    "sentence_char_end",
    "actors",
    "topics",
    "confidence",
    # TIMEX3 (TimeML) of the expression: type, value and the TimeML span, which leaves out the
    # leading preposition the highlighted date_text keeps ("in October" -> "October").
    "timex_type",
    "timex_value",
    "timex_char_start",
    "timex_char_end",
    # who did what to whom (newsline/actions.py, newsline/roles.py)
    "action",
    "action_text",
    "action_char_start",
    "action_char_end",
    "actors_source",
    "actors_target",
    "roles_rule",
    "headline",
]

GRANULARITIES = (
    "day", "week", "month", "season", "quarter", "year", "decade", "range", "unresolved",
)
RESOLUTIONS = (
    "explicit", "weekday-corrected", "relative", "year-inferred", "anchored", "actor-period", "unresolved",
)


@dataclass
class Article:
    """One news article, its text and where it came from.

    ``published`` is an ISO date, possibly partial ("2019-05", "2019") or None, parsed once
    (``newsline.published``): relative dates resolve against its first day and precision.
    ``body_end`` is the offset where the article proper ends: trailing
    boilerplate after it is kept in ``text`` (offsets stay true) but never tagged.
    """

    article_id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: Published | None = None
    language: str = "en"
    body_end: int | None = None
    path: str = ""
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.published is not None:  # already a Published when it comes from ingest: no second parse
            self.published = normalise_published(self.published, self.path or self.article_id)

    @property
    def body(self) -> str:
        return self.text if self.body_end is None else self.text[: self.body_end]
