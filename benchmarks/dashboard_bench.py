"""How fast the dashboard reacts to a filter change, and how big its chart gets.

    .venv/bin/python benchmarks/dashboard_bench.py [--sizes 1000 10000 100000] [--repeat 5]

For each size the script writes a synthetic event table (realistic columns,
actors, topics and a mix of precisions over 25 years), runs app.py in
Streamlit's AppTest (the same script runner the server uses, without a
browser), and reports:

- first run: loading and preparing the table (cached afterwards);
- filter rerun: median server-side time of a rerun after a filter change
  (actor, topic, search, precision toggle, tense; each one new, so nothing
  is served from the filter cache);
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

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsline.model import EVENT_COLUMNS  # noqa: E402
from newsline.store import write_events  # noqa: E402

ACTORS = ["Nicolás Maduro", "Donald Trump", "Joe Biden", "Juan Guaidó", "María Corina Machado",
          "Edmundo González Urrutia", "Venezuela", "United States", "Venezuelan opposition", "Chevron",
          "Citgo", "PDVSA", "OPEC", "United Nations", "European Union", "Diosdado Cabello", "Marco Rubio",
          "Pete Hegseth", "Delcy Rodríguez", "Tren de Aragua"]
TOPICS = ["elections", "oil-sanctions", "migration-deportation", "diplomacy-talks", "military",
          "justice-prisoners", "security-crime", "economy", "human-rights"]
OUTLETS = ["Reuters", "Associated Press", "El País", "CNN", "Miami Herald", "NPR", "CBS News", "BBC",
           "Bloomberg", "The Guardian", "El Nacional", "Efecto Cocuyo"]
WORDS = ("the government said sanctions oil talks Caracas Washington election opposition migrants "
         "flights embassy license prisoners exchange military boats strike court charges").split()


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """n events spread over 2000–2025 with the table's columns and realistic value shapes."""
    rng = np.random.default_rng(seed)
    base = pd.Timestamp("2000-01-01")
    day = base + pd.to_timedelta(rng.integers(0, 365 * 26, n), unit="D")
    kind = rng.choice(["day", "month", "year", "range", "unresolved"], n, p=[0.55, 0.15, 0.15, 0.07, 0.08])
    rows = []
    for i in range(n):
        d = day[i]
        g = kind[i]
        if g == "day":
            start = end = d
            value = d.strftime("%Y-%m-%d")
        elif g == "month":
            start, end = d.replace(day=1), d + pd.offsets.MonthEnd(0)
            value = d.strftime("%Y-%m")
        elif g == "year":
            start, end = d.replace(month=1, day=1), d.replace(month=12, day=31)
            value = d.strftime("%Y")
        elif g == "range":
            start, end = d, d + pd.Timedelta(days=int(rng.integers(30, 1500)))
            value = f"{start:%Y-%m-%d}/{end:%Y-%m-%d}"
        else:
            start = end = None
            value = None
        words = " ".join(rng.choice(WORDS, 18))
        date_text = value or "that day"
        sentence = f"On {date_text} {words}."
        n_actors = int(rng.integers(0, 4))
        rows.append({
            "event_id": f"{i:016x}",
            "article_id": f"article-{i // 6}",
            "url": f"https://news.example.org/{i // 6}",
            "title": f"Article {i // 6}: {' '.join(rng.choice(WORDS, 6))}",
            "source": OUTLETS[int(rng.integers(0, len(OUTLETS)))],
            "published": (d + pd.Timedelta(days=int(rng.integers(0, 30)))).strftime("%Y-%m-%d"),
            "language": "en",
            "date_text": date_text,
            "date_char_start": 3,
            "date_char_end": 3 + len(date_text),
            "value": value,
            "date_start": start.strftime("%Y-%m-%d") if start is not None else None,
            "date_end": end.strftime("%Y-%m-%d") if end is not None else None,
            "granularity": g,
            "resolution": "explicit" if g != "unresolved" else "unresolved",
            "rule": "synthetic",
            "tense": ["past", "past", "future", "present"][i % 4],
            "sentence": sentence,
            "sentence_char_start": 0,
            "sentence_char_end": len(sentence),
            "actors": list(rng.choice(ACTORS, n_actors, replace=False)),
            "topics": list(rng.choice(TOPICS, int(rng.integers(0, 3)), replace=False)),
            "confidence": float(rng.uniform(0.5, 1.0)),
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


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
        path = Path(folder) / "events.parquet"
        write_events(synthetic_events(n), path)
        os.environ["NEWSLINE_EVENTS"] = str(path)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        first = timed_run(at)
        default_bytes, default_mode = payload(at)

        changes = [
            lambda: at.multiselect(key="actor").set_value([ACTORS[0]]),
            lambda: at.multiselect(key="topic").set_value(["oil-sanctions"]),
            lambda: at.text_input(key="q").set_value("sanctions"),
            lambda: at.toggle(key="hide_year").set_value(True),
            lambda: at.radio(key="tense").set_value("Past"),
            lambda: at.multiselect(key="actor").set_value([ACTORS[1], ACTORS[2]]),
            lambda: at.text_input(key="q").set_value("oil embassy"),
            lambda: at.multiselect(key="topic").set_value([]),
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
    parser.add_argument("--repeat", type=int, default=8, help="filter changes to time (at most 8)")
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
