"""Temporal tagging: rules find date expressions, normalisers give them calendar values."""

from .engine import Tagger, Timex, tag

__all__ = ["Tagger", "Timex", "tag"]
