"""A table project's funds that its report's prose states: the figures a lone table leaves blank."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedProject, Span
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_view import Unwrapped

FUNDS_FIELDS = ("initial", "annual", "executed", "rate")
# two statements of one amount agree within this many yuan (contract section 3)
AMOUNT_TOLERANCE = 0.5
# a stated rate agrees with the stated amounts within this many points (printed rounded to a whole percent: 97% of 96.7)
RATE_TOLERANCE = 0.5
_STATED_RATE = re.compile(r"执行率(?:为|是|达到|[:：])?\s*(\d+(?:\.\d+)?)\s*%")


def fill_lone_funds(text: str, tables: list[ParsedProject]) -> None:
    """A document of one table project whose funds lack some figures: those its prose states as labeled amounts
    (年初预算数：180.00 under 单位：万元), where the figures both give agree (the same report, read twice)."""
    if len(tables) != 1:
        return
    funds = tables[0].funds
    missing = [f for f in FUNDS_FIELDS[:3] if getattr(funds, f) is None]
    if not missing:
        return
    found, factors = ProseParser()._amounts(text, Unwrapped.of(text), 0, len(text))
    if len(missing) == 3:
        _fill_unprinted(text, tables[0], found, factors)
        return
    both = [f for f in FUNDS_FIELDS[:3] if getattr(funds, f) is not None and f in found]
    pairs = [(_yuan(getattr(funds, f).text, funds.factor), _yuan(found[f].text, factors[f])) for f in both]
    # (a figure that is no plain number, a table's cell holding a rate, 100%, agrees with nothing)
    if not pairs or any(a is None or b is None or abs(a - b) > AMOUNT_TOLERANCE for a, b in pairs):
        return
    for f in missing:
        if f in found and (value := _yuan(found[f].text, factors[f])) is not None:
            setattr(funds, f, Span(text=repr(value / funds.factor), start=found[f].start, end=found[f].end))


def _fill_unprinted(text: str, table: ParsedProject, found: dict[str, Span], factors: dict[str, float]) -> None:
    """A table printing no amounts at all (a report's indicator table, the funds stated in its prose): the prose's
    budget and spending, where a rate the prose states agrees with them; the stated rate replaces one the table
    gives with no amounts to hold it (the 50-point template's 预算执行率 row prints its 100% target)."""
    if "annual" not in found or "executed" not in found:
        return
    annual, executed = (_yuan(found[f].text, factors[f]) for f in ("annual", "executed"))
    if annual is None or executed is None:
        return
    rate = next((m for m in _STATED_RATE.finditer(text)
                 if annual and abs(float(m.group(1)) - 100 * executed / annual) <= RATE_TOLERANCE), None)
    if rate is None:
        return
    funds = table.funds
    for f in FUNDS_FIELDS[:3]:
        if f in found and (value := _yuan(found[f].text, factors[f])) is not None:
            setattr(funds, f, Span(text=repr(value / funds.factor), start=found[f].start, end=found[f].end))
    funds.rate = Span.of(rate, 1)


def _yuan(figure: str, factor: float) -> float | None:
    """The figure in yuan, or None where it is no plain number (a rate a misread funds cell holds, 100%)."""
    try:
        return float(figure.replace(",", "")) * factor
    except ValueError:
        return None
