"""The `newsline` command: extract, build, evaluate.

Every problem with an input reaches the user as one line naming the file; good
files in the same batch are still processed, and a table already on disk is
only ever replaced whole, by an atomic write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import NewslineError
from .paths import DATA_DIR, EVENTS_PATH

PROGRESS_AFTER = 3  # files; fewer than this and a progress bar is noise


def _say(message: str) -> None:
    print(f"newsline: {message}", file=sys.stderr)


def extract_paths(paths, published=None, progress=True):
    """Events of every readable article under ``paths``, with error and warning lines."""
    from tqdm import tqdm

    from .events import extract_events
    from .ingest import find_inputs, load_file

    files = find_inputs(paths)
    rows, errors, warnings, articles = [], [], [], 0
    bar = tqdm(files, unit="file", disable=not progress or len(files) <= PROGRESS_AFTER, file=sys.stderr)
    for path in bar:
        try:
            loaded = load_file(path, published=published)
        except NewslineError as exc:
            errors.append(str(exc))
            continue
        except Exception as exc:  # an input must never take the whole batch down
            errors.append(f"{path}: could not be read ({exc.__class__.__name__}: {exc})")
            continue
        warnings.extend(getattr(loaded, "warnings", []))
        for article in loaded:
            warnings.extend(article.warnings)
            try:
                rows.extend(extract_events(article))
                articles += 1
            except Exception as exc:
                errors.append(f"{path}: extraction failed ({exc.__class__.__name__}: {exc})")
    return rows, errors, warnings, articles, len(files)


def _write(rows, out: Path) -> None:
    from .store import to_frame, write_events

    write_events(to_frame(rows), out)


def cmd_extract(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".jsonl", ".csv", ".parquet"):
        raise NewslineError(out, "unknown output format (use .jsonl, .csv or .parquet)")
    if args.published:
        from .ingest import normalise_published

        normalise_published(args.published, where="--published")
    rows, errors, warnings, articles, files = extract_paths(args.paths, args.published)
    for line in errors + warnings:
        _say(line)
    if files == 0:
        raise NewslineError(" ".join(args.paths), "no article files found (.txt, .md, .html, .json, .jsonl)")
    if articles == 0:
        _say(f"no article could be read; {out} left unchanged")
        return 1
    _write(rows, out)
    _say(f"{len(rows)} events from {articles} articles written to {out}")
    return 1 if errors else 0


def cmd_build(args) -> int:
    sources = [Path(args.articles)] + [Path(c) for c in args.corpus]
    for source in sources:
        if not source.is_dir():
            raise NewslineError(source, "not a folder of articles")
    rows, errors, warnings, articles, files = extract_paths(sources)
    for line in errors + warnings:
        _say(line)
    if articles == 0:
        _say(f"no article could be read; {args.out} left unchanged")
        return 1
    _write(rows, Path(args.out))
    _say(f"{len(rows)} events from {articles} articles written to {args.out}")
    return 1 if errors else 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report

    for folder in (args.gold_dir, args.articles_dir):
        if not Path(folder).is_dir():
            raise NewslineError(folder, "not a folder")
    results = evaluate(Path(args.gold_dir), Path(args.articles_dir))
    print(format_report(results))
    if args.misses:
        print("\nwhere newsline differs from the gold:")
        for label, kind, pos, gold, pred in results["newsline"]["all"].misses:
            print(f"  {label}: {kind} at {pos}: gold={gold} newsline={pred}")
    return 0


def cmd_show(args) -> int:
    from .store import read_events

    frame = read_events(args.table)
    if args.article:
        frame = frame[frame["article_id"] == args.article]
    for row in frame.itertuples():
        value = row.value or "unresolved"
        actors = ", ".join(row.actors)
        print(f"{value:24} {row.date_text!r:32} {row.article_id[:36]:36} {actors}")
    print(f"{len(frame)} events", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsline", description="Dated events from news text.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract events from article files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", required=True, help="output file: .jsonl, .csv or .parquet")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs without one")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("build", help="rebuild the shipped event table")
    p.add_argument("--articles", default=str(DATA_DIR / "articles"), help="folder of shipped articles")
    p.add_argument("--corpus", action="append", default=[], metavar="DIR", help="another folder of articles")
    p.add_argument("--out", default=str(EVENTS_PATH), help="table to write (default: data/events.parquet)")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("evaluate", help="score against gold events, beside naive search_dates")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("articles_dir", metavar="ARTICLES_DIR")
    p.add_argument("--misses", action="store_true", help="list every difference from the gold")
    p.set_defaults(run=cmd_evaluate)

    p = sub.add_parser("show", help="print an event table")
    p.add_argument("table", nargs="?", default=str(EVENTS_PATH))
    p.add_argument("--article", help="only this article id")
    p.set_defaults(run=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except NewslineError as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted; nothing was written")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
