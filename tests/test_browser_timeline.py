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
    assert "from 2025-01-01 to 2025-12-31" in page.get_by_text("dated facts from").first.inner_text()

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


def test_opens_on_chavez_to_the_present_and_names_what_it_leaves_out(shipped, browser):
    context, page = open_page(browser, shipped)
    lo, hi = x_range(page)
    assert "1997-06-01" <= lo <= "1998-01-01" and hi >= "2026-03-17"  # not 1798, not 2017 alone
    caption = page.get_by_text("dated facts from").first.inner_text()
    assert "far from the rest are left out" in caption and "1798" in caption
    assert "could not be placed are listed under the chart" in caption  # the undated are counted
    # Announced facts are hollow; the legend is above the plot, and no toolbar covers the dates.
    hollow = page.evaluate(f"() => document.querySelector('{CHART}').data"
                           ".flatMap(t => Array.isArray(t.marker?.symbol) ? t.marker.symbol : [])"
                           ".filter(s => s.endsWith('-open')).length")
    assert hollow > 0
    assert page.locator('[data-testid="stPlotlyChart"] .modebar').count() == 0
    legend = page.locator('[data-testid="stPlotlyChart"] .legend').first.bounding_box()
    plot = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    assert legend["y"] + legend["height"] <= plot["y"]
    assert "hollow" in page.get_by_text("Colour: topic").first.inner_text()
    context.close()


def test_the_page_says_what_the_data_is_and_how_well_dates_are_read(shipped, browser):
    context, page = open_page(browser, shipped)
    line = page.get_by_text("dates read automatically").first.inner_text()
    assert "160 articles" in line and "English and Spanish" in line and "1998–2026" in line
    page.get_by_text("About this data").first.click()
    page.get_by_text("How well.").first.wait_for()
    about = " ".join(page.locator('[data-testid="stExpander"]').first.inner_text().split())
    assert "event F1 0.85" in about and "Where it fails." in about
    context.close()


def test_a_dark_system_preference_gives_a_dark_page(shipped, browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, color_scheme="dark")
    page = context.new_page()
    page.goto(shipped)
    wait_until_idle(page, chart=True)
    rgb = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor")
    channels = [int(v) for v in rgb[rgb.index("(") + 1: rgb.index(")")].split(",")[:3]]
    assert sum(channels) / 3 < 60, rgb
    context.close()
