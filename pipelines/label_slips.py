"""Look-alike characters OCR put into the printed label words (顶目名称, 执行宰, 年度资金总頟, 当年财政拔款): read as the
label, in the text every reader sees.

The cell-level repair (``vocab.repair_label``) puts right a cell that is a slipped label as a whole; a reader that
finds its labels in a line before it has cells (a space row: ``顶目名称 伊州财行(2022)26号 农产品…``, a sentence:
``项目主管部门为…``) sees the slip. Here every occurrence of a vocabulary word (``vocab.GAP_WORDS``) with one character
swapped for a known look-alike of it (``vocab.OCR_GLYPH_SLIPS`` and the taxonomy's ``look_alikes``, a character-shape
table) is read as the word: one character for one, so offsets stay true, and a value printed from the original keeps
the characters as printed. A slipped form that is a word of the vocabulary itself is left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from jixiao.pipelines.taxonomy import load_taxonomy
from jixiao.pipelines.header_slips import cell_slips, one_glyph_slips
from jixiao.pipelines.vocab import GAP_WORDS, OCR_GLYPH_SLIPS


@lru_cache(maxsize=1)
def _slips() -> tuple[re.Pattern[str], dict[str, tuple[tuple[int, str], ...]], frozenset[str]]:
    """A pattern of the look-alike characters that stand in a label word, for each: (its index in the word,
    the word) for every word it may stand in, and the pairs of a look-alike and its neighbour in such a word."""
    words = frozenset(GAP_WORDS)
    table: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, printed, word in one_glyph_slips(words, (*OCR_GLYPH_SLIPS, *load_taxonomy().look_alikes), words):
        table[printed].append((i, word))
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(table)) + "]")
    beside = frozenset(pair for printed, found in table.items() for i, word in found
                       for pair in (word[i - 1] + printed if i else "", printed + word[i + 1:i + 2]) if len(pair) == 2)
    return pattern, {ch: tuple(sorted(found, key=lambda f: -len(f[1]))) for ch, found in table.items()}, beside


def slipped_labels(text: str) -> dict[int, str]:
    """Offset -> the meant character, for each look-alike standing in a vocabulary word of ``text`` (the longest
    word where two could be meant), or in a weight or score header word printed as a cell of its own."""
    pattern, table, beside = _slips()
    out: dict[int, str] = {}
    cells, forms = cell_slips()
    for m in cells.finditer(text):
        out.update((m.start() + k, meant) for k, (ch, meant) in enumerate(zip(m.group(), forms[m.group()]))
                   if ch != meant)
    for m in pattern.finditer(text):
        j = m.start()
        # the look-alikes are common characters (金, 进, 全: thousands in a document), and one stands in a word only
        # beside a character of that word: one look-up of each pair around it, before the words it may stand in
        if text[j - 1:j + 1] not in beside and text[j:j + 2] not in beside:
            continue
        for i, word in table[m.group()]:
            a = j - i
            if a >= 0 and text[a:j] == word[:i] and text[j + 1:a + len(word)] == word[i + 1:]:
                out[j] = word[i]
                break
    return out
