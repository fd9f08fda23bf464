"""Topics of a text, from the keyword taxonomy in ``data/topics.toml``.

Every keyword of every topic goes into one Aho-Corasick automaton over the same
folded text as actor matching (lowercase, no accents, punctuation as spaces), so
one pass finds all topics, Spanish and English alike, and the space padding gives
word boundaries for free: a key " oil " cannot hit "turmoil", a stem " sanction"
hits "sanctions" and "sanctioned".
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import ahocorasick

from newsline.actors import fold
from newsline.errors import NewslineError
from newsline.store import data_dir


class Taxonomy:
    """Topic ids, labels and the compiled keyword automaton."""

    def __init__(self, topics: dict, where: str = "topics.toml"):
        self.labels: dict[str, str] = {}
        masks: dict[str, int] = {}
        for bit, (tid, spec) in enumerate(topics.items()):
            if not isinstance(spec, dict) or not isinstance(spec.get("label"), str):
                raise NewslineError(where, f"topic {tid!r}: needs a label")
            keywords = spec.get("keywords")
            if not keywords or not all(isinstance(k, str) for k in keywords):
                raise NewslineError(where, f"topic {tid!r}: needs a list of keywords")
            self.labels[tid] = spec["label"]
            for kw in keywords:
                core = fold(kw.rstrip("*")).strip()
                if not core:
                    raise NewslineError(where, f"topic {tid!r}: empty keyword {kw!r}")
                # A stem ("sanction*") has no right boundary; a word or phrase has.
                key = f" {core}" if kw.endswith("*") else f" {core} "
                masks[key] = masks.get(key, 0) | (1 << bit)
        if not self.labels:
            raise NewslineError(where, "no topics")
        self._ids = list(self.labels)
        self._all = (1 << len(self._ids)) - 1
        self._automaton = ahocorasick.Automaton()
        for key, mask in masks.items():
            self._automaton.add_word(key, mask)
        self._automaton.make_automaton()

    @classmethod
    def from_file(cls, path: str | Path) -> Taxonomy:
        path = Path(path)
        try:
            with path.open("rb") as fh:
                return cls(tomllib.load(fh), str(path))
        except OSError as exc:
            raise NewslineError(path, f"cannot read the topic taxonomy: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise NewslineError(path, f"invalid TOML: {exc}") from None

    @classmethod
    def default(cls) -> Taxonomy:
        """The taxonomy in ``data_dir()/topics.toml``, compiled once per path."""
        return _cached(data_dir() / "topics.toml")

    def assign(self, text: str) -> list[str]:
        """Topic ids whose keywords occur in ``text``, in taxonomy order."""
        found = 0
        for _, mask in self._automaton.iter(f" {fold(text)} "):
            found |= mask
            if found == self._all:
                break
        return [tid for bit, tid in enumerate(self._ids) if found >> bit & 1]


@lru_cache(maxsize=4)
def _cached(path: Path) -> Taxonomy:
    return Taxonomy.from_file(path)


def assign(text: str) -> list[str]:
    """Topic ids for ``text`` from the default taxonomy, in taxonomy order."""
    return Taxonomy.default().assign(text)


def __getattr__(name: str):
    # TOPICS is read lazily so that importing this module touches no file
    # and honours NEWSLINE_DATA set after import.
    if name == "TOPICS":
        return dict(Taxonomy.default().labels)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
