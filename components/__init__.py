"""Streamlit building blocks of the Newsline dashboard.

Each module renders one part of the page; the pure helpers they rely on
(filtering, figure building, exports) take and return plain data so they can
be tested and benchmarked without a browser. Nothing here extracts events:
that belongs to the ``newsline`` package.
"""
