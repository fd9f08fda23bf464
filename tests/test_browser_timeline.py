"""The shipped timeline in a real Chromium: what a reader does every day, on the shipped table.

Each test is one of the things a reader met: a zoom or a legend click that must travel in
the link, a search typed without accents or in another word form.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import launch, streamlit_server, wait_until_idle  # noqa: E402

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


@pytest.fixture(scope="module")
def shipped():
    with streamlit_server() as url:  # the shipped data/events.parquet and facts.parquet
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def open_page(browser, url, width=1440, height=1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(url)
    wait_until_idle(page, chart=True)
    return context, page


def x_range(page) -> list[str]:
    return page.evaluate(f"() => document.querySelector('{CHART}').layout.xaxis.range.map(v => String(v).slice(0, 10))")


def count_line(page) -> str:
    return page.get_by_text("events match the filters").first.inner_text()


def wait_for_url(page, part: str) -> None:
    page.wait_for_function(f"() => window.location.search.includes({part!r})", timeout=20_000)
    wait_until_idle(page, chart=True)


def test_a_zoom_and_a_legend_click_travel_in_the_address(shipped, browser):
    context, page = open_page(browser, shipped)
    page.evaluate(f"() => Plotly.relayout(document.querySelector('{CHART}'), "
                  "{'xaxis.range': ['2025-01-01', '2025-12-31']})")
    wait_for_url(page, "window=2025-01-01..2025-12-31")
    assert x_range(page) == ["2025-01-01", "2025-12-31"]
    assert "from 2025-01-01 to 2025-12-31" in page.get_by_text("dated fact").first.inner_text()

    # Switch one topic off in the legend, the way a click on it does.
    topic = page.evaluate(f"""() => {{
        const el = document.querySelector('{CHART}');
        const t = el.data.find(t => t.legendgroup && t.showlegend);
        const idx = el.data.map((d, i) => d.legendgroup === t.legendgroup ? i : -1).filter(i => i >= 0);
        Plotly.restyle(el, {{visible: 'legendonly'}}, idx);
        return t.legendgroup;
    }}""")
    wait_for_url(page, "hide=")
    address = page.url
    context.close()

    fresh, again = open_page(browser, address)
    assert x_range(again) == ["2025-01-01", "2025-12-31"]
    hidden = again.evaluate(f"() => document.querySelector('{CHART}').data"
                            ".filter(t => t.visible === 'legendonly').map(t => t.legendgroup)")
    assert hidden and set(hidden) == {topic}
    fresh.close()


def test_search_and_actors_ignore_accents_and_word_forms(shipped, browser):
    context, page = open_page(browser, shipped)
    search = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first
    counts = {}
    for word in ("Guaidó", "Guaido", "recognized", "recognise"):
        search.fill(word)
        search.press("Enter")
        wait_for_url(page, "q=")
        page.wait_for_function("w => new URLSearchParams(location.search).get('q') === w", arg=word)
        wait_until_idle(page, chart=True)
        counts[word] = count_line(page).split(" of ")[0]
    assert counts["Guaido"] == counts["Guaidó"] != "0"
    assert counts["recognise"] == counts["recognized"] != "0"
    search.fill("")
    search.press("Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).get('q')")
    wait_until_idle(page, chart=True)

    actors = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    actors.click()
    page.keyboard.type("Guaido")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_url(page, "actor=Juan")
    assert "actor=Juan+Guaid%C3%B3" in page.url
    context.close()
