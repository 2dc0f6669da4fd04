"""Tables whose line breaks were lost, re-lined before normalization (collapsed text: every newline and tab a space).

A fixed-width table's lines are found again at its width (``fixed_width``), a numbered table's rows at its header's
count of words (``numbered_rows``). Same length, offsets hold; text that kept its lines comes back as it is. The
normalized text keeps the document's own text as its ``original``: the rest of the text has still lost its lines,
which the prose reader tells by the original (it puts a report's line breaks back only there).
"""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.pipelines.fixed_width import line_breaks
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.numbered_rows import numbered_breaks


def relined_tables(text: str) -> str:
    """``text`` with the lost line breaks of its tables put back: the fixed-width tables' first, then the numbered
    tables' in what that leaves."""
    text = with_breaks(text, line_breaks(text))
    return with_breaks(text, numbered_breaks(text))


def with_breaks(text: str, offsets: Iterable[int]) -> str:
    """``text`` with a line break at each of ``offsets`` (each a space: the length, and so every offset, holds)."""
    chars = None
    for b in offsets:
        chars = chars or list(text)
        chars[b] = "\n"
    return text if chars is None else "".join(chars)


def with_original(norm: NormalizedText, text: str) -> NormalizedText:
    """``norm`` (of the re-lined ``text``) with ``text`` as its original."""
    return norm if norm.original == text else norm.model_copy(update={"original": text})
