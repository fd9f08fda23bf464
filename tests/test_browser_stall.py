"""One visitor's hostile link must not stall the dashboard for the others, in a real Chromium.

A link whose search holds thousands of words once made every new visitor wait for minutes:
each word was one more pass over the sentences, read while holding the lock every session
takes to start. Here one session opens such a link while another makes a plain visit; the
plain visit must take about as long as it does alone, and the hostile session is told that
its search was cut.
"""

from __future__ import annotations

import time
from urllib.parse import quote

import pandas as pd
import pytest

from newsline.model import EVENT_COLUMNS
from newsline.store import write_events
from scripts.screenshots import streamlit_server, wait_until_idle
from support.rows import event_row

pytestmark = pytest.mark.browser

EVENTS = 8_000
FILLER = "officials in Caracas and Washington said little about the talks " * 4


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("stall") / "events.parquet"
    rows = [event_row(f"a{i}", f"On March {i % 28 + 1}, 2024, {FILLER} number {i}.", f"March {i % 28 + 1}, 2024",
                      f"2024-03-{i % 28 + 1:02d}", f"2024-03-{i % 28 + 1:02d}", f"2024-03-{i % 28 + 1:02d}", "day",
                      actors=["Nicolás Maduro"], topics=["diplomacy"]) for i in range(EVENTS)]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    with streamlit_server(path) as url:
        yield url


def plain_visit(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        started = time.monotonic()
        page.goto(url)
        wait_until_idle(page, timeout=120_000)
        took = time.monotonic() - started
        assert page.get_by_text("events match the filters").first.inner_text().startswith(f"{EVENTS:,} of")
        return took
    finally:
        context.close()


def test_a_plain_visit_stays_fast_while_another_session_holds_a_hostile_link(server, browser):
    url = server
    plain_visit(browser, url)  # the store opened once, as on a running server
    alone = plain_visit(browser, url)

    words = " ".join(f"w{i}x" for i in range(2_000))
    hostile = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = hostile.new_page()
        page.goto(f"{url}/?q={quote(words)}", wait_until="commit")
        time.sleep(1.5)  # the hostile session is at work
        beside = plain_visit(browser, url)
        assert beside < max(3 * alone, alone + 6), (alone, beside)

        # The hostile session gets a page too, saying what its search read.
        page.get_by_text("The search reads at most 8 words").first.wait_for(timeout=60_000)
        assert page.get_by_text("events match the filters").first.inner_text().startswith(f"0 of {EVENTS:,}")
    finally:
        hostile.close()
