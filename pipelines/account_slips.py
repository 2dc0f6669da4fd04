"""What a final-accounts cell means when the page printed it the accountant's way or a scan misread it.

A negative amount printed in parentheses (``(5.60)``) is ``-5.60``. In an OCR'd table the scanner reads 0 as
``O``/``o``, 1 as ``l``/``I``, 5, 8 and 2 as ``S``, ``B`` and ``Z`` (``1O2,35O.OO``, ``l42,800.00``, code ``2O80506``,
``2B.20``) and a point as a comma before the last two digits (``28,20``) and the table's left rule
as ``|`` or ``丨`` beside the first cell; a title comes out one look-alike character off (决箅表). A cell
that is a number or a code in every other respect is read with the slips put right; an amount a script wrote
in scientific notation (``8.6425e+06``, a float's shortest form) is that plain number; a title line a slip or two
from a standard title (its year and ordinal aside; ``TITLE_CHARS_PER_SLIP``) reads as that title.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

from jixiao.pipelines import vocab as V
from jixiao.pipelines.printed_numbers import OCR_DIGIT_SLIPS

# a title line is a standard title with slips: one, and one more for every this many characters of the title
TITLE_CHARS_PER_SLIP = 12
_BUDGET = re.compile(r"预算(?:总|明细)?表$")
# in a final-accounts table a scan's S, B and Z inside a number are 5, 8 and 2 as well (a project table reads such a
# cell null: its value is not sure); the table's identities (类 = Σ款, 小计 = 基本 + 项目, 年末 = 年初 + 收入 - 支出)
# check the reading, a wrong one shows as a warning
_TABLE_SLIPS = {**OCR_DIGIT_SLIPS, "S": "5", "B": "8", "Z": "2"}
_SLIPS = str.maketrans(_TABLE_SLIPS)
_GLYPHS = "".join(_TABLE_SLIPS)
# digits with slipped letters among them (at least two true digits)
_SLIPPED = re.compile(rf"^[-(]?(?=(?:[^\d]*\d){{2}})[\d{_GLYPHS}][\d,.{_GLYPHS}]*\)?$")
# a 表号 with a slipped digit: 公开O5表
_NUMBER = re.compile(rf"公开([\d{_GLYPHS}]{{1,2}})表")
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CODE = re.compile(r"^\d{3,7}$")
# an amount in parentheses is negative (a code in brackets, [30101], has no decimal point)
_PARENS = re.compile(r"^\((\d[\d,]*\.\d+)\)$")
_YEAR = re.compile(r"^\d{4}年度?")
# look-alike glyphs folded to one (入 and 人 both to 人): a title with one of them slipped equals its standard form
_GLYPH_FOLD = str.maketrans(dict(V.OCR_GLYPH_SLIPS))
# a float's shortest form with an exponent (8.6425e+06, 1.2E+06): a script's export, never a bureau's print
# a scan's point read as a comma: two digits after a comma that ends the amount (28,20; a thousands group has three)
_DECIMAL_COMMA = re.compile(r"^(-?\d{1,3}),(\d{2})$")
_SCIENTIFIC = re.compile(r"^-?\d(?:\.\d+)?[eE][+-]?\d{1,2}$")
# a scan's thousands separators read as points or mixed with the point (1.286.45, 6.347,180.60, 3.470,77,
# 12,800,00): groups of three digits between the separators and two digits after the last, which is the point
_SEPARATORS_SLIPPED = re.compile(r"^(-?\d{1,3}(?:[.,]\d{3})+)[.,](\d{2})$")


def cell_text(text: str) -> str:
    """A cell's text (whitespace removed) as the rules read it: the amount or code it means."""
    if not text or not (text[0].isdigit() or text[0] in "(-" + _GLYPHS):
        return text  # most cells: a label, an empty cell
    if (m := _PARENS.match(text)) and _AMOUNT.match(m.group(1)):
        return "-" + m.group(1)
    if _SCIENTIFIC.match(text):
        return format(Decimal(text), "f")
    if not _SLIPPED.match(text):
        return text
    fixed = text.translate(_SLIPS)  # the slipped letters read as the digits they mean
    if m := _DECIMAL_COMMA.match(fixed):
        return f"{m.group(1)}.{m.group(2)}"
    if (m := _SEPARATORS_SLIPPED.match(fixed)) and not _AMOUNT.match(fixed):
        return f"{m.group(1).replace('.', ',')}.{m.group(2)}"
    if not _AMOUNT.match(text) and not _CODE.match(text):
        inner = _PARENS.match(fixed)
        if _AMOUNT.match(fixed) or _CODE.match(fixed):
            return fixed
        if inner and _AMOUNT.match(inner.group(1)):
            return "-" + inner.group(1)
    return text


def slips_undone(text: str) -> str:
    """A cell of digits with slipped letters among them, the letters read as the digits they mean (else as is)."""
    return text.translate(_SLIPS) if _SLIPPED.match(text) else text


def trimmed(part: str) -> tuple[int, int]:
    """(start, end) of a cell's content inside ``part``: whitespace and table rules (|, 丨) at its edges left out."""
    a, b = 0, len(part)
    while a < b and (part[a].isspace() or part[a] in V.ACCOUNT_RULE_MARKS):
        a += 1
    while b > a and (part[b - 1].isspace() or part[b - 1] in V.ACCOUNT_RULE_MARKS):
        b -= 1
    return a, b


def standard_title(text: str) -> str | None:
    """The standard title a squeezed title line means where a slip or two kept it from matching (决箅表); a
    budget's table (…预算表, one character from …决算表) is none. A short title (收入决算表: one slip from a short
    line is too loose a match) is read only through known look-alike glyphs (收人决算表: ``vocab.OCR_GLYPH_SLIPS``)."""
    body = V.ACCOUNT_CONTINUED.sub("", _YEAR.sub("", text))
    if not body.endswith("表") or _BUDGET.search(body) or V.ACCOUNT_TITLE_OUT_OF_SCOPE.search(body):
        return None
    folded = body.translate(_GLYPH_FOLD)
    for _, title in V.ACCOUNT_TABLE_KINDS_PRINTED:
        if folded == title.translate(_GLYPH_FOLD):
            return title
    if not 8 <= len(body) <= 30:
        return None
    best = min(V.ACCOUNT_TABLE_KINDS_PRINTED, key=lambda kt: Levenshtein.distance(body, kt[1]))[1]
    return best if Levenshtein.distance(body, best) <= 1 + len(best) // TITLE_CHARS_PER_SLIP else None


def standard_leaf(text: str) -> str:
    """A header cell that is a standard table's leaf with look-alike glyphs slipped (本年收人合计): that leaf; else
    the text as printed. (The values are keyed by the leaf: a slip would make a column of its own.)"""
    folded = text.translate(_GLYPH_FOLD)
    if folded == text and text in V.ACCOUNT_STANDARD_LEAVES:
        return text
    return next((leaf for leaf in V.ACCOUNT_STANDARD_LEAVES if leaf.translate(_GLYPH_FOLD) == folded), text)


def number_text(text: str) -> str:
    """Squeezed text with a slipped 表号 put right (公开O5表 -> 公开05表)."""
    return _NUMBER.sub(lambda m: f"公开{m.group(1).translate(_SLIPS)}表", text) if "公开" in text else text


def scan_amount(text: str) -> str:
    """A scanned table's body token with the slips undone where it then reads as an amount with a point, however
    few true digits it keeps (3OO.OO); else as ``cell_text`` reads it. (A cell alone needs two true digits.)"""
    fixed = cell_text(text.translate(_SLIPS)) if "." in text else text
    return fixed if "." in fixed and _AMOUNT.match(fixed) else cell_text(text)
