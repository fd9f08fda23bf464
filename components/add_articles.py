"""The add-articles tab: paste, upload or give an address; confirm the publication date; extract; see the events.

Reading and extraction are ``components/intake.py``'s job (without Streamlit, through
``newsline.ingest.read_input``, ``fetch.fetch_article`` and ``events.extract_events``); this
module draws the tab, reads the operator's settings and moves inputs and results in and out of
the visitor's session. Everything a visitor gives is hostile until read (see ``intake``); also:

* the server refuses requests over ``server.maxUploadSize`` (``.streamlit/config.toml``)
  before the intake sees them;
* an address is fetched in hosted mode (loopback, private, link-local and
  metadata addresses refused after resolving, on every redirect) unless the
  operator turns that off (``fetch_settings``);
* additions live in the visitor's session only. The shared table is written
  only when the operator has configured ``[newsline] write_token`` in
  ``st.secrets`` and the visitor types that token, and then through
  ``store.append_events`` (under the table's lock), so two saves at once both
  keep their rows.
"""

from __future__ import annotations

import hmac
import logging
import os
import time

import pandas as pd
import streamlit as st

from newsline.errors import NewslineError
from newsline.ingest import MAX_FILE_BYTES, NO_DATE
from newsline.model import Article
from newsline.published import normalise_published
from newsline.store import events_path

from .data import ADDED_KEY, prepare
from .exports import to_csv, to_json
from .intake import (
    MAX_FILES_PER_READ, MIB, FetchSettings, Intake, extract, read_address, read_inputs, save_additions,
)
from .safe_text import markdown_literal

PENDING_KEY = "pending_articles"
_FALSE = ("0", "false", "no", "off")
_TRUE = ("1", "true", "yes", "on")


# --- settings ----------------------------------------------------------------------------------


def _secret(name: str):
    """``st.secrets["newsline"][name]``, or None when there is no secrets file or no such key."""
    try:
        return st.secrets["newsline"][name]
    except Exception:  # no secrets file, no [newsline] table, no key: the safe default applies
        return None


def operator_token() -> str | None:
    """The write token the operator configured, if any (absent by default)."""
    value = _secret("write_token")
    return str(value) if value else None


def fetch_settings() -> FetchSettings:
    """How "Add by address" fetches: hosted (the default) unless the operator turns it off.

    Off when ``[newsline] allow_private_fetch = true`` is in the secrets or the
    environment has ``NEWSLINE_HOSTED=0`` (also false, no, off); nothing a
    visitor sends can change it. ``[newsline] fetch_allow = ["10.1.2.0/24"]``
    exempts exactly those networks while hosted mode stays on.
    """
    private_ok = str(_secret("allow_private_fetch") or "").strip().lower() in _TRUE
    env_off = os.environ.get("NEWSLINE_HOSTED", "").strip().lower() in _FALSE
    allow = _secret("fetch_allow") or ()
    if isinstance(allow, str):
        allow = (allow,)
    try:
        allow = tuple(str(net) for net in allow)
    except TypeError:
        allow = ()
    return FetchSettings(hosted=not (private_ok or env_off), allow=allow)


def upload_limit_mb() -> int:
    """The size cap for one uploaded file in MiB (Streamlit's "MB", 1,048,576 bytes).

    ``server.maxUploadSize``, which the server also enforces on the request, and
    never above what ``newsline.ingest`` reads from one file.
    """
    try:
        configured = int(st.get_option("server.maxUploadSize"))
    except Exception:  # an unreadable option: ingest's own cap still holds
        configured = MAX_FILE_BYTES // MIB
    return max(1, min(configured, MAX_FILE_BYTES // MIB))


# --- the page ----------------------------------------------------------------------------------


def _added() -> pd.DataFrame | None:
    return st.session_state.get(ADDED_KEY)


def _show(batch: Intake) -> None:
    for line in batch.errors:
        st.error(markdown_literal(line))
    for line in batch.warnings:
        st.warning(markdown_literal(line))


def render_add_articles() -> None:
    limit_mb = upload_limit_mb()
    st.markdown(
        "Paste an article, upload files or give an article's address. Their events are added **to your "
        "session only**: other visitors don't see them, and you can download them below."
    )
    pasted = st.text_area("Article text", key="paste_text", height=160,
                          placeholder="Paste the full text of a news article…")
    c1, c2 = st.columns(2)
    title = c1.text_input("Headline", key="paste_title", placeholder="Defaults to the first line",
                          help="For the pasted text, and for uploaded files that give none.")
    outlet = c2.text_input("Outlet", key="paste_outlet", placeholder="e.g. Reuters",
                           help="For the pasted text, and for uploaded files that give none.")
    url = st.text_input("Web address", key="paste_url", placeholder="https://…",
                        help="For the pasted text, and for uploaded files that give none.")
    st.caption("Headline, outlet, address and publication date apply to the pasted text and to every uploaded "
               "file that does not give its own.")
    # No ``type=``: Streamlit would raise on another suffix; ingest names the problem in one line instead.
    files = st.file_uploader(
        f"Or upload files (.txt, .md, .html, .json, .jsonl; up to {limit_mb} MiB each, "
        f"{MAX_FILES_PER_READ} at a time)", accept_multiple_files=True, key="upload_files")
    published = st.text_input(
        "Publication date", key="upload_published", placeholder="YYYY-MM-DD (or YYYY-MM, YYYY)",
        help="Relative dates (“last Sunday”) are resolved against it. Leave empty to use the date the file gives.",
    )
    if st.button("Read articles", key="read_articles", type="primary"):
        _read(pasted, title, outlet, url, files, published)

    a1, a2 = st.columns([4, 1], vertical_alignment="bottom")
    address = a1.text_input("Add by address", key="fetch_url", placeholder="https://news.example.org/article",
                            help="The page is fetched by this server and read like an uploaded HTML file.")
    if a2.button("Fetch", key="fetch_article", width="stretch"):
        _fetch(address, published)

    pending: list[Article] = st.session_state.get(PENDING_KEY) or []
    if pending:
        _confirm_and_extract(pending)
    _render_additions()


def _given_date(published: str) -> tuple[bool, str | None]:
    """(ok, date): the publication date the visitor typed, normalised, or an error shown."""
    given = published.strip() or None
    if given:
        try:
            given = normalise_published(given, "publication date")
        except NewslineError as exc:
            st.error(markdown_literal(f"{exc.where}: {exc.problem}"))
            return False, None
    return True, given


def _set_pending(articles: list[Article]) -> None:
    for key in [k for k in st.session_state if str(k).startswith(("pending_published_", "pending_undated_"))]:
        del st.session_state[key]  # fresh confirmations for the fresh articles
    st.session_state[PENDING_KEY] = articles


def _read(pasted, title, outlet, url, files, published) -> None:
    ok, given = _given_date(published)
    if not ok:
        return
    if not pasted.strip() and not files:
        st.warning("Paste some text or choose a file first.")
        return
    with st.spinner("Reading…"):
        batch = read_inputs(pasted, title, outlet, url, files, given, upload_limit_mb())
    _show(batch)
    _set_pending(batch.articles)


def _fetch(address: str, published: str) -> None:
    ok, given = _given_date(published)
    if not ok:
        return
    if not address.strip():
        st.warning("Type an article's address first.")
        return
    with st.spinner("Fetching…"):
        batch = read_address(address, given, fetch_settings())
    _show(batch)
    if batch.articles:
        _set_pending(batch.articles)


def _confirm_and_extract(pending: list[Article]) -> None:
    st.markdown(f"**{len(pending)} article{'s' if len(pending) != 1 else ''} read.** "
                "Confirm each publication date, then extract.")
    for i, article in enumerate(pending):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.text(f"{article.title or article.article_id} — {article.source or 'unknown outlet'} "
                f"({len(article.text.split()):,} words, {article.language})")
        for line in article.warnings:
            c1.caption(markdown_literal(line))
        c2.text_input("Published", value=article.published or "", key=f"pending_published_{i}",
                      placeholder="YYYY-MM-DD")
        if not article.published:
            # Without it every "last Sunday" stays unresolved and nothing reaches the timeline.
            c1.warning(markdown_literal(f"{article.path or article.title}: {NO_DATE} unless you type the date "
                                        "beside it, or tick “No date known”"))
            c1.checkbox("No date known: keep its relative dates unresolved", key=f"pending_undated_{i}")
    if not st.button("Extract events", key="extract_events", type="primary"):
        return
    ready, problems = [], []
    for i, article in enumerate(pending):
        value = (st.session_state.get(f"pending_published_{i}") or "").strip()
        if not value and not st.session_state.get(f"pending_undated_{i}"):
            problems.append(f"{article.title or article.article_id}: give its publication date, or tick "
                            "“No date known”; not extracted yet")
            continue
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
    seen = [len(article.warnings) for article in ready]
    frame, errors = extract(ready, lambda done, total, article: progress.progress(
        done / total, text=markdown_literal(f"Extracting {done} of {total}: {article.title[:60]}")))
    progress.empty()
    # What extraction itself warned of (the event limit), said with the result, not lost on rerun.
    notices = [line for article, n in zip(ready, seen) for line in article.warnings[n:]]
    frame = prepare(frame) if frame is not None else None
    for line in errors:
        st.error(markdown_literal(line))
    st.session_state[PENDING_KEY] = [a for a in pending if a not in ready]
    if frame is None or frame.empty:
        st.info("No dated expression was found in these articles.")
        return
    existing = _added()
    combined = frame if existing is None else pd.concat([existing, frame], ignore_index=True)
    st.session_state[ADDED_KEY] = combined.drop_duplicates("event_id", keep="last").reset_index(drop=True)
    st.session_state["added_notice"] = (
        f"{len(frame)} new event{'s' if len(frame) != 1 else ''} from {len(ready)} "
        f"article{'s' if len(ready) != 1 else ''}, marked ☆ on the timeline and “New” in the table."
        + "".join(f" {line}." for line in notices)
    )
    st.rerun()  # redraw the timeline and table with the additions


def _render_additions() -> None:
    added = _added()
    if st.session_state.get("added_notice"):
        st.success(markdown_literal(st.session_state["added_notice"]))
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


TOKEN_FAILURES_KEY = "operator_token_failures"
MAX_TOKEN_DELAY = 60.0
_log = logging.getLogger("newsline.operator")


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "?"


def _operator_save(added: pd.DataFrame) -> None:
    expected = operator_token()
    if expected is None:
        st.caption("The shared table cannot be changed from this page.")
        return
    with st.expander("Operator: save additions to the shared table"):
        typed = st.text_input("Write token", type="password", key="operator_token")
        if st.button("Save to the shared table", key="operator_save"):
            failures = int(st.session_state.get(TOKEN_FAILURES_KEY, 0))
            if failures:  # guesses slow down as they fail: 1 s, 2 s, 4 s… up to a minute each
                time.sleep(min(2.0 ** (failures - 1), MAX_TOKEN_DELAY))
            if not hmac.compare_digest(typed.encode(), expected.encode()):
                st.session_state[TOKEN_FAILURES_KEY] = failures + 1
                _log.warning("write token refused (session %s, failure %d in this session)",
                             _session_id(), failures + 1)
                st.error("That token is not the operator's.")
                return
            st.session_state[TOKEN_FAILURES_KEY] = 0
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
