"""Time from navigation to a visible chart: the dashboard against a minimal Streamlit + Plotly page.

    .venv/bin/python benchmarks/chart_visible_bench.py [--sizes 10000 100000] [--repeat 5] [--also SCRIPT ...]

Both pages are served by Streamlit on loopback in the same run and opened in Debian's Chromium
through Playwright, each time in a fresh browser context (no cache). The clock runs from
``page.goto`` to the first Plotly plot visible on the page: its SVG drawn with at least one trace,
not hidden (Streamlit's first, hidden draw at an unknown width does not count) and starting above
the fold. The peer is the smallest page of the same kind: one multiselect and a three-point
Plotly chart, measured the same way.

Stores: the shipped table (data/events.parquet) and synthetic stores of each size
(``query_bench.write_store``). The dashboard's caches are warmed by one visit before timing, as
a deployed app's are after its first visitor. Reported: the median of ``--repeat`` visits and its
ratio to the peer's median, measured between the dashboard's visits; beside it, the CPU time
the page's main thread (the renderer's, where React and Plotly run) spent until that moment,
which other work on a shared machine inflates far less than the wall time; and the load average
at the start and end of the run.

``--also`` serves other Streamlit scripts on the same stores (another checkout's ``app.py``, for
instance), measured the same way, interleaved with the two pages: a change compared with what it
changes in one run, under the same load (on a shared machine, runs minutes apart differ more than
most changes do).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from screenshots import launch, streamlit_server  # noqa: E402

MINIMAL_PAGE = '''
import plotly.graph_objects as go
import streamlit as st

st.multiselect("Actors", ["a", "b", "c"])
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
'''

# Visible: Streamlit first draws a chart hidden, before it knows the column's width, then again.
DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].some(el => {
    const svg = el.querySelector('.main-svg');
    if (!svg || el.querySelectorAll('.trace, .point').length === 0) return false;
    const box = svg.getBoundingClientRect();
    return getComputedStyle(svg).visibility === 'visible' && box.width > 0 && box.top < window.innerHeight;
})"""


def visit(browser, url: str) -> tuple[float, float]:
    """Seconds from navigation to a visible chart, and the main thread's CPU seconds until then."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=120_000, polling=20)
    elapsed = time.perf_counter() - started
    metrics = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
    context.close()
    return elapsed, metrics["ThreadTime"]


Medians = tuple[float, float]  # wall seconds, main-thread CPU seconds


def measure(browser, app_urls: list[str], peer_url: str, repeat: int) -> tuple[list[Medians], Medians]:
    """Medians (wall, main-thread CPU) of each dashboard's visits and of the peer's."""
    for url in app_urls:  # warm the dashboard's caches, as any visitor after the first finds them
        visit(browser, url)
    visit(browser, peer_url)
    ours: list[list[tuple[float, float]]] = [[] for _ in app_urls]
    peers = []
    for _ in range(repeat):  # interleaved: every page sees the same load on the machine
        peers.append(visit(browser, peer_url))
        for visits, url in zip(ours, app_urls):
            visits.append(visit(browser, url))
    return [_medians(visits) for visits in ours], _medians(peers)


def _medians(visits: list[tuple[float, float]]) -> Medians:
    return statistics.median(v[0] for v in visits), statistics.median(v[1] for v in visits)


def _load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--also", type=Path, nargs="*", default=[], metavar="SCRIPT",
                        help="other Streamlit scripts to measure on the same stores, in the same run")
    args = parser.parse_args()
    for script in args.also:
        if not script.is_file():
            parser.error(f"--also {script}: no such file")
    from playwright.sync_api import sync_playwright

    from query_bench import write_store

    with tempfile.TemporaryDirectory(prefix="newsline-chart-bench-") as tmp:
        folder = Path(tmp)
        peer_script = folder / "minimal.py"
        peer_script.write_text(MINIMAL_PAGE, encoding="utf-8")
        stores: list[tuple[str, Path | None]] = [("shipped", None)]
        for n in args.sizes:
            events, _ = write_store(folder / f"n{n}", n)
            stores.append((f"{n:,}", events))
        print(f"{_load()} at the start")
        scripts = [None] + [script.resolve() for script in args.also]
        for i, script in enumerate(scripts[1:], 1):
            print(f"dashboard {i}: {script}")
        print(f"{'store':>12} | dashboard (s) | minimal page (s) | ratio |"
              " main-thread CPU (s): dashboard | page | ratio")
        with sync_playwright() as playwright, streamlit_server(script=peer_script) as peer_url:
            browser = launch(playwright)
            for name, events in stores:
                with ExitStack() as servers:
                    app_urls = [servers.enter_context(streamlit_server(events, script=s)) for s in scripts]
                    results, peer = measure(browser, app_urls, peer_url, args.repeat)
                for i, ours in enumerate(results):
                    label = name if i == 0 else f"{name} ({i})"
                    print(f"{label:>12} | {ours[0]:13.2f} | {peer[0]:16.2f} | {ours[0] / peer[0]:4.2f}x |"
                          f" {ours[1]:29.2f} | {peer[1]:4.2f} | {ours[1] / peer[1]:4.2f}x", flush=True)
            browser.close()
        print(f"{_load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
