"""A hostile article in a real Chromium: no script runs, no element from the article is created.

The test starts its own Streamlit server on a free loopback port with NEWSLINE_EVENTS
pointing at a table whose only article is hostile: ``<script>``, ``<img onerror>``, an
iframe, an SVG ``onload``, a ``javascript:`` address, and markup in the title, the
outlet and an actor. Every payload would set ``window.__pwned`` and open a dialog if it
ran. The page is driven like a reader drives it (click a marker, hover, open the table,
paste and upload in the Add-articles tab), through Playwright and Debian's chromium.
"""

from __future__ import annotations


import pandas as pd
import pytest

from support.rows import event_row
from newsline.model import EVENT_COLUMNS
from newsline.store import write_events

from scripts.screenshots import streamlit_server, wait_until_idle

pytestmark = pytest.mark.browser

PWN = "window.__pwned = {tag!r}; alert({tag!r})"
TITLE = f'<script>{PWN.format(tag="title")}</script> Leaked memo <b class="planted">bold</b>'
OUTLET = f'<img src=x onerror="{PWN.format(tag="outlet")}"> Blog'
URL = f'javascript:{PWN.format(tag="url")}'
ACTOR = f'<a href="javascript:{PWN.format(tag="actor")}">Actor</a>'
SENTENCES = [
    f'On March 3, 2025, a source said <img src=x onerror="{PWN.format(tag="img")}"> and '
    f'<script>{PWN.format(tag="script")}</script> appeared.',
    f'A second note dated March 10, 2025 held <a href="javascript:{PWN.format(tag="link")}">a link</a>, '
    f'<iframe src="javascript:{PWN.format(tag="iframe")}"></iframe> and '
    f'<svg onload="{PWN.format(tag="svg")}"><circle r="9"/></svg>.',
]
DATES = ["March 3, 2025", "March 10, 2025"]

# Elements no article may create: the page's own markup has none of these.
PLANTED = ('img[src="x"], a[href^="javascript" i], iframe[src^="javascript" i], svg[onload], .planted, '
           '[onerror], [onload]')


def hostile_rows() -> list[dict]:
    rows = []
    for sentence, date_text in zip(SENTENCES, DATES):
        value = pd.Timestamp(date_text).strftime("%Y-%m-%d")
        rows.append(event_row("hostile-memo", sentence, date_text, value, value, value, "day",
                              actors=[ACTOR, "Diosdado Cabello"], topics=["security-crime"], source=OUTLET,
                              title=TITLE, url=URL, published="2025-03-11",
                              offset=200 * len(rows)))
    return rows


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "events.parquet"
    write_events(pd.DataFrame(hostile_rows(), columns=EVENT_COLUMNS), path)
    with streamlit_server(path) as url:
        yield url, path


class Watched:
    """A page whose dialogs are recorded (and dismissed) from the first script on."""

    def __init__(self, browser, **context):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, **context)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def assert_nothing_ran(self) -> None:
        assert self.dialogs == []
        assert self.page.evaluate("() => typeof window.__pwned") == "undefined"
        planted = self.page.evaluate(f"() => Array.from(document.querySelectorAll({PLANTED!r}), e => e.outerHTML)")
        assert planted == []
        # SVG links (Plotly draws hover labels and axis titles in SVG) carry their target in xlink:href.
        svg_links = self.page.evaluate(
            "() => Array.from(document.querySelectorAll('a'), a => a.getAttribute('href') || "
            "a.getAttribute('xlink:href') || '').filter(h => !/^(https?:|#|\\/|\\.|$)/i.test(h.trim()))")
        assert svg_links == []

    def close(self) -> None:
        self.context.close()


def click_a_marker(page) -> None:
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path').first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_selecting_the_hostile_event_runs_nothing_and_shows_the_markup_as_text(server, browser):
    url, _ = server
    watched = Watched(browser)
    page = watched.page
    page.goto(url)
    wait_until_idle(page, chart=True)
    assert page.get_by_text("events match the filters").first.inner_text().startswith("2 of 2")
    watched.assert_nothing_ran()

    # Hover first: Plotly renders its hover label as (a subset of) HTML.
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .points path').first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator('[data-testid="stPlotlyChart"] .hoverlayer .hovertext').first.wait_for()
    hover = page.locator('[data-testid="stPlotlyChart"] .hoverlayer').text_content()
    assert "<img src=x onerror=" in hover or "<script>" in hover or "<a href=" in hover  # shown, as text
    watched.assert_nothing_ran()

    click_a_marker(page)
    page.wait_for_selector(".nl-evidence", timeout=20_000)
    wait_until_idle(page)
    panel = page.locator(".nl-evidence").first.inner_text()
    chosen = next(i for i, sentence in enumerate(SENTENCES) if sentence in panel)  # the whole sentence, as text
    assert TITLE in panel and OUTLET in panel
    assert page.locator(".nl-evidence mark").first.inner_text() == DATES[chosen]
    assert page.locator(".nl-evidence a").count() == 0  # the javascript: address is not a link
    watched.assert_nothing_ran()

    page.get_by_role("tab", name="Table").click()
    wait_until_idle(page)
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    watched.assert_nothing_ran()
    watched.close()


def test_a_hostile_link_opens_a_working_page(server, browser):
    url, _ = server
    watched = Watched(browser)
    page = watched.page
    page.goto(f"{url}/?tab=%3Cscript%3Ealert(1)%3C/script%3E&actor=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
              "&fact=javascript:alert(1)&q=%3Csvg%20onload%3Dalert(1)%3E&zzz=%00")
    wait_until_idle(page)
    assert page.get_by_text("events match the filters").first.is_visible()
    assert page.get_by_text("Parts of this link no longer match the data").first.is_visible()
    watched.assert_nothing_ran()
    watched.close()


HOSTILE_PASTE = ("Talks resumed on March 3, 2024 in Caracas, <script>window.__pwned='paste'</script> officials "
                 "said, and <img src=x onerror=\"window.__pwned='paste-img'\"> the envoy returns next week.")
HOSTILE_FILE = (b"<!doctype html><html><head><title>&lt;img src=x onerror=alert(1)&gt; File</title>"
                b"<meta property=\"article:published_time\" content=\"2024-03-05\"></head>"
                b"<body onload=\"window.__pwned='body'\"><article><h1>File</h1><p>The vote was held on March 1, "
                b"2024 in Caracas, &lt;b class=planted&gt;officials&lt;/b&gt; said after a long count.</p>"
                b"<script>window.__pwned='file'</script></article></body></html>")


def test_pasted_and_uploaded_hostile_articles_are_read_as_text(server, browser):
    url, path = server
    before = path.read_bytes()
    watched = Watched(browser)
    page = watched.page
    page.goto(f"{url}/?tab=Add+articles")
    wait_until_idle(page)
    for name, value in [("Article text", HOSTILE_PASTE), ("Headline", TITLE), ("Outlet", OUTLET),
                        ("Web address", URL), ("Publication date", "2024-03-05")]:
        page.get_by_role("textbox", name=name, exact=True).fill(value)
        page.keyboard.press("Tab")  # commit the value, as a reader moving on does
        wait_until_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(files=[
        {"name": "memo.html", "mimeType": "text/html", "buffer": HOSTILE_FILE},
        {"name": "<img src=x onerror=alert(1)>.txt", "mimeType": "text/plain", "buffer": b""},
    ])
    page.get_by_text("memo.html").first.wait_for()
    page.get_by_role("button", name="Read articles").click()
    page.get_by_text("2 articles read.").wait_for(timeout=30_000)
    wait_until_idle(page)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "<img src=x onerror=alert(1)>.txt: empty file" in body  # the hostile file name, as text, one line
    assert f"{TITLE} — {OUTLET}" in body  # the pasted article's headline and outlet, as typed
    assert "is not an http(s) address; left out" in body  # the javascript: address is dropped, said in words
    watched.assert_nothing_ran()

    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("marked ☆ on the timeline").wait_for(timeout=60_000)
    wait_until_idle(page)
    watched.assert_nothing_ran()
    page.get_by_role("tab", name="Timeline").click()
    wait_until_idle(page, chart=True)
    assert " of 5 events match" in page.get_by_text("events match the filters").first.inner_text()
    watched.assert_nothing_ran()
    assert path.read_bytes() == before  # additions stay in the session
    watched.close()


def test_an_upload_over_the_cap_is_refused_by_the_browser_and_by_the_server(server, browser):
    url, _ = server
    watched = Watched(browser)
    page = watched.page
    uploads: list[tuple[str, str, dict]] = []
    page.on("request", lambda r: uploads.append((r.method, r.url, r.headers)) if "/_stcore/upload_file/" in r.url
            else None)
    page.goto(f"{url}/?tab=Add+articles")
    wait_until_idle(page)
    dropzone = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    dropzone.set_input_files(files=[{"name": "small.txt", "mimeType": "text/plain",
                                     "buffer": b"Small\n\nTalks resumed on March 3, 2024."}])
    page.get_by_text("small.txt").first.wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stFileUploaderFile\"] [role=progressbar]')")
    big = b"Big\n\n" + b"x" * (6 * 1024 * 1024)
    dropzone.set_input_files(files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": big}])
    page.get_by_text("File must be 5.0MB or smaller.").wait_for()
    puts = [(method, target, headers) for method, target, headers in uploads if method == "PUT"]
    assert len(puts) == 1  # only the small file was sent; the browser never sent the big one

    # A client that skips the browser's check: the same upload address, the big body. The server
    # refuses it by size (server.maxUploadSize = 5) while it streams in.
    _, target, headers = puts[0]
    token = headers.get("x-xsrftoken")
    answer = page.request.put(target, headers={"X-Xsrftoken": token},
                              multipart={"file": {"name": "big.txt", "mimeType": "text/plain", "buffer": big}})
    assert answer.status == 413
    small = page.request.put(target, headers={"X-Xsrftoken": token},
                             multipart={"file": {"name": "again.txt", "mimeType": "text/plain", "buffer": b"ok"}})
    assert small.status == 204  # the same request with a small body is accepted: it was the size
    watched.assert_nothing_ran()
    watched.close()
