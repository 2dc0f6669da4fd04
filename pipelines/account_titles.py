"""A final-accounts table's title line (收入支出决算总表, 一般公共预算财政拨款支出决算表 …: vocab's ``ACCOUNT_TITLE`` and
``ACCOUNT_TABLE_KINDS``): told from a contents line, a row or a part heading, with its 表号 and 续表 mark taken off,
and the standard table it names. The final-accounts readers start a table at it."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_slips import standard_title
from jixiao.pipelines.normalize import NormalizedText, squeeze

# a contents line's leader between a title and its page (收入支出决算总表 ...... 2)
_DOTS = re.compile(r"\.{3,}|…|·{3,}")


def table_kind(title: str) -> str | None:
    """The standard table a title names (``ACCOUNT_TABLE_KINDS``), or None (a title out of scope, another table)."""
    if V.ACCOUNT_TITLE_OUT_OF_SCOPE.search(title):
        return None
    for kind, words in V.ACCOUNT_TABLE_KINDS:
        if all(w in title for w in words):
            return kind
    return None


def title_parts(norm: NormalizedText, start: int, end: int) -> tuple[str, str | None, bool] | None:
    """(title as printed, 表号 printed on the same line, continued) when the line is a table title."""
    raw = norm.text[start:end]
    if "表" not in raw:  # every title ends in 表 (ACCOUNT_TITLE): most lines are dismissed before any regex
        return None
    if _DOTS.search(raw):
        return None  # a contents line (title ..... 2)
    cells = [c for c in raw.split("\t") if c.strip()]
    if len(cells) != 1:
        return _split_title(cells)  # a row, or a title OCR cut into pieces
    text = squeeze(raw)
    if V.ACCOUNT_PART_HEADING.match(text):
        return None
    number, text = _take_number(text)
    if not V.ACCOUNT_TITLE.match(text) or table_kind(text) is None:
        standard = standard_title(text)  # a scan's slip in the title (决箅表)
        return None if standard is None else (standard, number, bool(V.ACCOUNT_CONTINUED.search(text)))
    printed = norm.printed(start, end)
    if "&" in printed and "&" not in raw:  # an HTML character reference the page kept (&ldquo;): its character
        printed = squeeze(raw)
    printed = V.ACCOUNT_TITLE_MARKUP.sub("", printed)
    if number and printed.startswith(number):
        printed = printed[len(number):]
    printed = V.ACCOUNT_TITLE_ORDINAL.sub("", printed)
    if number and printed.endswith(number):
        printed = printed[: -len(number)]
    continued = bool(V.ACCOUNT_CONTINUED.search(text)) and not text.endswith("决算表")
    if continued:
        printed = V.ACCOUNT_CONTINUED.sub("", printed)
    return printed, number, continued


def _take_number(text: str) -> tuple[str | None, str]:
    """(the 表号 printed after or before the title, the title without it and without a leading ordinal)."""
    number = None
    m = re.search("(?:" + V.ACCOUNT_NUMBER.pattern + ")$", text)
    if m and m.start() > 0:
        number, text = m.group(0), text[:m.start()]
    elif m := V.ACCOUNT_NUMBER_LEADING.match(text):
        number, text = m.group(0), text[m.end():]
    return number, V.ACCOUNT_TITLE_ORDINAL.sub("", text)


def _split_title(cells: list[str]) -> tuple[str, str | None, bool] | None:
    """A title an OCR'd scan cut into cells (一般公共预算财 | 政 | 拨款基 | 本支出决算表: a large title's glyph gaps
    exceed the body's text height, the layout's cell gap): the standard title its pieces make, joined, with its
    表号; None for a row (its cells joined make no title) and for a row one of whose cells holds a whole title
    (a contents row: 公开01表 | 收入支出决算总表 | 3, a list's 1 | 收入决算表)."""
    text = squeeze("".join(cells))
    if not text.endswith("表") and not V.ACCOUNT_CONTINUED.search(text) and not V.ACCOUNT_NUMBER.search(text):
        return None  # every title ends in 表, 续表 or its 表号: a row's cells are dismissed before any matching
    if any("表" in c and standard_title(_take_number(squeeze(c))[1]) for c in cells):
        return None
    number, text = _take_number(text)
    standard = standard_title(text)
    return None if standard is None else (standard, number, bool(V.ACCOUNT_CONTINUED.search(text)))


def is_title_line(norm: NormalizedText, start: int, end: int) -> bool:
    return title_parts(norm, start, end) is not None


def title_on(norm: NormalizedText, start: int, end: int) -> str | None:
    """The title the line prints, squeezed, when it is a table title."""
    return squeeze(found[0]) if (found := title_parts(norm, start, end)) else None
