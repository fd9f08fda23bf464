"""Downloads of the filtered events: CSV, JSON and TimelineJS JSON.

CSV and JSON keep the event table's columns (docs/data-model.md), each event's headline
(``title``) and address among them, plus its fact's id and number of independent sources.
The TimelineJS file can be loaded by the TimelineJS tool newsrooms use; its
text fields are HTML there, so article text is escaped. Unresolved events
have no date TimelineJS could show and are left out of that file only.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from newsline.model import EVENT_COLUMNS

#: What a download holds: every event column, then the fact it belongs to and how many
#: independent sources confirm that fact.
EXPORT_COLUMNS = [*EVENT_COLUMNS, "fact_id", "sources"]

from .safe_text import esc, first_words, safe_url


def _records(frame: pd.DataFrame) -> list[dict]:
    out = []
    for row in frame.reindex(columns=EXPORT_COLUMNS).to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if hasattr(value, "tolist"):
                value = value.tolist()
            elif isinstance(value, float) and value != value:
                value = None
            elif value is pd.NaT:
                value = None
            clean[key] = value
        out.append(clean)
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    flat = frame.reindex(columns=EXPORT_COLUMNS).copy()
    for col in ("actors", "topics", "actors_source", "actors_target"):
        flat[col] = flat[col].map(lambda xs: "; ".join(xs) if isinstance(xs, (list, tuple)) else "")
    buffer = io.StringIO()
    flat.to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8")


def to_json(frame: pd.DataFrame) -> bytes:
    return json.dumps(_records(frame), ensure_ascii=False, indent=1).encode("utf-8")


def _timeline_date(iso: str, granularity: str) -> dict:
    """A TimelineJS date as precise as the event: a year event carries only its year."""
    year, month, day = (int(part) for part in iso.split("-"))
    if granularity == "year" or granularity == "decade":
        return {"year": year}
    if granularity == "month":
        return {"year": year, "month": month}
    return {"year": year, "month": month, "day": day}


def to_timelinejs(frame: pd.DataFrame, headline: str = "Newsline timeline", note: str = "") -> bytes:
    """A TimelineJS3 JSON document (https://timeline.knightlab.com/docs/json-format.html)."""
    events = []
    for row in _records(frame):
        if not row["date_start"] or row["granularity"] == "unresolved":
            continue
        granularity = row["granularity"]
        event = {
            "unique_id": row["event_id"],
            "start_date": _timeline_date(row["date_start"], granularity),
            "display_date": f"{row['date_text']} ({row['value']})",
            "text": {
                "headline": esc(row.get("headline") or first_words(row["sentence"], 10)),
                "text": _timeline_text(row),
            },
            "group": (row["topics"] or ["other"])[0],
        }
        if row["date_end"] and row["date_end"] != row["date_start"]:
            event["end_date"] = _timeline_date(row["date_end"], granularity)
        events.append(event)
    document = {"title": {"text": {"headline": esc(headline), "text": esc(note)}}, "events": events}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _timeline_text(row: dict) -> str:
    url = safe_url(row.get("url"))
    title = esc(row.get("title") or row.get("source") or "source")
    source = f'<a href="{esc(url)}">{title}</a>' if url else title
    actors = ", ".join(row.get("actors") or [])
    return (
        f"<p>{esc(row['sentence'])}</p>"
        f"<p><small>{source} — {esc(row.get('source'))}, {esc(row.get('published'))}"
        + (f" · {esc(actors)}" if actors else "")
        + (f" · confirmed by {int(row['sources'])} independent sources" if (row.get("sources") or 1) > 1 else "")
        + "</small></p>"
    )
