"""The shipped timeline in a real Chromium: what a reader does every day, on the shipped table.

Each test is one of the things a reader met: a zoom or a legend click that must travel in
the link, a search typed without accents or in another word form.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.screenshots import streamlit_server, wait_until_idle
from support.browser import wait_for_url

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


@pytest.fixture(scope="module")
def shipped():
    with streamlit_server() as url:  # the shipped data/events.parquet and facts.parquet
        yield url


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
    # The central 95% of the facts starts in the 1990s (Chávez's rise): not 1798, not 2017 alone.
    assert "1990-01-01" <= lo <= "1998-01-01" and hi >= "2026-03-17"
    caption = page.get_by_text("dated facts from").first.inner_text()
    assert "far from the rest are left out" in caption and "1798" in caption
    # The legend is above the plot, and no toolbar covers the dates.
    assert page.locator('[data-testid="stPlotlyChart"] .modebar').count() == 0
    legend = page.locator('[data-testid="stPlotlyChart"] .legend').first.bounding_box()
    plot = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    assert legend["y"] + legend["height"] <= plot["y"]
    assert plot["width"] > 0.6 * 1440  # the chart takes the width: no empty evidence column beside it
    context.close()


def test_undated_and_announced_facts_are_told_apart(shipped, browser):
    context, page = open_page(browser, shipped)
    caption = page.get_by_text("dated facts from").first.inner_text()
    assert "could not be placed are listed under the chart" in caption  # the undated are counted
    # Announced facts are hollow, say so in their hover, and the encoding line explains it.
    announced = page.evaluate(f"""() => document.querySelector('{CHART}')._fullData.flatMap(t =>
        (Array.isArray(t.marker?.symbol) ? t.marker.symbol : []).map((s, i) => [s, String(t.hovertext?.[i])]))
        .filter(([s]) => s.endsWith('-open'))""")
    assert announced and all("announced or expected" in hover for _, hover in announced)
    assert "hollow" in page.get_by_text("Colour: topic").first.inner_text()
    context.close()

    context, page = open_page(browser, shipped + "/?from=2015-01-01&to=2019-12-31")
    caption = page.get_by_text("dated facts from").first.inner_text()
    assert "hidden while the dates are narrowed" in caption  # not vanished without a word
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


def test_a_typed_date_range_applies_on_enter(shipped, browser):
    context, page = open_page(browser, shipped)
    field = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').first
    segments = field.locator('[role="spinbutton"]')  # year, month, day of each end
    for i, value in enumerate(["2015", "01", "01", "2019", "12", "31"]):
        segments.nth(i).click()
        page.keyboard.type(value)
    page.keyboard.press("Enter")  # and nothing else: the cursor stays in the field
    wait_for_url(page, "from=2015-01-01")
    assert "to=2019-12-31" in page.url
    assert not count_line(page).startswith("625 of")  # the range filters
    context.close()


def test_on_a_phone_the_chart_has_the_width_and_one_tap_opens_the_evidence_in_view(shipped, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(shipped)
    wait_until_idle(page, chart=True)
    plot = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    assert plot["width"] >= 0.62 * 390  # the lanes' names leave the chart most of the width
    assert page.locator('[data-testid="stPlotlyChart"] .modebar').count() == 0  # nothing over the dates
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path').nth(30)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # one tap
    page.wait_for_selector(".nl-evidence", timeout=20_000)
    wait_until_idle(page)
    page.wait_for_timeout(1200)  # the smooth scroll
    top = page.evaluate("() => document.querySelector('.nl-evidence').getBoundingClientRect().top")
    assert 0 <= top < 844  # scrolled into view
    assert "fact=" in wait_for_url(page, "fact=", chart=False)
    context.close()


def test_on_a_phone_a_hover_label_stays_on_the_screen(shipped, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(shipped)
    wait_until_idle(page, chart=True)
    page.locator(CHART).first.scroll_into_view_if_needed()
    area = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    points = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path')
    boxes = [b for b in (points.nth(i).bounding_box() for i in range(min(points.count(), 400)))
             if b and area["x"] <= b["x"] + b["width"] / 2 <= area["x"] + area["width"]
             and area["y"] <= b["y"] + b["height"] / 2 <= area["y"] + area["height"]]  # in the plot, not clipped
    boxes.sort(key=lambda b: b["x"])
    # the leftmost, the middle and the rightmost facts: a label has no room on one side or on either
    for box in (boxes[0], boxes[len(boxes) // 2], boxes[-1]):
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator('[data-testid="stPlotlyChart"] .hoverlayer .hovertext').first
        label.wait_for(timeout=10_000)
        page.wait_for_timeout(200)  # the label is put back inside on the next frame
        shown = label.bounding_box()
        assert shown["width"] > 120  # a real label, with its headline and date
        assert 0 <= shown["x"] and shown["x"] + shown["width"] <= 390, shown
        page.mouse.move(5, 5)
        page.wait_for_timeout(200)
    context.close()


def test_every_fact_on_the_chart_is_reachable_by_keyboard(shipped, browser):
    context, page = open_page(browser, shipped + "/?window=2025-01-01..2025-03-31")
    picker = page.get_by_label("facts on the chart", exact=False)
    picker.focus()
    page.keyboard.type("2025-03-01")  # the list reads "date · sentence"
    page.keyboard.press("Enter")
    page.wait_for_selector(".nl-evidence", timeout=20_000)
    wait_until_idle(page)
    assert "2025-03-01" in page.locator(".nl-evidence").first.inner_text()
    assert "fact=" in wait_for_url(page, "fact=", chart=False)
    context.close()


def test_table_fills_and_wraps_and_downloads_follow_its_order(shipped, browser):
    import csv
    import io

    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(shipped + "/?tab=Table")
    wait_until_idle(page)
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    assert grid["height"] > 700  # not a fixed 460 px box
    page.get_by_text("Most sources first", exact=True).click()
    wait_for_url(page, "sort=Most", chart=False)
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    sources = [int(r["sources"]) for r in rows]
    assert sources == sorted(sources, reverse=True) and sources[0] >= 2
    assert all(r["title"] is not None for r in rows) and "fact_id" in rows[0]
    context.close()


@pytest.fixture(scope="module")
def dense(tmp_path_factory):
    from benchmarks.query_bench import write_store

    events, _ = write_store(tmp_path_factory.mktemp("dense"), 10_000)
    with streamlit_server(events) as url:
        yield url


def test_ten_thousand_events_read_as_a_density_per_lane(dense, browser):
    context, page = open_page(browser, dense)
    cells = page.evaluate(f"""() => document.querySelector('{CHART}')._fullData.filter(t => t.type === 'bar')
        .map(t => ({{colour: t.marker.color, opacity: Array.from(t.marker.opacity), n: t.customdata.length}}))""")
    assert cells, "counted, not drawn one by one"
    assert len({c["colour"] for c in cells}) >= 3  # coloured by what dominates, not a grid of grey
    opacities = [o for c in cells for o in c["opacity"]]
    assert max(opacities) == 1.0 and min(opacities) < 0.6  # busy periods stand out
    assert "counted per" in page.get_by_text("dated facts from").first.inner_text()
    context.close()


@pytest.fixture(scope="module")
def reaching_today(tmp_path_factory):
    from datetime import date, timedelta

    import pandas as pd

    from support.rows import event_row
    from newsline.model import EVENT_COLUMNS
    from newsline.store import write_events

    today = date.today()
    rows = [event_row(f"a{i}", f"Talks were held on {d:%B %d, %Y} in Caracas.", f"{d:%B %d, %Y}", d.isoformat(),
                      d.isoformat(), d.isoformat(), "day", actors=["Venezuela"], topics=["diplomacy-talks"])
            for i, d in enumerate([today - timedelta(days=900), today - timedelta(days=200), today - timedelta(days=3)])]
    rows.append(event_row("plan", "Elections are due in 2031, the government said.", "2031", "2031", "2031-01-01",
                          "2031-12-31", "year", tense="future", actors=["Venezuela"], topics=["elections"]))
    path = tmp_path_factory.mktemp("today") / "events.parquet"
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    with streamlit_server(path) as url:
        yield url, today


def test_one_year_ends_today_when_the_facts_run_past_it(reaching_today, browser):
    from datetime import timedelta

    url, today = reaching_today
    context, page = open_page(browser, url)
    page.get_by_role("button", name="1Y", exact=True).click()
    wait_for_url(page, "window=")
    lo, hi = x_range(page)
    assert hi == today.isoformat()  # not 2031-12-31, the announced election
    assert lo == (today - timedelta(days=365)).isoformat()
    context.close()


def paste_article(page, text: str, published: str | None = None) -> None:
    """Paste one article on the Add articles tab (with its publication date, if given) and read it."""
    page.get_by_role("tab", name="Add articles").click()
    wait_until_idle(page)
    page.get_by_role("textbox", name="Article text", exact=True).fill(text)
    if published:
        page.get_by_role("textbox", name="Publication date", exact=True).fill(published)
    page.keyboard.press("Tab")
    wait_until_idle(page)
    page.get_by_role("button", name="Read articles").click()
    page.get_by_text("1 article read.").wait_for(timeout=30_000)


def click_fact(page, words: str) -> None:
    """Click the chart's marker of the fact whose hover holds ``words``, as a reader does."""
    page.locator(CHART).first.scroll_into_view_if_needed()
    at = page.evaluate("""words => {
        for (const g of document.querySelectorAll('[data-testid="stPlotlyChart"] .scatterlayer .trace')) {
            const trace = g.__data__?.[0]?.trace;
            if (!trace?.hovertext || trace.hoverinfo === 'skip') continue;
            for (const p of g.querySelectorAll('.points path')) {
                if (String(trace.hovertext[p.__data__.i]).replace(/<br>/g, ' ').includes(words)) {
                    const r = p.getBoundingClientRect();
                    return [r.x + r.width / 2, r.y + r.height / 2];
                }
            }
        }
        return null;
    }""", words)
    assert at, f"no marker for {words!r}"
    page.mouse.click(*at)


def test_the_share_popover_says_a_visitors_own_fact_will_not_travel(shipped, browser):
    context, page = open_page(browser, shipped)
    paste_article(page, "Envoy returns\n\nThe envoy returned to Caracas on March 3, 2024, officials said on Tuesday.",
                  published="2024-03-05")
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("marked ☆ on the timeline").wait_for(timeout=60_000)
    page.get_by_role("tab", name="Timeline").click()
    wait_until_idle(page, chart=True)
    click_fact(page, "envoy returned")
    page.wait_for_function("() => location.search.includes('fact=')", timeout=20_000)
    wait_until_idle(page)
    page.get_by_role("button", name="Share this view").click()
    assert page.get_by_text("someone opening the link will not see it").first.is_visible()
    context.close()


def test_the_headline_and_outlet_fields_apply_to_an_uploaded_file(shipped, browser, tmp_path):
    import json

    upload = tmp_path / "envoy.json"
    upload.write_text(json.dumps({"text": "The envoy returned to Caracas on March 3, 2024, officials said."}))
    context, page = open_page(browser, shipped)
    page.get_by_role("tab", name="Add articles").click()
    wait_until_idle(page)
    # (one field at a time, each committed before the next: a rerun under load must not race the typing)
    for name, value in (("Headline", "Envoy returns"), ("Outlet", "Caribbean Wire"), ("Publication date", "2024-03-05")):
        field = page.get_by_role("textbox", name=name, exact=True)
        field.fill(value)
        field.press("Tab")
        wait_until_idle(page)
        expect(page.get_by_role("textbox", name=name, exact=True)).to_have_value(value)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    page.get_by_text("envoy.json").first.wait_for()
    wait_until_idle(page)
    page.get_by_role("button", name="Read articles").click()
    page.get_by_text("1 article read.").wait_for(timeout=30_000)
    assert page.get_by_text("Envoy returns — Caribbean Wire", exact=False).count() == 1  # not "unknown outlet"
    context.close()


def test_an_article_without_a_date_is_asked_for_one_before_extraction(shipped, browser):
    context, page = open_page(browser, shipped)
    paste_article(page, "Talks resume\n\nNegotiators met again last Sunday in Bridgetown, officials said.")
    asked = page.get_by_text("No date known").first
    asked.wait_for(state="visible", timeout=30_000)  # the read articles' panel may still be drawing
    assert asked.is_visible()  # asked, not silently left unresolved
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("give its publication date").first.wait_for(timeout=30_000)
    assert page.get_by_text("marked ☆ on the timeline").count() == 0
    page.get_by_role("textbox", name="Published", exact=True).fill("2024-03-05")
    page.keyboard.press("Tab")
    wait_until_idle(page)
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("marked ☆ on the timeline").wait_for(timeout=60_000)
    context.close()
