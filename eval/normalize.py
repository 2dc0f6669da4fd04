"""Section 3 of the record contract: the one normalization both sides of every comparison use."""

from __future__ import annotations

import math
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Applied after NFKC and whitespace removal, so `> =` and `＞＝` also become `≥`.
_REPLACEMENTS = (
    (">=", "≥"),
    ("≧", "≥"),
    ("<=", "≤"),
    ("≦", "≤"),
    ("═", "="),
    ("，", ","),
)

# Amounts are in yuan and compare within half a yuan; every other number within 0.005.
AMOUNT_FIELDS = frozenset({"funds.initial_budget", "funds.annual_budget", "funds.executed"})
NUMBER_FIELDS = AMOUNT_FIELDS | frozenset(
    {"funds.execution_rate", "score", "indicator.weight", "indicator.score"}
)
AMOUNT_TOLERANCE = 0.5
NUMBER_TOLERANCE = 0.005
# Float noise on top of the stated tolerances (273400.5 vs 273400.0 must stay equal).
_EPS = 1e-9


def normalize_text(value: str | None) -> str | None:
    """NFKC, no whitespace, unified operators, `，`->`,`, one trailing `。` dropped; '' -> None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value))
    text = _WHITESPACE.sub("", text)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = text.removesuffix("。")
    return text or None


def parse_number(value: object) -> float | None:
    """A number from a float or a printed form (`100%`, `1,234.50`, full-width digits); None if it is not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        return None if math.isnan(number) else number
    text = normalize_text(str(value))
    if text is None:
        return None
    text = text.replace(",", "").removesuffix("%")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def tolerance(field: str) -> float:
    return AMOUNT_TOLERANCE if field in AMOUNT_FIELDS else NUMBER_TOLERANCE


def is_null(field: str, value: object) -> bool:
    """Null after normalization: None, blank strings, numeric cells that do not parse."""
    if field in NUMBER_FIELDS:
        return parse_number(value) is None
    return normalize_text(None if value is None else str(value)) is None


def values_equal(field: str, gold: object, pred: object) -> bool:
    """Whether a predicted value equals the gold one under section 3 (both non-null)."""
    if field in NUMBER_FIELDS:
        g, p = parse_number(gold), parse_number(pred)
        if g is None or p is None:
            return False
        return abs(g - p) <= tolerance(field) + _EPS
    g_text = normalize_text(None if gold is None else str(gold))
    p_text = normalize_text(None if pred is None else str(pred))
    return g_text is not None and g_text == p_text
