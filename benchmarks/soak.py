"""Soak test: thousands of random and mutated documents through ingest and extraction.

    .venv/bin/python benchmarks/soak.py                      # 10,000 documents, seed 1
    .venv/bin/python benchmarks/soak.py --documents 2000 --seed 7 --crash-dir /tmp/crashes
    .venv/bin/python benchmarks/soak.py --calendar-edges     # also publication dates in year 1 and 9999

Each document is bytes under a file name, made by one of these generators (chosen at random,
all seeded, so a run is reproducible):

* ``random-bytes``: arbitrary bytes, sometimes behind a PDF or ZIP signature;
* ``random-text``: arbitrary Unicode, or runs of date words, numbers and punctuation;
* ``mutated``: a real article (the shared corpus, the shipped and held-out articles) with byte
  flips, inserted Unicode (controls, zero-width and bidi marks, emoji, CJK), deleted, repeated
  and spliced spans, inserted date fragments, hard line wraps, truncation;
* ``dense-dates``: an article's sentences with many date expressions (the tagger's worst case);
* ``long-sentence``: one sentence of thousands of dates, sometimes padded to a megabyte (every
  event row carries its sentence, so this once grew memory as dates x sentence length);
* ``long-title``: a JSON article whose title is up to a megabyte (every row carries it too);
* then written as ``.txt``, ``.md``, ``.html`` (with scripts, handlers, iframes, deep nesting),
  ``.json`` (missing, wrong-typed and extra fields, malformed, partial or future dates) or
  ``.jsonl`` (with broken lines), in UTF-8, UTF-16 or Latin-1.

Every document goes through ``newsline.ingest.load_file`` and ``newsline.events.extract_events``
in this process. Outcomes:

* ``events``: articles read, rows checked (offsets point at their text, values well formed);
* ``refused``: ``NewslineError``, the one-line message a user sees (by problem);
* ``crash``: any other exception (its type, message and place; the document is saved with
  ``--crash-dir``). The run exits 1 when there is any.
* ``bad rows``: rows that break the checks; a date outside its sentence (an expression matched
  across a line break, a known tagger defect) is counted on its own.

``--pathological`` adds a separate timing of the tagger's worst case found so far: one
sentence holding many dates ("In 2024 In 2024 ..."), at doubling sizes, to show how the
time grows (each date's tense is read by scanning its whole sentence).

Reported: documents, crashes, bad rows, peak memory (the process's maximum resident set),
throughput (documents and megabytes per second, extraction included) and the slowest documents.
A document taking longer than ``--doc-timeout`` seconds is stopped and counted as a hang.

Two hostile phases follow the documents (``--searches`` and ``--slow-servers`` set their size):

* ``many-word searches``: searches of 1 to 5,000 random words (and one word of 100,000 characters)
  on a store of generated events, each asked for its summary, timeline and table page; a search
  stopped by the query budget is an outcome, a search taking longer than the budget plus
  ``--doc-timeout`` a hang, any other exception a crash;
* ``slow servers``: a loopback server that stalls, or drips its status line, headers or body a
  byte at a time, fetched with a 1 s deadline; each fetch must end in "timed out" within 2 s.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsline.errors import NewslineError  # noqa: E402
from newsline.events import extract_events  # noqa: E402
from newsline.ingest import load_file  # noqa: E402
from newsline.model import EVENT_COLUMNS, GRANULARITIES, RESOLUTIONS  # noqa: E402

SHARED = Path(os.environ.get("NEWSLINE_SHARED") or ROOT.parent / "shared")
MONTHS = "January February March April May June July August September October November December".split()
DATE_WORDS = [
    *MONTHS, "Sept.", "Jan.", "Monday", "Friday", "weekend", "today", "tomorrow", "yesterday", "next", "last",
    "this", "coming", "past", "following", "early", "mid-", "late", "the", "of", "in", "on", "since", "until",
    "by", "between", "and", "from", "to", "ago", "later", "earlier", "before", "after", "within", "over", "year",
    "years", "month", "week", "day", "days", "decade", "century", "quarter", "summer", "winter", "first",
    "second", "term", "president", "Trump", "Maduro", "he", "said", "will", "was", "has", "been", "that", "’s",
    "Q3", "1990s", "’90s", "February 30, 2024", "the year 99999", "31/02/2024", "2024-02-30", "12/13/2024",
]
PUNCT = [" ", " ", " ", ", ", ". ", "; ", " – ", "—", "-", "/", "\n", "\n\n", "“", "”", '"', "(", ")", "…"]
ODD_CHARS = ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u200e", "\u202e", "\u2028", "\ufeff", "\ufffd", "\u00a0",
             "😀", "漢", "字", "ل", "ש", "é", "ß", "\t", "\r", "\r\n", "\x0c"]
PUBLISHED = ["2024-03-05", "2019-05", "2021", "2024-12-03T10:00:00Z", "2999-01-01", "2024-02-30", "yesterday",
             "", "  ", "2024-1-5", "20240305", "1900-01-01", "2100-12-31"]
CALENDAR_EDGES = ["9999-12-31", "9999-12", "9999", "0001-01-01", "0001"]

FALLBACK_TEXT = (
    "Venezuela frees detained Americans\n\n"
    "CARACAS — Venezuela released two detained Americans on Tuesday after a rare visit by U.S. officials, "
    "the White House said. The talks, held on March 5, 2022, were the first in years. Officials said "
    "further meetings could follow next month. In 2019, Washington recognised Juan Guaidó.\n"
)


# --- sources -------------------------------------------------------------------------------------


def seed_texts() -> list[str]:
    texts = []
    folders = [SHARED / "corpus" / "articles", ROOT / "data" / "articles", ROOT / "tests" / "data" / "heldout" / "articles"]
    for folder in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                text = json.loads(path.read_text(encoding="utf-8")).get("text")
            except (OSError, ValueError, AttributeError):
                continue
            if isinstance(text, str) and text.strip():
                texts.append(text)
    seed = SHARED / "seed"
    if seed.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seed.glob("*.txt"))]
    return texts or [FALLBACK_TEXT]


# --- generators ------------------------------------------------------------------------------------


def date_run(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        roll = rng.random()
        token = rng.choice(DATE_WORDS) if roll < 0.6 else str(rng.randint(0, 99999)) if roll < 0.8 else \
            "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 6)))
        out.append(token + rng.choice(PUNCT))
    return "".join(out)


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0x3000, 0xFFFF)]))
                       for _ in range(rng.randint(0, 3000)))
    return "Title\n\n" + date_run(rng, rng.randint(0, 1500))


def mutate(rng: random.Random, text: str, texts: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        if not text:
            text = rng.choice(texts)
        op = rng.randrange(9)
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randint(0, 400))
        if op == 0:  # insert odd characters
            text = text[:i] + "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 20))) + text[i:]
        elif op == 1:  # delete a span
            text = text[:i] + text[j:]
        elif op == 2:  # repeat a span
            text = text[:j] + text[i:j] * rng.randint(2, 20) + text[j:]
        elif op == 3:  # splice another article in
            other = rng.choice(texts)
            k = rng.randrange(len(other) + 1)
            text = text[:i] + other[k:k + rng.randint(0, 3000)] + text[j:]
        elif op == 4:  # date fragments
            text = text[:i] + " " + date_run(rng, rng.randint(1, 30)) + text[i:]
        elif op == 5:  # hard-wrap lines, as plain-text mail does
            width = rng.randint(20, 80)
            text = re.sub(rf"(.{{1,{width}}})(?:\s+|$)", "\\1\n", text)
        elif op == 6:  # truncate
            text = text[:i]
        elif op == 7:  # case and punctuation noise
            text = text[:i] + text[i:j].upper().replace(".", rng.choice([".", "", "..", "?!", " . "])) + text[j:]
        else:  # one enormous line
            text = text.replace("\n", " ")
    return text


def dense_dates(rng: random.Random, texts: list[str]) -> str:
    base = rng.choice(texts)
    sentences = re.split(r"(?<=[.!?])\s+", base)
    out = []
    for _ in range(rng.randint(20, 200)):
        sentence = rng.choice(sentences)
        day = f"{rng.choice(MONTHS)} {rng.randint(1, 31)}, {rng.randint(1990, 2030)}"
        out.append(sentence.rstrip(".") + f" on {day}, and again {rng.choice(['next week', 'last year', 'in 2019', 'two days later'])}.")
    return "Dense\n\n" + " ".join(out)


def html_page(rng: random.Random, text: str) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()] or [text]
    title, body = paragraphs[0][:200], paragraphs[1:] or paragraphs
    head = f"<title>{title}</title>"
    if rng.random() < 0.5:
        head += f'<meta property="article:published_time" content="{rng.choice(PUBLISHED)}">'
    if rng.random() < 0.3:
        head += '<script>var planted = "January 5, 2020"; document.write("<p>On June 1, 2019</p>")</script>'
    parts = []
    for p in body:
        attr = rng.choice(["", ' onclick="alert(1)"', ' style="color:red"', ' onmouseover="x()"'])
        parts.append(f"<p{attr}>{p}</p>")
        if rng.random() < 0.1:
            parts.append(rng.choice(["<iframe src='//x'>On May 5, 2015 fallback</iframe>", "<noscript>July 4</noscript>",
                                     "<style>p{content:'August 8, 2018'}</style>", "<svg><text>May 1</text></svg>"]))
    inner = "".join(parts)
    if rng.random() < 0.1:
        depth = rng.choice([50, 300, 3000])
        inner = "<div>" * depth + inner + "</div>" * depth
    if rng.random() < 0.1:  # unclosed tags and stray markup
        inner = inner.replace("</p>", "", rng.randint(1, 5)) + "<b><i><table><td>"
    return f"<!doctype html><html><head>{head}</head><body><article>{inner}</article></body></html>"


def json_record(rng: random.Random, text: str, edges: bool) -> object:
    record: dict = {"title": text.split("\n", 1)[0][:200], "text": text}
    dates = PUBLISHED + (CALENDAR_EDGES if edges else [])
    if rng.random() < 0.8:
        record["published"] = rng.choice(dates)
    for key in rng.sample(["url", "source", "language", "extra", "published_inferred"], rng.randint(0, 3)):
        record[key] = rng.choice(["https://news.example.org/2024/03/05/story", "javascript:alert(1)", "en", "es",
                                  "ru", "EN_us", 42, None, [1, 2], {"a": 1}, "Reuters", rng.choice(dates)])
    if rng.random() < 0.15:  # a wrong-typed or missing field
        key = rng.choice(["text", "title", "published", "language", "url"])
        record[key] = rng.choice([None, 12, 3.5, True, ["x"], {"y": 1}])
    if rng.random() < 0.05:
        return rng.choice([[], "just text", 7, None])
    return record


def encode(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.08:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
    if roll < 0.16:
        return text.encode("latin-1", "replace")
    if roll < 0.2:
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def document(rng: random.Random, texts: list[str], edges: bool) -> tuple[str, str, bytes]:
    """(generator, file name, bytes) of one generated document."""
    roll = rng.random()
    if roll < 0.08:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))
        if rng.random() < 0.3:
            data = rng.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG"]) + data
        return "random-bytes", rng.choice(["doc.txt", "doc.html", "doc.json", "doc.jsonl", "doc.md"]), data
    if roll < 0.11:
        return long_sentence(rng)
    if roll < 0.13:
        return long_title(rng, texts)
    if roll < 0.25:
        kind, text = "random-text", random_text(rng)
    elif roll < 0.9:
        kind, text = "mutated", mutate(rng, rng.choice(texts), texts)
    else:
        kind, text = "dense-dates", dense_dates(rng, texts)
    fmt = rng.choice(["txt", "txt", "md", "html", "json", "json", "jsonl"])
    if fmt in ("txt", "md"):
        data = encode(rng, text)
    elif fmt == "html":
        data = encode(rng, html_page(rng, text))
    elif fmt == "json":
        data = json.dumps(json_record(rng, text, edges), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    else:
        lines = [json.dumps(json_record(rng, rng.choice([text, mutate(rng, rng.choice(texts), texts)]), edges))
                 for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.4:
            k = rng.randrange(len(lines))
            lines[k] = lines[k][: len(lines[k]) // 2]
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:
        data = flip_bytes(rng, data)
    return kind, f"doc.{fmt}", data


def long_sentence(rng: random.Random) -> tuple[str, str, bytes]:
    """One sentence of 1,000 to 20,000 dates, sometimes padded with words to about a megabyte."""
    n = rng.choice([1_000, 5_000, 20_000])
    dates = rng.choice(["1 May 2020, ", "March 3, 2024, ", "in 2019 and ", "last Tuesday, "]) * n
    pad = "officials said little about it and " * (rng.choice([0, 0, 25_000]))
    text = "Dates\n\nThe talks happened on " + pad[: len(pad) // 2] + dates + pad[len(pad) // 2:] + "and ended.\n"
    return "long-sentence", "doc.txt", text.encode("utf-8")


def long_title(rng: random.Random, texts: list[str]) -> tuple[str, str, bytes]:
    """A JSON article whose title is 10 KB to 1 MB, over a text with hundreds of dates."""
    title = ("Headline " * rng.choice([1_200, 12_000, 120_000])).strip()
    text = rng.choice(texts)[:5_000] + " It happened on 1 May 2020." * rng.choice([50, 500])
    record = {"title": title, "published": "2024-03-05", "text": text}
    return "long-title", "doc.json", json.dumps(record).encode("utf-8")


# --- hostile phases: searches and servers ------------------------------------------------------------


def many_word_searches(rng: random.Random, count: int, timeout: float) -> Counter:
    """Outcomes of ``count`` hostile searches on a store of generated events."""
    import pandas as pd

    from newsline.query import QUERY_SECONDS, EventStore, Filters
    from newsline.store import write_events

    folder = Path(tempfile.mkdtemp(prefix="newsline-soak-search-"))
    rows = []
    for i in range(5_000):
        sentence = f"On March {i % 28 + 1}, 2024, " + date_run(rng, 30).replace("\n", " ") + f" number {i}."
        start = sentence.index("March")
        rows.append({"event_id": f"e{i:06d}", "article_id": f"a{i // 10}", "url": "", "title": "Soak",
                     "source": rng.choice(["Reuters", "AP", "EFE"]), "published": "2024-03-05", "language": "en",
                     "date_text": sentence[start:start + 14], "date_char_start": start, "date_char_end": start + 14,
                     "value": f"2024-03-{i % 28 + 1:02d}", "date_start": f"2024-03-{i % 28 + 1:02d}",
                     "date_end": f"2024-03-{i % 28 + 1:02d}", "granularity": "day", "resolution": "explicit",
                     "rule": "soak", "tense": "past", "sentence": sentence, "sentence_char_start": 0,
                     "sentence_char_end": len(sentence), "actors": [], "topics": [], "confidence": 0.9})
    path = folder / "events.parquet"
    write_events(pd.DataFrame(rows), path)
    store = EventStore.open(path)
    words = DATE_WORDS + [str(n) for n in range(100)] + ["caracas", "talks", "number"]
    out: Counter = Counter()
    for k in range(count):
        n = rng.choice([1, 3, 8, 50, 1_000, 5_000])
        search = "x" * 100_000 if k == 0 else " ".join(rng.choice(words) for _ in range(n))
        flt = Filters(search=search)
        t0 = time.perf_counter()
        try:
            q = store.query()
            summary = q.summary(flt)
            q.timeline(flt, None, "Actor", expected=summary.placed)
            q.events(flt, limit=100)
            out["answered"] += 1
        except NewslineError as exc:
            out["stopped by the budget" if "stopped after" in exc.problem else f"refused: {exc.problem[:60]}"] += 1
        except Exception as exc:  # noqa: BLE001 - anything else is a crash
            out[f"crash: {exc.__class__.__name__}: {str(exc)[:60]}"] += 1
        if time.perf_counter() - t0 > QUERY_SECONDS + timeout:
            out["hang"] += 1
    store.close()
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()
    return out


def slow_servers(count: int) -> Counter:
    """Outcomes of fetching from servers that stall or drip, each with a 1 s deadline."""
    import socket
    import threading

    from newsline.fetch import fetch_article

    modes = {
        "stall": b"",
        "status line": b"HTTP/1.1 200 OK\r\n",
        "headers": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ",
        "body": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>",
    }
    out: Counter = Counter()
    for k in range(count):
        mode = list(modes)[k % len(modes)]
        listener = socket.create_server(("127.0.0.1", 0))
        stop = threading.Event()

        def serve(prefix=modes[mode]):
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                try:
                    if prefix:
                        conn.sendall(prefix[:1])
                    for byte in prefix[1:] + b"a" * 10_000:
                        if stop.wait(0.02 if prefix else 10):
                            return
                        conn.sendall(bytes([byte]))
                except OSError:
                    pass

        threading.Thread(target=serve, daemon=True).start()
        t0 = time.perf_counter()
        try:
            fetch_article(f"http://127.0.0.1:{listener.getsockname()[1]}/", hosted=False, timeout=1.0)
            out[f"{mode}: fetched (should have timed out)"] += 1
        except NewslineError as exc:
            out[f"{mode}: {exc.problem}"] += 1
        except Exception as exc:  # noqa: BLE001
            out[f"crash: {mode}: {exc.__class__.__name__}"] += 1
        finally:
            stop.set()
            listener.close()
        if time.perf_counter() - t0 > 2.0:
            out["hang"] += 1
    return out


# --- checks ------------------------------------------------------------------------------------------

PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
VALUE = re.compile(rf"{PART}(?:/{PART})?")


def row_problems(text: str, row: dict) -> list[str]:
    problems = []
    if list(row) != EVENT_COLUMNS:
        problems.append("columns")
    s, e = row["date_char_start"], row["date_char_end"]
    if not (0 <= s < e <= len(text)) or text[s:e] != row["date_text"]:
        problems.append("date offsets")
    ss, se = row["sentence_char_start"], row["sentence_char_end"]
    if not (0 <= ss <= se <= len(text)) or text[ss:se] != row["sentence"]:
        problems.append("sentence offsets")
    elif not (ss <= s and e <= se):
        across = "\n" in row["date_text"]
        problems.append("date outside its sentence" + (" (matched across a line break)" if across else ""))
    value = row["value"]
    if (value is None) != (row["granularity"] == "unresolved") or (value is None) != (row["date_start"] is None):
        problems.append("unresolved fields disagree")
    if value is not None:
        if not VALUE.fullmatch(value):
            problems.append("value form")
        try:
            if date.fromisoformat(row["date_start"]) > date.fromisoformat(row["date_end"]):
                problems.append("start after end")
        except (TypeError, ValueError):
            problems.append("date_start/date_end form")
    if row["granularity"] not in GRANULARITIES or row["resolution"] not in RESOLUTIONS:
        problems.append("vocabulary")
    if not 0.0 <= row["confidence"] <= 1.0:
        problems.append("confidence")
    return problems


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def refusal_kind(problem: str) -> str:
    """A short class for a refusal message, for the summary."""
    problem = re.sub(r"'[^']*'|\d[\d,.]*", "…", problem)
    return problem.split(" (", 1)[0].split(";", 1)[0][:60]


# --- the run --------------------------------------------------------------------------------------------


def pathological(sizes=(250, 500, 1000, 2000)) -> list[dict]:
    """Seconds to extract one sentence of n dates, for doubling n."""
    from newsline.model import Article

    out = []
    for n in sizes:
        text = "Dates\n\n" + "In 2024 " * n
        t0 = time.perf_counter()
        rows = extract_events(Article("pathological", text, published="2024-03-05"))
        out.append({"dates": n, "characters": len(text), "events": len(rows),
                    "seconds": round(time.perf_counter() - t0, 2)})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--calendar-edges", action="store_true",
                        help="also use publication dates in year 1 and 9999 (a known tagger defect)")
    parser.add_argument("--doc-timeout", type=float, default=60.0, help="seconds before a document counts as a hang")
    parser.add_argument("--crash-dir", type=Path, help="save each crashing or hanging document here")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--searches", type=int, default=30, help="hostile searches after the documents")
    parser.add_argument("--slow-servers", type=int, default=8, help="fetches from stalling or dripping servers")
    parser.add_argument("--pathological", action="store_true",
                        help="also time one sentence of 250 to 2,000 dates (the tagger's worst case)")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    texts = seed_texts()
    outcomes: Counter = Counter()
    kinds: Counter = Counter()
    refusals: Counter = Counter()
    crashes: Counter = Counter()
    bad_rows: Counter = Counter()
    slowest: list[tuple[float, str, int]] = []
    articles = events = total_bytes = 0
    signal.signal(signal.SIGALRM, _alarm)
    if args.crash_dir:
        args.crash_dir.mkdir(parents=True, exist_ok=True)

    # Warm up (rules, actor automaton, language models) before the clock starts.
    warm = Path(tempfile.mkdtemp(prefix="newsline-soak-"))
    (warm / "warm.txt").write_text(FALLBACK_TEXT, encoding="utf-8")
    for article in load_file(warm / "warm.txt"):
        extract_events(article)

    start = time.perf_counter()
    for n in range(args.documents):
        kind, name, data = document(rng, texts, args.calendar_edges)
        kinds[kind] += 1
        total_bytes += len(data)
        path = warm / f"{n:05d}-{name}"
        path.write_bytes(data)
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.doc_timeout)
        try:
            loaded = load_file(path)
            rows_here = 0
            for article in loaded:
                rows = extract_events(article)
                articles += 1
                rows_here += len(rows)
                for row in rows:
                    for problem in row_problems(article.text, row):
                        bad_rows[problem] += 1
            events += rows_here
            outcomes["events"] += 1
        except NewslineError as exc:
            outcomes["refused"] += 1
            refusals[refusal_kind(exc.problem)] += 1
        except Hang:
            outcomes["hang"] += 1
            crashes[f"hang over {args.doc_timeout:g} s ({kind}, {name})"] += 1
            if args.crash_dir:
                (args.crash_dir / f"hang-{n:05d}-{name}").write_bytes(data)
        except Exception as exc:  # the point of the run: anything else is a crash
            outcomes["crash"] += 1
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            crashes[f"{exc.__class__.__name__}: {str(exc)[:80]} at {where}"] += 1
            if args.crash_dir:
                (args.crash_dir / f"crash-{n:05d}-{name}").write_bytes(data)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            path.unlink(missing_ok=True)
        elapsed = time.perf_counter() - t0
        slowest = sorted(slowest + [(elapsed, f"{kind} {name}", len(data))], reverse=True)[:5]
    wall = time.perf_counter() - start
    searches = many_word_searches(rng, args.searches, args.doc_timeout) if args.searches else Counter()
    servers = slow_servers(args.slow_servers) if args.slow_servers else Counter()
    for what, count in list(searches.items()) + list(servers.items()):
        if what.startswith("crash") or what.endswith("(should have timed out)"):
            crashes[what] += count
        elif what == "hang":
            outcomes["hang"] += count
            crashes["hang in the hostile phases"] += count
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    if sys.platform == "darwin":  # pragma: no cover - bytes there
        peak_mb /= 1024
    warm.rmdir() if not any(warm.iterdir()) else None

    summary = {
        "command": "benchmarks/soak.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": args.documents,
        "seed": args.seed,
        "megabytes": round(total_bytes / 1e6, 2),
        "generators": dict(kinds),
        "outcomes": {k: outcomes.get(k, 0) for k in ("events", "refused", "crash", "hang")},
        "crashes": sum(crashes.values()),
        "crash_kinds": dict(crashes),
        "articles": articles,
        "events": events,
        "bad_rows": dict(bad_rows),
        "refusals": dict(refusals.most_common()),
        "seconds": round(wall, 1),
        "documents_per_second": round(args.documents / wall, 1),
        "megabytes_per_second": round(total_bytes / 1e6 / wall, 3),
        "peak_memory_mb": round(peak_mb, 1),
        "searches": dict(searches),
        "slow_servers": dict(servers),
        "slowest": [{"seconds": round(t, 2), "document": d, "bytes": b} for t, d, b in slowest],
        "pathological": pathological() if args.pathological else None,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        print(f"documents      {summary['documents']:,} ({summary['megabytes']} MB, seed {args.seed})")
        print(f"generators     {', '.join(f'{k} {v}' for k, v in kinds.most_common())}")
        print(f"outcomes       {', '.join(f'{k} {v}' for k, v in summary['outcomes'].items())}")
        print(f"crashes        {summary['crashes']}")
        for what, count in crashes.most_common():
            print(f"  {count:6}  {what}")
        print(f"articles       {articles:,}; events {events:,}")
        print(f"bad rows       {sum(bad_rows.values())}" + "".join(f"\n  {c:6}  {p}" for p, c in bad_rows.most_common()))
        print("refusals")
        for what, count in refusals.most_common():
            print(f"  {count:6}  {what}")
        print(f"time           {summary['seconds']} s: {summary['documents_per_second']} documents/s, "
              f"{summary['megabytes_per_second']} MB/s")
        print(f"peak memory    {summary['peak_memory_mb']} MB (maximum resident set of this process)")
        print("searches       " + ", ".join(f"{k} {v}" for k, v in searches.most_common()))
        print("slow servers   " + ", ".join(f"{k} {v}" for k, v in servers.most_common()))
        print("slowest        " + "; ".join(f"{s['seconds']} s {s['document']} ({s['bytes']:,} B)" for s in summary["slowest"]))
        for case in summary["pathological"] or []:
            print(f"one sentence   {case['dates']:5} dates, {case['characters']:,} characters: "
                  f"{case['seconds']} s ({case['events']} events)")
    return 1 if summary["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
