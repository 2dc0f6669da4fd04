"""The score-column header words as OCR slips them by one look-alike (分直 for 分值, 得兮 for 得分), found only as a
cell of their own: two-character words are too short to be searched for inside running text (``label_slips``), and
a glued header's words count them (``glued_row_cells``). ``one_glyph_slips`` spells a word list's slipped forms for
both this and ``label_slips``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from jixiao.pipelines.vocab import GAP_WORDS, HEADER_GLYPH_SLIPS, OCR_GLYPH_SLIPS, SCORE_WORDS, WEIGHT_WORDS


def one_glyph_slips(words: Iterable[str], slips: Iterable[tuple[str, str]],
                    known: frozenset[str]) -> Iterator[tuple[int, str, str]]:
    """(index, look-alike, word) for each character of each of ``words`` that OCR may print as a look-alike
    (``slips``: (printed, meant) pairs), where the word so slipped is no word of ``known`` (a real word is no slip)."""
    printed_for: dict[str, set[str]] = defaultdict(set)
    for printed, meant in slips:
        printed_for[meant].add(printed)
    for word in words:
        for i, ch in enumerate(word):
            for printed in printed_for.get(ch, ()):
                if word[:i] + printed + word[i + 1:] not in known:
                    yield i, printed, word


@lru_cache(maxsize=1)
def cell_slips() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of the slipped forms of the weight and score header words (分直, 得兮) standing as a whole cell (a
    blank, a ruling or a line edge on each side, or the word's own bracket after it), and each form's word. The
    two-character words are too short for the search inside a line (a slip of one character in two would match
    running text), so only a cell of its own is read."""
    known = frozenset((*GAP_WORDS, *WEIGHT_WORDS, *SCORE_WORDS))
    forms: dict[str, str] = {}
    for i, printed, word in one_glyph_slips((*WEIGHT_WORDS, *SCORE_WORDS), (*OCR_GLYPH_SLIPS, *HEADER_GLYPH_SLIPS), known):
        forms[word[:i] + printed + word[i + 1:]] = word
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![^\s|丨])(?:{alternatives})(?![^\s|丨(（])"), forms


def cell_slip_forms() -> dict[str, str]:
    """The slipped forms of the weight and score header words (分直, 得兮), each with its word."""
    return cell_slips()[1]
