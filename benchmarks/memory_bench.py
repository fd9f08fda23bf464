"""Peak memory of `newsline extract` against the number of dates and the length of their sentence.

    .venv/bin/python benchmarks/memory_bench.py                 # the table in docs/reliability.md
    .venv/bin/python benchmarks/memory_bench.py --dates 500 2000 --lengths 10000

Every event row carries its sentence, so a text shaped to blow memory up is one long sentence
full of dates ("The talks happened on 1 May 2020, 1 May 2020, ..."): with whole sentences
stored, memory grew as dates x sentence length. Each case runs the command in a fresh process
(a JSON Lines output, the same as a Parquet one up to the writer) and reads that process's peak
resident set from the kernel (``wait4``). Beside each hostile case, its peer: the same number
of dates, one per ordinary sentence. Bounded growth means the two columns stay close and
neither grows with the sentence.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATE = "1 May 2020, "
FILLER = "and officials said little about it, "


def one_sentence(dates: int, length: int = 0) -> str:
    """One sentence holding ``dates`` dates, padded with words to ``length`` characters."""
    body = DATE * dates
    if length > len(body):
        pad = FILLER * ((length - len(body)) // len(FILLER) + 1)
        body = pad[: (length - len(body)) // 2] + body + pad[: (length - len(body)) // 2]
    return "Dates\n\nThe talks happened on " + body + "and then ended.\n"


def ordinary(dates: int) -> str:
    return "Dates\n\n" + "The talks happened on 1 May 2020. " * dates + "\n"


def peak_rss_mb(text: str, folder: Path) -> tuple[float, float, int]:
    """(peak resident set in MB, seconds, rows written) of one `newsline extract` run."""
    source = folder / "article.txt"
    out = folder / "events.jsonl"
    source.write_text(text, encoding="utf-8")
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsline.cli", "extract", str(source), "--out", str(out),
                             "--published", "2024-01-01"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}) on {len(text):,} characters")
    rows = sum(1 for _ in out.open(encoding="utf-8"))
    return usage.ru_maxrss / 1024, seconds, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dates", type=int, nargs="*", default=[500, 2_000, 5_000, 10_000, 50_000])
    parser.add_argument("--lengths", type=int, nargs="*", default=[10_000, 100_000, 1_000_000],
                        help="sentence lengths (characters) for the second table, 500 dates each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline, _, _ = peak_rss_mb("Envoy\n\nThe envoy returned on March 3, 2024.\n", folder)
        print(f"baseline (one short article): {baseline:.0f} MB\n")
        print("| dates | one sentence: peak MB | s | rows | peer, one date per sentence: peak MB | s | rows |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in args.dates:
            hostile = peak_rss_mb(one_sentence(n), folder)
            peer = peak_rss_mb(ordinary(n), folder)
            print(f"| {n:,} | {hostile[0]:.0f} | {hostile[1]:.1f} | {hostile[2]:,} "
                  f"| {peer[0]:.0f} | {peer[1]:.1f} | {peer[2]:,} |", flush=True)
        print("\n| sentence length (500 dates) | peak MB | s | rows |")
        print("|---:|---:|---:|---:|")
        for length in args.lengths:
            mb, seconds, rows = peak_rss_mb(one_sentence(500, length), folder)
            print(f"| {length:,} | {mb:.0f} | {seconds:.1f} | {rows:,} |", flush=True)


if __name__ == "__main__":
    main()
