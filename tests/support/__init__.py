"""Test support: rows of the tables, the bad-input catalogue, the page, the tagger's invariants.

Test modules import from here, never from each other, from ``conftest`` or from ``scripts/``.
"""
