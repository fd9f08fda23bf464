"""Add an article by its address: fetch the page, then read it like an HTML file.

A public Newsline fetches whatever address a visitor pastes, so the fetch is
bounded in every direction:

* a deadline for the whole fetch (name lookup, connection, every read, every hop),
  so a server that answers a byte a second cannot hold a worker;
* a size cap on the body as received and as decompressed, checked while reading
  (a ``Content-Length`` over the cap is refused before any body is read);
* the response must say it is HTML (``text/html`` or ``application/xhtml+xml``);
* at most ``max_redirects`` redirects, each one checked like the first address;
* only ``http`` and ``https``, and no user name or password in the address.

In hosted mode the host name is resolved first and the fetch is refused when any
of its addresses is loopback, private, link-local (cloud metadata lives there),
multicast, reserved or otherwise not public. The connection then goes to the
address that was checked, never to a second lookup of the name, so a name that
resolves to a public address once and to 127.0.0.1 the next time (DNS rebinding)
gets nowhere. HTTPS still verifies the certificate against the host name. The
same check runs on every redirect hop. Proxies from the environment are not used.

Every failure is a ``NewslineError`` whose ``where`` is the address as given and
whose problem is one line.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import os
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable
from urllib.parse import quote, urljoin, urlsplit

from .errors import NewslineError
from .model import Article

DEFAULT_TIMEOUT = 15.0  # seconds for the whole fetch, every hop included
DEFAULT_MAX_BYTES = 5_000_000  # a heavy news page is 1–2 MB of HTML
DEFAULT_MAX_REDIRECTS = 5
MAX_URL_LENGTH = 4096
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Newsline/0.1 (article fetcher)"
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024

# Cloud instance metadata endpoints; most are link-local or private anyway, named
# here so that the refusal says what they are.
_METADATA = {
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "169.254.169.253", "100.100.100.200", "fd00:ec2::254")
}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def hosted_from_env() -> bool:
    """True when ``NEWSLINE_HOSTED`` says this Newsline serves the public (1, true, yes, on)."""
    return os.environ.get("NEWSLINE_HOSTED", "").strip().lower() in ("1", "true", "yes", "on")


def refusal(address: str) -> str | None:
    """Why hosted mode will not connect to ``address`` (an IP), or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        # IPv6 forms that carry an IPv4 address inside are judged by that address.
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip.teredo is not None:
            ip = ip.teredo[1]
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _METADATA:
        return "a cloud metadata address"
    checks = [
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ]
    for attribute, why in checks:
        if getattr(ip, attribute):
            return why
    if not ip.is_global:
        return "not a public address"
    return None


class _Fetch:
    """One fetch: the address as given (for messages), the limits and the deadline."""

    def __init__(self, url: str, hosted: bool, timeout: float, max_bytes: int, max_redirects: int,
                 allow: Iterable[str]):
        self.url = url
        self.hosted = hosted
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allow = [ipaddress.ip_network(net, strict=False) for net in allow]
        self.deadline = time.monotonic() + timeout
        # A socket timeout bounds one read, not the exchange: a server dripping a byte per read
        # would never trip it. At the deadline a timer shuts every socket of the fetch down.
        self.expired = False
        self._watch_lock = threading.Lock()
        self._watched: list[socket.socket] = []

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (through a duplicate: TLS takes the original over)."""
        with self._watch_lock:
            if self.expired:
                raise self.timed_out()
            self._watched.append(sock.dup())

    def _expire(self) -> None:
        with self._watch_lock:
            self.expired = True
            for sock in self._watched:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def fail(self, problem: str) -> NewslineError:
        return NewslineError(self.url, problem)

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timed_out()
        return left

    def timed_out(self) -> NewslineError:
        return self.fail(f"timed out after {self.timeout:g} s")

    # -- one hop -----------------------------------------------------------------------------

    def check_address(self, url: str, hop: int):
        """The parts of ``url`` when it may be fetched at all."""
        said = "" if hop == 0 else f"redirect to {url[:200]}: "
        if len(url) > MAX_URL_LENGTH:
            raise self.fail(f"{said}address longer than {MAX_URL_LENGTH} characters")
        try:
            parts = urlsplit(url.strip())
            parts.hostname  # noqa: B018 - raises for a broken IPv6 literal
        except ValueError as exc:
            raise self.fail(f"{said}not a valid address ({exc})") from None
        if parts.scheme.lower() not in ("http", "https"):
            raise self.fail(f"{said}only http and https addresses are fetched")
        if not parts.hostname:
            raise self.fail(f"{said}no host name in the address")
        if parts.username is not None or parts.password is not None:
            raise self.fail(f"{said}addresses with a user name or password are not fetched")
        try:
            parts.port
        except ValueError:
            raise self.fail(f"{said}not a valid port") from None
        return parts

    def resolve(self, host: str, port: int, said: str) -> list[tuple]:
        """``getaddrinfo`` within the deadline (it has no timeout of its own)."""
        result: dict = {}

        def lookup():
            try:
                result["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as exc:
                result["error"] = exc

        worker = threading.Thread(target=lookup, daemon=True)
        worker.start()
        worker.join(self.remaining())
        if worker.is_alive():
            raise self.timed_out()
        if "error" in result:
            exc = result["error"]
            reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
            raise self.fail(f"{said}cannot resolve host {host} ({reason})")
        infos = result["infos"]
        if not infos:
            raise self.fail(f"{said}host {host} has no address")
        return infos

    def allowed(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return any(ip.version == net.version and ip in net for net in self.allow)

    def connect(self, parts, hop: int) -> http.client.HTTPConnection:
        said = "" if hop == 0 else f"redirect to {parts.geturl()[:200]}: "
        https = parts.scheme.lower() == "https"
        port = parts.port or (443 if https else 80)
        infos = self.resolve(parts.hostname, port, said)
        if self.hosted:
            for *_, sockaddr in infos:
                why = None if self.allowed(sockaddr[0]) else refusal(sockaddr[0])
                if why:
                    raise self.fail(f"{said}refused: {parts.hostname} resolves to {sockaddr[0]}, {why}")
        last: OSError | None = None
        for family, _type, proto, _name, sockaddr in infos:
            cls = _PinnedHTTPS if https else _PinnedHTTP
            conn = cls(parts.hostname, port, family, proto, sockaddr, timeout=self.remaining(), watch=self.watch)
            try:
                conn.connect()
                return conn
            except socket.timeout:
                conn.close()
                raise self.timed_out() from None
            except ssl.SSLError as exc:
                conn.close()
                raise self.fail(f"{said}secure connection failed ({exc.reason or exc.__class__.__name__})") from None
            except OSError as exc:
                conn.close()
                last = exc
        reason = (last.strerror if last is not None and last.strerror else None) or "no address answered"
        raise self.fail(f"{said}cannot connect to {parts.hostname}:{port} ({reason})")

    # -- the whole fetch -----------------------------------------------------------------------

    def run(self) -> tuple[str, bytes, str | None]:
        """(final URL, body, declared charset) of the HTML page at the address, within the deadline."""
        timer = threading.Timer(max(self.deadline - time.monotonic(), 0), self._expire)
        timer.daemon = True
        timer.start()
        try:
            result = self._run()
        except NewslineError:
            if self.expired:  # whatever the shut-down socket made the reader say
                raise self.timed_out() from None
            raise
        finally:
            timer.cancel()
            with self._watch_lock:
                for sock in self._watched:
                    sock.close()
                self._watched.clear()
        if self.expired:  # a close-delimited body cut short by the shutdown
            raise self.timed_out()
        return result

    def _run(self) -> tuple[str, bytes, str | None]:
        url = self.url.strip()
        for hop in range(self.max_redirects + 2):
            if hop > self.max_redirects:
                raise self.fail(f"redirected more than {self.max_redirects} times")
            parts = self.check_address(url, hop)
            said = "" if hop == 0 else f"redirect to {url[:200]}: "
            conn = self.connect(parts, hop)
            sock = conn.sock  # the response takes it over from the connection; reads time out through it
            try:
                target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
                if parts.query:
                    target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
                sock.settimeout(self.remaining())
                conn.request("GET", target, headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml;q=0.9",
                    "Accept-Encoding": "gzip, deflate",
                    "Connection": "close",
                })
                sock.settimeout(self.remaining())
                response = conn.getresponse()
                if response.status in _REDIRECTS:
                    location = response.getheader("Location")
                    if not location:
                        raise self.fail(f"{said}redirect ({response.status}) without a Location")
                    url = urljoin(url, location.strip())
                    continue
                if response.status != 200:
                    raise self.fail(f"{said}the server answered {response.status} {response.reason}".rstrip())
                content_type = response.getheader("Content-Type") or ""
                media = content_type.split(";", 1)[0].strip().lower()
                if media not in HTML_TYPES:
                    raise self.fail(f"{said}not an HTML page (content type {media or 'not given'})")
                body = self.read_body(sock, response, said)
                return url, body, _charset(content_type)
            except socket.timeout:
                raise self.timed_out() from None
            except ssl.SSLError as exc:
                raise self.fail(f"{said}secure connection failed ({exc.reason or exc.__class__.__name__})") from None
            except http.client.HTTPException as exc:
                raise self.fail(f"{said}bad HTTP response ({exc.__class__.__name__})") from None
            except OSError as exc:
                raise self.fail(f"{said}connection failed ({exc.strerror or exc.__class__.__name__})") from None
            finally:
                conn.close()
                sock.close()
        raise AssertionError("unreachable")  # pragma: no cover

    def read_body(self, sock, response, said: str) -> bytes:
        limit = f"page is larger than the {self.max_bytes / 1e6:g} MB limit"
        length = response.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            raise self.fail(f"{said}{limit}")
        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            inflater = zlib.decompressobj(47)  # gzip or zlib header, detected
        elif encoding in ("identity", ""):
            inflater = None
        else:
            raise self.fail(f"{said}unsupported content encoding {encoding!r}")
        out = bytearray()
        received = 0
        while True:
            sock.settimeout(self.remaining())
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            received += len(chunk)
            if received > self.max_bytes:
                raise self.fail(f"{said}{limit}")
            if inflater is None:
                out += chunk
            else:
                try:
                    out += inflater.decompress(chunk, self.max_bytes + 1 - len(out))
                except zlib.error:
                    raise self.fail(f"{said}could not decompress the page ({encoding})") from None
                if inflater.unconsumed_tail:
                    raise self.fail(f"{said}{limit} once decompressed")
            if len(out) > self.max_bytes:
                raise self.fail(f"{said}{limit}" + (" once decompressed" if inflater else ""))
        if response.length:  # fewer bytes than Content-Length said before the connection closed
            raise self.fail(f"{said}the page arrived incomplete")
        return bytes(out)


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to one already-resolved (and checked) socket address."""

    def __init__(self, host, port, family, proto, sockaddr, timeout, watch=None):
        super().__init__(host, port, timeout=timeout)
        self._family, self._proto, self._sockaddr = family, proto, sockaddr
        self._watch = watch

    def connect(self):
        sock = socket.socket(self._family, socket.SOCK_STREAM, self._proto)
        try:
            if self._watch is not None:
                self._watch(sock)
            sock.settimeout(self.timeout)
            sock.connect(self._sockaddr)
        except BaseException:
            sock.close()
            raise
        self.sock = sock


class _PinnedHTTPS(_PinnedHTTP):
    """HTTPS to the pinned address, the certificate checked against the host name."""

    default_port = 443
    _context = None

    def connect(self):
        super().connect()
        if _PinnedHTTPS._context is None:
            _PinnedHTTPS._context = ssl.create_default_context()
        self.sock = _PinnedHTTPS._context.wrap_socket(self.sock, server_hostname=self.host)


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def fetch_article(
    url: str,
    *,
    hosted: bool,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    published: str | None = None,
    allow: Iterable[str] = (),
) -> Article:
    """The article at ``url``, read like an HTML file (``newsline.ingest.html_article``).

    ``hosted`` refuses addresses that are not public (see the module docstring);
    ``allow`` lists networks ("10.1.2.0/24") an operator exempts from that refusal.
    ``published`` overrides the page's own date. Raises ``NewslineError``.
    """
    from .ingest import decode, html_article, record_id
    from .published import normalise_published

    if published is not None:
        published = normalise_published(published, "--published")
    fetch = _Fetch(url, hosted, timeout, max_bytes, max_redirects, allow)
    final_url, body, charset = fetch.run()
    text = None
    if charset and not body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            text = None  # a wrong declaration: let the content speak
    if text is None or not text.strip():
        text = decode(body, url)  # BOM, UTF-8, Windows-1252; binary and empty pages refused
    article = html_article(text, url, "", published=published, url=final_url)
    article.article_id = record_id(article.title, article.url or final_url, "")
    return article
