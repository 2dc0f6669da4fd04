"""The line each hit of a search lies on, for rules that read a hit's whole line (a label at its line's start, the
line above a seal's lower half): its bounds are searched once a line, not read back from every hit on it (a long line
of hits was scanned to its start again and again, quadratic on a hostile text)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

Hit = TypeVar("Hit", re.Match[str], int)


def hits_with_lines(text: str, hits: Iterable[Hit]) -> Iterator[tuple[Hit, int, int]]:
    """Each of ``hits`` (matches or offsets into ``text``, in the order of the text) with its line's start and end
    (the offset of the line break ending it, or the text's length)."""
    start, end = 0, -1
    for hit in hits:
        at = hit if isinstance(hit, int) else hit.start()
        if at > end:
            start = text.rfind("\n", 0, at) + 1
            end = len(text) if (e := text.find("\n", at)) < 0 else e
        yield hit, start, end
