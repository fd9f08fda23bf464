"""docs/architecture.md tells the truth: every file and name its "Where to find…" table points at exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def table_rows() -> list[str]:
    section = ARCHITECTURE.split("## Where to find…", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| what")]


def test_every_place_in_the_table_exists_and_defines_what_it_names():
    rows = table_rows()
    assert len(rows) >= 10
    for row in rows:
        where = row.split(" | ", 1)[1]
        # "`file` (`name`, `name`)": each name is defined in the file named last before it.
        current = None
        for token in re.findall(r"`([^`]+)`", where):
            if "/" in token:
                current = ROOT / token
                assert current.exists(), (row, token)
                continue
            assert current is not None and current.is_file(), (row, token)
            text = current.read_text(encoding="utf-8")
            defined = rf"^(?:def |class )?{re.escape(token)}\b|^    def {re.escape(token)}\b"
            assert re.search(defined, text, re.MULTILINE), f"{token} is not defined in {current.relative_to(ROOT)}"


def test_the_four_things_a_newcomer_looks_for_are_one_row_each():
    rows = [row.split(" | ", 1)[0] for row in table_rows()]
    for thing in ("a date rule", "an alias", "a chart option", "a filter"):
        assert sum(thing in row for row in rows) == 1, thing
