"""Adding articles: paste, upload or give an address; confirm the publication date; extract; see the events.

Reading and extraction are the ``newsline`` package's job (``ingest.load_file``,
``fetch.fetch_article`` and ``events.extract_events``); this module only moves
inputs and results in and out of the visitor's session.

Everything a visitor gives is hostile until read:

* an uploaded file is refused by its size (``UploadedFile.size``) before its
  bytes are touched; the server refuses larger requests still earlier
  (``server.maxUploadSize`` in ``.streamlit/config.toml``);
* every problem is one line naming the file (or address) as the visitor knows
  it, shown as literal text; a good file in the same batch is still read;
* an address is fetched in hosted mode (loopback, private, link-local and
  metadata addresses refused after resolving, on every redirect) unless the
  operator turns that off (``fetch_settings``);
* additions live in the visitor's session only. The shared table is written
  only when the operator has configured ``[newsline] write_token`` in
  ``st.secrets`` and the visitor types that token, and then through
  ``store.append_events`` (under the table's lock), so two saves at once both
  keep their rows.

The functions above ``render_add_articles`` take plain values and return plain
values, so the tests can run them with real bytes as well as through the page.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from newsline.errors import NewslineError
from newsline.ingest import MAX_FILE_BYTES, NO_DATE, SUPPORTED_EXTENSIONS, load_file, normalise_published, record_id
from newsline.model import EVENT_COLUMNS, Article
from newsline.store import append_events, events_path, to_frame

from .data import ADDED_KEY, prepare
from .exports import to_csv, to_json
from .safe_text import markdown_literal

PENDING_KEY = "pending_articles"
#: Files read in one go; more are named and left for another batch (each one costs extraction time).
MAX_FILES_PER_READ = 50
#: Longest file name or address shown back to the visitor.
MAX_NAME_CHARS = 120
_MiB = 1024 * 1024
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


@dataclass(frozen=True)
class FetchSettings:
    hosted: bool  # refuse addresses that are not public
    allow: tuple[str, ...] = ()  # networks the operator exempts from that refusal


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
    """The size cap for one uploaded file in MB (as Streamlit counts them, 1,048,576 bytes).

    ``server.maxUploadSize``, which the server also enforces on the request, and
    never above what ``newsline.ingest`` reads from one file.
    """
    try:
        configured = int(st.get_option("server.maxUploadSize"))
    except Exception:  # an unreadable option: ingest's own cap still holds
        configured = MAX_FILE_BYTES // _MiB
    return max(1, min(configured, MAX_FILE_BYTES // _MiB))


# --- reading inputs ----------------------------------------------------------------------------


@dataclass
class Batch:
    """What one "Read" gave: articles to confirm, and one-line problems and warnings."""

    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: "Batch") -> None:
        self.articles += other.articles
        self.errors += other.errors
        self.warnings += other.warnings


def display_name(name: object) -> str:
    """A name as the visitor gave it, safe to show on one line: no folders, control or format characters."""
    text = str(name or "").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    text = "".join("?" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    return text if len(text) <= MAX_NAME_CHARS else text[: MAX_NAME_CHARS - 1] + "…"


def _safe_name(name: str) -> str:
    """A plain file name for the scratch folder, keeping the suffix that tells the format."""
    base = display_name(name)
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "upload"
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""
    return stem[:80] + suffix


def _megabytes(size: int) -> str:
    return f"{size / _MiB:.1f} MB"


def _own_id(article: Article, scratch_stem: str) -> None:
    """Ids from the content, not from the scratch file: two visitors' "article.txt" are different articles."""
    if article.article_id == scratch_stem:
        article.article_id = record_id(article.title, article.url, article.text)


def _read_path(target: Path, name: str, published: str | None) -> Batch:
    """``load_file`` on a file in the scratch folder, with every line naming ``name`` instead of it."""
    scratch = str(target)

    def named(line: str) -> str:
        return line.replace(scratch, name)

    try:
        result = load_file(target, published=published)
    except NewslineError as exc:
        return Batch(errors=[named(f"{exc.where}: {exc.problem}")])
    except Exception as exc:  # a defect, not the visitor's fault; still one line, never a traceback
        return Batch(errors=[f"{name}: could not be read ({exc.__class__.__name__})"])
    batch = Batch(warnings=[named(w) for w in result.warnings])
    for article in result:
        _own_id(article, target.stem)
        article.path = name
        article.warnings = [named(w) for w in article.warnings if NO_DATE not in w]
        batch.articles.append(article)
    return batch


def read_upload(upload, published: str | None, folder: Path, index: int = 0, limit_mb: int | None = None) -> Batch:
    """One uploaded file: refused by its size before a byte is read, else read like a file on disk.

    ``upload`` is a ``streamlit.runtime.uploaded_file_manager.UploadedFile`` (or
    anything with ``name``, ``size`` and ``getvalue()``).
    """
    name = display_name(upload.name)
    limit_mb = limit_mb or upload_limit_mb()
    size = int(upload.size)
    if size > limit_mb * _MiB:
        return Batch(errors=[f"{name}: file is {_megabytes(size)}, over the {limit_mb} MB upload limit; not read"])
    if Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
        suffix = Path(name).suffix
        kind = f"'{suffix}'" if suffix else "(no extension)"
        return Batch(errors=[f"{name}: unsupported file type {kind} (use .txt, .md, .html, .json or .jsonl)"])
    target = folder / f"{index:03d}-{_safe_name(upload.name)}"
    target.write_bytes(upload.getvalue())
    try:
        return _read_path(target, name, published)
    finally:
        target.unlink(missing_ok=True)


def read_pasted(pasted: str, title: str, outlet: str, url: str, published: str | None, folder: Path) -> Batch:
    """The pasted text as one article (through the JSON path, so title, outlet and address are checked)."""
    first_line = next((line.strip() for line in pasted.splitlines() if line.strip()), "Pasted article")
    record = {"title": title.strip() or first_line[:120], "url": url.strip(), "source": outlet.strip(),
              "published": published, "text": pasted}
    target = folder / "pasted-text.json"
    target.write_text(json.dumps(record), encoding="ascii")  # \u escapes: even a lone surrogate survives
    try:
        return _read_path(target, "pasted text", published)
    finally:
        target.unlink(missing_ok=True)


def read_inputs(pasted: str, title: str, outlet: str, url: str, files, published: str | None) -> Batch:
    """Articles from the pasted text and the uploaded files, with one line per problem."""
    batch = Batch()
    files = list(files or [])
    with tempfile.TemporaryDirectory(prefix="newsline-upload-") as folder:
        scratch = Path(folder)
        if pasted.strip():
            batch.add(read_pasted(pasted, title, outlet, url, published, scratch))
        limit_mb = upload_limit_mb()
        for index, upload in enumerate(files[:MAX_FILES_PER_READ]):
            batch.add(read_upload(upload, published, scratch, index, limit_mb))
    _drop_repeats(batch)
    if len(files) > MAX_FILES_PER_READ:
        left = ", ".join(display_name(f.name) for f in files[MAX_FILES_PER_READ:MAX_FILES_PER_READ + 3])
        more = len(files) - MAX_FILES_PER_READ
        batch.errors.append(f"{more} more file{'s' if more != 1 else ''} ({left}{', …' if more > 3 else ''}): "
                            f"at most {MAX_FILES_PER_READ} files are read at once; not read, add them next")
    return batch


def _drop_repeats(batch: Batch) -> None:
    """One article once: the same title and text (or address) from two inputs would give the same events."""
    first: dict[str, str] = {}
    kept: list[Article] = []
    for article in batch.articles:
        if article.article_id in first:
            batch.warnings.append(f"{article.path}: same article as {first[article.article_id]}; skipped")
            continue
        first[article.article_id] = article.path
        kept.append(article)
    batch.articles = kept


def read_address(url: str, published: str | None, settings: FetchSettings, timeout: float | None = None) -> Batch:
    """The article at ``url`` (``newsline.fetch.fetch_article``), or the one line saying why not."""
    from newsline.fetch import DEFAULT_TIMEOUT, fetch_article

    shown = _one_line_address(url)
    try:
        article = fetch_article(url.strip(), hosted=settings.hosted, allow=settings.allow,
                                timeout=timeout or DEFAULT_TIMEOUT, published=published)
    except NewslineError as exc:
        return Batch(errors=[f"{shown}: {exc.problem}"])
    except Exception as exc:  # a defect, not the visitor's fault
        return Batch(errors=[f"{shown}: could not be fetched ({exc.__class__.__name__})"])
    article.warnings = [w.replace(url.strip(), shown) for w in article.warnings if NO_DATE not in w]
    return Batch(articles=[article])


def _one_line_address(url: str) -> str:
    text = "".join("?" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in url.strip())
    return text if len(text) <= 200 else text[:199] + "…"


def extract(articles: list[Article], progress) -> tuple[pd.DataFrame | None, list[str]]:
    from newsline.events import extract_events  # loads the rules and gazetteers on first use

    rows: list[dict] = []
    errors: list[str] = []
    for done, article in enumerate(articles, start=1):
        progress.progress(done / len(articles),
                          text=markdown_literal(f"Extracting {done} of {len(articles)}: {article.title[:60]}"))
        try:
            rows += extract_events(article)
        except Exception as exc:  # one line per article, never a traceback
            errors.append(f"{article.path or article.title or article.article_id}: events could not be "
                          f"extracted ({exc.__class__.__name__})")
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


# --- the page ----------------------------------------------------------------------------------


def _added() -> pd.DataFrame | None:
    return st.session_state.get(ADDED_KEY)


def _show(batch: Batch) -> None:
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
    title = c1.text_input("Headline", key="paste_title", placeholder="Defaults to the first line")
    outlet = c2.text_input("Outlet", key="paste_outlet", placeholder="e.g. Reuters")
    url = st.text_input("Web address", key="paste_url", placeholder="https://…")
    # No ``type=``: Streamlit would raise on another suffix; ingest names the problem in one line instead.
    files = st.file_uploader(
        f"Or upload files (.txt, .md, .html, .json, .jsonl; up to {limit_mb} MB each, "
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
    for key in [k for k in st.session_state if str(k).startswith("pending_published_")]:
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
        batch = read_inputs(pasted, title, outlet, url, files, given)
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
