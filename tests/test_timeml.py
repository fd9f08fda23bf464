"""TimeML in and out: `newsline timeml` and `newsline evaluate --timeml`, as a user runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest

from support.corpus_paths import SHARED
from newsline.errors import NewslineError
from newsline.timeml import parse, read
from newsline.timeml_eval import Mark, score

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK_EN = SHARED / "benchmarks" / "timeml" / "timebank-en"
TIMEBANK_ES = SHARED / "benchmarks" / "timeml" / "timebank-es-train"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-27" temporalFunction="false" functionInDocument="CREATION_TIME">10/27/89</TIMEX3></DCT>
<TEXT>
The company <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-10-26">yesterday</TIMEX3> that profit rose &amp; sales fell in <TIMEX3 tid="t2" type="DATE" value="1989-09">September</TIMEX3>.
Talks <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t3" type="DATE" value="1989-10-31">Tuesday</TIMEX3> will decide.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

SPANISH = """<?xml version="1.0" ?>
<TimeML>
<DOCID>es_demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-07-10" functionInDocument="CREATION_TIME">2022-07-10</TIMEX3></DCT>
<TEXT>El Gobierno aprobó el plan el 4 de julio de 2022 y lo presentará en septiembre ante el Congreso.</TEXT>
</TimeML>
"""


def newsline(*args):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def _plain(source: str) -> str:
    """The <TEXT> characters once every tag is removed."""
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.DOTALL).group(1)
    return re.sub(r"<[^>]+>", "", body)


def test_reading_strips_annotation_and_keeps_gold_offsets():
    doc = parse(DOC, Path("wsj_demo.tml"))
    assert doc.dct == "1989-10-27"
    assert "<" not in doc.text and "&amp;" in doc.text
    assert [(doc.text[g.start:g.end], g.value) for g in doc.timexes] == [
        ("yesterday", "1989-10-26"), ("September", "1989-09"), ("Tuesday", "1989-10-31")]


def test_round_trip_keeps_text_and_writes_wellformed_timex3(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "wsj_demo.tml").write_text(DOC, encoding="utf-8")
    result = newsline("timeml", src / "wsj_demo.tml", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out" / "wsj_demo.tml").read_text(encoding="utf-8")
    xml.dom.minidom.parseString(out)  # well formed
    assert _plain(out) == _plain(DOC)
    assert "<EVENT" not in out and "<SIGNAL" not in out and "<TLINK" not in out
    body = out[out.index("<TEXT>"):]
    tags = re.findall(r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]+)"[^>]*>([^<]*)</TIMEX3>', body)
    assert ("DATE", "1989-10-26", "yesterday") in [t[1:] for t in tags]
    assert ("DATE", "1989-09", "September") in [t[1:] for t in tags]
    assert ("DATE", "1989-10-31", "Tuesday") in [t[1:] for t in tags]
    tids = [t[0] for t in tags] + ["t0"]
    assert len(set(tids)) == len(tids)


def test_spanish_by_detection_and_by_option(tmp_path):
    src = tmp_path / "es_demo.tml"
    src.write_text(SPANISH, encoding="utf-8")
    for extra in ([], ["--language", "es"]):
        out = tmp_path / f"out{len(extra)}"
        result = newsline("timeml", src, "--out", out, *extra)
        assert result.returncode == 0, result.stderr
        written = (out / "es_demo.tml").read_text(encoding="utf-8")
        assert '<TIMEX3 tid="t1" type="DATE" value="2022-07-04">el 4 de julio de 2022</TIMEX3>' in written
        assert 'value="2022-09">septiembre</TIMEX3>' in written


@pytest.mark.parametrize("source, problem", [
    ("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">x"
     "</TIMEX3></DCT><BODY>No text element.</BODY></TimeML>", "no <TEXT> element"),
    ("<TimeML><TEXT>Shares fell on Monday.</TEXT></TimeML>", "no document creation time"),
])
def test_bad_input_is_one_line_naming_the_file(tmp_path, source, problem):
    bad = tmp_path / "broken.tml"
    bad.write_text(source, encoding="utf-8")
    good = tmp_path / "wsj_demo.tml"
    good.write_text(DOC, encoding="utf-8")
    result = newsline("timeml", bad, good, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and str(bad) in errors[0] and problem in errors[0]
    assert (tmp_path / "out" / "wsj_demo.tml").exists()  # the good file in the batch is still written
    with pytest.raises(NewslineError, match=problem):
        read(bad)


def test_scoring_follows_tempeval3_rules():
    gold = [Mark(0, 7, "DATE", "1989-10"), Mark(20, 27, "DURATION", "P3M"), Mark(40, 45, "DATE", "1989")]
    system = [Mark(0, 7, "DATE", "1989-10"), Mark(17, 27, "DATE", "P3M"), Mark(60, 65, "DATE", "1990")]
    counts = score(system, gold)
    report = counts.report()
    assert (counts.strict_p, counts.relaxed_p, counts.relaxed_r, counts.pairs) == (1, 2, 2, 2)
    assert report["relaxed P"] == pytest.approx(2 / 3) and report["relaxed R"] == pytest.approx(2 / 3)
    assert report["strict F1"] == pytest.approx(1 / 3)
    assert report["type accuracy"] == pytest.approx(0.5) and report["value accuracy"] == pytest.approx(1.0)
    assert report["value F1"] == pytest.approx(report["relaxed F1"])


def test_evaluate_scores_written_output_and_search_dates(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "wsj_demo.tml").write_text(DOC, encoding="utf-8")
    assert newsline("timeml", gold / "wsj_demo.tml", "--out", tmp_path / "sys").returncode == 0
    for extra in ([], ["--system", tmp_path / "sys"]):
        result = newsline("evaluate", "--timeml", gold, *extra)
        assert result.returncode == 0, result.stderr
        rows = {line.split()[0] + " " + line.split()[1]: line.split()[2:] for line in result.stdout.splitlines()
                if line.startswith(("relaxed F1", "value F1"))}
        assert float(rows["relaxed F1"][0]) == 1.0 and float(rows["value F1"][0]) == 1.0
        assert "search_dates" in result.stdout and "documents/s" in result.stdout


@pytest.mark.parametrize("folder", [TIMEBANK_EN, TIMEBANK_ES], ids=["en", "es"])
def test_timebank_round_trip_keeps_every_text(folder, tmp_path):
    paths = sorted(folder.glob("*.tml"))
    assert paths, f"TimeBank not found at {folder}"
    result = newsline("timeml", *paths[:25], "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    for path in paths[:25]:
        written = (tmp_path / path.name).read_text(encoding="utf-8")
        xml.dom.minidom.parseString(written)
        assert read(tmp_path / path.name).text == read(path).text


def test_event_rows_carry_timex3_and_keep_their_highlight():
    from newsline.events import extract_events
    from newsline.model import Article

    text = "Profit fell in October. The firm has been sold for now, after talks lasting 90 days."
    rows = extract_events(Article("a1", text, published="1989-11-02", language="en"))
    [row] = rows  # "now" and a bare "90 days" are TIMEX3 but no event
    assert row["date_text"] == "in October" and text[row["timex_char_start"]:row["timex_char_end"]] == "October"
    assert (row["timex_type"], row["timex_value"], row["value"]) == ("DATE", "1989-10", "1989-10")


def test_an_anchored_duration_is_a_placed_event_and_a_timeml_duration():
    from newsline.events import extract_events
    from newsline.model import Article

    text = "Shares have fallen 20% in the past three months."
    [row] = extract_events(Article("a2", text, published="1998-01-08", language="en"))
    assert (row["timex_type"], row["timex_value"]) == ("DURATION", "P3M")
    assert row["date_start"] == "1997-10-01" and row["date_end"] == "1998-01-08"
