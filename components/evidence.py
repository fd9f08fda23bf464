"""The evidence behind one event: its sentence, how its date was read, its source.

Everything that came from an article is escaped before it becomes HTML, so a
headline or sentence holding ``<script>`` or ``onerror=`` shows as text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .safe_text import esc, safe_url

TENSE_WORDS = {
    "past": "reported (past)",
    "future": "announced (future)",
    "present": "ongoing (present)",
}

STYLE = """
<style>
.nl-evidence { font-size: 0.95rem; line-height: 1.5; }
.nl-evidence blockquote { margin: 0 0 0.8rem 0; padding: 0.5rem 0.8rem;
  border-left: 4px solid #1f4e79; background: rgba(31,78,121,0.06); }
.nl-evidence mark { background: #ffe08a; color: inherit; padding: 0 2px; border-radius: 2px; }
.nl-evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0; }
.nl-evidence dt { font-weight: 600; color: #555; }
.nl-evidence dd { margin: 0; overflow-wrap: anywhere; }
.nl-chip { display: inline-block; padding: 0 0.45rem; margin: 0 0.25rem 0.2rem 0;
  border-radius: 0.7rem; background: rgba(0,0,0,0.07); font-size: 0.85rem; }
.nl-muted { color: #666; font-size: 0.85rem; }
@media (max-width: 640px) { .nl-evidence dl { grid-template-columns: 1fr; } }
</style>
"""


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def highlighted_sentence(row: pd.Series) -> str:
    """The sentence as escaped HTML with the date expression wrapped in <mark>.

    Offsets come from the article; if they do not land on the date text inside
    this sentence (an older table, an edited row) the first occurrence is used.
    """
    sentence, date_text = _text(row.get("sentence")), _text(row.get("date_text"))
    try:
        start = int(row["date_char_start"]) - int(row["sentence_char_start"])
    except (KeyError, TypeError, ValueError):
        start = -1
    end = start + len(date_text)
    if not (0 <= start and end <= len(sentence) and sentence[start:end] == date_text):
        start = sentence.find(date_text) if date_text else -1
        end = start + len(date_text)
    if start < 0 or not date_text:
        return esc(sentence)
    return f"{esc(sentence[:start])}<mark>{esc(sentence[start:end])}</mark>{esc(sentence[end:])}"


def resolution_phrase(row: pd.Series) -> str:
    """How the date was resolved, in words (plain text, not yet escaped)."""
    how = _text(row.get("resolution"))
    published = _text(row.get("published")) or "unknown"
    if how == "explicit":
        return "written in full in the text"
    if how == "relative":
        return f"relative to publication {published}"
    if how == "year-inferred":
        return f"year inferred from the context (article published {published})"
    if how == "anchored":
        return "anchored to an earlier date in the same article"
    if how == "actor-period":
        actors = ", ".join(row.get("actors") or []) or "the actor"
        return f"from the term of office of {actors}"
    if how == "unresolved":
        return "could not be placed on the calendar"
    return how or "unknown"


def date_summary(row: pd.Series) -> str:
    """E.g. “last Sunday” → 2024-12-01 (day), relative to publication 2024-12-03."""
    value = _text(row.get("value")) or "no date"
    granularity = _text(row.get("granularity"))
    start, end = _text(row.get("date_start")), _text(row.get("date_end"))
    covers = f", covering {start} to {end}" if start and end and start != end else ""
    return f"“{_text(row.get('date_text'))}” → {value} ({granularity}{covers}), {resolution_phrase(row)}"


def _chips(values) -> str:
    values = list(values or [])
    if not values:
        return '<span class="nl-muted">none found</span>'
    return "".join(f'<span class="nl-chip">{esc(v)}</span>' for v in values)


def evidence_html(row: pd.Series) -> str:
    """The whole panel as one escaped HTML fragment."""
    title = esc(_text(row.get("title")) or "(untitled article)")
    url = safe_url(row.get("url"))
    title_html = f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{title}</a>' if url else title
    source = esc(_text(row.get("source")) or "unknown outlet")
    published = esc(_text(row.get("published")) or "unknown date")
    link = (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>'
        if url else '<span class="nl-muted">no web address</span>'
    )
    confidence = row.get("confidence")
    confidence_text = f"{float(confidence):.2f}" if isinstance(confidence, (int, float)) and confidence == confidence else "–"
    return (
        '<div class="nl-evidence">'
        f"<blockquote>{highlighted_sentence(row)}</blockquote>"
        "<dl>"
        f"<dt>Date</dt><dd>{esc(date_summary(row))}</dd>"
        f"<dt>Reported as</dt><dd>{esc(TENSE_WORDS.get(_text(row.get('tense')), _text(row.get('tense'))))}</dd>"
        f"<dt>Actors</dt><dd>{_chips(row.get('actors'))}</dd>"
        f"<dt>Topics</dt><dd>{_chips(row.get('topics'))}</dd>"
        f"<dt>Article</dt><dd>{title_html}</dd>"
        f"<dt>Outlet</dt><dd>{source}, published {published}</dd>"
        f"<dt>Source</dt><dd>{link}</dd>"
        f'<dt>Rule</dt><dd class="nl-muted">{esc(row.get("rule"))} · confidence {confidence_text} · '
        f"event {esc(row.get('event_id'))}</dd>"
        "</dl></div>"
    )


def render_evidence(row: pd.Series | None, *, hidden_by_filters: bool = False) -> None:
    st.subheader("Evidence", anchor=False)
    if row is None:
        st.caption("Select an event on the timeline or in the table to read the sentence it comes from.")
        return
    if hidden_by_filters:
        st.caption("This event is hidden by the current filters; it is shown here because it is selected.")
    st.html(STYLE + evidence_html(row))
