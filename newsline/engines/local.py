"""The local engine: every input extracted in this process, one after another."""

from __future__ import annotations

import sys

from . import Batch, FileTask, extract_batch

PROGRESS_AFTER = 3  # files; fewer than this and a progress bar is noise


def run_local(tasks: list[FileTask], published: str | None = None, progress: bool = True) -> list[Batch]:
    """One batch holding every task's rows, with a progress bar on stderr for larger runs."""
    from tqdm import tqdm

    with tqdm(total=len(tasks), unit="file", file=sys.stderr,
              disable=not progress or len(tasks) <= PROGRESS_AFTER) as bar:
        return [extract_batch(tasks, published, on_file=bar.update)]
