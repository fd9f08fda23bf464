"""How fast the dashboard reacts to a filter change, and how big its chart gets.

    .venv/bin/python benchmarks/dashboard_bench.py [--sizes 1000 10000 100000] [--repeat 5]

For each size the script writes a synthetic store (the event table with realistic
columns, actors, topics and a mix of precisions over 25 years, and a fact table merging
about a fifth of the events; ``query_bench.write_store``), runs app.py in Streamlit's
AppTest (the same script runner the server uses, without a browser), and reports:

- first run: opening the store and the page's first queries (cached afterwards), a visit's first
  run, which draws the page down to its chart (the sidebar's controls come on the next run);
- filter rerun: median server-side time of a rerun after a filter change
  (actor, topic, search, precision toggle, tense, "confirmed by at least 2
  sources"; each one new, so nothing is served from a cache);
- window rerun: a rerun after narrowing the visible window to the year 2012;
- figure payload: bytes of the Plotly figure sent to the browser, for the
  default window (all 25 years) and for that one-year window.

The target is a filter rerun under 300 ms at 10k events.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


sys.path.insert(0, str(ROOT / "benchmarks"))
from components.first_run import DONE as PAGE_COMPLETE  # noqa: E402
from query_bench import ACTORS, write_store  # noqa: E402


def timed_run(at) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return elapsed


def payload(at) -> tuple[int, str]:
    charts = at.get("plotly_chart")
    if not charts:
        return 0, "none"
    spec = charts[0].proto.spec
    mode = "counts" if '"bin:' in spec else ("webgl" if '"scattergl"' in spec else "svg")
    return len(spec.encode()), mode


def bench(n: int, repeat: int) -> dict:
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:
        path, _ = write_store(Path(folder), n)
        os.environ["NEWSLINE_EVENTS"] = str(path)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        first = timed_run(at)
        default_bytes, default_mode = payload(at)
        # The run a browser starts once it shows the chart, which draws the sidebar's controls
        # (first_run; AppTest runs no component, so its report is given here).
        at.session_state[PAGE_COMPLETE] = True
        timed_run(at)

        changes = [
            lambda: at.multiselect(key="actor").set_value([ACTORS[0]]),
            lambda: at.multiselect(key="topic").set_value(["oil-sanctions"]),
            lambda: at.text_input(key="q").set_value("sanctions"),
            lambda: at.toggle(key="hide_year").set_value(True),
            lambda: at.radio(key="tense").set_value("Past"),
            lambda: at.multiselect(key="actor").set_value([ACTORS[1], ACTORS[2]]),
            lambda: at.text_input(key="q").set_value("oil embassy"),
            lambda: at.multiselect(key="topic").set_value([]),
            lambda: at.number_input(key="min_sources").set_value(2),
        ]
        times = []
        for change in changes[: max(repeat, 1)]:
            change()
            times.append(timed_run(at))
        # A one-year window: single events, no counting.
        at.multiselect(key="actor").set_value([])
        at.text_input(key="q").set_value("")
        at.toggle(key="hide_year").set_value(False)
        at.radio(key="tense").set_value("All")
        at.number_input(key="min_sources").set_value(1)
        timed_run(at)
        at.slider(key="window").set_value((date(2012, 1, 1), date(2012, 12, 31)))
        one_year = timed_run(at)
        year_bytes, year_mode = payload(at)
    return {
        "events": n,
        "first run (s)": round(first, 2),
        "filter rerun median (ms)": round(statistics.median(times) * 1000),
        "filter rerun max (ms)": round(max(times) * 1000),
        "window rerun (ms)": round(one_year * 1000),
        "figure, default window (KB)": f"{default_bytes / 1024:,.0f} ({default_mode})",
        "figure, one-year window (KB)": f"{year_bytes / 1024:,.0f} ({year_mode})",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=9, help="filter changes to time (at most 9)")
    args = parser.parse_args()
    results = [bench(n, args.repeat) for n in args.sizes]
    headers = list(results[0])
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in results:
        print("| " + " | ".join(f"{row[h]:,}" if isinstance(row[h], int) else str(row[h]) for h in headers) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
