"""Fetching an article by its address, against a real HTTP server on 127.0.0.1.

The server is started by the tests on a free port. Hosted mode's refusal of
non-public addresses is checked against that same server: a plain fetch of a
page succeeds, the same fetch in hosted mode is refused before any request
reaches the server. Redirects to metadata, private and loopback addresses are
refused at the hop, before connecting, so they need no server of their own.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsline.errors import NewslineError
from newsline.events import extract_events
from newsline.fetch import fetch_article, refusal

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Talks resume in Caracas</title>
<meta property="og:site_name" content="Local Courier">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<script>var planted = "January 5, 2020";</script>
</head><body><nav>Home · World</nav>
<article><h1>Talks resume in Caracas</h1>
<p>Talks between the two governments resumed on March 3, 2024 in Caracas, officials said,
after months without contact between the delegations.</p>
<p>The envoy will return next week, the ministry said in a statement on Monday evening.</p>
</article><footer>© 2024 Local Courier. All rights reserved.</footer></body></html>
"""
LATIN1 = ARTICLE.replace('<meta charset="utf-8">', "").replace("in Caracas, officials", "in Bogotá, officials")
UNDATED = ARTICLE.replace('<meta property="article:published_time" content="2024-03-05T09:00:00Z">', "")


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 with the routes below; counts the requests it gets."""

    def __init__(self):
        self.requests: list[str] = []
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def send(self, status, body: bytes = b"", content_type="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in headers:
                    self.send_header(key, value)
                if not any(k == "Content-Length" for k, _ in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def redirect(self, location, status=302):
                self.send(status, b"", headers=[("Location", location)])

            def do_GET(self):  # noqa: C901 - one branch per route
                outer.requests.append(self.path)
                path = self.path
                port = outer.port
                if path == "/article":
                    self.send(200, ARTICLE.encode())
                elif path.startswith("/dated/"):
                    self.send(200, UNDATED.encode())
                elif path == "/latin1":
                    self.send(200, LATIN1.encode("latin-1"), "text/html; charset=ISO-8859-1")
                elif path == "/xhtml":
                    self.send(200, ARTICLE.encode(), "application/xhtml+xml")
                elif path.startswith("/hops/"):
                    n = int(path.rsplit("/", 1)[1])
                    self.redirect("/article" if n == 0 else f"/hops/{n - 1}", 301 if n % 2 else 307)
                elif path == "/loop":
                    self.redirect("/loop")
                elif path == "/pdf":
                    self.send(200, b"%PDF-1.7\n...", "application/pdf")
                elif path == "/json":
                    self.send(200, json.dumps({"text": "x"}).encode(), "application/json")
                elif path == "/no-type":
                    self.send(200, ARTICLE.encode(), None)
                elif path == "/binary-as-html":
                    self.send(200, bytes(range(256)) * 20, "text/html")
                elif path == "/missing":
                    self.send(404, b"not here")
                elif path == "/big":  # honest Content-Length over the cap
                    self.send(200, b"<p>" + b"x" * 2_000_000 + b"</p>")
                elif path == "/big-unannounced":  # no length, close-delimited: caught while reading
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for _ in range(40):
                        self.wfile.write(b"<p>" + b"y" * 65536 + b"</p>")
                elif path == "/gzip":
                    self.send(200, gzip.compress(ARTICLE.encode()), headers=[("Content-Encoding", "gzip")])
                elif path == "/gzip-bomb":  # 20 KB on the wire, 20 MB unpacked
                    self.send(200, gzip.compress(b" " * 20_000_000), headers=[("Content-Encoding", "gzip")])
                elif path == "/brotli":
                    self.send(200, b"\x00", headers=[("Content-Encoding", "br")])
                elif path == "/short":  # says 10,000 bytes, sends 100, closes
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "10000")
                    self.end_headers()
                    self.wfile.write(b"<p>" + b"z" * 97)
                elif path == "/stall":  # headers never come
                    outer.release.wait(30)
                elif path == "/drip":  # a byte at a time, each well within a socket timeout
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    try:
                        while not outer.release.wait(0.05):
                            self.wfile.write(b"<")
                            self.wfile.flush()
                    except OSError:  # the client gave up, as it should
                        pass
                elif path == "/to-metadata":
                    self.redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/")
                elif path == "/to-private":
                    self.redirect("http://10.0.0.7/admin")
                elif path == "/to-loopback-number":  # 2130706434 is 127.0.0.2, written as one number
                    self.redirect(f"http://2130706434:{port}/article")
                elif path == "/to-ipv6-loopback":
                    self.redirect(f"http://[::1]:{port}/article")
                elif path == "/to-file":
                    self.redirect("file:///etc/passwd")
                elif path == "/to-self":
                    self.redirect(f"http://127.0.0.1:{port}/article")
                else:
                    self.send(404, b"no route")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server():
    srv = Server()
    yield srv
    srv.close()


def fetch(url, **kw):
    kw.setdefault("hosted", False)
    kw.setdefault("timeout", 10)
    return fetch_article(url, **kw)


def problem(url, **kw) -> str:
    with pytest.raises(NewslineError) as err:
        fetch(url, **kw)
    assert err.value.where == url
    assert "\n" not in str(err.value)
    return err.value.problem


# --- a page fetched and read ---------------------------------------------------------------------


def test_a_page_becomes_an_article_with_its_events(server):
    article = fetch(server.url("/article"))
    assert article.title == "Talks resume in Caracas"
    assert article.published == "2024-03-05"
    assert article.url == server.url("/article")
    assert article.source == "Local Courier"
    assert "January 5, 2020" not in article.text and "All rights reserved" not in article.text
    values = {r["date_text"]: r["value"] for r in extract_events(article)}
    assert values["on March 3, 2024"] == "2024-03-03"
    assert values["next week"] == "2024-03-11/2024-03-17"
    assert article.article_id.startswith("talks-resume-in-caracas-")
    assert fetch(server.url("/article")).article_id == article.article_id  # stable


def test_declared_charset_gzip_and_xhtml_are_read(server):
    assert "Bogotá" in fetch(server.url("/latin1")).text
    assert "March 3, 2024" in fetch(server.url("/gzip")).text
    assert "March 3, 2024" in fetch(server.url("/xhtml")).text


def test_publication_date_from_the_final_address_and_from_the_caller(server):
    assert fetch(server.url("/dated/2024/03/02/story")).published == "2024-03-02"
    assert fetch(server.url("/article"), published="2024-03-10").published == "2024-03-10"


# --- redirects ---------------------------------------------------------------------------------------


def test_redirects_are_followed_up_to_the_limit(server):
    article = fetch(server.url("/hops/3"), max_redirects=4)
    assert article.url == server.url("/article") and article.published == "2024-03-05"
    assert fetch(server.url("/hops/3"), max_redirects=4).title == "Talks resume in Caracas"


def test_one_redirect_too_many_is_refused(server):
    assert problem(server.url("/hops/3"), max_redirects=3) == "redirected more than 3 times"
    assert problem(server.url("/loop"), max_redirects=5) == "redirected more than 5 times"
    assert problem(server.url("/hops/0"), max_redirects=0) == "redirected more than 0 times"


def test_a_redirect_to_another_scheme_is_refused(server):
    assert problem(server.url("/to-file")) == "redirect to file:///etc/passwd: only http and https addresses are fetched"


# --- what comes back ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path, expected", [
    ("/pdf", "not an HTML page (content type application/pdf)"),
    ("/json", "not an HTML page (content type application/json)"),
    ("/no-type", "not an HTML page (content type not given)"),
    ("/missing", "the server answered 404 Not Found"),
    ("/brotli", "unsupported content encoding 'br'"),
    ("/short", "the page arrived incomplete"),
    ("/binary-as-html", "binary file, not text"),
])
def test_what_is_not_a_readable_html_page_is_refused(server, path, expected):
    assert expected in problem(server.url(path))


@pytest.mark.parametrize("path, expected", [
    ("/big", "page is larger than the 1 MB limit"),
    ("/big-unannounced", "page is larger than the 1 MB limit"),
    ("/gzip-bomb", "page is larger than the 1 MB limit once decompressed"),
])
def test_the_size_cap_holds_with_or_without_a_length_and_after_decompression(server, path, expected):
    assert problem(server.url(path), max_bytes=1_000_000) == expected


def test_a_server_that_never_answers_times_out(server):
    assert problem(server.url("/stall"), timeout=0.5) == "timed out after 0.5 s"


def test_a_server_that_drips_bytes_hits_the_deadline_for_the_whole_fetch(server):
    # Each byte arrives well within any per-read timeout; only a deadline stops this.
    assert problem(server.url("/drip"), timeout=0.5) == "timed out after 0.5 s"


@pytest.mark.parametrize("url, expected", [
    ("ftp://example.org/file", "only http and https addresses are fetched"),
    ("file:///etc/passwd", "only http and https addresses are fetched"),
    ("javascript:alert(1)", "only http and https addresses are fetched"),
    ("http:///nohost", "no host name in the address"),
    ("http://user:secret@127.0.0.1/", "addresses with a user name or password are not fetched"),
    ("http://127.0.0.1:99999/", "not a valid port"),
    ("http://no-such-host.invalid/", "cannot resolve host no-such-host.invalid"),
    ("http://x/" + "a" * 5000, "address longer than 4096 characters"),
])
def test_addresses_that_are_not_fetched(url, expected):
    assert expected in problem(url)


def test_a_closed_port_is_one_line(server):
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago and has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert f"cannot connect to 127.0.0.1:{port}" in problem(f"http://127.0.0.1:{port}/")


# --- hosted mode -----------------------------------------------------------------------------------------


def test_hosted_mode_refuses_the_same_server_before_any_request(server):
    url = server.url("/article")
    fetch(url)  # reachable
    before = len(server.requests)
    assert problem(url, hosted=True) == "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address"
    # Refused after resolving the name, before connecting: the server saw nothing.
    assert problem(server.url("/article", host="localhost"), hosted=True).startswith(
        "refused: localhost resolves to ")
    assert len(server.requests) == before


@pytest.mark.parametrize("path, expected", [
    ("/to-metadata", "169.254.169.254, a cloud metadata address"),
    ("/to-private", "10.0.0.7, a private address"),
    ("/to-loopback-number", "2130706434 resolves to 127.0.0.2, a loopback address"),
    ("/to-ipv6-loopback", "::1 resolves to ::1, a loopback address"),
])
def test_hosted_mode_checks_every_redirect_hop(server, path, expected):
    # The operator exempts exactly this server, so the first hop is fetched and the redirect is judged.
    url = server.url(path)
    before = len(server.requests)
    message = problem(url, hosted=True, allow=["127.0.0.1/32"])
    assert message.startswith("redirect to ") and ": refused: " in message and expected in message
    assert server.requests[before:] == [path]  # the hop was never requested


def test_the_allowance_is_exact(server):
    fetch(server.url("/to-self"), hosted=True, allow=["127.0.0.1/32"])  # stays on the allowed address
    assert "a loopback address" in problem(server.url("/article"), hosted=True, allow=["127.0.0.2/32"])


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "a loopback address"),
    ("127.255.0.9", "a loopback address"),
    ("::1", "a loopback address"),
    ("10.1.2.3", "a private address"),
    ("172.16.0.1", "a private address"),
    ("192.168.1.1", "a private address"),
    ("fc00::1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"),
    ("fd00:ec2::254", "a cloud metadata address"),
    ("100.100.100.200", "a cloud metadata address"),
    ("169.254.1.1", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("fe80::1%2", "a link-local address"),
    ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"),
    ("224.0.0.1", "a multicast address"),
    ("240.0.0.1", "a private address"),  # reserved, and listed as private by the standard library
    ("100.64.0.1", "not a public address"),  # carrier-grade NAT
    ("::ffff:127.0.0.1", "a loopback address"),  # IPv4-mapped
    ("::ffff:169.254.169.254", "a cloud metadata address"),
    ("2002:7f00:1::", "a loopback address"),  # 6to4 around 127.0.0.1
    ("64:ff9b::a00:1", "a private address"),  # NAT64 around 10.0.0.1
])
def test_refused_addresses(address, why):
    assert refusal(address) == why


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808"])
def test_public_addresses_pass(address):
    assert refusal(address) is None


# --- through the command --------------------------------------------------------------------------------


def newsline(*args, env=None):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})})


def test_extract_url_writes_its_events_beside_files(server, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Story\n\nThe vote was held on February 29, 2024.\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = newsline("extract", story, "--url", server.url("/article"), "--url", server.url("/pdf"), "--out", out)
    assert result.returncode == 1, result.stderr  # the PDF address is an error
    assert "Traceback" not in result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["value"] for r in rows} >= {"2024-02-29", "2024-03-03"}
    [line] = [l for l in result.stderr.splitlines() if "/pdf" in l]
    assert line == f"newsline: {server.url('/pdf')}: not an HTML page (content type application/pdf)"


def test_extract_url_into_a_parquet_table_keeps_the_files_rows(server, tmp_path):
    from newsline.store import read_events

    story = tmp_path / "story.txt"
    story.write_text("Story\n\nThe vote was held on February 29, 2024.\n", encoding="utf-8")
    out = tmp_path / "events.parquet"
    result = newsline("extract", story, "--url", server.url("/article"), "--out", out)
    assert result.returncode == 0, result.stderr
    frame = read_events(out)
    assert set(frame["value"]) >= {"2024-02-29", "2024-03-03"}
    assert frame["event_id"].is_unique


@pytest.mark.parametrize("how", [["--hosted"], []])
def test_extract_url_in_hosted_mode_is_refused_with_one_line(server, tmp_path, how):
    out = tmp_path / "events.jsonl"
    env = None if how else {"NEWSLINE_HOSTED": "1"}
    before = len(server.requests)
    result = newsline("extract", "--url", server.url("/article"), *how, "--out", out, env=env)
    assert result.returncode == 1 and not out.exists()
    assert "Traceback" not in result.stderr
    assert (f"newsline: {server.url('/article')}: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address"
            in result.stderr.splitlines())
    assert len(server.requests) == before


def test_extract_needs_a_path_or_an_address(tmp_path):
    result = newsline("extract", "--out", tmp_path / "e.jsonl")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "give at least one PATH or --url" in result.stderr
