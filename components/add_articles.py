"""Adding articles: paste or upload, confirm the publication date, extract, see the events.

Reading and extraction are the ``newsline`` package's job (``ingest.load_file``
and ``events.extract_events``); this module only moves files and results in and
out of the visitor's session. Additions never touch the shipped table unless
the operator has configured ``[newsline] write_token`` in ``st.secrets`` and the
visitor types that token, and then through ``store.append_events`` (under the
table's lock), so two saves at once both keep their rows.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from newsline.errors import NewslineError
from newsline.ingest import load_file, normalise_published
from newsline.model import EVENT_COLUMNS, Article
from newsline.store import append_events, to_frame

from .data import ADDED_KEY, events_path, prepare
from .exports import to_csv, to_json
from .safe_text import markdown_literal

PENDING_KEY = "pending_articles"
ACCEPTED_TYPES = ["txt", "html", "htm", "json"]


def _one_line(exc: BaseException, fallback: str) -> str:
    if isinstance(exc, NewslineError):
        return f"{Path(exc.where).name or exc.where}: {exc.problem}"
    return f"{fallback}: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else 'failed'}"


def _safe_name(name: str) -> str:
    """A plain file name (no folders) keeping the suffix that tells the format."""
    base = Path(name or "upload.txt").name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "upload"
    return stem[:80] + suffix


def read_inputs(pasted: str, title: str, outlet: str, url: str, files, published: str | None):
    """Articles from the pasted text and the uploaded files, plus one-line errors."""
    articles: list[Article] = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsline-upload-") as folder:
        folder_path = Path(folder)
        if pasted.strip():
            first_line = next((line.strip() for line in pasted.splitlines() if line.strip()), "Pasted article")
            record = {"title": title.strip() or first_line[:120], "url": url.strip(),
                      "source": outlet.strip(), "published": published, "text": pasted}
            target = folder_path / "pasted-article.json"
            target.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            try:
                articles += list(load_file(target, published=published))
            except Exception as exc:  # one line per input, never a traceback
                errors.append(_one_line(exc, "pasted text"))
        for upload in files or []:
            target = folder_path / _safe_name(upload.name)
            target.write_bytes(upload.getvalue())
            try:
                result = load_file(target, published=published)
                articles += list(result)
                errors += [f"{upload.name}: {w.split(': ', 1)[-1]}" for w in getattr(result, "warnings", [])]
            except Exception as exc:
                errors.append(_one_line(exc, upload.name))
    return articles, errors


def extract(articles: list[Article], progress) -> tuple[pd.DataFrame, list[str]]:
    from newsline.events import extract_events  # loads the rules and gazetteers on first use

    rows: list[dict] = []
    errors: list[str] = []
    for done, article in enumerate(articles, start=1):
        progress.progress(done / len(articles), text=f"Extracting {done} of {len(articles)}: {article.title[:60]}")
        try:
            rows += extract_events(article)
        except Exception as exc:
            errors.append(_one_line(exc, article.title or article.article_id))
    frame = prepare(to_frame(rows)) if rows else None
    return frame, errors


def save_additions(added: pd.DataFrame, path: Path) -> int:
    """Add a session's events to the shared table under its lock; the number of rows new to it.

    ``store.append_events`` reads, merges and writes while holding the table's
    file lock, so two operators saving at once (two sessions, threads of one
    server or separate processes) both keep their rows. A table it cannot
    trust (corrupt, foreign, newer) raises ``NewslineError`` and stays as it is.
    """
    return append_events(added.reindex(columns=EVENT_COLUMNS), path)


def _added() -> pd.DataFrame | None:
    return st.session_state.get(ADDED_KEY)


def render_add_articles() -> None:
    st.markdown(
        "Paste an article or upload `.txt`, `.html` or `.json` files. Their events are added **to your "
        "session only**: other visitors don't see them, and you can download them below."
    )
    pasted = st.text_area("Article text", key="paste_text", height=160,
                          placeholder="Paste the full text of a news article…")
    c1, c2 = st.columns(2)
    title = c1.text_input("Headline", key="paste_title", placeholder="Defaults to the first line")
    outlet = c2.text_input("Outlet", key="paste_outlet", placeholder="e.g. Reuters")
    url = st.text_input("Web address", key="paste_url", placeholder="https://…")
    files = st.file_uploader("Or upload files", type=ACCEPTED_TYPES, accept_multiple_files=True, key="upload_files")
    published = st.text_input(
        "Publication date", key="upload_published", placeholder="YYYY-MM-DD (or YYYY-MM, YYYY)",
        help="Relative dates (“last Sunday”) are resolved against it. Leave empty to use the date the file gives.",
    )
    if st.button("Read articles", key="read_articles", type="primary"):
        _read(pasted, title, outlet, url, files, published)

    pending: list[Article] = st.session_state.get(PENDING_KEY) or []
    if pending:
        _confirm_and_extract(pending)
    _render_additions()


def _read(pasted, title, outlet, url, files, published) -> None:
    given = published.strip() or None
    if given:
        try:
            given = normalise_published(given, "publication date")
        except NewslineError as exc:
            st.error(markdown_literal(f"{exc.where}: {exc.problem}"))
            return
    if not pasted.strip() and not files:
        st.warning("Paste some text or choose a file first.")
        return
    with st.spinner("Reading…"):
        articles, errors = read_inputs(pasted, title, outlet, url, files, given)
    for line in errors:
        st.error(markdown_literal(line))
    for key in [k for k in st.session_state if str(k).startswith("pending_published_")]:
        del st.session_state[key]  # fresh confirmations for the fresh articles
    st.session_state[PENDING_KEY] = articles


def _confirm_and_extract(pending: list[Article]) -> None:
    st.markdown(f"**{len(pending)} article{'s' if len(pending) != 1 else ''} read.** "
                "Confirm each publication date, then extract.")
    for i, article in enumerate(pending):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.text(f"{article.title or article.article_id} — {article.source or 'unknown outlet'} "
                f"({len(article.text.split()):,} words, {article.language})")
        c2.text_input("Published", value=article.published or "", key=f"pending_published_{i}",
                      placeholder="YYYY-MM-DD")
    if not st.button("Extract events", key="extract_events", type="primary"):
        return
    ready, problems = [], []
    for i, article in enumerate(pending):
        value = (st.session_state.get(f"pending_published_{i}") or "").strip()
        try:
            article.published = normalise_published(value, article.title or "publication date") if value else None
            ready.append(article)
        except NewslineError as exc:
            problems.append(f"{exc.where}: {exc.problem}")
    for line in problems:
        st.error(markdown_literal(line))
    if not ready:
        return
    progress = st.progress(0.0, text="Extracting…")
    frame, errors = extract(ready, progress)
    progress.empty()
    for line in errors:
        st.error(markdown_literal(line))
    st.session_state[PENDING_KEY] = []
    if frame is None or frame.empty:
        st.info("No dated expression was found in these articles.")
        return
    existing = _added()
    combined = frame if existing is None else pd.concat([existing, frame], ignore_index=True)
    st.session_state[ADDED_KEY] = combined.drop_duplicates("event_id", keep="last").reset_index(drop=True)
    st.session_state["added_notice"] = (
        f"{len(frame)} new event{'s' if len(frame) != 1 else ''} from {len(ready)} "
        f"article{'s' if len(ready) != 1 else ''}, marked ☆ on the timeline and “New” in the table."
    )
    st.rerun()  # redraw the timeline and table with the additions


def _render_additions() -> None:
    added = _added()
    if st.session_state.get("added_notice"):
        st.success(st.session_state["added_notice"])
    if added is None or added.empty:
        return
    st.markdown(f"**Your additions: {len(added)} event{'s' if len(added) != 1 else ''}** (this session only)")
    cols = st.columns(3)
    cols[0].download_button("Download CSV", data=lambda: to_csv(added), file_name="my-newsline-events.csv",
                            mime="text/csv", key="download_added_csv", on_click="ignore", width="stretch")
    cols[1].download_button("Download JSON", data=lambda: to_json(added), file_name="my-newsline-events.json",
                            mime="application/json", key="download_added_json", on_click="ignore", width="stretch")
    if cols[2].button("Discard my additions", key="discard_added", width="stretch"):
        st.session_state.pop(ADDED_KEY, None)
        st.session_state.pop("added_notice", None)
        st.rerun()
    _operator_save(added)


def operator_token() -> str | None:
    """The write token the operator configured, if any (absent by default)."""
    try:
        value = st.secrets["newsline"]["write_token"]
    except Exception:  # no secrets file, or no such key: shared writes stay off
        return None
    return str(value) if value else None


def _operator_save(added: pd.DataFrame) -> None:
    expected = operator_token()
    if expected is None:
        st.caption("The shared table cannot be changed from this page.")
        return
    with st.expander("Operator: save additions to the shared table"):
        typed = st.text_input("Write token", type="password", key="operator_token")
        if st.button("Save to the shared table", key="operator_save"):
            if not hmac.compare_digest(typed.encode(), expected.encode()):
                st.error("That token is not the operator's.")
                return
            path = events_path()
            try:
                new = save_additions(added, path)
            except NewslineError as exc:
                st.error(markdown_literal(f"{exc.where}: {exc.problem}"))
                return
            st.session_state.pop(ADDED_KEY, None)
            st.session_state["added_notice"] = (
                f"Saved {len(added)} events to {path.name} ({new} new, {len(added) - new} replaced).")
            st.rerun()
