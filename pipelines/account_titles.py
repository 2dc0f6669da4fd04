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
    if _DOTS.search(raw) or len([c for c in raw.split("\t") if c.strip()]) != 1:
        return None  # a contents line (title ..... 2), or a row
    text = squeeze(raw)
    if V.ACCOUNT_PART_HEADING.match(text):
        return None
    number = None
    m = re.search("(?:" + V.ACCOUNT_NUMBER.pattern + ")$", text)
    if m and m.start() > 0:
        number, text = m.group(0), text[:m.start()]
    elif m := V.ACCOUNT_NUMBER_LEADING.match(text):
        number, text = m.group(0), text[m.end():]
    text = V.ACCOUNT_TITLE_ORDINAL.sub("", text)
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


def is_title_line(norm: NormalizedText, start: int, end: int) -> bool:
    return title_parts(norm, start, end) is not None


def title_on(norm: NormalizedText, start: int, end: int) -> str | None:
    """The title the line prints, squeezed, when it is a table title."""
    return squeeze(found[0]) if (found := title_parts(norm, start, end)) else None
