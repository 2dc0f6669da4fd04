"""A long text with a few of its characters mapped, each to at most one character (``str.translate``'s job), in less
time: ``translate`` looks every character of the text up in the table (~6 ms for 100,000 characters), while
``str.replace`` searches for the few mapped ones in C."""

from __future__ import annotations

# above this many mapped characters one pass of ``translate`` costs less than a search for each
REPLACE_MAX_CHARS = 16


def translated(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)`` for a table mapping characters to one character or none."""
    # (one replace after another gives translate's answer only where no character is mapped to a mapped one)
    if len(table) > REPLACE_MAX_CHARS or any(len(v) > 1 or (v and ord(v) in table) for v in table.values()):
        return text.translate(table)
    for k, v in table.items():
        text = text.replace(chr(k), v)
    return text
