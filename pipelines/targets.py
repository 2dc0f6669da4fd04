"""What a printed target or actual says: a typed ``Reading`` beside the printed string, and attainment.

``read_value`` reads one printed value (``≥95%``, ``=88个``, ``不少于60次``, ``≤核定单位数量``,
``达成预期指标``, ``90%-95%``, ``2024年12月底前``) into a ``jixiao.record.Reading``, or None when it
is blank or says nothing these rules know (``unread`` lists those). ``attainment`` compares a target's
and an actual's readings in the indicator's direction: met / partly / not_met / unknown.

The words (operators, units, qualitative phrases) live in ``vocab``; this module holds the grammar.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jixiao.pipelines.vocab import (
    BLANK_VALUE,
    DEADLINE_WORDS,
    LOWER_IS_BETTER,
    QUALITATIVE_BANDS,
    QUALITATIVE_NEGATIVE,
    QUALITATIVE_PARTIAL,
    QUALITATIVE_POSITIVE,
    REFERENCE_BOUND_SUFFIXES,
    UNIT_SCALE,
    VALUE_OPERATOR_PREFIXES,
    VALUE_OPERATOR_SUFFIXES,
    VALUE_RANGE_SEPARATORS,
    VALUE_UNITS,
)
from jixiao.record import Reading

Attainment = str  # met | partly | not_met | unknown
MET, PARTLY, NOT_MET, UNKNOWN = "met", "partly", "not_met", "unknown"
# an actual at or above this share of its target counts as partly met (the national template's band
# 部分达成 starts at 60%); below it, not met
PARTLY_FLOOR = 0.6
# a qualitative target (达成预期指标) against a completion percentage: the template's band 全部或基本达成
# is 80%-100%
QUALITATIVE_MET_PERCENT = 80.0
RELATIVE_TOLERANCE = 0.005

_PREFIXES = sorted(((w, op) for op, ws in VALUE_OPERATOR_PREFIXES.items() for w in ws), key=lambda t: -len(t[0]))
_SUFFIXES = sorted(((w, op) for op, ws in VALUE_OPERATOR_SUFFIXES.items() for w in ws), key=lambda t: -len(t[0]))
_BANDS = sorted(QUALITATIVE_BANDS.items(), key=lambda t: -len(t[0]))
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(VALUE_UNITS, key=len, reverse=True))
# a unit as printed: a known one, optionally per something (元/人, 元/人、月), or a short measure word
_UNIT = rf"(?:(?:{_UNIT_ALT})(?:/[\u4e00-\u9fff、·]{{1,4}})?|[\u4e00-\u9fff]{{1,2}})"
_NUMBER = re.compile(rf"^(?P<num>{_NUM})(?P<unit>{_UNIT})?$")
_RANGE = re.compile(rf"^(?P<lo>{_NUM})(?P<u1>{_UNIT}|%)?(?:{'|'.join(map(re.escape, VALUE_RANGE_SEPARATORS))})"
                    rf"(?P<hi>{_NUM})(?P<u2>{_UNIT}|%)?$")
_DATE = re.compile(r"^(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>\d{1,2})月份?)?(?:(?P<d>\d{1,2})[日号])?"
                   r"(?P<part>底|末|初|中旬|上旬|下旬)?(?P<tail>" + "|".join(map(re.escape, DEADLINE_WORDS)) + r")?")
_PER_PERIOD = re.compile(rf"^每(?P<period>周|月|年|季度?|天|日|半年)(?P<num>{_NUM})(?P<unit>{_UNIT})?$")
_EVERY_MONTH = re.compile(r"^每月(?P<d>\d{1,2})[日号](?:之前|以前|前)?")
_MONTH_TASK = re.compile(r"(\d{1,2})月份?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_GLYPHS = str.maketrans({"═": "=", "≧": "≥", "≦": "≤", "＝": "=", "，": ",", "～": "~"})
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _clean(text: str) -> str:
    t = unicodedata.normalize("NFKC", text or "").translate(_GLYPHS)
    t = "".join(t.split())
    return t.replace(">=", "≥").replace("<=", "≤").rstrip("。;；")


def _unit(printed: str | None) -> str | None:
    if not printed:
        return None
    head, _, per = printed.partition("/")
    base = VALUE_UNITS.get(head, head)
    return f"{base}/{per.replace('、', '·')}" if per else base


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _strip_operator(t: str) -> tuple[str | None, str]:
    for word, op in _PREFIXES:
        if t.startswith(word) and len(t) > len(word):
            return op, t[len(word):]
    return None, t


def _strip_suffix(t: str) -> tuple[str | None, str]:
    for word, op in _SUFFIXES:
        if t.endswith(word) and len(t) > len(word) and not _HAN.fullmatch(t[-len(word) - 1]):
            return op, t[: -len(word)]
    return None, t


def _numeric(op: str | None, body: str) -> Reading | None:
    suffix_op, core = _strip_suffix(body)
    op = op or suffix_op
    m = _NUMBER.match(core)
    if m:
        unit = _unit(m.group("unit"))
        value = _number(m.group("num"))
        if op is None and unit == "年" and 1900 <= value <= 2100:
            return Reading(type="date", date=f"{int(value):04d}", text=body)
        return Reading(type="number", op=op, value=value, unit=unit)
    m = _PER_PERIOD.match(core)
    if m:  # 每周2次: a count per period
        period = VALUE_UNITS.get(m.group("period"), m.group("period"))
        return Reading(type="number", op=op, value=_number(m.group("num")), unit=f"{_unit(m.group('unit')) or ''}/{period}")
    m = _RANGE.match(core)
    if m:
        lo, hi = _number(m.group("lo")), _number(m.group("hi"))
        unit = _unit(m.group("u2") or m.group("u1"))
        return Reading(type="range", op=op, value=min(lo, hi), high=max(lo, hi), unit=unit)
    return None


def _date(body: str) -> Reading | None:
    m = _EVERY_MONTH.match(body)
    if m:
        return Reading(type="date", op="≤", date=f"---{int(m.group('d')):02d}", text=body)
    m = _DATE.match(body)
    if not m or not m.group("m"):
        return None
    rest = body[m.end():]
    months = _MONTH_TASK.findall(rest)
    month = int(months[-1]) if months else int(m.group("m"))  # 5月份完成…;8月份完成…: the last deadline
    if not 1 <= month <= 12:
        return None
    if rest and not months and not rest.startswith(("完成", "前", "底")) and m.group("tail") is None:
        return None
    year, day = m.group("y"), m.group("d")
    if day is None and m.group("part") in ("底", "末") and not months:
        day = str(_MONTH_DAYS[month - 1] if month != 2 or not year or int(year) % 4 == 0 else 28)
    op = "≤" if (m.group("tail") or rest or m.group("part") in ("底", "末")) else "="
    iso = (f"{int(year):04d}-{month:02d}" if year else f"--{month:02d}") + (f"-{int(day):02d}" if day and not months else "")
    return Reading(type="date", op=op, date=iso, text=body)


def polarity(text: str) -> str | None:
    """positive / partial / negative for a qualitative phrase, None when no known stem is in it."""
    for phrase, pol in _BANDS:
        if text.startswith(phrase):
            return pol
    if any(w in text for w in QUALITATIVE_NEGATIVE):
        return "negative"
    if any(w in text for w in QUALITATIVE_PARTIAL):
        return "partial"
    if any(w in text for w in QUALITATIVE_POSITIVE):
        return "positive"
    return None


def _qualitative(op: str | None, body: str, original: str) -> Reading | None:
    if not _HAN.match(body) or original[-1] in "≥≤=<>":
        return None
    pol = polarity(body)
    if pol is None:
        return None
    phrase = next((p for p, _ in _BANDS if body.startswith(p)), body)
    return Reading(type="qualitative", op=op if op in ("=", None) else op, polarity=pol, text=phrase)


@lru_cache(maxsize=8192)
def read_value(printed: str | None) -> Reading | None:
    """The typed reading of one printed target or actual; None for a blank, a placeholder or an unread text."""
    t = _clean(printed or "")
    if not t or BLANK_VALUE.match(t):
        return None
    if t.endswith(REFERENCE_BOUND_SUFFIXES):
        return Reading(type="reference", op="≤", text=t)
    for phrase, pol in _BANDS:
        if t.startswith(phrase):
            return Reading(type="qualitative", polarity=pol, text=phrase)
    op, body = _strip_operator(t)
    reading = (_date(body) if _EVERY_MONTH.match(body) else None) or _numeric(op, body) or (
        _numeric(None, t) if op else None)
    if reading is not None:
        return reading
    reading = _date(body)
    if reading is not None:
        # a printed operator bounds the date (不晚于2023年1月20日: ≤) where the date's own words do not
        return reading.model_copy(update={"op": op}) if op and reading.op == "=" else reading
    reading = _qualitative(op, body, t)
    if reading is not None:
        return reading
    if op is not None and _HAN.match(body) and not re.search(r"\d", body):
        return Reading(type="reference", op=op, text=body)
    return None


def is_blank(printed: str | None) -> bool:
    t = _clean(printed or "")
    return not t


def unread(values: list[str | None]) -> list[str]:
    """The printed values that are not blank and read into no type."""
    return [v for v in values if v is not None and not is_blank(v) and read_value(v) is None]


# ---- attainment ---------------------------------------------------------------------------

def lower_is_better(name: str | None, level2: str | None = None) -> bool:
    """An indicator whose value should stay low (costs, complaints, durations): its "=" target is a cap."""
    if level2 and "成本" in level2:
        return True
    return bool(name) and any(w in name for w in LOWER_IS_BETTER)


def _base(value: float, unit: str | None) -> tuple[float, str | None]:
    if unit in UNIT_SCALE:
        base, factor = UNIT_SCALE[unit]
        return value * factor, base or None
    return value, unit


def _comparable(target: Reading, actual: Reading) -> tuple[float, float, float | None] | None:
    """(actual, target low, target high) in one unit, or None when the units differ."""
    lo, tu = _base(target.value or 0.0, target.unit)
    hi = _base(target.high, target.unit)[0] if target.high is not None else None
    if actual.unit is None:
        # a bare actual is printed in the target's unit (≥0.35万人 / 0.35), unless that is far off
        scaled, _ = _base(actual.value or 0.0, target.unit)
        raw = actual.value or 0.0
        a = scaled
        if lo and not (0.01 <= scaled / lo <= 100) and 0.01 <= raw / lo <= 100:
            a = raw
        return a, lo, hi
    a, au = _base(actual.value or 0.0, actual.unit)
    if tu is not None and au != tu:
        return None
    return a, lo, hi


def _band(ratio: float) -> Attainment:
    if ratio >= 1 - RELATIVE_TOLERANCE:
        return MET
    return PARTLY if ratio >= PARTLY_FLOOR else NOT_MET


def _numeric_attainment(target: Reading, actual: Reading, lower_better: bool) -> Attainment:
    got = _comparable(target, actual)
    if got is None:
        return UNKNOWN
    a, lo, hi = got
    if target.type == "range" and hi is not None:
        if lo - abs(lo) * RELATIVE_TOLERANCE <= a <= hi + abs(hi) * RELATIVE_TOLERANCE:
            return MET
        return _band(a / lo if a < lo and lo > 0 else (hi / a if a > 0 else 0.0))
    op = target.op
    if op == "≠":
        return MET if abs(a - lo) > abs(lo) * RELATIVE_TOLERANCE else NOT_MET
    if op in ("<", ">") and abs(a - lo) <= abs(lo) * RELATIVE_TOLERANCE:
        return PARTLY  # the bound reached, not passed
    lower = op in ("≤", "<") or (op in ("=", None) and lower_better)
    if lower:
        if a <= lo + abs(lo) * RELATIVE_TOLERANCE:
            return MET
        return _band(lo / a) if lo > 0 else NOT_MET
    if a >= lo - abs(lo) * RELATIVE_TOLERANCE:
        return MET
    return _band(a / lo) if lo > 0 else NOT_MET


def attainment(target: Reading | None, actual: Reading | None, name: str | None = None,
               level2: str | None = None) -> Attainment:
    """met / partly / not_met / unknown from the target's and the actual's readings, in the indicator's direction.

    A qualitative actual says it by its polarity; numbers compare in one unit (万人 with 人; a bare actual in the
    target's unit) in the direction of the operator, or for "=" and a bare target, of the indicator (costs,
    complaints and durations stay low, everything else goes high). Partly: at least ``PARTLY_FLOOR`` of the target.
    """
    if target is None or actual is None:
        return UNKNOWN
    if actual.type == "qualitative":
        return {"positive": MET, "partial": PARTLY, "negative": NOT_MET}.get(actual.polarity or "", UNKNOWN)
    if target.type in ("number", "range") and actual.type in ("number", "range"):
        if actual.op is not None and actual.op != "=" and (actual.op, actual.value, actual.unit) == (
                target.op, target.value, target.unit):
            return MET  # the actual restates the target (>98% / >98%)
        return _numeric_attainment(target, actual, lower_is_better(name, level2))
    if target.type == "qualitative" and actual.type == "number" and actual.unit in ("%", None):
        if target.polarity != "positive" or actual.value is None or actual.value > 100:
            return UNKNOWN
        if actual.value >= QUALITATIVE_MET_PERCENT:
            return MET
        return PARTLY if actual.value >= PARTLY_FLOOR * 100 else NOT_MET
    if target.type == "date" and actual.type == "date" and target.date and actual.date:
        if len(target.date) == len(actual.date) and target.date[:2] == actual.date[:2]:
            return MET if actual.date <= target.date else NOT_MET
    return UNKNOWN
