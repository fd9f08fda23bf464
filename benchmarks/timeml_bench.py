"""TimeML tagging speed: Newsline against dateparser's search_dates, in the same run.

    .venv/bin/python benchmarks/timeml_bench.py                     # TimeBank EN and ES train
    .venv/bin/python benchmarks/timeml_bench.py --repeat 3 FOLDER...

Two figures, each with the peer measured in the same run:

* throughput: every document of each TimeML folder tagged in this one process (documents/s),
  Newsline's tagger and ``search_dates`` with the document's language and creation time given
  (the fair use); both are warmed up on one document before the clock starts. Reading the
  files is outside the clock for both. The clock is this process's CPU time, so that other
  work on a shared machine does not count against either (wall time is printed beside it).
* start-up: a new process that reads one TimeML document and tags it, from launch to exit:
  ``newsline timeml ONE.tml --out DIR`` against a script that calls ``search_dates`` on the
  same document (``python -c``), best of ``--repeat``, as CPU time of the child (user + system)
  and wall time.

The development corpora are read in place from ../shared/benchmarks/timeml/ and never copied.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsline import timeml  # noqa: E402
from newsline.timeml_eval import newsline_marks, search_dates_marks  # noqa: E402

SHARED = Path(os.environ.get("NEWSLINE_SHARED") or ROOT.parent / "shared")
DEFAULT = [SHARED / "benchmarks" / "timeml" / "timebank-en", SHARED / "benchmarks" / "timeml" / "timebank-es-train"]

SEARCH_DATES_SCRIPT = """
import sys, warnings
from datetime import datetime
from newsline import timeml
doc = timeml.read(sys.argv[1])
from dateparser.search import search_dates
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    search_dates(doc.text, languages=[sys.argv[2]], settings={"RELATIVE_BASE": datetime.fromisoformat(doc.dct)})
"""


def throughput(folder: Path, repeat: int) -> dict:
    docs = [timeml.read(p) for p in sorted(folder.glob("*.tml"))]
    language = "es" if "-es" in folder.name else "en"
    out = {"documents": len(docs), "language": language}
    for name, run in (("newsline", newsline_marks), ("search_dates", search_dates_marks)):
        run(docs[0], language)  # rules, models and caches load before the clock starts
        best, wall = float("inf"), float("inf")
        for _ in range(repeat if name == "newsline" else 1):
            started, started_wall = time.process_time(), time.perf_counter()
            for doc in docs:
                run(doc, language)
            best = min(best, time.process_time() - started)
            wall = min(wall, time.perf_counter() - started_wall)
        out[name], out[name + " wall"] = len(docs) / best, len(docs) / wall
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup(document: Path, language: str, repeat: int) -> dict:
    python = sys.executable
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "newsline": [python, "-m", "newsline.cli", "timeml", str(document), "--out", tmp, "--language", language],
            "search_dates": [python, "-c", SEARCH_DATES_SCRIPT, str(document), language],
        }
        for name, command in commands.items():
            best, wall = float("inf"), float("inf")
            for _ in range(repeat):
                cpu, started = _children_cpu(), time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
                wall = min(wall, time.perf_counter() - started)
                best = min(best, _children_cpu() - cpu)
            out[name], out[name + " wall"] = best, wall
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("documents/s, CPU time of this process (wall time in brackets)")
    print(f"{'folder':20}{'docs':>6}{'newsline':>18}{'search_dates':>18}{'ratio':>8}")
    for folder in args.folders:
        r = throughput(folder, args.repeat)
        ours = f"{r['newsline']:.0f} ({r['newsline wall']:.0f})"
        theirs = f"{r['search_dates']:.0f} ({r['search_dates wall']:.0f})"
        print(f"{folder.name:20}{r['documents']:>6}{ours:>18}{theirs:>18}{r['newsline'] / r['search_dates']:>7.1f}x")
    one = sorted(args.folders[0].glob("*.tml"))[0]
    s = startup(one, "es" if "-es" in args.folders[0].name else "en", args.repeat)
    print(f"\nstart a process and tag one document ({one.name}), best of {args.repeat}, CPU s (wall s):")
    print(f"  newsline timeml   {s['newsline']:.2f} ({s['newsline wall']:.2f})")
    print(f"  search_dates      {s['search_dates']:.2f} ({s['search_dates wall']:.2f})")


if __name__ == "__main__":
    main()
