"""Where the seed and the development corpus are: ``shared/`` beside the repository."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSLINE_SHARED") or ROOT.parent / "shared")
SEED_TXT = SHARED / "seed" / "000_45733d0834079ab8.txt"
CORPUS_ARTICLES = SHARED / "corpus" / "articles"
CORPUS_GOLD = SHARED / "corpus" / "gold"
ARCHIVE_ARTICLES = SHARED / "archive" / "articles"
