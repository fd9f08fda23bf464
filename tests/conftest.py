"""Fixtures shared by the dashboard tests (app and browser).

The tests never read the shipped data/events.parquet: they write a small, realistic event
table (``support.rows``) to a temporary folder and point NEWSLINE_EVENTS at it. Test modules
import helpers from ``tests/support``, never from here or from each other.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsline.model import EVENT_COLUMNS
from newsline.store import write_events, write_facts
from support.rows import facts_of, sample_rows, store_rows


@pytest.fixture
def events_file(tmp_path, monkeypatch) -> Path:
    """The sample table as Parquet, and NEWSLINE_EVENTS pointing at it."""
    path = tmp_path / "events.parquet"
    write_events(pd.DataFrame(sample_rows(), columns=EVENT_COLUMNS), path)
    monkeypatch.setenv("NEWSLINE_EVENTS", str(path))
    return path


@pytest.fixture
def facts_store(tmp_path, monkeypatch) -> tuple[Path, dict, dict]:
    """The sample events plus corroborating ones, and a fact table merging them; NEWSLINE_EVENTS set."""
    rows = store_rows()
    path = tmp_path / "events.parquet"
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    boats, alien, facts = facts_of(rows)
    write_facts(facts, tmp_path / "facts.parquet")
    monkeypatch.setenv("NEWSLINE_EVENTS", str(path))
    return path, boats, alien


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per browser test module."""
    from playwright.sync_api import sync_playwright

    from scripts.screenshots import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
