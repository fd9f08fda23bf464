"""Load temporal rules from their TOML files and compile them once."""

from __future__ import annotations

import regex as re  # variable-width look-behind; already a dateparser dependency
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .grammar import Grammar

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    normaliser: str
    confidence: float
    order: int
    trigger: str
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RuleSet:
    language: str
    rules: tuple[Rule, ...]
    excludes: tuple[re.Pattern, ...]
    triggers: dict[str, re.Pattern]
    margins: tuple[int, int]
    grammar: Grammar
    lexicon: dict[str, str]
    parts: dict[str, re.Pattern]  # TimeML part-of-day code -> the words that name it
    leading: re.Pattern  # words that open a phrase but stay outside a TimeML span ("in", "since")
    examples: tuple[tuple[str, dict], ...] = ()  # (rule name, example) as written beside each rule


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(5):  # macros may use macros
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"macro expansion does not settle: {pattern[:80]}")


@lru_cache(maxsize=None)
def load(language: str = "en") -> RuleSet:
    path = RULES_DIR / f"{language}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    rules = []
    for order, spec in enumerate(data.get("rule", [])):
        try:
            regex = re.compile(_expand(spec["pattern"], macros), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path.name}: rule {spec['name']}: {exc}") from None
        params = {k: v for k, v in spec.items()
                  if k not in {"name", "pattern", "normaliser", "confidence", "trigger", "examples"}}
        params.setdefault("timeml", True)
        rules.append(Rule(spec["name"], regex, spec["normaliser"], float(spec.get("confidence", 0.8)), order,
                          spec["trigger"], params))
    excludes = tuple(re.compile(_expand(x["pattern"], macros)) for x in data.get("exclude", []))
    trig = dict(data["triggers"])
    margins = (int(trig.get("margin_before", 80)), int(trig.get("margin_after", 100)))
    triggers = {k: re.compile(_expand(v, macros)) for k, v in trig.items() if isinstance(v, str)}
    for rule in rules:
        if rule.trigger not in triggers:
            raise ValueError(f"{path.name}: rule {rule.name}: unknown trigger {rule.trigger!r}")
    lexicon = {" ".join(k.lower().split()): v for k, v in data.get("lexicon", {}).items()}
    leading = re.compile(r"^(?:(?:" + data["timeml"]["leading"] + r")\s+)+", re.IGNORECASE)
    examples = tuple((spec["name"], ex) for spec in data.get("rule", []) for ex in spec.get("examples", []))
    parts = {code: re.compile(_expand(rx, macros), re.IGNORECASE) for code, rx in data["timeml"]["parts"].items()}
    return RuleSet(language, tuple(rules), excludes, triggers, margins,
                   Grammar.from_table(data["grammar"]), lexicon, parts, leading, examples)


def available_languages() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))
