"""How many of a table reading's values are plausible as a table's: rows cut from sentences of prose do not count.

Where a report's line breaks are lost, the collapsed-table readers also "read" its labeled prose sentences
(产出指标—数量指标—名称：年度指标值…，全年实际值…，分值…，得分…) as rows: names such as ``分值`` or
``—更换老旧供水管网长度:`` and targets such as ``年度指标值``. Counted as facts, that junk outweighs the prose
reader's correct reading of the same projects; counted here, it does not.
"""

from __future__ import annotations

from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject, fact_count
from jixiao.pipelines.vocab import FUNDS_HEADERS, INDICATOR_HEADERS, MISREAD_NAME_START, any_label, header_core

# trailing label punctuation a sentence's cut leaves on a header word (分值:, 得分，)
_CUT_END = ":;,、 "
# the column headers of both tables (偏差原因's pattern finds the word anywhere in a cell: only whole headers count)
_HEADERS = tuple(rx for slot, rx in (*INDICATOR_HEADERS, *FUNDS_HEADERS) if slot != "reason")


def header_word(text: str) -> bool:
    """A column header or field label (分值, 得分, 年度指标值, 项目名称 …), with or without the sentence's colon."""
    word = header_core(text.strip().rstrip(_CUT_END))
    return bool(word) and (any_label(word) or any((m := rx.match(word)) is not None and m.end() == len(word)
                                                  for rx in _HEADERS))


def misread_row(indicator: ParsedIndicator) -> bool:
    """A row cut from a sentence of prose: its name is a header word or starts with a separator or an ordinal."""
    name = indicator.name.text.strip()
    return header_word(name) or MISREAD_NAME_START.match(name) is not None


def plausible_facts(parsed: list[ParsedProject]) -> int:
    """Values a reading found (``parsed.fact_count``), less its misread rows and the header words read as cells."""
    return fact_count(parsed, row=lambda i: not misread_row(i), cell=lambda text: not header_word(text))
