"""The page header a document site's preview prints again at the top of each page (the file's title, its unit note):
between two rows of one table it is no cell."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V

# what a page header prints under the file's title: its unit note and year line (金额单位:元, (2023年度))
_PAGE_HEADER_TAIL = re.compile(r"^(?:金额)?单位[:：]?(?:万元|元|千元)$|^[(（]\d{4}年度?[)）]$")


def repeated_page_headers(cells: list[str]) -> set[int]:
    """Indexes of the cells (their clean texts, in reading order) that repeat the page header inside a table: a title
    cell equal to an earlier one, after the table's first field label, and the unit or year cells right after it --
    unless a field label follows them (项目名称: a new table under the same title, which keeps its title). (Above
    the table a title printed twice, by the site and by the file, is left alone.)"""
    seen: set[str] = set()
    drop: set[int] = set()
    in_table = False
    k = 0
    while k < len(cells):
        c = cells[k]
        in_table = in_table or bool(c) and V.any_label(c.rstrip(":"))
        title = bool(c) and bool(V.TABLE_TITLE.search(c)) and not V.DEPT_WIDE.search(c)
        if title and in_table and c in seen:
            j = k + 1
            while j < len(cells) and _PAGE_HEADER_TAIL.match(cells[j]):
                j += 1
            if j < len(cells) and not V.any_label(cells[j].rstrip(":")):
                drop.update(range(k, j))
                k = j
                continue
        if title:
            seen.add(c)
        k += 1
    return drop


# a preview's page counter printed as a cell of its own (2/5): N/M with one page count M behind several pages N
_COUNTER = re.compile(r"^(\d{1,3})/(\d{1,3})$")


def page_counters(cells: list[str]) -> set[int]:
    """Indexes of the cells that are a preview's page counters (2/5 … 4/5): ``N/M`` where the same page count M
    stands behind at least two page numbers, each at most M (a lone 1/3 may be a value)."""
    pages: dict[str, set[str]] = {}
    at: list[tuple[int, str]] = []
    for k, c in enumerate(cells):
        m = _COUNTER.match(c)
        if m is not None and 0 < int(m.group(1)) <= int(m.group(2)):
            pages.setdefault(m.group(2), set()).add(m.group(1))
            at.append((k, m.group(2)))
    return {k for k, total in at if len(pages[total]) >= 2}
