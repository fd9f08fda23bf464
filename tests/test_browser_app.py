"""End to end in a real Chromium: filter, select, read the evidence, share, reopen; and no HTML injection.

The tests start their own Streamlit servers on free loopback ports, on small stores
written to a temporary folder (one without a fact table, one with facts confirmed by
several sources), and drive Debian's chromium through Playwright (no browser download).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from support.rows import XSS_SENTENCE, XSS_TITLE, by_date_text, facts_of, sample_rows, store_rows
from newsline.store import write_events, write_facts
from newsline.model import EVENT_COLUMNS

from components.first_run import FALLBACK_SECONDS
from scripts.screenshots import streamlit_server, wait_until_idle
from support.browser import wait_for_url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "events.parquet"
    write_events(pd.DataFrame(sample_rows(), columns=EVENT_COLUMNS), path)
    with streamlit_server(path) as url:
        yield url


@pytest.fixture(scope="module")
def facts_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    rows = store_rows()
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), folder / "events.parquet")
    boats, alien, facts = facts_of(rows)
    write_facts(facts, folder / "facts.parquet")
    with streamlit_server(folder / "events.parquet") as url:
        yield url, boats, alien


def count_line(page) -> str:
    return page.get_by_text("events match the filters").first.inner_text()


def evidence_text(page) -> str:
    return page.locator(".nl-evidence").first.inner_text()


def click_first_point(page) -> None:
    """Click a drawn event the way a reader does: with the mouse, on the marker."""
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path').first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_filter_select_share_and_reopen(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server)
    wait_until_idle(page, chart=True)
    assert count_line(page).startswith("12 of 12")

    actors = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    actors.click()
    page.keyboard.type("Nicolás Mad")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_text("2 of 12 events match").wait_for()
    wait_until_idle(page, chart=True)
    assert count_line(page).startswith("2 of 12")
    assert "actor=Nicol" in wait_for_url(page, "actor=Nicol")  # the address bar follows the filter

    click_first_point(page)
    page.wait_for_selector(".nl-evidence", timeout=20_000)
    wait_until_idle(page)
    panel = evidence_text(page)
    chosen = next(r for r in sample_rows() if r["event_id"] in panel)
    assert chosen["date_text"] in ("last Sunday", "July 28")
    assert chosen["sentence"] in panel
    assert page.locator(".nl-evidence mark").first.inner_text() == chosen["date_text"]
    assert "El País, published 2024-12-03" in panel

    page.get_by_role("button", name="Share this view").click()
    link = page.locator('[data-testid="stPopoverBody"] code, [data-testid="stCode"] code').last.inner_text().strip()
    assert link.startswith(server) and f"fact={chosen['event_id']}" in link  # a fact of one event: its id
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = fresh.new_page()
    again.goto(link)
    wait_until_idle(again, chart=True)
    again.wait_for_selector(".nl-evidence", timeout=20_000)
    assert count_line(again).startswith("2 of 12")
    assert "Nicolás Maduro (2)" in again.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    assert evidence_text(again) == panel
    ringed = again.locator('[data-testid="stPlotlyChart"] .legendtext', has_text="Selected")
    assert ringed.count() == 1  # the same event is marked on the timeline
    fresh.close()


def test_article_markup_shows_as_text(server, browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    target = by_date_text("March 3, 2025")
    page.goto(f"{server}/?event={target['event_id']}")
    wait_until_idle(page)
    page.wait_for_selector(".nl-evidence")
    panel = evidence_text(page)
    assert "<img src=x onerror=alert(1)>" in panel and "<script>alert(2)</script>" in panel
    assert XSS_TITLE in panel and "Unknown <b>Blog</b>" in panel
    injected = page.evaluate(
        "() => document.querySelectorAll('.nl-evidence script, .nl-evidence img, .nl-evidence b').length"
    )
    assert injected == 0
    assert page.locator('.nl-evidence a[href^="javascript"]').count() == 0
    page.mouse.move(10, 10)
    assert dialogs == []
    assert XSS_SENTENCE
    context.close()


def test_timelinejs_download_holds_the_filtered_events(server, browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server}/?topic=oil-sanctions&tab=Table")
    wait_until_idle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="TimelineJS").click()
    document = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    ids = {e["unique_id"] for e in document["events"]}
    assert ids == {r["event_id"] for r in sample_rows() if "oil-sanctions" in r["topics"]}
    context.close()


def test_corroborated_facts_filter_and_evidence(facts_server, browser):
    url, boats, alien = facts_server
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    wait_until_idle(page, chart=True)
    assert count_line(page).startswith(f"{len(store_rows())} of {len(store_rows())}")

    box = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"] input').first
    box.fill("2")
    box.press("Enter")
    page.get_by_text("5 of 16 events match").wait_for()
    wait_until_idle(page, chart=True)
    assert "min_sources=2" in wait_for_url(page, "min_sources=2")  # the filter is in the address bar
    assert "2 facts, 2 confirmed by two or more sources" in count_line(page)

    # Two facts drawn: both in one lane of their actors; click each marker until the disagreeing one opens.
    points = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path')
    assert points.count() >= 2
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector(".nl-evidence", timeout=20_000)
        wait_until_idle(page)
        if "disagree" in evidence_text(page):
            break
    panel = evidence_text(page)
    assert "The sources disagree on the date (2025-03-14 / 2025-03-15)" in panel
    assert page.locator(".nl-evidence .nl-source").count() == 2
    assert [m.inner_text() for m in page.locator(".nl-evidence .nl-source mark").all()] == [
        "On Friday, March 14", "This Saturday"]
    assert f"fact={alien['fact_id']}" in wait_for_url(page, f"fact={alien['fact_id']}", chart=False)

    # An old link naming one member event opens the whole fact.
    cbs = next(e for e in boats["evidence"] if e["source"] == "CBS News")["event_id"]
    page.goto(f"{url}/?event={cbs}")
    wait_until_idle(page)
    page.wait_for_selector(".nl-evidence")
    assert page.locator(".nl-evidence .nl-source").count() == 3
    assert "Confirmed by 2 independent sources (3 articles" in evidence_text(page)
    assert page.locator('.nl-evidence a[href^="javascript"]').count() == 0
    assert "event=" not in wait_for_url(page, f"fact={boats['fact_id']}", chart=False)
    context.close()


def test_the_headline_is_in_the_hover_and_in_the_evidence_panel(facts_server, browser):
    url, boats, alien = facts_server
    headlines = {boats["headline"], alien["headline"]}
    assert all(headlines)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url + "?min_sources=2")
    wait_until_idle(page, chart=True)
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path').first
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y)
    hover = page.locator('[data-testid="stPlotlyChart"] .hoverlayer .hovertext').first
    hover.wait_for(timeout=10_000)
    text = hover.text_content()  # SVG text: its (wrapped) lines run together without spaces
    shown = [h for h in headlines if "".join(h.split()) in "".join(text.split())]
    assert len(shown) == 1, text
    page.mouse.click(x, y)
    page.wait_for_selector(".nl-evidence .nl-headline", timeout=20_000)
    wait_until_idle(page)
    assert page.locator(".nl-evidence .nl-headline").first.inner_text() == shown[0]


# The chart's first visible draw (Streamlit first draws it hidden, before it knows its width),
# and at that moment: what the chart shows and what else the page holds. The chart element is
# marked, to tell later whether the browser kept it or drew a new one.
FIRST_SIGHT = """() => {
    const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
    const svg = plot && plot.querySelector('.main-svg');
    if (!svg || getComputedStyle(svg).visibility !== 'visible' || !svg.getBoundingClientRect().width) return null;
    plot.__firstSight = true;
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    return {
        chart: SHOWN(plot),
        controls: sidebar.querySelectorAll('[data-testid="stMultiSelect"], [data-testid="stTextInput"]').length,
        share: [...document.querySelectorAll('button')].some(b => b.innerText.includes('Share this view')),
    };
}"""
SHOWN = """(plot) => JSON.stringify({
    traces: plot.data.map(t => [t.name, t.visible, Array.from(t.x || []), Array.from(t.y || [])]),
    range: plot.layout.xaxis.range, width: plot.getBoundingClientRect().width,
    top: plot.getBoundingClientRect().top + window.scrollY,
})"""


def test_a_fresh_visit_shows_the_chart_first_and_the_whole_page_after(server, browser):
    """On a link with filters: when the chart first shows, the sidebar's controls and the share
    button aren't drawn yet; they come after, and the chart stays the one first shown (the same
    drawing, the same marks, the same window, in the same place) while the filters show the
    link's values."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server}/?actor=United+States&topic=diplomacy-talks&topic=migration-deportation&lanes=Topic"
              "&hide_year=true")
    first = page.wait_for_function(FIRST_SIGHT.replace("SHOWN(plot)", f"({SHOWN})(plot)"), polling="raf",
                                   timeout=60_000).json_value()
    assert first["controls"] == 0 and not first["share"]

    page.get_by_role("button", name="Share this view").wait_for(timeout=30_000)
    wait_until_idle(page, chart=True)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "United States" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "diplomacy-talks" in sidebar.locator('[data-testid="stMultiSelect"]').nth(1).inner_text()
    assert page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"] input').first.is_checked()
    after = page.evaluate(f"""() => {{
        const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
        return {{ kept: plot.__firstSight === true, chart: ({SHOWN})(plot) }};
    }}""")
    assert after == {"kept": True, "chart": first["chart"]}
    assert json.loads(first["chart"])["traces"]  # a chart with marks, not an empty one
    context.close()


def test_the_whole_page_appears_even_if_the_chart_is_never_reported(server, browser):
    """A browser that can't load the page's own component (it never reports the chart drawn)
    still gets the whole page, from the timed rerun."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    # Streamlit loads a component's inline script from a blob URL: make that load fail.
    page.add_init_script("""(() => {
        const original = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => (blob && /javascript/.test(blob.type)) ? 'blob:null/broken' : original(blob);
    })()""")
    failures: list[str] = []
    page.on("console", lambda message: failures.append(message.text) if "broken" in message.text else None)
    page.goto(f"{server}/?actor=Citgo")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    page.get_by_role("button", name="Share this view").wait_for(timeout=FALLBACK_SECONDS * 1000 + 30_000)
    wait_until_idle(page, chart=True)
    assert failures  # the component really failed to load
    assert "Citgo" in page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    assert count_line(page).startswith("2 of 12")
    context.close()
