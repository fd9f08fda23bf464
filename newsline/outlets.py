"""One name per outlet: "REUTERS", "reuters.com" and "Reuters (via swissinfo.ch)" are Reuters.

Sources arrive as a page's site name, its host, or an editor's description of where a copy was
found ("The Washington Post (Peter Slevin; repost on latinamericanstudies.org)"). The outlet is the
name before any such note, compared without case, accents, a leading "The", "www." or the host's
ending; ``data/outlets.toml`` names the outlets that go by several names ("AP", "apnews.com",
"The Associated Press"). A name the table does not know stays as written, with its place when
the note gives one ("ABC (Madrid)", "La Nación (Costa Rica)"): papers of one name in two
countries are two outlets.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from .errors import NewslineError
from .wordforms import fold

# An editor's note after the name: "(via KTAR News)", ", via swissinfo.ch", " / dpa-AFX".
_NOTE = re.compile(r"\s*(?:\(|,\s|\s/\s|\s[-–—]\s).*$", re.S)
_PLACE = re.compile(r"^[^(]*\(([^);,]+)")
_HOST_END = re.compile(r"\.(?:com|org|net|info|news|co|gov|edu|es|mx|ve|ar|cl|co\.uk|com\.[a-z]{2}|[a-z]{2})$")


def outlets_path() -> Path:
    """``data/outlets.toml`` of the data folder, else the repository's."""
    from .store import data_dir

    path = data_dir() / "outlets.toml"
    return path if path.exists() else Path(__file__).resolve().parent.parent / "data" / "outlets.toml"


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: "The Associated Press" and "associatedpress.com" -> "associatedpress"."""
    key = fold(" ".join(name.split()))
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key)
    key = re.sub(r"^the\s+", "", key)
    if " " not in key:
        key = _HOST_END.sub("", key)
    return re.sub(r"[^a-z0-9]+", "", key)


@lru_cache(maxsize=4)
def _table(path: Path) -> tuple[dict[str, str], frozenset[str]]:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise NewslineError(path, f"cannot read the outlet names: {exc}") from None
    names: dict[str, str] = {}
    for canonical, others in table.get("outlets", {}).items():
        for alias in [canonical, *others]:
            names[outlet_key(alias)] = canonical
    return names, frozenset(fold(p) for p in table.get("places", []))


def outlet_name(source: str | None) -> str:
    """The outlet a source names, in one spelling (empty when there is none)."""
    name = _NOTE.sub("", " ".join((source or "").split())).strip()
    if not name:
        return ""
    names, places = _table(outlets_path())
    known = names.get(outlet_key(name))
    if known:
        return known
    place = _PLACE.match(" ".join((source or "").split()))
    if place and fold(place.group(1).strip()) in places:
        return f"{name} ({place.group(1).strip()})"
    return name
