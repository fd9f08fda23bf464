"""The evidence behind one fact: every source that reports it, with its own sentence and date.

A fact is one or more events that state the same dated thing (docs/facts.md). The panel
gives the fact's date and how many independent sources confirm it, says so plainly when
the sources disagree on the date (each source's date as written and as read), and then
lists every source: outlet, publication date, article (linked only for http(s)
addresses), the sentence with the date expression marked, and how that date was read.

Everything that came from an article is escaped before it becomes HTML, so a headline or
sentence holding ``<script>`` or ``onerror=`` shows as text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from newsline.query import FactDetail

from .safe_text import esc, safe_url

TENSE_WORDS = {
    "past": "reported (past)",
    "future": "announced (future)",
    "present": "ongoing (present)",
}

STYLE = """
<style>
.nl-evidence { font-size: 0.95rem; line-height: 1.5; }
.nl-evidence blockquote { margin: 0.3rem 0 0.4rem 0; padding: 0.5rem 0.8rem;
  border-left: 4px solid #1f4e79; background: rgba(31,78,121,0.06); }
.nl-evidence mark { background: #ffe08a; color: #1b1f24; padding: 0 2px; border-radius: 2px; }
.nl-evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0 0 0.6rem 0; }
.nl-evidence dt { font-weight: 600; opacity: 0.75; }
.nl-evidence dd { margin: 0; overflow-wrap: anywhere; }
.nl-chip { display: inline-block; padding: 0 0.45rem; margin: 0 0.25rem 0.2rem 0;
  border-radius: 0.7rem; background: rgba(0,0,0,0.07); font-size: 0.85rem; }
.nl-muted { opacity: 0.72; font-size: 0.85rem; }
.nl-evidence h4.nl-headline { margin: 0 0 0.3rem 0; font-size: 1.05rem; }
.nl-corroboration { font-weight: 600; margin: 0 0 0.5rem 0; }
.nl-disagree { border: 2px solid #e66100; border-radius: 0.4rem; padding: 0.4rem 0.7rem; margin: 0 0 0.6rem 0;
  background: rgba(230,97,0,0.06); }
.nl-disagree ul { margin: 0.2rem 0 0 1.1rem; padding: 0; }
.nl-evidence ol.nl-sources { list-style: none; margin: 0; padding: 0; }
.nl-evidence li.nl-source { margin: 0; padding-left: 0; }
.nl-source { border-top: 1px solid rgba(0,0,0,0.1); padding: 0.5rem 0 0.3rem 0; }
.nl-source-head { overflow-wrap: anywhere; }
.nl-source-date { overflow-wrap: anywhere; }
.nl-evidence details { margin-top: 0.5rem; }
.nl-evidence pre { white-space: pre-wrap; font-size: 0.78rem; }
@media (max-width: 640px) { .nl-evidence dl { grid-template-columns: 1fr; } }
</style>
"""


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def highlighted_sentence(row) -> str:
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


def resolution_phrase(row) -> str:
    """How the date was resolved, in words (plain text, not yet escaped)."""
    how = _text(row.get("resolution"))
    published = _text(row.get("published")) or "unknown"
    if how == "explicit":
        return "written in full in the text"
    if how == "weekday-corrected":
        return (f"written in full, but the year written doesn't fit the weekday named: read as the year "
                f"near publication ({published}) where it does")
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


def date_summary(row) -> str:
    """E.g. “last Sunday” → 2024-12-01 (day), relative to publication 2024-12-03."""
    value = _text(row.get("value")) or "no date"
    granularity = _text(row.get("granularity"))
    start, end = _text(row.get("date_start")), _text(row.get("date_end"))
    covers = f", covering {start} to {end}" if start and end and start != end else ""
    text = f"“{_text(row.get('date_text'))}” → {value}"
    if granularity:
        text += f" ({granularity}{covers})"
    how = resolution_phrase(row)
    return text + (f", {how}" if _text(row.get("resolution")) else "")


def _names(value) -> list[str]:
    return [] if value is None or isinstance(value, float) else [str(x) for x in value]


def _chips(values) -> str:
    values = list(values or [])
    if not values:
        return '<span class="nl-muted">none found</span>'
    return "".join(f'<span class="nl-chip">{esc(v)}</span>' for v in values)


def _outlet(row) -> str:
    return _text(row.get("source")) or "unknown outlet"


def corroboration(fact: dict) -> str:
    """E.g. “Confirmed by 3 independent sources (4 articles; two are reprints of one story).”"""
    sources, articles = int(fact.get("sources") or 1), int(fact.get("articles") or 1)
    if sources <= 1 and articles <= 1:
        return "Reported by 1 source."
    text = f"Confirmed by {sources} independent source{'s' if sources != 1 else ''}"
    if articles != sources:
        text += f" ({articles} articles; reprints of one story count once)"
    return text + "."


def disagreement_html(fact: dict, members: pd.DataFrame) -> str:
    """The note for a fact whose sources give different dates: each source's date."""
    items = "".join(
        f"<li>{esc(_outlet(row))}: “{esc(row.get('date_text'))}” → {esc(row.get('value'))}</li>"
        for row in members.to_dict(orient="records")
    )
    return (
        '<div class="nl-disagree"><strong>The sources disagree on the date</strong> '
        f"({esc(' / '.join(fact.get('dates') or []))}). The fact is placed at {esc(fact.get('value'))}; "
        f"each source says:<ul>{items}</ul></div>"
    )


def source_html(row: dict, reprint_of: str | None) -> str:
    """One source of a fact: outlet, article, its sentence, how its date was read."""
    title = esc(_text(row.get("title")) or "(untitled article)")
    url = safe_url(row.get("url"))
    title_html = f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{title}</a>' if url else title
    published = esc(_text(row.get("published")) or "unknown date")
    confidence = row.get("confidence")
    confidence_text = (f"{float(confidence):.2f}" if isinstance(confidence, (int, float)) and confidence == confidence
                       else "–")
    tense = _text(row.get("tense"))
    details = [esc(TENSE_WORDS.get(tense, tense))] if tense else []
    if row.get("rule"):
        details.append(f"rule {esc(row.get('rule'))} · confidence {confidence_text}")
    details.append(f"event {esc(row.get('event_id'))}")
    reprint = (f'<div class="nl-muted">A reprint of the same story as {esc(reprint_of)}: counted as one source '
               "with it.</div>" if reprint_of else "")
    link = "" if url else ' · <span class="nl-muted">no web address</span>'
    return (
        '<li class="nl-source">'
        f'<div class="nl-source-head"><strong>{esc(_outlet(row))}</strong>, published {published} · {title_html}{link}</div>'
        f"<blockquote>{highlighted_sentence(row)}</blockquote>"
        f'<div class="nl-source-date">{esc(date_summary(row))}</div>'
        f'<div class="nl-muted">{" · ".join(details)}</div>'
        f"{reprint}</li>"
    )


def evidence_html(detail: FactDetail) -> str:
    """The whole panel as one escaped HTML fragment."""
    fact, members = detail.fact, detail.members
    start, end = _text(fact.get("date_start")), _text(fact.get("date_end"))
    covers = f", covering {start} to {end}" if start and end and start != end else ""
    value = _text(fact.get("value")) or "no date"
    rows = members.to_dict(orient="records")
    first_of_group: dict[str, str] = {}
    sources_html = []
    for row in rows:
        group = _text(row.get("syndication_group")) or _text(row.get("article_id"))
        reprint_of = first_of_group.get(group)
        first_of_group.setdefault(group, _outlet(row))
        sources_html.append(source_html(row, reprint_of))
    merged = len(rows) > 1
    reason = _text(fact.get("merge_reason"))
    headline = _text(fact.get("headline"))
    source, target = _names(fact.get("actors_source")), _names(fact.get("actors_target"))
    others = [a for a in _names(fact.get("actors")) if a not in source and a not in target]
    action = _text(fact.get("action"))
    coded = ""
    if action:
        from newsline.actions import Taxonomy

        coded = (f"<dt>Action</dt><dd>{esc(Taxonomy.default().label(action))}</dd>"
                 f"<dt>Who acted</dt><dd>{_chips(source)}</dd>"
                 f"<dt>Acted upon</dt><dd>{_chips(target)}</dd>")
    return (
        '<div class="nl-evidence">'
        + (f'<h4 class="nl-headline">{esc(headline)}</h4>' if headline else "")
        + f'<p class="nl-corroboration">{esc(corroboration(fact))}</p>'
        + (disagreement_html(fact, members) if fact.get("dates_disagree") else "")
        + "<dl>"
        f"<dt>Date</dt><dd>{esc(value)} ({esc(fact.get('granularity'))}{esc(covers)})</dd>"
        + coded
        + f"<dt>{'Also named' if coded else 'Actors'}</dt><dd>{_chips(others if coded else fact.get('actors'))}</dd>"
        f"<dt>Topics</dt><dd>{_chips(fact.get('topics'))}</dd>"
        "</dl>"
        f'<div class="nl-muted">{"Sources" if merged else "Source"} ({len(rows)})</div>'
        f'<ol class="nl-sources">{"".join(sources_html)}</ol>'
        + (f"<details><summary>Why these reports are one fact</summary><pre>{esc(reason)}</pre></details>"
           if merged and reason else "")
        + "</div>"
    )


def render_evidence(detail: FactDetail | None, *, hidden_by_filters: bool = False) -> None:
    st.subheader("Evidence", anchor=False)
    if detail is None:
        st.caption("Select a fact on the timeline, or an event in the table, to read the sentences it comes from.")
        return
    if hidden_by_filters:
        st.caption("This fact is hidden by the current filters; it is shown here because it is selected.")
    st.html(STYLE + evidence_html(detail))
