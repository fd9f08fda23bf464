"""The real page under Streamlit's AppTest, and what it shows."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from components.first_run import DONE as PAGE_COMPLETE  # noqa: F401 (for the tests)
from components.timeline_figure import figure_fact_ids
from support.bad_inputs import GOOD_TXT

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


# --- the page ------------------------------------------------------------------------------


def run_page(query: dict | None = None, tab: str | None = None) -> AppTest:
    """The app, opened with ``query`` as its link's query string (on ``tab``); it must not raise."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if query:
        at.query_params.update(query)
    if tab:
        at.query_params["tab"] = tab
    return open_page(at)


def rerun_page(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest) -> AppTest:
    """A visit: its first run, which on the timeline draws the page down to the chart, then the
    run a browser starts once it shows the chart. AppTest runs no custom component, so the
    browser's report (``first_run.complete_page``) is given here, as its flag."""
    rerun_page(at)
    if not page_complete(at):
        at.session_state[PAGE_COMPLETE] = True
        rerun_page(at)
    return at


def page_complete(at: AppTest) -> bool:
    return PAGE_COMPLETE in at.session_state and bool(at.session_state[PAGE_COMPLETE])


def click(at: AppTest, key: str) -> AppTest:
    """Click the button ``key`` and let the page run."""
    at.button(key=key).click()
    return rerun_page(at)


def shown_counts(at: AppTest) -> tuple[int, int]:
    """The header's numbers: events matching the filters, and the facts they state."""
    line = next(m.value for m in at.markdown if "events match the filters" in m.value)
    bold = line.split("**")
    return int(bold[1].replace(",", "")), int(bold[3].replace(",", ""))


def decoded(value):
    """A figure spec with Plotly's typed arrays ({"dtype", "bdata"}) turned back into lists."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    if isinstance(value, dict):
        return {k: decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decoded(v) for v in value]
    return value


def drawn_fact_ids(at: AppTest) -> set[str]:
    """The facts the timeline draws one by one (none when there is no chart)."""
    charts = at.get("plotly_chart")
    return figure_fact_ids(decoded(json.loads(charts[0].proto.spec))) if charts else set()


def table_event_ids(at: AppTest) -> list[str]:
    """The event ids of the Table tab's rows, in order (the page goes back to the timeline after)."""
    at.session_state["tab"] = "Table"
    rerun_page(at)
    tables = [d for d in at.dataframe if "event_id" in d.value.columns and "sentence" in d.value.columns]
    ids = list(tables[0].value["event_id"]) if tables else []
    at.session_state["tab"] = "Timeline"
    rerun_page(at)
    return ids


def open_add_tab(secrets: dict | None = None, query: dict | None = None) -> AppTest:
    """The page on its "Add articles" tab, with the operator's ``secrets`` if any."""
    at = AppTest.from_file(str(APP), default_timeout=180)
    if secrets:
        at.secrets.update(secrets)
    if query:
        at.query_params.update(query)
    at.query_params["tab"] = "Add articles"
    rerun_page(at)
    assert page_complete(at)  # no chart to wait for: the first run draws the whole page
    return at


def added(at: AppTest) -> pd.DataFrame | None:
    """The events this session added (None before any)."""
    return at.session_state["added_events"] if "added_events" in at.session_state else None


def plain(value: str) -> str:
    """What the visitor reads: the text without the backslashes that keep Markdown literal."""
    return re.sub(r"\\(.)", r"\1", value)


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


def captions(at: AppTest) -> list[str]:
    return [plain(c.value) for c in at.caption]


def pending(at: AppTest) -> list:
    """The articles read and waiting for the visitor's "Extract"."""
    return list(at.session_state["pending_articles"]) if "pending_articles" in at.session_state else []


def upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    """Hand the uploader these (name, bytes) files and let the page run."""
    at.file_uploader(key="upload_files").set_value([(name, data, "application/octet-stream") for name, data in files])
    return rerun_page(at)


def paste_and_extract(at: AppTest, text: str = GOOD_TXT, published: str = "2024-03-05", outlet: str = "") -> AppTest:
    """Paste ``text`` as one article (from ``outlet``), read it, then extract its events."""
    at.text_area(key="paste_text").input(text)
    if outlet:
        at.text_input(key="paste_outlet").input(outlet)
    at.text_input(key="upload_published").input(published)
    click(at, "read_articles")
    assert at.text_input(key="pending_published_0").value == published  # shown to confirm
    return click(at, "extract_events")
