"""How many of a table reading's values are plausible as a table's: rows cut from sentences of prose do not count.

Where a report's line breaks are lost, the collapsed-table readers also "read" its labeled prose sentences
(产出指标—数量指标—名称：年度指标值…，全年实际值…，分值…，得分…) as rows: names such as ``分值`` or
``—更换老旧供水管网长度:`` and targets such as ``年度指标值``. Counted as facts, that junk outweighs the prose
reader's correct reading of the same projects; counted here, it does not.
"""

from __future__ import annotations

from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject
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
    """Values a reading found (as ``readers.facts``), less its misread rows and the header words read as targets."""
    n = 0
    for p in parsed:
        n += sum(x is not None for x in (p.department, p.implementer, p.score, p.funds.annual, p.funds.executed))
        for i in p.indicators:
            if misread_row(i):
                continue
            n += 1 + sum(not header_word(t.text) for t in i.target)
            n += sum(x is not None and not header_word(x.text) for x in (i.actual, i.weight, i.score))
    return n
