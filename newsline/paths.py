"""Where shipped data lives: the repository's data/ folder unless overridden."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("NEWSLINE_DATA") or Path(__file__).resolve().parent.parent / "data")
EVENTS_PATH = Path(os.environ.get("NEWSLINE_EVENTS") or DATA_DIR / "events.parquet")
