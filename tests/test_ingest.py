"""Ingest: real files written to a temporary folder, read back as articles."""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path

import pytest

from newsline.errors import NewslineError
from newsline.ingest import (
    NO_DATE,
    date_from_url,
    find_inputs,
    load_file,
    record_id,
)
from newsline.published import normalise_published

REPO = Path(__file__).resolve().parents[1]
SEED_JSON = REPO / "data" / "articles" / "elpais-2024-12-03-maduro-trump-security.json"
from support.corpus_paths import SEED_TXT

ENGLISH = (
    "Venezuela released two detained Americans on Tuesday, a day after a rare visit to Caracas "
    "by senior officials from Washington, the White House said in a statement.\n\n"
    "The men had been held for more than four years and were flown to Florida late on Tuesday night."
)
SPANISH = (
    "El gobierno de Venezuela liberó el martes a dos estadounidenses detenidos, un día después de "
    "una visita poco habitual de altos funcionarios de Washington a Caracas.\n\n"
    "Los dos hombres llevaban más de cuatro años presos y viajaron a Florida esa misma noche."
)


def sha8(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def write_json(path: Path, data: object) -> Path:
    return write(path, json.dumps(data, ensure_ascii=False, indent=2))


def record(**extra) -> dict:
    base = {
        "url": "https://news.example.com/world/venezuela-frees-americans",
        "title": "Venezuela frees two Americans",
        "source": "Example News",
        "published": "2022-03-09",
        "language": "en",
        "text": ENGLISH,
    }
    base.update(extra)
    return base


def error_of(call, *args, **kwargs) -> str:
    with pytest.raises(NewslineError) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message, "errors are one line"
    return message


# --- finding inputs -------------------------------------------------------------


def test_find_inputs_walks_folders_sorted_and_skips_hidden_and_other_types(tmp_path):
    b = write(tmp_path / "in" / "b.txt", ENGLISH)
    a = write(tmp_path / "in" / "sub" / "a.json", json.dumps(record()))
    c = write(tmp_path / "in" / "c.HTML", "<p>x</p>")
    write(tmp_path / "in" / ".hidden.txt", ENGLISH)
    write(tmp_path / "in" / ".git" / "notes.md", ENGLISH)
    write(tmp_path / "in" / "photo.jpg", b"\xff\xd8\xff")
    single = write(tmp_path / "one.md", "# Title\n\nBody")

    found = find_inputs([single, tmp_path / "in", str(b)])

    # Each with its path relative to the folder it was found in (a file named alone: its own folder).
    assert found == [(single, "one.md"), (b, "b.txt"), (c, "c.HTML"), (a, "sub/a.json")]


def test_find_inputs_rejects_an_explicit_file_of_another_type(tmp_path):
    doc = write(tmp_path / "report.xyz", "text")
    message = error_of(find_inputs, [doc])
    assert message == f"{doc}: unsupported file type '.xyz' (use .txt, .md, .html, .json or .jsonl)"


def test_find_inputs_reports_a_missing_path(tmp_path):
    assert "no such file or folder" in error_of(find_inputs, [tmp_path / "nope.txt"])


def test_load_file_rejects_unsupported_extension(tmp_path):
    doc = write(tmp_path / "article.docx", "text")
    assert "unsupported file type '.docx'" in error_of(load_file, doc)


# --- text and markdown ------------------------------------------------------------


def test_plain_text_title_is_first_line_and_text_is_the_whole_file(tmp_path):
    content = "\n\nVenezuela frees two Americans\n\n" + ENGLISH + "\n"
    path = write(tmp_path / "sputnik-2024-08-02-blinken-gonzalez.txt", content)

    [article] = load_file(path)

    assert article.article_id == "sputnik-2024-08-02-blinken-gonzalez.txt#" + sha8(path)
    assert article.title == "Venezuela frees two Americans"
    assert article.text == content
    assert article.language == "en"
    assert article.body_end is None
    assert article.published is None
    assert article.warnings == [f"{path}: {NO_DATE}"]


def test_markdown_title_loses_its_hashes(tmp_path):
    path = write(tmp_path / "note.md", "## Venezuela frees two Americans\n\n" + ENGLISH)
    [article] = load_file(path, published="2022-03")
    assert article.title == "Venezuela frees two Americans"
    assert article.published == "2022-03"
    assert article.warnings == []


def test_language_is_detected_when_not_given(tmp_path):
    [article] = load_file(write(tmp_path / "es.txt", "Liberados dos estadounidenses\n\n" + SPANISH))
    assert article.language == "es"


def test_windows_line_breaks_are_normalised(tmp_path):
    path = write(tmp_path / "crlf.txt", b"Title line\r\nFirst paragraph of the story.\r\n")
    [article] = load_file(path)
    assert article.text == "Title line\nFirst paragraph of the story.\n"
    assert article.title == "Title line"


# --- decoding --------------------------------------------------------------------


def test_latin1_and_cp1252_text_is_decoded(tmp_path):
    content = "Nicolás Maduro dijo “sí” en Caracas\n\n" + SPANISH
    path = write(tmp_path / "latin.txt", content.encode("cp1252"))
    [article] = load_file(path)
    assert article.text == content
    assert article.title == "Nicolás Maduro dijo “sí” en Caracas"

    latin1 = write(tmp_path / "latin1.txt", "Año nuevo en Perú\n\n".encode("latin-1") + SPANISH.encode("latin-1"))
    assert load_file(latin1)[0].title == "Año nuevo en Perú"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    content = "Nicolás Maduro offers Trump his ‘experience’\n\n" + ENGLISH
    [article] = load_file(write(tmp_path / "u16.txt", bom + content.encode(encoding)))
    assert article.text == content
    assert article.title.startswith("Nicolás Maduro")


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    [article] = load_file(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + ("Title\n" + ENGLISH).encode()))
    assert article.title == "Title"
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_or_blank_file_is_an_error(tmp_path, content):
    path = write(tmp_path / "blank.txt", content)
    assert error_of(load_file, path) == f"{path}: empty file"


def test_pdf_renamed_to_txt_is_reported_as_binary(tmp_path):
    path = write(tmp_path / "story.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert error_of(load_file, path) == f"{path}: binary file, not text (looks like PDF)"


def test_other_binary_data_is_reported_as_binary(tmp_path):
    with_nul = write(tmp_path / "a.txt", bytes(range(256)) * 4)
    assert "binary file, not text" in error_of(load_file, with_nul)
    # No NUL byte, but control characters everywhere: not text in any legacy encoding either.
    controls = write(tmp_path / "b.md", bytes([1, 2, 3, 4, 65, 66, 5, 6, 7, 8]) * 50)
    assert "binary file, not text" in error_of(load_file, controls)


# --- HTML ----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Venezuela frees detained Americans | The Daily Courier</title>
  <meta property="og:title" content="Venezuela frees two detained Americans after talks">
  <meta property="og:site_name" content="The Daily Courier">
  <link rel="canonical" href="https://courier.example.com/world/venezuela-frees-americans">
  <meta property="article:published_time" content="2022-03-09T14:05:00-05:00">
  <script>window.dataLayer = [{"page": "article", "section": "world"}];</script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/login">Log in to your account</a></li></ul></nav>
  <main>
    <article>
      <h1>Venezuela frees two detained Americans after talks</h1>
      <p>Venezuela released two detained Americans on Tuesday, a day after a rare visit to Caracas by
      senior officials from Washington, the White House said in a statement.</p>
      <p>The men, who had been held for more than four years, were flown to Florida late on Tuesday night
      and were reunited with their families at an airport near Miami.</p>
      <p>The talks in Caracas touched on energy supplies and on the sanctions imposed on the Venezuelan oil
      industry, according to two people familiar with the discussions who asked not to be named.</p>
      <p>Officials did not say whether further releases were expected, but relatives of other detained
      Americans said they hoped the visit marked the start of a broader thaw between the governments.</p>
    </article>
  </main>
  <aside class="related"><h3>Most read</h3><ul><li><a href="/a">Storm hits the coast</a></li>
  <li><a href="/b">Markets fall again</a></li></ul></aside>
  <footer><p>© 2022 The Daily Courier. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
  <script src="/static/app.js"></script>
</body>
</html>
"""


def test_html_body_and_metadata_come_from_trafilatura(tmp_path):
    [article] = load_file(path := write(tmp_path / "courier.html", PAGE))

    assert article.article_id == "courier.html#" + sha8(path)
    assert article.title == "Venezuela frees two detained Americans after talks"
    assert article.url == "https://courier.example.com/world/venezuela-frees-americans"
    assert article.source == "The Daily Courier"
    assert article.published == "2022-03-09"
    assert article.language == "en"
    assert "Venezuela released two detained Americans on Tuesday" in article.text
    assert "broader thaw between the governments" in article.text
    for chrome in ("Log in", "dataLayer", "font-family", "Most read", "Storm hits", "All rights reserved"):
        assert chrome not in article.text
    assert article.warnings == []


def test_published_argument_overrides_html_metadata(tmp_path):
    [article] = load_file(write(tmp_path / "courier.htm", PAGE), published="2022-03-10T08:00:00Z")
    assert article.published == "2022-03-10"


def test_html_without_date_metadata_falls_back_to_the_url(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2022-03-09T14:05:00-05:00">', "")
    page = page.replace("/world/venezuela", "/2022/03/08/world/venezuela")
    [article] = load_file(write(tmp_path / "courier.html", page))
    assert article.published == "2022-03-08"


def test_html_with_no_article_text_is_an_error(tmp_path):
    # A page rendered by JavaScript: the file holds no text at all.
    page = "<html><head><title>Story</title><script>var a = 1;</script></head><body><script>render()</script></body></html>"
    path = write(tmp_path / "app.html", page)
    assert "no article text found" in error_of(load_file, path)


# --- JSON -----------------------------------------------------------------------


def test_json_object_keys_are_used_and_extra_keys_ignored(tmp_path):
    data = record(language="es", partial=True, words=53, published_note="printed on the page")
    path = write_json(tmp_path / "ap-2022-03-09-release.json", data)

    [article] = load_file(path)

    assert article.article_id == "ap-2022-03-09-release.json#" + sha8(path)
    assert (article.url, article.title, article.source) == (data["url"], data["title"], "Example News")
    assert article.published == "2022-03-09"
    assert article.language == "es"  # as given, not detected from the English text
    assert article.text == ENGLISH
    assert not hasattr(article, "partial")


def test_published_inferred_is_used_when_published_is_null(tmp_path):
    path = write_json(tmp_path / "a.json", record(published=None, published_inferred="2026-01-16"))
    assert load_file(path)[0].published == "2026-01-16"


def test_published_argument_overrides_json(tmp_path):
    path = write_json(tmp_path / "a.json", record(published="2022-03-09"))
    assert load_file(path, published="2019")[0].published == "2019"


@pytest.mark.parametrize("value", ["2019-05", "2019"])
def test_partial_published_stays_partial(tmp_path, value):
    path = write_json(tmp_path / "a.json", record(published=value))
    assert load_file(path)[0].published == value


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://english.elpais.com/international/2024-12-03/nicolas-maduro.html", "2024-12-03"),
        ("https://sputnikglobe.com/amp/20240802/us-recognizes-gonzalez-1119600265.html", "2024-08-02"),
        ("https://www.cnn.com/2024/12/03/americas/venezuela/index.html", "2024-12-03"),
    ],
)
def test_url_date_is_used_when_the_json_has_none(tmp_path, url, expected):
    path = write_json(tmp_path / "a.json", record(url=url, published=None))
    [article] = load_file(path)
    assert article.published == expected
    assert article.warnings == []


def test_no_date_anywhere_leaves_published_empty_with_a_warning(tmp_path):
    path = write_json(tmp_path / "a.json", record(url="https://x.example/news/12345678901/", published=None))
    [article] = load_file(path)
    assert article.published is None
    assert article.warnings == [f"{path}: {NO_DATE}"]


def test_malformed_published_in_json_is_an_error_naming_the_file(tmp_path):
    path = write_json(tmp_path / "a.json", record(published="2024-13-45"))
    message = error_of(load_file, path)
    assert message.startswith(f"{path}: malformed publication date '2024-13-45'")


def test_malformed_published_argument_is_an_error(tmp_path):
    path = write_json(tmp_path / "a.json", record())
    assert "malformed publication date 'yesterday'" in error_of(load_file, path, published="yesterday")


def test_invalid_json_is_one_line_error(tmp_path):
    path = write(tmp_path / "a.json", '{"title": "x", "text": "y",,}')
    message = error_of(load_file, path)
    assert message.startswith(f"{path}: invalid JSON at line 1, column")


@pytest.mark.parametrize(
    "data, problem",
    [
        ({"title": "no text"}, "missing or empty 'text'"),
        ({"text": "Body", "title": 7}, "'title' must be a string"),
        ("just a string", "expected a JSON article object"),
    ],
)
def test_json_with_wrong_shape_is_an_error(tmp_path, data, problem):
    assert problem in error_of(load_file, write_json(tmp_path / "a.json", data))


def test_json_list_gives_stable_hashed_ids(tmp_path):
    rows = [record(), record(url="https://news.example.com/other", title="Another story"), record(url="")]
    path = write_json(tmp_path / "batch.json", rows)

    first = load_file(path)
    again = load_file(write_json(tmp_path / "copy" / "batch.json", rows))

    ids = [a.article_id for a in first]
    assert ids == [a.article_id for a in again]
    assert len(set(ids)) == 3
    assert ids[0].startswith("venezuela-frees-two-americans-")
    assert ids[1].startswith("another-story-")
    # Fixed value: ids must not change between runs or versions, or stored events lose their article.
    assert record_id("Venezuela frees two Americans", "https://example.com/a", "") == (
        "venezuela-frees-two-americans-c4ed1c218d"
    )
    assert record_id("Maduro, ¿qué pasará?", "", "texto") == "maduro-que-pasara-21af21b349"


def test_json_list_skips_a_bad_item_with_a_warning(tmp_path):
    path = write_json(tmp_path / "batch.json", [record(), {"title": "no text"}])
    result = load_file(path)
    assert len(result) == 1
    assert result.warnings == [f"{path}: item 2: missing or empty 'text'; skipped"]


# --- JSON Lines -------------------------------------------------------------------


def test_jsonl_loads_good_lines_and_names_the_broken_one(tmp_path):
    lines = [
        json.dumps(record(), ensure_ascii=False),
        '{"title": "broken", "text": ',
        "",
        json.dumps(record(url="https://news.example.com/b", title="Second", language=None, text=SPANISH)),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")

    result = load_file(path)

    assert [a.title for a in result] == ["Venezuela frees two Americans", "Second"]
    assert result[1].language == "es"
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"{path}:2: invalid JSON")


def test_jsonl_repeated_article_is_skipped(tmp_path):
    # Same title and URL: the same id, so its events would collide with the first copy's.
    path = write(tmp_path / "feed.jsonl", json.dumps(record()) + "\n" + json.dumps(record(source="Mirror")) + "\n")
    result = load_file(path)
    assert len(result) == 1
    assert result.warnings == [f"{path}:2: same article as {path}:1; skipped"]


def test_jsonl_with_no_readable_line_is_an_error(tmp_path):
    path = write(tmp_path / "feed.jsonl", "not json\n{also not\n")
    message = error_of(load_file, path)
    assert message.startswith(f"{path}: no readable article in the file")


# --- dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-12-03", "2024-12-03"),
        (" 2024-12 ", "2024-12"),
        ("2024", "2024"),
        ("2024-12-03T10:15:00Z", "2024-12-03"),
        ("2024-12-03T23:30:00-05:00", "2024-12-03"),
        ("2024-12-03 10:15", "2024-12-03"),
    ],
)
def test_normalise_published_accepts_iso_dates(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "2024-02-30", "2024-00", "03/12/2024", "", "2024-12-03Tnoon"])
def test_normalise_published_rejects_malformed_values(value):
    with pytest.raises(NewslineError, match="malformed publication date"):
        normalise_published(value)


@pytest.mark.parametrize(
    "url",
    ["https://x.example/news/20241399/story", "https://x.example/2024-12-03.html", "", "https://x.example/a/b"],
)
def test_date_from_url_ignores_things_that_are_not_dated_segments(url):
    assert date_from_url(url) is None


# --- the seed article ---------------------------------------------------------------


def test_seed_article_loads_and_its_boilerplate_is_cut():
    [article] = load_file(SEED_JSON)
    assert article.article_id == "elpais-2024-12-03-maduro-trump-security.json#" + sha8(SEED_JSON)
    assert article.text == SEED_TXT.read_text(encoding="utf-8")
    assert article.title == article.text.split("\n", 1)[0]
    assert (article.published, article.language, article.source) == ("2024-12-03", "en", "El País (English edition)")
    assert article.text[article.body_end :].startswith("Sign up for our weekly newsletter")
    assert article.body.endswith("Maduro concluded.\n")
    assert "suscripción" not in article.body


def test_line_breaks_of_a_json_article_are_normalised_like_a_text_file_s(tmp_path):
    path = tmp_path / "crlf.json"
    path.write_text(json.dumps({"text": "Caracas said on Monday it would talk.\r\nWashington agreed.\rNo more.\r",
                                "published": "2024-01-02"}), encoding="utf-8")
    [article] = load_file(path)
    assert "\r" not in article.text
    assert article.text.startswith("Caracas said on Monday it would talk.\nWashington agreed.\nNo more.")
