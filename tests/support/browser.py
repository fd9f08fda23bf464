"""What the browser tests share: waiting for the address bar to follow the page."""

from __future__ import annotations

from scripts.screenshots import wait_until_idle


def wait_for_url(page, part: str, chart: bool = True) -> str:
    """The page's address once it holds ``part``: the app writes the link after its run ends, so the
    address bar may follow a moment after the page has drawn."""
    page.wait_for_function("part => window.location.href.includes(part)", arg=part, timeout=20_000)
    wait_until_idle(page, chart=chart)
    return page.url
