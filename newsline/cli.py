"""The `newsline` command: extract, build, merge, evaluate, query.

Each command opens its tables and calls the library; the reading commands share their
output options (``--format``).

Every problem with an input reaches the user as one line naming the file; good
files in the same batch are still processed, and a table already on disk is
only ever replaced whole, by an atomic write.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from .errors import NewslineError, one_line

PROGRESS_AFTER = 3  # files; fewer than this and a progress bar is noise


def _say(message: str) -> None:
    print(f"newsline: {one_line(message)}", file=sys.stderr)


def extract_paths(paths, published=None, progress=True):
    """Events of every readable article under ``paths``, with error and warning lines."""
    from tqdm import tqdm

    from .engines import extract_file, read_task, repeated_articles
    from .ingest import find_inputs

    files = find_inputs(paths)
    rows, errors, warnings, articles = [], [], [], 0
    seen: dict[str, str] = {}
    bar = tqdm(files, unit="file", disable=not progress or len(files) <= PROGRESS_AFTER, file=sys.stderr)
    for found in bar:
        result = extract_file(read_task(*found), published)
        repeated, lines = repeated_articles(result.name, [row["article_id"] for row in result.rows], seen)
        rows += [row for row in result.rows if row["article_id"] not in repeated]
        errors += result.errors
        warnings += result.warnings + lines
        articles += result.articles - len(repeated)
    return rows, errors, warnings, articles, len(files)


def _write(rows, out: Path) -> None:
    from .store import to_frame, write_events

    write_events(to_frame(rows), out)


def _update(args, paths, out: Path, dataset: bool, published=None) -> int:
    """Incremental update of a Parquet table or dataset (newsline.manifest), reported like a full run."""
    from .manifest import update_table

    if args.engine != "dask":
        for option in ("scheduler", "workers"):
            if getattr(args, option) is not None:
                raise NewslineError(f"--{option}", "only applies with --engine dask")
    report = update_table(paths, out, dataset=dataset, engine=args.engine, published=published,
                          scheduler=args.scheduler, workers=args.workers)
    for line in report.errors + report.warnings:
        _say(line)
    if report.files == 0:
        raise NewslineError(" ".join(map(str, paths)), "no article files found (.txt, .md, .html, .json, .jsonl)")
    if report.articles == 0:
        _say(f"no article could be read; {out} left unchanged")
        return 1
    if report.written:
        _say(f"{report.events} events from {report.articles} articles written to {out} ({report.summary()})")
    else:
        _say(f"{out} is up to date: {report.events} events from {report.articles} articles ({report.summary()})")
    return 1 if report.errors else 0


def _dataset_output(args, out: Path) -> bool:
    """--engine dask writes a partitioned Parquet dataset: --out names its folder."""
    from .engines.dataset import is_dataset

    if out.is_dir() and out.suffix.lower() in (".jsonl", ".csv"):
        raise NewslineError(out, f"is a folder; a {out.suffix.lower()} output is one file (give another name)")
    if args.engine == "dask" and out.suffix.lower() not in ("", ".parquet"):
        raise NewslineError(out, "--engine dask writes a Parquet dataset; give --out a folder (e.g. events/)")
    return args.engine == "dask" or is_dataset(out)


def _fetch_urls(urls, hosted: bool, published=None):
    """Events of the articles at ``urls`` (newsline.fetch), with error and warning lines."""
    from .events import extract_events
    from .fetch import fetch_article

    rows, errors, warnings, articles = [], [], [], 0
    for url in urls:
        try:
            article = fetch_article(url, hosted=hosted, published=published)
            rows.extend(extract_events(article))
        except NewslineError as exc:
            errors.append(str(exc))
            continue
        except Exception as exc:  # one address must never take the whole batch down
            errors.append(f"{url}: could not be fetched ({exc.__class__.__name__}: {exc})")
            continue
        warnings.extend(article.warnings)
        articles += 1
    return rows, errors, warnings, articles


def _extract_with_urls(args, out: Path, dataset: bool) -> int:
    """extract with --url: pages are fetched first, then written with the files' events."""
    from .fetch import hosted_from_env
    from .store import append_events, to_frame

    if dataset:
        raise NewslineError(out, "--url writes a .parquet, .jsonl or .csv file, not a dataset folder")
    rows, errors, warnings, articles = _fetch_urls(args.url, args.hosted or hosted_from_env(), args.published)
    for line in errors + warnings:
        _say(line)
    parquet = out.suffix.lower() == ".parquet"
    status = 1 if errors else 0
    if args.paths and parquet:
        status = max(status, _update(args, args.paths, out, False, args.published))
        if rows:
            added = append_events(to_frame(rows), out)
            _say(f"{added} events from {articles} fetched pages added to {out}")
        return status
    if args.paths:
        more, file_errors, file_warnings, file_articles, _ = extract_paths(args.paths, args.published)
        for line in file_errors + file_warnings:
            _say(line)
        rows, articles = rows + more, articles + file_articles
        status = max(status, 1 if file_errors else 0)
    if articles == 0:
        _say(f"no article could be read; {out} left unchanged")
        return 1
    _write(rows, out)
    _say(f"{len(rows)} events from {articles} articles written to {out}")
    return status


def cmd_extract(args) -> int:
    out = Path(args.out)
    if not args.paths and not args.url:
        raise NewslineError("extract", "give at least one PATH or --url")
    dataset = _dataset_output(args, out)
    if not dataset and out.suffix.lower() not in (".jsonl", ".csv", ".parquet"):
        raise NewslineError(out, "unknown output format (use .jsonl, .csv or .parquet)")
    if args.published:
        from .published import normalise_published

        args.published = normalise_published(args.published, where="--published")  # once, for every file
    if args.url:
        return _extract_with_urls(args, out, dataset)
    if dataset or out.suffix.lower() == ".parquet":
        return _update(args, args.paths, out, dataset, args.published)
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
    from .store import facts_path_for

    status = _update(args, sources, Path(args.out), dataset=False)
    if Path(args.out).exists():
        _merge(Path(args.out), Path(args.facts) if args.facts else facts_path_for(args.out))
    return status


def _merge(table: Path, out: Path) -> None:
    from .engines.dataset import is_dataset, read_dataset
    from .merge import merge_events
    from .store import read_events, write_facts

    events = read_dataset(table) if table.is_dir() or is_dataset(table) else read_events(table)
    facts = merge_events(events)
    write_facts(facts, out)
    merged = int((facts["articles"] > 1).sum())
    _say(f"{len(facts)} facts from {len(events)} events ({merged} stated by more than one article) "
         f"written to {out}")


def cmd_merge(args) -> int:
    from .store import facts_path

    _merge(Path(args.table), Path(args.out) if args.out else facts_path(args.table))
    return 0


def cmd_evaluate(args) -> int:
    if args.timeml:
        return _evaluate_timeml(args)
    from .evaluate import evaluate, format_report

    if not args.gold_dir or not args.articles_dir:
        raise NewslineError("evaluate", "give GOLD_DIR and ARTICLES_DIR, or --timeml GOLD_DIR")
    for folder in (args.gold_dir, args.articles_dir):
        if not Path(folder).is_dir():
            raise NewslineError(folder, "not a folder")
    coding = None
    if not args.no_coding:
        from .evaluate_coding import DEFAULT_SET

        archive = Path(args.archive) if args.archive else Path(args.articles_dir).resolve().parent.parent / "archive" / "articles"
        if DEFAULT_SET.is_dir() and archive.is_dir():
            coding = [Path(args.articles_dir), archive]
        elif args.archive:
            raise NewslineError(args.archive, "not a folder of articles")
    results = evaluate(Path(args.gold_dir), Path(args.articles_dir), coding)
    print(format_report(results))
    if args.misses:
        print("\nwhere newsline differs from the gold:")
        for label, kind, pos, gold, pred in results["newsline"]["all"].misses:
            print(f"  {label}: {kind} at {pos}: gold={gold} newsline={pred}")
    return 0


def _evaluate_timeml(args) -> int:
    from .timeml_eval import evaluate, format_report

    for folder in [args.timeml] + ([args.system] if args.system else []):
        if not Path(folder).is_dir():
            raise NewslineError(folder, "not a folder")
    misses = [] if args.misses else None
    results = evaluate(Path(args.timeml), args.language, Path(args.system) if args.system else None,
                       misses=misses)
    print(format_report(results))
    if misses:
        print("\nwhere newsline differs from the gold:")
        for doc, kind, gold, ours in misses:
            gold_text = f"{gold.type} {gold.value} [{gold.start}:{gold.end}]" if gold else "-"
            ours_text = f"{ours.type} {ours.value} [{ours.start}:{ours.end}]" if ours else "-"
            print(f"  {doc}: {kind}: gold={gold_text} newsline={ours_text}")
    return 0


def cmd_timeml(args) -> int:
    from .timeml import tag_files

    written, errors = tag_files(args.paths, Path(args.out), args.language)
    for line in errors:
        _say(f"error: {line}")
    _say(f"{written} TimeML documents written to {args.out}")
    if errors:
        return 2
    return 0


def _link(words: list[str]) -> tuple[str | None, dict[str, list[str]]]:
    """The table and the filters of ``newsline query``'s words: KEY=VALUE pairs, query strings
    ("actor=X&q=oil") or whole dashboard links; any other word names the table."""
    from urllib.parse import parse_qsl, urlsplit

    table, params = None, {}
    for word in words:
        if word.startswith(("http://", "https://", "./?", "?")) or "=" in word:
            query = urlsplit(word).query if "?" in word else word
            for key, value in parse_qsl(query, keep_blank_values=True):
                params.setdefault(key, []).append(value)
        elif table is None:
            table = word
        else:
            raise NewslineError(word, "a second table; filters are written KEY=VALUE, as in a dashboard link")
    return table, params


def query_link(table: str | Path | None, params: dict[str, list[str]], facts: bool = False):
    """What the dashboard shows for a link's filters: its events (or facts), and the notices."""
    from .filters import NO_ACTOR, dates_as_shown, read_link
    from .query import EventStore
    from .store import events_path, facts_path

    events = Path(table) if table else events_path()
    facts_file = facts_path(events)
    store = EventStore.open(events, facts_file if facts_file.exists() else None)
    q = store.query()
    facets = q.facets()
    flt, problems = read_link(params, {"actor": set(facets.actors) | {NO_ACTOR}, "topic": set(facets.topics),
                                       "outlet": set(facets.outlets)})
    lo, hi = dates_as_shown(flt.date_from, flt.date_to, facets.extent)
    flt = replace(flt, date_from=lo, date_to=hi)
    notices = list(store.notes)
    if problems:
        notices.append("parts of this link do not match the data and were ignored: " + "; ".join(problems))
    return (q.facts(flt) if facts else q.events(flt)), notices


def cmd_query(args) -> int:
    from .model import EVENT_COLUMNS
    from .store_sql import FACT_LIST_COLUMNS
    from .store import export

    table, params = _link(args.link)
    frame, notices = query_link(table, params, args.facts)
    for line in notices:
        _say(line)
    frame = frame.reindex(columns=list(FACT_LIST_COLUMNS) if args.facts else EVENT_COLUMNS + ["fact_id", "sources"])
    if args.format != "table":
        export(frame, args.format, sys.stdout, ("dates", "actors", "topics", "outlets"))
        return 0
    _print_table(frame, args.facts)
    return 0


def _print_table(frame, facts: bool) -> None:
    for row in frame.itertuples():
        value = row.value if isinstance(row.value, str) else "unresolved"
        if facts:
            print(f"{value:24} {row.sources:>2} src  {row.date_text!r:32} {', '.join(row.actors)}")
        else:
            print(f"{value:24} {row.date_text!r:32} {row.article_id[:36]:36} {', '.join(row.actors)}")
    print(f"{len(frame)} {'facts' if facts else 'events'}", file=sys.stderr)


def cmd_show(args) -> int:
    """``newsline query TABLE`` without filters, one article's events at most."""
    frame, notices = query_link(args.table, {})
    for line in notices:
        _say(line)
    if args.article:  # the whole id, or its readable part (the file's path) for every version of it
        from .ingest import article_file

        frame = frame[(frame["article_id"] == args.article) | (frame["article_id"].map(article_file) == args.article)]
    _print_table(frame, facts=False)
    return 0


def _workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number of workers, at least 1, not {text!r}")
    return int(text)


def _engine_options(p) -> None:
    """--engine, --scheduler, --workers (see docs/scaling.md); Parquet outputs update incrementally."""
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local (this process) or dask (a LocalCluster, or --scheduler's cluster)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler of an existing cluster (tcp://host:8786)")
    p.add_argument("--workers", type=_workers, metavar="N",
                   help="Dask workers: processes of the LocalCluster, or how many to wait for at --scheduler")


def build_parser() -> argparse.ArgumentParser:
    from .store import data_dir, events_path

    parser = argparse.ArgumentParser(prog="newsline", description="Dated events from news text.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract events from article files or folders, or pages by address")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--url", action="append", default=[], metavar="URL",
                   help="fetch the article at this http(s) address (repeatable)")
    p.add_argument("--hosted", action="store_true",
                   help="refuse addresses that resolve to loopback, private, link-local or metadata "
                        "addresses (also set by NEWSLINE_HOSTED=1)")
    p.add_argument("--out", required=True, help="output file: .jsonl, .csv or .parquet")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs without one")
    _engine_options(p)
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("build", help="rebuild the shipped event table")
    p.add_argument("--articles", default=str(data_dir() / "articles"), help="folder of shipped articles")
    p.add_argument("--corpus", action="append", default=[], metavar="DIR", help="another folder of articles")
    p.add_argument("--out", default=str(events_path()), help="table to write (default: data/events.parquet)")
    p.add_argument("--facts", help="fact table to write (default: facts.parquet beside --out)")
    _engine_options(p)
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("merge", help="merge events that state the same dated fact into a fact table")
    p.add_argument("table", nargs="?", default=str(events_path()), help="event table (file or dataset folder)")
    p.add_argument("--out", help="fact table to write (.parquet; default: facts.parquet beside the table)")
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser("evaluate", help="score against gold events, beside naive search_dates")
    p.add_argument("gold_dir", metavar="GOLD_DIR", nargs="?")
    p.add_argument("articles_dir", metavar="ARTICLES_DIR", nargs="?")
    p.add_argument("--timeml", metavar="GOLD_DIR",
                   help="score TIMEX3 tagging on TimeML gold (TempEval-3 rules), beside search_dates")
    p.add_argument("--system", metavar="DIR", help="with --timeml: score these `newsline timeml` outputs "
                   "instead of tagging in this run")
    p.add_argument("--language", help="with --timeml: the documents' language (default: detected)")
    p.add_argument("--misses", action="store_true", help="list every difference from the gold")
    p.add_argument("--archive", metavar="DIR", help="articles of the action and merge development sets "
                   "(default: ../archive/articles beside the corpus)")
    p.add_argument("--no-coding", action="store_true", help="date, actor and role scores only")
    p.set_defaults(run=cmd_evaluate)

    p = sub.add_parser("timeml", help="tag TimeML documents with TIMEX3 (DCT as the anchor)")
    p.add_argument("paths", nargs="+", metavar="INPUT.tml")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the tagged documents (same names)")
    p.add_argument("--language", help="the documents' language, e.g. es (default: detected)")
    p.set_defaults(run=cmd_timeml)

    p = sub.add_parser("query", help="the events (or facts) the dashboard shows for a link's filters")
    p.add_argument("link", nargs="*", metavar="[TABLE] FILTER",
                   help="the event table (default: the shipped one), then filters as in a dashboard link: "
                        "actor=NAME topic=ID outlet=NAME from=YYYY-MM-DD to=YYYY-MM-DD q=WORDS hide_year=true "
                        "hide_unresolved=true tense=Past language=Spanish min_sources=N, or the link itself")
    p.add_argument("--facts", action="store_true", help="one row per fact shown instead of per event")
    p.add_argument("--format", choices=("table", "csv", "jsonl", "json"), default="table")
    p.set_defaults(run=cmd_query)

    p = sub.add_parser("show", help="print an event table (newsline query without filters)")
    p.add_argument("table", nargs="?", default=str(events_path()))
    p.add_argument("--article", help="only this article: its id, or the file path it starts with "
                   "(elpais-2024-12-03-maduro-trump-security.json)")
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
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
