"""Newsline: an explorable, shareable timeline of the Venezuela–United States relationship.

Run with ``streamlit run app.py``. The page is assembled from ``components/``;
this file only decides the order things happen in:

1. open the store (cached per file version) and, on a session's first run, read the link;
2. apply any click made on the previous run (timeline, table, unresolved list);
3. draw the header, the filters, then the views, then write the view back into the URL. A
   visit's first run draws the main column down to the chart, each part in its place, and
   the rest (the sidebar's controls, the share box, what lies below the chart, the evidence)
   once the browser shows the chart (``components/first_run.py``).

Every number and row on the page is an answer from ``newsline.query`` (DuckDB over the
Parquet files), cached per data version and view: the table is never loaded whole.
"""

from __future__ import annotations

import streamlit as st

from newsline.errors import NewslineError

from components import cached
from components.about import render_about
from components.add_articles import render_add_articles
from components.data import load_store
from components.evidence import render_evidence
from components.first_run import complete_later, complete_page, page_complete
from components.safe_text import markdown_literal
from components.sidebar import prepare_filters, render_sidebar, render_sidebar_heading, reset_filters
from components.table_view import ORDER_OPTIONS, render_table
from components.timeline_figure import topic_colours
from components.timeline_view import render_timeline, render_unresolved
from components.url_state import (
    TAB_OPTIONS, Known, manual_params, share_link, view_pairs, write_manual_params,
)
from components.view_state import seed_from_link, selected_fact, take_selections
from newsline.filters import NO_ACTOR, explain_lines

# Less empty space above and beside the content than Streamlit's defaults.
PAGE_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-left: 2rem; padding-right: 2rem; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.8rem; padding-right: 0.8rem; padding-top: 3.6rem; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.45rem; }
}
</style>"""

st.set_page_config(
    page_title="Newsline · Venezuela–US timeline",
    page_icon=":material/timeline:",
    layout="wide",
    initial_sidebar_state="auto",
)


@st.cache_data(max_entries=8, show_spinner=False)
def cached_colours(topics: tuple[str, ...]) -> dict[str, str]:
    return topic_colours(list(topics))


loaded = load_store()
q = loaded.query()
token = loaded.token
facets = cached.facets(q, token)
extent, natural_span = facets.extent, facets.fitted
colours = cached_colours(tuple(facets.topics))
known = Known(actors=set(facets.actors) | {NO_ACTOR}, topics=set(facets.topics),
              outlets=set(facets.outlets), resolve=lambda ident: cached.resolve(q, token, ident))

seed_from_link(known, extent)
take_selections(st.session_state.get("row_ids", {}), extent)

flt = prepare_filters(facets)  # what the sidebar's controls hold, drawn or not
try:
    summary = cached.summary(q, token, flt)
except NewslineError as exc:  # a query past its time budget: one line, and the page stops here
    render_sidebar_heading()
    render_sidebar(facets)
    st.error(markdown_literal(f"{exc.where}: {exc.problem}"))
    st.stop()
fact_id = selected_fact()
detail = cached.fact(q, token, fact_id) if fact_id else None
if fact_id and detail is None:  # e.g. an addition that was discarded
    st.session_state["fact"] = fact_id = None

# --- header (the share box beside it is filled in once the page is complete) ----------
st.html(PAGE_STYLE)
render_sidebar_heading()  # the sidebar is there from the first run: the chart keeps its width
head, share_col = st.columns([4, 1], vertical_alignment="bottom")
head.markdown("## Venezuela–United States, dated from the news")
render_about(cached.about(q, token), head)
corroborated = (f", {summary.corroborated:,} confirmed by two or more sources" if summary.corroborated else "")
head.markdown(f"**{summary.events:,}** of {facets.events:,} events match the filters · they state "
              f"**{summary.facts:,}** fact{'s' if summary.facts != 1 else ''}{corroborated} · every fact links "
              "to the sentences it was read from.")

if loaded.problem:
    st.error(markdown_literal(loaded.problem))
for note in loaded.notes:
    st.warning(markdown_literal(note))
notices = st.session_state.get("link_notices") or []
if notices:
    notice_col, ok_col = st.columns([6, 1], vertical_alignment="center")
    notice_col.warning("Parts of this link no longer match the data and were ignored: "
                       + markdown_literal("; ".join(notices)) + ".")
    if ok_col.button("Dismiss", key="dismiss_notice"):
        st.session_state["link_notices"] = []
        st.rerun()

if facets.events == 0:
    st.info("The event table is empty. Add articles in the “Add articles” tab to start a timeline.")
elif summary.events == 0:
    st.warning("No event matches all the filters at once.")
    for line in explain_lines(cached.explain(q, token, flt), flt):
        st.markdown(f"- {markdown_literal(line)}")
    st.button("Reset all filters", key="reset_empty", on_click=reset_filters, args=(natural_span or extent,),
              type="primary")

# --- body: the views take the width; a selected fact's evidence opens beside them ---
# (below them on a phone, where Streamlit stacks columns)
main, side = st.columns([5, 3], gap="medium") if detail is not None else (st.container(), None)
with main:
    timeline_tab, table_tab, add_tab = st.tabs(list(TAB_OPTIONS), key="tab", bind="query-params", on_change="rerun")
if not timeline_tab.open:  # no chart to wait for
    complete_page()
complete = page_complete()
if complete and render_sidebar(facets) != flt:  # e.g. the browser's back button set a control from the link
    st.rerun()

row_ids: dict[str, list[str]] = dict(st.session_state.get("row_ids", {}))
if timeline_tab.open:
    with timeline_tab:
        render_timeline(q, token, flt, summary, colours, fact_id, loaded.added_ids, extent, natural_span,
                        on_shown=None if complete else complete_page)
if not complete:  # a visit's first run ends with its chart: the rest follows once the browser shows it
    complete_later()
    st.stop()

share_box = share_col.popover("Share this view", icon=":material/link:", width="stretch")
if timeline_tab.open:
    with timeline_tab:
        row_ids["unresolved_table"] = render_unresolved(q, token, flt, summary)
if table_tab.open:
    with table_tab:
        row_ids["table"] = render_table(q, token, flt, summary.events, loaded.added_ids, loaded.query)
if add_tab.open:
    with add_tab:
        render_add_articles()
st.session_state["row_ids"] = row_ids

if side is not None:
    with side:
        render_evidence(detail, hidden_by_filters=not cached.is_shown(q, token, flt, fact_id))

# --- the view, written back into the address bar and the share link ------------
window = None if st.session_state.get("window_auto", True) else st.session_state.get("window")
tab = st.session_state.get("tab") or TAB_OPTIONS[0]
lanes = st.session_state.get("lanes") or "Actor"
hidden = tuple(st.session_state.get("hidden_topics") or ())
write_manual_params(st.query_params, manual_params(flt, window, fact_id, hidden))
colour = st.session_state.get("colour") or "Topic"
pairs = view_pairs(flt, lanes, window, fact_id, tab, hidden, colour)
if st.session_state.get("sort") not in (None, next(iter(ORDER_OPTIONS))):
    pairs.append(("sort", st.session_state["sort"]))
link = share_link(st.context.url, pairs)
with share_box:
    st.markdown("Anyone opening this link sees these filters, this time window, the legend and the selected fact.")
    own = set(loaded.added["event_id"]) if loaded.added is not None else set()
    if fact_id and fact_id in own:  # a fact of one event the store does not hold
        st.warning("The selected fact comes from your own additions, which stay in this browser session: "
                   "someone opening the link will not see it.")
    st.code(link, language=None, wrap_lines=True)
