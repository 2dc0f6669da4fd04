"""Numbers as a cell prints them, read for what they mean: a number (1,068, 100.00%, 94.65分), an amount in its
column's unit (180万), a number an OCR engine misread (lO, 9.S), a comparison operator in one form, the unit a label
declares (万元) and a row's 序号. The readers ask them of cell text (``normalize.squeeze`` removes its whitespace)."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines.normalize import squeeze
from jixiao.record import YUAN_PER_WAN, YUAN_PER_YI

# Numbers as printed: "1,068", "184. 1", "100.00%", "100分", "≥12" (operator stripped for numeric fields).
_NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


# a row's 序号 (1, 12, 103): readers at every layer tell a row's start by it
SERIAL_NUMBER = re.compile(r"^\d{1,3}$")


# a comma inside a number only groups thousands (1,560,000.00); an OCR comma read for the decimal point (95,00%,
# 76,64) makes no number: the contract's cell that does not parse
_GROUPED = re.compile(r"^[^,，]*?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?[^,，\d]*$")


# distinct cell texts whose number is kept: the readers ask it of every amount cell, a document repeats them (0.00)
NUMBER_CACHE_SIZE = 4096  # (a 200 KB document's final accounts print under a thousand distinct amounts)


@lru_cache(maxsize=NUMBER_CACHE_SIZE)
def parse_number(s: str | None) -> float | None:
    """A numeric cell as a float, or None when it is not a number (``IO``, ``/``, ``95,00``, blank)."""
    if s is None:
        return None
    t = squeeze(s).strip(",，")  # a comma after the number ends its clause (得分94.65分，)
    if ("," in t or "，" in t) and not _GROUPED.match(t):
        return None
    t = t.replace(",", "").replace("，", "")
    t = t.rstrip("%％分")
    t = t.lstrip("=≥≤><≧≦")
    if not t or not _NUM.match(t):
        return None
    return float(t)


def is_number(s: str | None) -> bool:
    return parse_number(s) is not None


# Glyphs an OCR engine reads for a digit, by the digit they stand for where the reading is sure (0 -> O o,
# 1 -> l I): a code or an amount with them among true digits is put right (account_slips).
OCR_DIGIT_SLIPS: dict[str, str] = {"O": "0", "o": "0", "l": "1", "I": "1"}
# Every glyph read for a digit (also 0 -> D, 1 -> |, 5 -> S, 8 -> B, 9 -> q, 2 -> Z), where only the cell's being a
# misread number is sure, not its value.
OCR_DIGIT_GLYPHS = "".join(OCR_DIGIT_SLIPS) + "D|SBqZ"
# A cell of these glyphs, digits and points, standing where a column holds numbers, is that
# column's number misread. It keeps its column (the cells after it do not shift) and reads null (contract: a numeric
# cell that does not parse is null, ``IO``).
SLIPPED_NUMBER_MAX_CHARS = 16
_SLIPPED = re.compile(rf"^[\d{re.escape(OCR_DIGIT_GLYPHS)}.,]+[%分]?$")


def is_slipped_number(s: str | None) -> bool:
    """A number cell an OCR engine misread (``lO``, ``1O``, ``9.S``, ``9q.8``, ``95..5``, ``95,00%``): shaped like a
    number, with a glyph for a digit or a doubled or comma decimal point, and not itself a number."""
    if not s:
        return False
    t = squeeze(s)
    if len(t) > SLIPPED_NUMBER_MAX_CHARS or not _SLIPPED.match(t) or is_number(t):
        return False
    digits = sum(ch.isdigit() for ch in t)
    # one glyph alone (I, l, O) is a ruling line or a letter; two with a zero glyph (lO, IO) are a misread 10
    return digits > 0 or (len(t.rstrip("%分")) >= 2 and any(ch in "Oo" for ch in t))


# an amount cell that repeats its column's unit (180万, 180万元): the number is in the column's unit
_AMOUNT_UNIT = re.compile(r"(万元|万|元)$")


def parse_amount(s: str | None) -> float | None:
    """An amount cell as a float in its column's unit: a number, or one followed by the unit (``180万``)."""
    if s is None:
        return None
    return parse_number(_AMOUNT_UNIT.sub("", squeeze(s)))


def is_amount(s: str | None) -> bool:
    return parse_amount(s) is not None


_OPS = {">=": "≥", "≧": "≥", "<=": "≤", "≦": "≤", "═": "="}


def canonical_operator(s: str) -> str:
    """Comparison operators in one form (≥, ≤, =, >, <), for matching, not for output."""
    t = squeeze(s)
    for a, b in _OPS.items():
        t = t.replace(a, b)
    return t


_UNIT = re.compile(r"(万元|元)")
# 万元 as an OCR engine misreads it on a scan (万 -> 力 / 刀, 元 -> 兀): no other unit is printed so
WAN_UNIT_SLIPS = ("万兀", "力元", "刀元")


def unit_factor(label: str | None, default: float = 1.0) -> float:
    """Multiplier to yuan for amounts under a label or header declaring their unit."""
    if not label:
        return default
    t = squeeze(label)
    if "亿元" in t:
        return YUAN_PER_YI
    if "万元" in t or re.search(r"万\)?元?$", t) or "(万" in t or any(w in t for w in WAN_UNIT_SLIPS):
        return YUAN_PER_WAN
    if "元" in t:
        return 1.0
    return default
