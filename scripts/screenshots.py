"""Regenerate docs/screenshots/ from the running app.

    .venv/bin/python scripts/screenshots.py [--events data/events.parquet]

Starts ``streamlit run app.py`` on a free loopback port, drives Debian's
Chromium through Playwright and writes:

- main.png      the timeline with filters (desktop width)
- evidence.png  facts confirmed by two or more sources, one selected: its evidence panel
                lists every source (a fact whose sources disagree on the date, if any)
- table.png     the table tab with downloads
- phone.png     the main view at phone width (390 px), scrolled to the chart
- phone-evidence.png  a selected fact's evidence at phone width
- dark.png      the page with a dark system preference
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(events: Path | None = None, script: Path | None = None):
    """A headless Streamlit serving app.py (or ``script``) on a free loopback port; yields its URL."""
    port = free_port()
    env = dict(os.environ)
    if events is not None:
        env["NEWSLINE_EVENTS"] = str(events)
    cmd = [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "app.py"),
           "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{output}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_until_idle(page, timeout: float = 30_000, chart: bool = False) -> None:
    """Until the app has rendered its page: header written, the rest of the page drawn after the
    chart (the sidebar's controls; hidden on a phone), no placeholder left, chart drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.get_by_text("events match the filters").first.wait_for(timeout=timeout)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Reset all filters").wait_for(
        state="attached", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && !(document.querySelector('[data-testid=\"stStatusWidget\"]')?.innerText || '').includes('Running')",
        timeout=timeout,
    )
    if chart:
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=timeout)
    page.wait_for_timeout(800)  # Plotly's transitions, widget fonts


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def pick_fact(events: Path) -> str | None:
    """A readable example for the evidence screenshot: a fact reported by several sources
    (one whose sources disagree on the date first), else a relative, day-precise event."""
    sys.path.insert(0, str(ROOT))
    from newsline.store import facts_path_for, read_events, read_facts

    facts_file = facts_path_for(events)
    if facts_file.exists():
        facts = read_facts(facts_file)
        merged = facts[facts["member_event_ids"].map(len) >= 2]
        if not merged.empty:
            ranked = merged.sort_values(["dates_disagree", "sources", "fact_id"], ascending=[False, False, True])
            return str(ranked.iloc[0]["fact_id"])
    frame = read_events(events)
    for resolution in ("relative", "year-inferred", "explicit"):
        rows = frame[(frame["resolution"] == resolution) & (frame["granularity"] == "day")
                     & (frame["actors"].map(len) > 1)]
        if not rows.empty:
            return str(rows.iloc[0]["event_id"])
    return str(frame.iloc[0]["event_id"]) if len(frame) else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=Path, default=ROOT / "data" / "events.parquet")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    fact = pick_fact(args.events)
    with streamlit_server(args.events) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        desktop = browser.new_page(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
        desktop.goto(url)
        wait_until_idle(desktop, chart=True)
        desktop.screenshot(path=str(OUT / "main.png"), full_page=False)

        desktop.goto(f"{url}/?min_sources=2&fact={fact}")
        wait_until_idle(desktop, chart=True)
        desktop.screenshot(path=str(OUT / "evidence.png"), full_page=False)

        desktop.goto(f"{url}/?tab=Table&fact={fact}")
        wait_until_idle(desktop)
        desktop.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=60_000)  # the grid loads last
        desktop.wait_for_timeout(1500)
        desktop.screenshot(path=str(OUT / "table.png"), full_page=False)

        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(url)
        wait_until_idle(phone, chart=True)
        phone.locator('[data-testid="stPlotlyChart"]').first.scroll_into_view_if_needed()
        phone.screenshot(path=str(OUT / "phone.png"))
        phone.goto(f"{url}/?fact={fact}")
        wait_until_idle(phone, chart=True)
        phone.wait_for_timeout(1500)  # the evidence scrolls into view
        phone.screenshot(path=str(OUT / "phone-evidence.png"))

        dark = browser.new_page(viewport={"width": 1440, "height": 1000}, color_scheme="dark")
        dark.goto(f"{url}/?fact={fact}")
        wait_until_idle(dark, chart=True)
        dark.screenshot(path=str(OUT / "dark.png"), full_page=False)
        browser.close()
    for name in ("main", "evidence", "table", "phone", "phone-evidence", "dark"):
        print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
