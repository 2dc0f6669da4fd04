"""How wide text prints on a page or a screen: a wide (Chinese, full-width) character takes two columns, any other
one. Readers that find columns by position (space-laid rows, text-browser grids, box tables, PDF text layers) and
the page-edge unwrapping count with it."""

from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    """Columns one character takes: 2 for East Asian wide and full-width characters, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes (``char_width`` summed)."""
    return sum(map(char_width, text))
