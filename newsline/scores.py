"""Precision, recall and F1 as every evaluation here reports them (0.0 where nothing was counted)."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``tp`` right answers among ``predicted``, against ``gold``."""
    p, r = ratio(tp, predicted), ratio(tp, gold)
    return p, r, f1(p, r)
