"""Final-accounts sheets dumped by a converter that fills a merged cell's text into every cell the merge covered.

A workbook's title, 编制单位 and 单位 cells, the header's groups (项目 over code and name, 本年支出 over 小计 /
基本支出 / 项目支出, 预算数 over six columns) and 合计 over code and name are merged cells. A converter's "fill
merged cells" option writes the text into each covered cell, so the title row holds the title five times, the
header ``项目 项目 本年支出 本年支出 本年支出`` and a rowspan header cell stands again on the leaf row below it.
The sign is a title row whose cells all hold the same title. From the first such title on, a text cell equal to
the cell on its left, or (in a header: from a filled title to the first row printing a number) to the cell above
it, is a covered cell and is blanked: the rows read as the merged sheet printed them. Amounts are never blanked (two equal amounts side by side are two
values).
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import parse_number

# a title filled over this many cells at least shows the converter's fill
MIN_FILLED = 2


def _filled_title(cells: list[str], kind: Callable[[str], str | None]) -> bool:
    texts = [squeeze(c) for c in cells if c.strip()]
    return len(texts) >= MIN_FILLED and len(set(texts)) == 1 and kind(texts[0]) is not None


def _covered(cells: list[str], above: list[str] | None, in_header: bool) -> list[bool]:
    """Which cells of a tab row repeat a merged cell's text (left neighbour, or the header cell above)."""
    out = []
    for i, cell in enumerate(cells):
        text = squeeze(cell)
        if not text or parse_number(text) is not None:
            out.append(False)
            continue
        left = i > 0 and squeeze(cells[i - 1]) == text
        up = in_header and above is not None and i < len(above) and squeeze(above[i]) == text
        out.append(left or up)
    return out


def merged_repeats(norm: NormalizedText, kind: Callable[[str], str | None]) -> NormalizedText | None:
    """The text with the cells a filled merge repeated blanked; None where no title row is filled."""
    if "\t" not in norm.text:
        return None
    lines = norm.text.split("\n")
    # (a title ends in 表: most lines are dismissed before their cells are looked at)
    titles = {k for k, line in enumerate(lines)
              if "\t" in line and line.count("表") > 1 and _filled_title(line.split("\t"), kind)}
    if not titles:
        return None  # no filled title (most texts): told at once
    split = [line.split("\t") for line in lines]
    starts = norm.line_starts()
    chars: list[str] = []
    offsets: list[int] = []
    in_region = False
    above: list[str] | None = None
    in_header = False
    for k, (cells, start) in enumerate(zip(split, starts)):
        if k:
            chars.append("\n")
            offsets.append(norm.offsets[start - 1])
        if k in titles:
            in_region, above, in_header = True, None, True
        covered = _covered(cells, above, in_header) if in_region and len(cells) > 1 else [False] * len(cells)
        if in_region and len(cells) > 1:
            # the header ends at the first row printing an amount (the 栏次 row's column numbers are no amounts
            # beside a label cell, but they blank nothing above either)
            if any(parse_number(squeeze(c)) is not None for c in cells if c.strip()) and k not in titles:
                in_header = False
            above = cells
        pos = start
        for i, (cell, blank) in enumerate(zip(cells, covered)):
            if i:
                chars.append("\t")
                offsets.append(norm.offsets[pos - 1])
            if not blank:
                chars.extend(cell)
                offsets.extend(norm.offsets[pos:pos + len(cell)])
            pos += len(cell) + 1
    return norm.rewritten(chars, offsets)
